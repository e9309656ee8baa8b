// Which sections of an AWS CLI file are profiles, by the file's kind: in `config` a profile is `[default]` or
// `[profile NAME]` (and `[sso-session NAME]` holds SSO settings); in `credentials` every `[NAME]` is the profile NAME.
// Sections the AWS CLI does not read as profiles are reported, not guessed at.
import type { IniSection, IniSetting } from './read.js';

/** Which of the two AWS CLI files this is. */
export type AwsCliFileKind = 'config' | 'credentials';

/** One profile of the file: its name, header line and settings. */
export interface Profile {
  readonly name: string;
  /** The section header as written (`profile dev`, `default`, `dev`), for diagnostics. */
  readonly header: string;
  readonly line: number;
  readonly settings: ReadonlyMap<string, IniSetting>;
}

/** A section that is not read, and why (a warning with its line). */
export interface SkippedSection {
  readonly header: string;
  readonly line: number;
  readonly reason: string;
}

export interface FileProfiles {
  readonly profiles: readonly Profile[];
  /** `[sso-session NAME]` sections of a config file, by name. */
  readonly ssoSessions: ReadonlyMap<string, IniSection>;
  readonly skipped: readonly SkippedSection[];
}

/** Config sections that are not profiles and are read by other parts of the AWS CLI. */
const OTHER_CONFIG_SECTIONS = /^(services|plugins|preview|cli)( |$)/;

/** The profiles and SSO sessions of a file's sections. */
export function profilesOf(sections: readonly IniSection[], kind: AwsCliFileKind): FileProfiles {
  const profiles: Profile[] = [];
  const ssoSessions = new Map<string, IniSection>();
  const skipped: SkippedSection[] = [];
  const byName = new Map<string, Profile>();
  for (const s of sections) {
    let name: string | undefined;
    if (kind === 'credentials') {
      if (/^profile /.test(s.header)) {
        skipped.push({ header: s.header, line: s.line, reason: `a credentials file names profiles without "profile ": the AWS CLI reads [${s.header}] as a profile called "${s.header}", never as ${s.header.slice(8)}; it was ignored` });
      } else name = s.header;
    } else if (s.header === 'default') name = 'default';
    else if (/^profile /.test(s.header)) name = s.header.slice(8);
    else if (/^sso-session /.test(s.header)) ssoSessions.set(s.header.slice(12), s);
    else if (!OTHER_CONFIG_SECTIONS.test(s.header)) {
      skipped.push({ header: s.header, line: s.line, reason: `in a config file a profile section is [profile ${s.header}] (only [default] goes without "profile "); the AWS CLI ignores [${s.header}], and so was it` });
    }
    if (name === undefined) continue;
    const first = byName.get(name);
    if (first !== undefined) {
      skipped.push({ header: s.header, line: s.line, reason: `profile "${name}" is already defined at line ${first.line}; this section was ignored` });
      continue;
    }
    const profile: Profile = { name, header: s.header, line: s.line, settings: s.settings };
    byName.set(name, profile);
    profiles.push(profile);
  }
  return { profiles, ssoSessions, skipped };
}
