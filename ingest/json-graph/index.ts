// The json-graph ingestor (sync): `graph.json` / `*.graph.json` files in the format src/graph/export.ts writes, and
// `*.opengraph.json` (or any JSON starting with pathwarden's OpenGraph metadata) as src/graph/opengraph.ts writes it.
// Invalid JSON is one `malformed-json` diagnostic for the file; a bad node or edge is skipped, the rest load.
import type { Records } from '../../src/model/index.js';
import type { IngestFileOptions, Ingestor } from '../types.js';
import { deliverWhole, unusableFile } from '../whole-file.js';
import { readJson } from './read.js';
import { OPENGRAPH_HEAD, isOpenGraph, transformOpenGraph } from './opengraph.js';
import { SOURCE, transformGraph } from './transform.js';

/** Reads one JSON graph file into records. */
export async function ingestJsonGraphFile(path: string, options: IngestFileOptions): Promise<Records> {
  const file = options.display;
  const read = await readJson(path);
  if (read.type === 'unreadable' || read.type === 'malformed') return unusableFile(read, SOURCE, file);
  // NOTE: a JSON graph is parsed whole anyway; the sink gets its records after the parse, in order.
  return deliverWhole(isOpenGraph(read.value) ? transformOpenGraph(read.value, file) : transformGraph(read.value, file), options);
}

/** True for the file names the JSON graph format (`graph.json`, `*.graph.json`) and OpenGraph (`*.opengraph.json`) use. */
export function isJsonGraphName(fileName: string): boolean {
  return fileName === 'graph.json' || (fileName.endsWith('.graph.json') && fileName.length > '.graph.json'.length)
    || (fileName.endsWith('.opengraph.json') && fileName.length > '.opengraph.json'.length);
}

/** An OpenGraph payload pathwarden wrote, under any `.json` name: it starts with `"metadata": {"source_kind": "pathwarden"`. */
export function detectOpenGraph(head: string, fileName: string): boolean {
  return fileName.toLowerCase().endsWith('.json') && OPENGRAPH_HEAD.test(head);
}

/** The json-graph source. */
export const jsonGraph: Ingestor = {
  id: SOURCE,
  accepts: isJsonGraphName,
  detect: detectOpenGraph,
  ingestFile: ingestJsonGraphFile,
};
