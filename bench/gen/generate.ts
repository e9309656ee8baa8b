// The generator: a synthetic enterprise inventory of about N nodes and 5N edges in the CSV inventory format,
// byte-identical for the same seed and reference date. Sections stream their rows; nothing is kept per node.
import { mkdirSync } from 'node:fs';
import { FILES, GenContext, type FileKey } from './context.js';
import { MIN_NODES, planEstate } from './population.js';
import { mix32 } from './random.js';
import { writeGroups, writeHumans } from './sections/people.js';
import { writeRoles } from './sections/roles.js';
import { writeAgents, writeApps, writeServiceAccounts, writeWorkloadIdentities } from './sections/workloads.js';
import { writeKeys, writeSecrets, writeTokens } from './sections/credentials.js';
import { writeDatasets, writeModels, writePipelines, writeResources } from './sections/assets.js';

export interface GenerateOptions {
  readonly nodes: number;
  readonly seed: number;
  readonly out: string;
  /** Reference date (UTC midnight) every date is relative to. */
  readonly refDate: Date;
}

export interface FileCount {
  readonly file: string;
  readonly rows: number;
  readonly edges: number;
  readonly bytes: number;
}

export interface GenerateResult {
  readonly nodes: number;
  /** Edges written (duplicates that ingest merges are counted once per row). */
  readonly edges: number;
  readonly files: readonly FileCount[];
}

/** Node files: one node per data row. */
const NODE_FILES: readonly FileKey[] = ['identities', 'credentials', 'assets', 'resources'];

/** Writes the inventory into `options.out` (created if missing; the seven files are overwritten). */
export function generate(options: GenerateOptions): GenerateResult {
  if (!Number.isInteger(options.nodes) || options.nodes < MIN_NODES) {
    throw new RangeError(`bench/gen: --nodes must be an integer >= ${MIN_NODES}, got ${String(options.nodes)}`);
  }
  mkdirSync(options.out, { recursive: true });
  const ctx = new GenContext(planEstate(options.nodes), (options.seed % 4294967296) ^ mix32(Math.floor(options.seed / 4294967296)), options.refDate.getTime(), options.out);
  try {
    writeGroups(ctx);
    writeHumans(ctx);
    writeRoles(ctx);
    writeServiceAccounts(ctx);
    writeWorkloadIdentities(ctx);
    writeAgents(ctx);
    writeApps(ctx);
    writeKeys(ctx);
    writeTokens(ctx);
    writeSecrets(ctx);
    writeModels(ctx);
    writeDatasets(ctx);
    writePipelines(ctx);
    writeResources(ctx);
  } finally {
    ctx.close();
  }
  const files = (Object.keys(FILES) as FileKey[]).map((key) => {
    const sink = ctx.out[key];
    return { file: FILES[key][0], rows: sink.rows, edges: sink.edges, bytes: sink.bytes };
  });
  let nodes = 0;
  let edges = 0;
  for (const key of Object.keys(FILES) as FileKey[]) {
    if (NODE_FILES.includes(key)) nodes += ctx.out[key].rows;
    edges += ctx.out[key].edges;
  }
  return { nodes, edges, files };
}
