// Generated blocks of docs/findings.md: the rule list (RULES), the credential risk factors with the framework each
// adds (EXPLOITABILITY_WEIGHTS, frameworksOfFactors) and the framework catalogue (FRAMEWORKS). The prose around
// them is hand-written; src/docs/write-docs.ts refreshes the blocks and test/docs checks them.
import { FRAMEWORKS, frameworksOfFactors } from '../findings/frameworks.js';
import { EXPLOITABILITY_WEIGHTS, STALE_AFTER_DAYS } from '../findings/rank.js';
import { RULES } from '../findings/rules/index.js';
import type { FrameworkRef } from '../findings/types.js';
import { replaceBlock, wrapBlock } from './generated-block.js';
import { cell, code, table } from './markdown.js';

/** Names of the generated blocks of docs/findings.md, in page order. */
export const FINDINGS_BLOCKS = ['rules', 'risk-factors', 'frameworks'] as const;
export type FindingsBlock = (typeof FINDINGS_BLOCKS)[number];

/** `OWASP-NHI-2025 NHI5` as written in findings and reports. */
export function frameworkLabel(f: FrameworkRef): string {
  return `${f.framework} ${f.id}`;
}

function rulesBlock(): string {
  const rows = RULES.map((rule) => [
    `[${code(rule.id)}](#${rule.id})`, cell(rule.title), cell(rule.summary),
    cell(rule.frameworks.map((f) => `${frameworkLabel(f)} (${f.title})`).join('; ')),
  ]);
  return table(['Rule', 'Title', 'Detects', 'Always mapped to'], rows);
}

function frameworksBlock(): string {
  const rows = Object.values(FRAMEWORKS).map((f: FrameworkRef) => [code(f.framework), code(f.id), cell(f.title)]);
  return table(['Framework', 'Id', 'Title'], rows);
}

function riskFactorsBlock(): string {
  const rows = Object.entries(EXPLOITABILITY_WEIGHTS).map(([name, weight]) => {
    const mapped = frameworksOfFactors([{ name, detail: '', weight }]).map(frameworkLabel);
    return [code(name), `+${weight}`, mapped.length > 0 ? mapped.join(', ') : '—'];
  });
  return [
    table(['Risk factor', 'Exploitability weight', 'Adds framework'], rows),
    `A credential counts as long-lived, unrotated or unused after ${STALE_AFTER_DAYS} days.\n`,
  ].join('\n');
}

/** The generated body of one block of docs/findings.md. */
export function renderFindingsBlock(name: FindingsBlock): string {
  switch (name) {
    case 'rules': return rulesBlock();
    case 'frameworks': return frameworksBlock();
    case 'risk-factors': return riskFactorsBlock();
  }
}

/** docs/findings.md with every generated block brought up to date; undefined when a block's markers are missing. */
export function refreshFindingsPage(page: string): string | undefined {
  let out: string | undefined = page;
  for (const name of FINDINGS_BLOCKS) out = out === undefined ? undefined : replaceBlock(out, name, renderFindingsBlock(name));
  return out;
}

/** A new docs/findings.md holding only the generated blocks, for a tree that has none yet. */
export function stubFindingsPage(): string {
  return ['# Findings\n', ...FINDINGS_BLOCKS.map((name) => wrapBlock(name, renderFindingsBlock(name)))].join('\n');
}
