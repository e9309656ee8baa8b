// The contract every ingestor implements: which files it reads, and how one file becomes Records.
import type { EdgeRecord, NodeRecord, Records } from '../src/model/index.js';

/** Ids of the sources pathwarden can ingest; each has one folder under ingest/. */
export const SOURCE_IDS = ['csv-inventory', 'json-graph', 'aws', 'k8s', 'entra', 'mcp', 'secret-scanners', 'github-actions', 'aws-cli', 'gcp'] as const;
export type SourceId = (typeof SOURCE_IDS)[number];

/** Options for reading one file. */
export interface IngestFileOptions {
  /** The path as the user recognises it (dir joined with the file name); used in diagnostics and provenance. */
  readonly display: string;
  /**
   * The file's path relative to the inventory directory (`sub/.cursor/mcp.json`), `/`-separated: what a source
   * whose ids come from file locations uses, so the same file name in two folders gives two ids.
   */
  readonly relPath?: string;
  /** Called with the number of rows or records read so far (for progress bars). */
  readonly onRow?: (n: number) => void;
  /** When given, every record goes to the sink as soon as it is made and is not kept: the returned nodes/edges stay empty. */
  readonly sink?: RecordSink;
}

/** Receives records one by one (streaming load: nothing accumulates in the ingestor). */
export interface RecordSink {
  node(record: NodeRecord): void;
  edge(record: EdgeRecord): void;
}

/** How many leading bytes of a file `detect` sees (decoded as text). */
export const DETECT_BYTES = 16_384;

/**
 * One source: recognises its files by name (or, for exports without a fixed name, by their first bytes) and turns
 * one file into records. Never throws for bad content.
 */
export interface Ingestor {
  readonly id: SourceId;
  /** True when this ingestor reads a file with this base name (at `relPath` in the inventory, `/`-separated). */
  accepts(fileName: string, relPath?: string): boolean;
  /**
   * True when the start of a file no ingestor accepts by name (its first DETECT_BYTES, decoded, possibly cut
   * mid-token) looks like this source's export. Name matches always win over content.
   */
  detect?(head: string, fileName: string, relPath?: string): boolean;
  /** Reads one file; bad rows, bad headers and malformed files become diagnostics. */
  ingestFile(path: string, options: IngestFileOptions): Promise<Records>;
}
