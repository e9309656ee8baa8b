// The kinds catalogue the web view draws with: node kinds (category, prefix), edge kinds (family, summary and
// remediation from the spec, plus the Remediation section of docs/edges/<KIND>.md), rules, severities and
// environments. Everything is derived from the registries; the doc pages are read once and cached.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../queries/index.js';
import { sectionBody } from '../../src/docs/edge-page.js';
import { SEVERITIES, RULES } from '../../src/findings/index.js';
import { EDGE_SPECS, ENVIRONMENTS, NODE_SPECS } from '../../src/model/index.js';
import type { KindsCatalogue } from '../schemas/kinds.js';

let cached: KindsCatalogue | undefined;

/** The Remediation section of an edge kind's doc page, or undefined when the page is missing (docs not shipped). */
function docRemediation(root: string, kind: string): string | undefined {
  const file = join(root, 'docs', 'edges', `${kind}.md`);
  if (!existsSync(file)) return undefined;
  return sectionBody(readFileSync(file, 'utf8'), 'Remediation');
}

/** The catalogue (built on first use). */
export function kindsCatalogue(): KindsCatalogue {
  if (cached) return cached;
  const root = packageRoot();
  cached = {
    nodes: NODE_SPECS.map((s) => ({ kind: s.kind, category: s.category, prefix: s.prefix, isSource: s.isSource, summary: s.summary })),
    edges: EDGE_SPECS.map((s) => {
      const doc = docRemediation(root, s.kind);
      return {
        kind: s.kind, family: s.family, traversable: s.traversable, summary: s.summary, remediation: s.remediation,
        ...(doc === undefined ? {} : { docRemediation: doc }), doc: `docs/edges/${s.kind}.md`,
      };
    }),
    rules: RULES.map((r) => ({ id: r.id, title: r.title, summary: r.summary })),
    severities: [...SEVERITIES],
    environments: [...ENVIRONMENTS],
  };
  return cached;
}
