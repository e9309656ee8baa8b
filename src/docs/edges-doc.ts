// Generates docs/edges.md (overview of every edge kind) and the Schema section of each docs/edges/<KIND>.md
// from EDGE_SPECS. Pure functions: src/docs/write-docs.ts does the file I/O, test/docs checks the output.
import { EDGE_SPECS, edgeKindsOf, type EdgeFamily, type EdgeKind } from '../model/index.js';
import { cell, code, kindSummary, table } from './markdown.js';
import { kindLink, renderPathSemantics } from './path-semantics.js';

export { renderEdgeSchema, edgeSpecFile, defaultScopeKeys } from './edge-schema.js';

const FAMILY_TEXT: Readonly<Record<EdgeFamily, string>> = {
  'act-as': 'traversable: the source can act as, or obtain the powers of, the target, so a path continues from the target',
  capability: 'terminal: what an actor can do to a model (alter, invoke) or to a resource (access); a path ends there',
  structural: 'how datasets and pipelines feed models; never a step on its own, only the second half of a terminal hop',
};

function intro(): string {
  const families = (['act-as', 'capability', 'structural'] as const).map((family) => {
    const kinds = edgeKindsOf(family).map((k: EdgeKind) => kindLink(k)).join(', ');
    return `- **${family}** (${FAMILY_TEXT[family]}): ${kinds}.`;
  });
  return [
    '# Edge kinds\n',
    '<!-- Generated from src/model/edges by src/docs/edges-doc.ts: run `npm run docs`, do not edit by hand. -->\n',
    `pathwarden models who can become whom, and who can do what to AI models and sensitive systems, as a directed graph of`
      + ` ${EDGE_SPECS.length} edge kinds. Every edge points the way privilege flows: from the foothold an attacker starts with towards`
      + ' what it gains. The kinds fall into two families, act-as and capability, plus a structural group:\n',
    families.join('\n'),
    '',
    'Each kind has a page with its generated schema, abuse, opsec, remediation and references; shared explanations live in'
      + ' [edges/_shared/](edges/_shared/README.md).\n',
  ].join('\n');
}

function overview(): string {
  const rows = EDGE_SPECS.map((spec) => [
    kindLink(spec.kind),
    spec.family,
    `${kindSummary(spec.from)} → ${kindSummary(spec.to)}`,
    cell(spec.summary),
    cell(`${spec.traversable ? 'yes' : 'no'}: ${spec.why}`),
    cell(spec.abuse),
    cell(spec.remediation),
  ]);
  return [
    '## Overview\n',
    table(['Kind', 'Family', 'From → To', 'Meaning', 'Traversable', 'Abuse', 'Remediation'], rows),
  ].join('\n');
}

/** The whole of docs/edges.md, ending with one newline. */
export function renderEdgesTable(): string {
  return `${[intro(), overview(), renderPathSemantics()].join('\n').trimEnd()}\n`;
}

/** Markdown inline code, re-exported for page generators. */
export { code };
