// read: one AWS CLI file (`~/.aws/config` or `~/.aws/credentials`) → its INI sections and settings with their line
// numbers. A small, strict reader of the INI dialect the AWS CLI reads (Python configparser): `[section]` headers,
// `key = value` or `key: value`, `#`/`;` comment lines, indented lines continuing the setting above (nested
// `s3 =` blocks). A line that is none of these is a problem with its line; the rest of the file still reads.
import { readText } from '../whole-file.js';

/** One `key = value` setting; the value is raw text and may be secret (only transform.ts looks at it). */
export interface IniSetting {
  readonly value: string;
  readonly line: number;
}

/** One `[section]` with its settings by lower-cased key (the first of a repeated key wins). */
export interface IniSection {
  /** The text between the brackets, trimmed, inner runs of blanks collapsed (`profile dev`). */
  readonly header: string;
  readonly line: number;
  readonly settings: ReadonlyMap<string, IniSetting>;
}

/** A line the reader could not use. The reason quotes neither the line nor its key (a wrapped secret may look like one). */
export interface IniProblem {
  readonly line: number;
  readonly column: number;
  readonly reason: string;
  /** The section the line is in, when there is one. */
  readonly section?: string;
}

export type AwsCliReadResult =
  | { readonly type: 'ini'; readonly sections: readonly IniSection[]; readonly problems: readonly IniProblem[] }
  | { readonly type: 'unreadable'; readonly reason: string };

/** Reads and parses a file. Never throws. */
export async function readAwsCliFile(path: string): Promise<AwsCliReadResult> {
  const read = await readText(path);
  if (read.type === 'unreadable') return read;
  const text = read.text;
  return { type: 'ini', ...parseIni(text) };
}

const HEADER = /^\[([^\]]*)\]\s*$/;
const KEY = /^[A-Za-z0-9_.-]+$/;

/** Parses INI text (exported for tests). Repeated sections and keys are problems; the first one is kept. */
export function parseIni(text: string): { sections: IniSection[]; problems: IniProblem[] } {
  const sections: IniSection[] = [];
  const problems: IniProblem[] = [];
  const seen = new Set<string>();
  let current: { header: string; line: number; settings: Map<string, IniSetting> } | undefined;
  /** False while lines belong to a repeated section that is being skipped. */
  let keep = true;
  let lastKey: string | undefined;
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as string;
    const line = i + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';')) continue;
    const problem = (reason: string, column = raw.length - raw.trimStart().length + 1): void => {
      problems.push({ line, column, reason, ...(current ? { section: current.header } : {}) });
    };
    if (/^\s/.test(raw)) {
      // NOTE: configparser joins an indented line to the setting above; nested blocks (`s3 =`) are written so.
      if (lastKey === undefined) problem('an indented line that continues no setting; it was skipped');
      continue;
    }
    lastKey = undefined;
    if (trimmed.startsWith('[')) {
      const m = HEADER.exec(trimmed);
      const header = m ? (m[1] as string).trim().replace(/\s+/g, ' ') : '';
      if (!m || header === '') {
        current = undefined;
        problem(`${m ? 'an empty section name "[]"' : 'a section header without its closing "]" (or with text after it)'}; it and the settings under it were skipped`);
        keep = false;
        continue;
      }
      current = { header, line, settings: new Map() };
      keep = !seen.has(header);
      if (keep) {
        seen.add(header);
        sections.push(current);
      } else {
        problem(`section [${header}] appears a second time (the AWS CLI refuses the file); its settings were ignored, the first one is kept`);
      }
      continue;
    }
    const at = firstDelimiter(trimmed);
    const key = at < 0 ? '' : trimmed.slice(0, at).trim();
    if (at < 0 || !KEY.test(key)) {
      problem(at < 0 ? 'a line that is neither a [section], a "key = value" setting nor a comment; it was skipped'
        : 'a setting whose name is empty or has characters other than letters, digits, "_", "." and "-"; it was skipped');
      continue;
    }
    if (current === undefined) {
      if (keep) problem('a setting before any [section]; it was skipped');
      continue;
    }
    lastKey = key;
    if (!keep) continue;
    const name = key.toLowerCase();
    const first = current.settings.get(name);
    if (first !== undefined) {
      problem(`a setting of line ${first.line} is set again in [${current.header}] (the AWS CLI refuses the file); the first value is kept`);
      continue;
    }
    current.settings.set(name, { value: trimmed.slice(at + 1).trim(), line });
  }
  return { sections, problems };
}

/** Position of the first `=` or `:` (configparser splits a setting at whichever comes first). */
function firstDelimiter(text: string): number {
  const eq = text.indexOf('=');
  const colon = text.indexOf(':');
  if (eq < 0) return colon;
  if (colon < 0) return eq;
  return Math.min(eq, colon);
}
