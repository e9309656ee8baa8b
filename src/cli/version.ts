// The package version, read once from package.json (works from src/ under vitest and from dist/), and the base URL
// of its docs (SARIF helpUri) when package.json names a repository or homepage.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { docsBaseUrl } from '../report/sarif-rules.js';

interface PackageJson { name?: string; version?: string; homepage?: unknown; repository?: unknown }

function findPackage(): PackageJson {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;
      if (pkg.name === 'pathwarden' && pkg.version) return pkg;
    } catch { /* not here: go up */ }
    dir = dirname(dir);
  }
  return {};
}

const PACKAGE = findPackage();
export const VERSION = PACKAGE.version ?? '0.0.0';
/** Where docs/… paths are published (undefined until package.json has `repository` or `homepage`). */
export const DOCS_BASE = docsBaseUrl(PACKAGE);
