// TOML for Codex `config.toml`: smol-toml parses (a syntax error is `malformed` with line and column), and a small
// line scanner finds the line of each table and key, so records and messages name `mcp_servers.github.env` at its
// line. A parser message quotes the offending line, which may hold a secret: only its first sentence is kept.
import { parse, TomlError } from 'smol-toml';
import type { LineOf, McpReadResult } from './read.js';

type Path = readonly (string | number)[];

/** `mcp_servers.github.env.GITHUB_TOKEN`, `mcp_servers."my server".args[2]`: a path as TOML writes it. */
export function tomlPath(path: Path): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += `${out === '' ? '' : '.'}${/^[A-Za-z0-9_-]+$/.test(p) ? p : JSON.stringify(p)}`;
  }
  return out === '' ? '(top)' : out;
}

/** Parses TOML text; the locator gives the line of a key path (its nearest written ancestor when it is inline). */
export function parseMcpToml(text: string): McpReadResult {
  const lines = keyLines(text);
  let value: unknown;
  try {
    value = parse(text);
  } catch (cause) {
    if (!(cause instanceof TomlError)) throw cause;
    const reason = (cause.message.split('\n')[0] ?? '').replace(/^Invalid TOML document:\s*/, '');
    return { type: 'malformed', format: 'toml', line: cause.line, column: cause.column, path: pathAt(lines, cause.line), reason: `invalid TOML: ${reason}` };
  }
  const lineOf: LineOf = (p) => {
    const keys = p.filter((k): k is string => typeof k === 'string');
    // NOTE: an array index or a key inside an inline table has no line of its own: its nearest ancestor's is used.
    for (let n = keys.length; n > 0; n--) {
      const line = lines.get(JSON.stringify(keys.slice(0, n)));
      if (line !== undefined) return line;
    }
    return undefined;
  };
  return { type: 'json', value, lineOf, pathText: tomlPath };
}

/** The key path written last at or before `line` (what was being read when the parse stopped). */
function pathAt(lines: ReadonlyMap<string, number>, line: number): string {
  let best: { key: string; line: number } | undefined;
  for (const [key, at] of lines) if (at <= line && (best === undefined || at >= best.line)) best = { key, line: at };
  return best === undefined ? '(top)' : tomlPath(JSON.parse(best.key) as string[]);
}

/** A dotted key at the start of `s` (`a."b c".d`) and the rest of the line after it, or undefined. */
function dottedKey(s: string): { keys: string[]; rest: string } | undefined {
  const keys: string[] = [];
  let rest = s;
  for (;;) {
    const m = /^\s*([A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')\s*/.exec(rest);
    if (m === null) return undefined;
    const raw = m[1] as string;
    keys.push(raw.startsWith('"') ? String(JSON.parse(raw)) : raw.startsWith("'") ? raw.slice(1, -1) : raw);
    rest = rest.slice(m[0].length);
    if (!rest.startsWith('.')) return { keys, rest };
    rest = rest.slice(1);
  }
}

/** Depth change of `[`/`{` outside strings on one line, and whether a multi-line string is left open. */
function scan(line: string, open: string | undefined): { depth: number; open: string | undefined } {
  let depth = 0;
  let i = 0;
  let inside = open;
  while (i < line.length) {
    if (inside !== undefined) {
      const end = line.indexOf(inside, i);
      if (end < 0) return { depth, open: inside };
      i = end + inside.length;
      inside = undefined;
      continue;
    }
    const c = line[i] as string;
    if (c === '#') break;
    if (line.startsWith('"""', i) || line.startsWith("'''", i)) { inside = line.slice(i, i + 3); i += 3; continue; }
    if (c === '"') { const m = /^"(?:[^"\\]|\\.)*"?/.exec(line.slice(i)); i += m ? m[0].length : 1; continue; }
    if (c === "'") { const end = line.indexOf("'", i + 1); i = end < 0 ? line.length : end + 1; continue; }
    if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
    i++;
  }
  return { depth, open: inside };
}

/** The first line (1-based) of every table header, key and first-level inline-table key, by JSON-encoded key path. */
function keyLines(text: string): Map<string, number> {
  const out = new Map<string, number>();
  // NOTE: `[a.b.c]` and `a.b.c = 1` define `a` and `a.b` too: each prefix gets the first line that defines it.
  const set = (keys: readonly string[], line: number): void => {
    for (let n = 1; n <= keys.length; n++) { const k = JSON.stringify(keys.slice(0, n)); if (!out.has(k)) out.set(k, line); }
  };
  let table: string[] = [];
  let depth = 0;
  let open: string | undefined;
  const lines = text.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n] as string;
    if (open !== undefined || depth > 0) {
      const s = scan(line, open);
      depth += s.depth;
      open = s.open;
      continue;
    }
    const header = /^\s*\[\[?(.*?)\]\]?\s*(#.*)?$/.exec(line);
    const key = header ? dottedKey(header[1] as string) : undefined;
    if (header && key !== undefined && key.rest.trim() === '') {
      table = key.keys;
      set(table, n + 1);
      continue;
    }
    const assign = dottedKey(line);
    if (assign === undefined || !assign.rest.startsWith('=')) continue;
    const full = [...table, ...assign.keys];
    set(full, n + 1);
    const value = assign.rest.slice(1);
    if (/^\s*\{/.test(value)) {
      for (const m of value.matchAll(/[{,]\s*([A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')\s*=/g)) {
        const raw = m[1] as string;
        set([...full, raw.startsWith('"') ? String(JSON.parse(raw)) : raw.replace(/^'|'$/g, '')], n + 1);
      }
    }
    const s = scan(value, undefined);
    depth = Math.max(0, s.depth);
    open = s.open;
  }
  return out;
}
