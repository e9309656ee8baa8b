// Engine plugin: decorates `engine`, the backend that holds the served graph and its cached analysis, and loads
// it before the server accepts requests (a bad directory fails the start, not the first request).
import fp from 'fastify-plugin';
import { stat } from 'node:fs/promises';
import { loadGraph, type LoadedGraph } from '../../src/analysis/load.js';
import { InputError, NotFoundError, StoreUnavailableError } from '../../src/model/index.js';
import { readGraph } from '../../src/store/read.js';
import { EngineBackend } from '../backend/engine.js';
import type { AppOptions, GraphSource } from '../options.js';

async function loadDirectory(dir: string): Promise<LoadedGraph> {
  const info = await stat(dir).catch(() => undefined);
  if (info === undefined) throw new NotFoundError(`inventory "${dir}" does not exist`);
  if (!info.isDirectory()) throw new InputError('is not a directory (an inventory is a directory of CSV/JSON files)', { file: dir });
  return loadGraph(dir);
}

/** The loader of a graph source; snapshots are read through the store plugin's store. */
export function sourceLoader(source: GraphSource, store: () => AppOptions['store']): () => Promise<LoadedGraph> {
  switch (source.kind) {
    case 'dir': return () => loadDirectory(source.dir);
    case 'graph': return () => Promise.resolve(source.loaded);
    case 'neo4j': return async () => {
      const s = store();
      if (!s) throw new StoreUnavailableError('no Neo4j store is open');
      const stored = await readGraph(s, source.snapshot);
      return { dir: `neo4j:${stored.snapshot.id}`, graph: stored.graph, files: [], diagnostics: stored.diagnostics };
    };
  }
}

export default fp<AppOptions>(async (fastify, options) => {
  const engine = new EngineBackend(fastify.limits, sourceLoader(options.source, () => fastify.store));
  fastify.decorate('engine', engine);
  await engine.reload();
}, { name: 'engine', dependencies: ['store', 'limits'], fastify: '5.x' });
