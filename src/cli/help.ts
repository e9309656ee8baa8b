// Help text derived from declarations: the Examples block of each command, selector syntax from the selector
// fields and node kind prefixes of src/graph/select.ts and the model, and the exit code table from main.ts.
import { SELECTOR_FIELDS } from '../graph/select.js';
import { NODE_SPECS } from '../model/index.js';

/** What each selector field matches; a field added to SELECTOR_FIELDS without a line here is a compile error. */
const FIELD_HELP = {
  id: 'node id, glob (case-sensitive): id:acme/sa/*',
  kind: 'node kind, case-insensitive: kind:AIAgent',
  name: 'display name glob: name:ci-*',
  tag: 'any tag matches the glob: tag:pci',
  env: 'environment: env:prod',
  owner: 'owner glob: owner:ml-team',
  source: 'ingestor that produced the node: source:csv-inventory',
} as const satisfies Record<(typeof SELECTOR_FIELDS)[number], string>;

/** An `Examples:` help block; each example is [command line, what it does]. */
export function examplesHelp(examples: readonly (readonly [string, string])[]): string {
  const lines = examples.flatMap(([cmd, what]) => [`  # ${what}`, `  $ ${cmd}`]);
  return `\nExamples:\n${lines.join('\n')}\n`;
}

/** The `Selectors:` help block. */
export function selectorHelp(): string {
  const width = Math.max(...SELECTOR_FIELDS.map((f) => f.length)) + 2;
  const fields = SELECTOR_FIELDS.map((f) => `  ${`${f}:`.padEnd(width)} ${FIELD_HELP[f]}`);
  const prefixes = NODE_SPECS.map((s) => `${s.prefix}:`).join(' ');
  return [
    '', 'Selectors (globs use * and ?; terms joined by "," must all match):',
    '  <id>     a bare node id, or a glob over ids and names',
    ...fields,
    `  <prefix>:<name glob> a kind by its drawing prefix and a name: agent:support-*`,
    `           prefixes: ${prefixes}`,
    '  e.g.     "kind:ServiceAccount,env:prod"', '',
  ].join('\n');
}

/** The `Exit codes:` help block from the exit code table. */
export function exitCodesHelp(codes: Readonly<Record<string, { readonly code: number; readonly meaning: string }>>): string {
  return `\nExit codes:\n${Object.values(codes).map((c) => `  ${c.code}  ${c.meaning}`).join('\n')}\n`;
}
