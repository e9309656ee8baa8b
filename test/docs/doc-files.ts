// Helpers for the docs tests: the repository root, reading docs, Markdown links and GitHub heading anchors.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of the repository root. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Contents of a file given relative to the repository root. */
export function readDoc(rel: string): string {
  return readFileSync(path.join(ROOT, rel), 'utf8');
}

/** Every `.md` file under a directory (relative to the root), recursively, sorted. */
export function markdownFiles(dirRel: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const name of readdirSync(path.join(ROOT, rel))) {
      const child = `${rel}/${name}`;
      if (statSync(path.join(ROOT, child)).isDirectory()) walk(child);
      else if (name.endsWith('.md')) out.push(child);
    }
  };
  walk(dirRel);
  return out.sort();
}

/** The text with fenced code blocks blanked out (line numbers kept). */
export function withoutFences(text: string): string {
  const lines: string[] = [];
  let fenced = false;
  for (const line of text.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      lines.push('');
    } else lines.push(fenced ? '' : line);
  }
  return lines.join('\n');
}

/** The text with fenced code blocks and inline code spans blanked out (links inside code are not links). */
export function withoutCode(text: string): string {
  return withoutFences(text).replace(/`[^`\n]*`/g, '``');
}

/** Targets of inline Markdown links `[text](target)`, outside code. */
export function linkTargets(text: string): string[] {
  return [...withoutCode(text).matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] as string);
}

/** GitHub's anchor for a heading text: lower case, punctuation dropped, spaces to hyphens. */
export function headingSlug(heading: string): string {
  return heading.trim().toLowerCase().replace(/`/g, '').replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-');
}

/** Every anchor a Markdown page offers: heading slugs (with GitHub's -1, -2 suffixes for repeats). */
export function anchorsOf(text: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const line of withoutFences(text).split('\n')) {
    const match = /^#{1,6}\s+(.*)$/.exec(line);
    if (!match) continue;
    const slug = headingSlug(match[1] ?? '');
    const n = seen.get(slug) ?? 0;
    anchors.add(n === 0 ? slug : `${slug}-${n}`);
    seen.set(slug, n + 1);
  }
  return anchors;
}
