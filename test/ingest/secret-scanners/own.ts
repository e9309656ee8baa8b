// What the secret-scanners source itself contributed to a loaded directory (loadDirectory also runs the joins).
import { loadDirectory, type FileSummary } from '../../../ingest/index.js';
import type { Records } from '../../../src/model/index.js';

/** The directory's records, diagnostics and file summaries of source `secret-scanners` only. */
export async function loadOwn(dir: string): Promise<Records & { files: FileSummary[] }> {
  const r = await loadDirectory(dir);
  const own = (s: string | undefined): boolean => s === 'secret-scanners';
  return {
    nodes: r.nodes.filter((n) => own(n.source)), edges: r.edges.filter((e) => own(e.source)),
    diagnostics: r.diagnostics.filter((d) => own(d.source)), files: r.files.filter((f) => own(f.source)),
  };
}
