// The mcp ingestor (sync): MCP client configurations (Claude Desktop, Claude Code, Cursor, Amazon Q, VS Code, Gemini
// CLI, Zed, Goose, Continue, Codex, JetBrains Junie, GitHub Copilot). Recognised by name or path
// (claude_desktop_config.json, .mcp.json, mcp.json, .claude.json, .gemini/settings.json, .zed/settings.json,
// .config/goose/config.yaml, .continue/mcpServers/*, .codex/config.toml, .copilot/mcp-config.json…) and by shape
// (`mcpServers`, VS Code's `servers` + `inputs`, Zed's `context_servers`, Goose's `extensions`, Codex's `mcp_servers`).
// JSONC, YAML and TOML accepted. A malformed file is one diagnostic with line, column and path; other files still load.
import { basename } from 'node:path';
import type { DiagnosticCode, Records } from '../../src/model/index.js';
import type { IngestFileOptions, Ingestor } from '../types.js';
import { deliverWhole, unusableFile } from '../whole-file.js';
import { SOURCE } from './ids.js';
import { readMcpFile } from './read.js';
import { transformMcp } from './transform.js';

/** File names MCP clients use for their configs. */
export const MCP_FILE_NAMES: ReadonlySet<string> = new Set(['claude_desktop_config.json', '.mcp.json', 'mcp.json', '.claude.json']);
/** Paths of client settings files whose names other tools use too (`settings.json`, `config.yaml`). */
const MCP_PATHS = new RegExp('(^|/)(\\.gemini/settings\\.json|\\.config/zed/settings\\.json|\\.zed/settings\\.json|\\.config/goose/config\\.ya?ml'
  + '|\\.continue/config\\.ya?ml|\\.continue/mcpServers/[^/]+\\.(ya?ml|json)|\\.codex/config\\.toml|\\.copilot/mcp-config\\.json)$');
/** Codex: a `[mcp_servers.<name>]` table (or a dotted `mcp_servers.<name>.…` key, or an inline `mcp_servers = {`). */
const CODEX_TABLE = /^[ \t]*(\[[ \t]*mcp_servers[ \t]*\.|mcp_servers[ \t]*(\.|=[ \t]*\{))/m;
/** Goose: a top-level `extensions:` mapping whose entries have `cmd:` or `uri:`. */
const GOOSE_EXTENSIONS = /^extensions[ \t]*:[ \t]*\r?\n([ \t]+[^\n]*\r?\n|[ \t]*\r?\n)*?[ \t]+(cmd|uri)[ \t]*:/m;

/**
 * True when the start of a JSON(C) file has an `mcpServers` or Zed `context_servers` object, or VS Code's `servers`
 * next to `inputs`; when a YAML file has Goose's `extensions` with a `cmd` or `uri`; or a TOML file Codex's `mcp_servers`.
 */
export function detectMcp(head: string, fileName = ''): boolean {
  const raw = head.replace(/^\uFEFF/, '');
  if (/\.ya?ml$/i.test(fileName)) return GOOSE_EXTENSIONS.test(raw);
  if (/\.toml$/i.test(fileName)) return CODEX_TABLE.test(raw);
  const text = raw.replace(/^\s*(\/\/[^\n]*\n\s*|\/\*[^]*?\*\/\s*)*/, '');
  if (!text.startsWith('{')) return false;
  return /"(mcpServers|context_servers)"\s*:\s*\{/.test(text) || (/"servers"\s*:\s*\{/.test(text) && /"inputs"\s*:\s*\[/.test(text));
}

/** The diagnostic of a file whose syntax stopped the parse, by format. */
const MALFORMED = { json: 'malformed-json', yaml: 'malformed-yaml', toml: 'malformed-toml' } as const satisfies Record<string, DiagnosticCode>;

/** Reads one config file into records; the file's id is its path in the inventory (its base name when read alone). */
export async function ingestMcpFile(path: string, options: IngestFileOptions): Promise<Records> {
  const file = options.display;
  const read = await readMcpFile(path);
  if (read.type === 'unreadable') return unusableFile(read, SOURCE, file);
  if (read.type === 'malformed') return unusableFile(read, SOURCE, file, MALFORMED[read.format ?? 'json']);
  const records = transformMcp(read.value, {
    file, relPath: options.relPath ?? basename(file), lineOf: read.lineOf, ...(read.pathText ? { pathText: read.pathText } : {}),
  });
  return deliverWhole(records, options);
}

/** The mcp source. */
export const mcp: Ingestor = {
  id: SOURCE,
  accepts: (fileName, relPath) => MCP_FILE_NAMES.has(fileName) || MCP_PATHS.test(relPath ?? fileName),
  detect: detectMcp,
  ingestFile: ingestMcpFile,
};
