// The aws-cli ingestor (sync): AWS CLI `~/.aws/config` and `~/.aws/credentials`. Recognised by their place
// (`.aws/config`, `.aws/credentials`) and, since `config` and `credentials` are generic names, under any name by
// content: an INI file whose first section is followed by AWS CLI sections or keys. A malformed line is one
// `malformed-ini` error with file:line; the other profiles still load.
import type { Records } from '../../src/model/index.js';
import type { IngestFileOptions, Ingestor } from '../types.js';
import { deliverWhole, unusableFile } from '../whole-file.js';
import { SOURCE } from './ids.js';
import type { AwsCliFileKind } from './profiles.js';
import { readAwsCliFile, type IniSection } from './read.js';
import { transformAwsCli } from './transform.js';

/** The two files at their real place in a home directory copied into the inventory. */
const AWS_DIR_FILE = /(^|\/)\.aws\/(config|credentials)$/;
/** Sections and keys only AWS CLI files have. */
const AWS_SECTION = /^[ \t]*\[[ \t]*(profile[ \t]+[^\]\s][^\]]*|sso-session[ \t]+[^\]\s][^\]]*)\][ \t]*$/m;
const AWS_KEY = /^(aws_access_key_id|aws_secret_access_key|aws_session_token|role_arn|source_profile|credential_source|sso_start_url|sso_session|sso_account_id|sso_role_name|credential_process|web_identity_token_file)[ \t]*[=:]/m;
const DEFAULT_WITH_REGION = /^[ \t]*\[default\][ \t]*$[\s\S]*^(region|output)[ \t]*[=:]/m;

/**
 * True when the start of a file is an AWS CLI config or credentials file: its first line that is not blank or a
 * comment is a `[section]` (or a stray `key = value`, reported when read, before one), and it has a `[profile …]`/`[sso-session …]` section, an AWS credential or role key, or
 * `[default]` with a region or output.
 */
export function detectAwsCli(head: string): boolean {
  const text = head.replace(/^\uFEFF/, '');
  const first = /^(?:[ \t]*(?:[#;][^\n]*)?\r?\n)*[ \t]*(\S[^\n]*)/.exec(text)?.[1] ?? '';
  const section = /^\[[^\]]+\]\s*$/;
  if (!section.test(first) && !(/^[A-Za-z0-9_.-]+[ \t]*[=:]/.test(first) && /^[ \t]*\[[^\]]+\][ \t]*\r?$/m.test(text))) return false;
  return AWS_SECTION.test(text) || AWS_KEY.test(text) || DEFAULT_WITH_REGION.test(text);
}

/**
 * Which file it is: by name (`credentials`, `config`, or ending so, as `work.credentials`), else by content: a
 * `[profile …]` or `[sso-session …]` section makes a config file, otherwise keys make a credentials file.
 */
export function fileKindOf(fileName: string, sections: readonly IniSection[]): AwsCliFileKind {
  if (/credentials$/i.test(fileName)) return 'credentials';
  if (/config$/i.test(fileName)) return 'config';
  if (sections.some((s) => /^(profile|sso-session) /.test(s.header))) return 'config';
  return sections.some((s) => s.settings.has('aws_access_key_id')) ? 'credentials' : 'config';
}

/** Reads one file into records. */
export async function ingestAwsCliFile(path: string, options: IngestFileOptions): Promise<Records> {
  const file = options.display;
  const read = await readAwsCliFile(path);
  if (read.type === 'unreadable') return unusableFile(read, SOURCE, file);
  const name = (options.relPath ?? file).split(/[\\/]/).pop() ?? file;
  const records = transformAwsCli(read.sections, read.problems, { file, kind: fileKindOf(name, read.sections) });
  return deliverWhole(records, options);
}

/** The aws-cli source. */
export const awsCli: Ingestor = {
  id: SOURCE,
  accepts: (_fileName, relPath) => relPath !== undefined && AWS_DIR_FILE.test(relPath),
  detect: detectAwsCli,
  ingestFile: ingestAwsCliFile,
};
