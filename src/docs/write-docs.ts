// `npm run docs`: writes docs/edges.md and refreshes the generated parts of every docs/edges/<KIND>.md and of
// docs/findings.md.
// `--check` writes nothing and fails (exit code 1) when a file is out of date, for CI. Paths are relative to cwd.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { EDGE_KINDS, InputError } from '../model/index.js';
import { refreshEdgePage, stubEdgePage } from './edge-page.js';
import { renderEdgesTable } from './edges-doc.js';
import { refreshFindingsPage, stubFindingsPage } from './findings-doc.js';

/** The files the generators own, keyed by path relative to the project root, with their new content. */
function expectedFiles(root: string): Map<string, string> {
  const files = new Map<string, string>([['docs/edges.md', renderEdgesTable()]]);
  for (const kind of EDGE_KINDS) {
    const rel = `docs/edges/${kind}.md`;
    const abs = path.join(root, rel);
    if (!existsSync(abs)) {
      files.set(rel, stubEdgePage(kind));
      continue;
    }
    const refreshed = refreshEdgePage(readFileSync(abs, 'utf8'), kind);
    if (refreshed === undefined) {
      throw new InputError('docs: the Schema section has no generated:schema markers', { file: rel });
    }
    files.set(rel, refreshed);
  }
  const findings = 'docs/findings.md';
  const findingsPath = path.join(root, findings);
  if (!existsSync(findingsPath)) files.set(findings, stubFindingsPage());
  else {
    const refreshed = refreshFindingsPage(readFileSync(findingsPath, 'utf8'));
    if (refreshed === undefined) throw new InputError('docs: a generated block of the page has lost its markers', { file: findings });
    files.set(findings, refreshed);
  }
  return files;
}

function main(argv: readonly string[]): void {
  const root = process.cwd();
  const check = argv.includes('--check');
  const stale: string[] = [];
  for (const [rel, content] of expectedFiles(root)) {
    const abs = path.join(root, rel);
    const current = existsSync(abs) ? readFileSync(abs, 'utf8') : undefined;
    if (current === content) continue;
    stale.push(rel);
    if (!check) {
      mkdirSync(path.dirname(abs), { recursive: true });
      writeFileSync(abs, content);
    }
  }
  const verb = check ? 'out of date' : 'written';
  process.stderr.write(stale.length === 0 ? 'docs: up to date\n' : `docs: ${verb}: ${stale.join(', ')}\n`);
  if (check && stale.length > 0) process.exitCode = 1;
}

main(process.argv.slice(2));
