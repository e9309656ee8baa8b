// The mcp ingestor (sync): MCP client configurations (Claude Desktop, Claude Code, Cursor, Amazon Q, VS Code…).
// Recognised by name (claude_desktop_config.json, .mcp.json, mcp.json) and by shape (`mcpServers`, or VS Code's
// `servers` + `inputs`). JSONC accepted. A malformed file is one diagnostic with line, column and JSON path; other
// files still load.
import { basename } from 'node:path';
import type { Records } from '../../src/model/index.js';
import type { IngestFileOptions, Ingestor } from '../types.js';
import { deliverWhole, unusableFile } from '../whole-file.js';
import { SOURCE } from './ids.js';
import { readMcpFile } from './read.js';
import { transformMcp } from './transform.js';

/** File names MCP clients use for their configs. */
export const MCP_FILE_NAMES: ReadonlySet<string> = new Set(['claude_desktop_config.json', '.mcp.json', 'mcp.json']);

/** True when the start of a JSON(C) file has an `mcpServers` object, or VS Code's `servers` next to `inputs`. */
export function detectMcp(head: string): boolean {
  const text = head.replace(/^\uFEFF/, '').replace(/^\s*(\/\/[^\n]*\n\s*|\/\*[^]*?\*\/\s*)*/, '');
  if (!text.startsWith('{')) return false;
  return /"mcpServers"\s*:\s*\{/.test(text) || (/"servers"\s*:\s*\{/.test(text) && /"inputs"\s*:\s*\[/.test(text));
}

/** Reads one config file into records; the file's id is its path in the inventory (its base name when read alone). */
export async function ingestMcpFile(path: string, options: IngestFileOptions): Promise<Records> {
  const file = options.display;
  const read = await readMcpFile(path);
  if (read.type === 'unreadable' || read.type === 'malformed') return unusableFile(read, SOURCE, file);
  const records = transformMcp(read.value, { file, relPath: options.relPath ?? basename(file), lineOf: read.lineOf });
  return deliverWhole(records, options);
}

/** The mcp source. */
export const mcp: Ingestor = {
  id: SOURCE,
  accepts: (fileName) => MCP_FILE_NAMES.has(fileName),
  detect: detectMcp,
  ingestFile: ingestMcpFile,
};
