// transform: one parsed MCP client config → records. The client is an AIAgent; each enabled server a
// WorkloadIdentity it RUNS_AS (capability flags on the edge); each credential a server gets (real secret by
// fingerprint, environment reference, AWS CLI profile) a credential node the agent HAS_CREDENTIAL of.
// Placeholders, prompted inputs and redactions make no node: they are listed on the server (`x_unresolved`).
import { emptyRecords, type Diagnostic, type EdgeRecord, type NodeRecord, type PropValue, type Records } from '../../src/model/index.js';
import { capabilityFlags, classifyValue, credentialKind } from './classify.js';
import { credentialPlaces, urlWithoutQuery } from './credentials.js';
import { clientGroups, isClientSettingsPath, type ClientGroup, type ServerEntry } from './clients.js';
import { awsProfileId, envRefId, secretId, serverId, SOURCE } from './ids.js';
import { jsonPath, type LineOf } from './read.js';
import { scrubSecrets } from '../secrets.js';
import { isObject } from '../values.js';


/** Where the file is: its display path (diagnostics, provenance) and its path relative to the inventory (ids). */
export interface McpFileContext {
  readonly file: string;
  readonly relPath: string;
  readonly lineOf: LineOf;
  /** How a path is written in messages and provenance (JSON path by default; TOML dotted keys for Codex). */
  readonly pathText?: (path: readonly (string | number)[]) => string;
}

const pathOf = (ctx: McpFileContext, path: readonly (string | number)[]): string => (ctx.pathText ?? jsonPath)(path);

/** A credential being collected: its node and, per agent, the places (`server env VAR`) it was found. */
interface Held {
  readonly node: NodeRecord;
  readonly via: string[];
  readonly flags: string[];
  readonly at: { line?: number; path: string };
}

/** Turns one config into records (pure; unit-tested without files). */
export function transformMcp(value: unknown, ctx: McpFileContext): Records {
  const out = emptyRecords();
  const groups = clientGroups(value, ctx.relPath);
  if (groups === undefined) {
    // NOTE: settings files shared with other settings (.claude.json, Gemini, Zed, Goose, Continue) may have no servers.
    if (!isClientSettingsPath(ctx.relPath)) {
      out.diagnostics.push(diag(ctx, 'error', 'missing-field', [], 'no "mcpServers" (or VS Code "servers") object; nothing was loaded from this file'));
    }
    return out;
  }
  const seen = new Set<string>();
  for (const group of groups) transformGroup(group, ctx, out, seen);
  return out;
}

/** The records of one agent: its node, its servers and RUNS_AS edges, its credentials and HAS_CREDENTIAL edges. */
function transformGroup(group: ClientGroup, ctx: McpFileContext, out: Records, seen: Set<string>): void {
  const agent = group.agent;
  const disabled: string[] = [];
  const held = new Map<string, Held>();
  const serverNodes: NodeRecord[] = [];
  const runsAs: EdgeRecord[] = [];
  for (const entry of group.servers) {
    const made = transformServer(entry, agent, ctx, out, held, disabled);
    if (made !== undefined) { serverNodes.push(made.node); runsAs.push(made.edge); }
  }
  out.nodes.push({
    id: agent, kind: 'AIAgent', name: group.name, tags: [], source: SOURCE,
    provenance: prov(ctx, { line: ctx.lineOf(group.key), path: pathOf(ctx, group.key) }),
    properties: { framework: group.framework, ...(disabled.length > 0 ? { x_disabled_servers: disabled } : {}) },
  });
  out.nodes.push(...serverNodes);
  out.edges.push(...runsAs);
  for (const h of held.values()) {
    // NOTE: a credential shared by two agents of one file (Claude Code projects) is one record.
    if (!seen.has(h.node.id)) out.nodes.push(h.node);
    seen.add(h.node.id);
    const props: Record<string, PropValue> = { via: h.via.join(', ') };
    if (h.flags.length > 0) props['note'] = `used by servers with capability flags: ${h.flags.join(', ')}`;
    out.edges.push({ kind: 'HAS_CREDENTIAL', from: agent, to: h.node.id, source: SOURCE, properties: props, provenance: prov(ctx, h.at) });
  }
}

/** One server entry: its node and RUNS_AS edge (or nothing when disabled, built in or unusable); credentials go to `held`. */
function transformServer(entry: ServerEntry, agent: string, ctx: McpFileContext, out: Records, held: Map<string, Held>,
  disabled: string[]): { node: NodeRecord; edge: EdgeRecord } | undefined {
  const { name, path } = entry;
  const server = entry.server;
  if (!isObject(server)) {
    out.diagnostics.push(diag(ctx, 'error', 'bad-value', path, `server "${name}" is not an object; it was skipped`));
    return undefined;
  }
  if (server['builtin'] === true) return undefined;
  for (const p of entry.problems ?? []) {
    out.diagnostics.push(diag(ctx, 'error', 'bad-value', [...path, ...p.path], `server "${name}": ${pathOf(ctx, [...path, ...p.path])} ${p.message}; the value was ignored (the client refuses the file)`));
  }
  if (server['disabled'] === true || server['enabled'] === false) { disabled.push(name); return undefined; }
  const command = typeof server['command'] === 'string' ? server['command'].trim() : '';
  const urlKey = ['url', 'serverUrl', 'httpUrl'].find((k) => typeof server[k] === 'string');
  const url = urlKey !== undefined ? (server[urlKey] as string).trim() : '';
  // NOTE: credentials are looked for under `url`; the file's own key (`httpUrl`, Goose `uri`) gives lines and paths.
  const real = (below: readonly (string | number)[]): (string | number)[] =>
    [...path, ...entry.real(below[0] === 'url' && urlKey !== undefined ? [urlKey, ...below.slice(1)] : below)];
  if (command === '' && url === '') {
    out.diagnostics.push(diag(ctx, 'warning', 'missing-field', path, `server "${name}" has neither a command nor a url; it was skipped (the other servers load)`));
    return undefined;
  }
  const args = Array.isArray(server['args']) ? server['args'].filter((a): a is string => typeof a === 'string') : [];
  const flags = capabilityFlags(args);
  const unresolved: string[] = [];
  const at = { line: ctx.lineOf(path), path: pathOf(ctx, path) };
  const id = serverId(agent, name);
  const hold = (node: NodeRecord, via: string, where: readonly (string | number)[]): void => {
    const h = held.get(node.id) ?? { node, via: [], flags: [], at: { line: ctx.lineOf(real(where)), path: pathOf(ctx, real(where)) } };
    h.via.push(`${name} ${via}`);
    for (const f of flags) if (!h.flags.includes(`${name} ${f}`)) h.flags.push(`${name} ${f}`);
    held.set(node.id, h);
  };
  const profile = isObject(server['env']) ? server['env']['AWS_PROFILE'] : undefined;
  if (typeof profile === 'string') {
    const c = classifyValue(profile);
    if (c.type === 'secret') hold(profileNode(profile.trim(), ctx, at), 'env AWS_PROFILE', ['env', 'AWS_PROFILE']);
    else if (c.type === 'env') hold(envNode(c.variable, 'AWS_PROFILE', ctx, at), 'env AWS_PROFILE', ['env', 'AWS_PROFILE']);
    else unresolved.push(`env AWS_PROFILE: ${c.type}`);
  }
  for (const place of credentialPlaces({ ...server, url })) {
    const c = classifyValue(place.value);
    if (c.type === 'secret') {
      const kind = credentialKind(c.shape);
      const node = credentialNode(secretId(c.fingerprint), kind.kind, `${c.shape ?? 'secret'} ${c.fingerprint}`,
        { fingerprint: c.fingerprint, status: 'active', ...(kind.provider ? { provider: kind.provider } : {}) }, ctx, at);
      hold(node, place.via, place.path);
      out.diagnostics.push(diag(ctx, 'warning', 'secret-fingerprinted', real(place.path),
        `server "${name}" ${place.via} holds ${c.shape ?? 'a secret'} in clear text; only its fingerprint ${c.fingerprint} is kept`));
    } else if (c.type === 'env') {
      hold(envNode(c.variable, place.name, ctx, at), place.via, place.path);
    } else {
      unresolved.push(`${place.via}: ${c.type === 'input' ? 'prompted input' : c.type}`);
    }
  }
  if (Array.isArray(server['keyring'])) for (const k of server['keyring']) unresolved.push(`env ${String(k)}: keyring`);
  const description = command !== '' ? `stdio: ${scrubSecrets(command).text}` : `remote: ${scrubSecrets(urlWithoutQuery(url)).text}`;
  return {
    node: {
      id, kind: 'WorkloadIdentity', name, tags: [], source: SOURCE, provenance: prov(ctx, at),
      properties: { subject: name, issuer: agent, description, platform: 'mcp', ...(unresolved.length > 0 ? { x_unresolved: unresolved } : {}) },
    },
    edge: {
      kind: 'RUNS_AS', from: agent, to: id, source: SOURCE, provenance: prov(ctx, at),
      properties: flags.length > 0 ? { note: `capability flags: ${flags.join(' ')}` } : {},
    },
  };
}

/** The AWS CLI profile node: the same record from every file, so many servers and files share it silently. */
function profileNode(profile: string, ctx: McpFileContext, at: { line?: number; path: string }): NodeRecord {
  // NOTE: a reference: the AWS CLI source reads the profile itself (role, source profile, key id).
  return credentialNode(awsProfileId(profile), 'Secret', `AWS CLI profile ${profile}`, { provider: 'aws', platform: 'aws', reference: true }, ctx, at);
}

function envNode(variable: string, name: string, ctx: McpFileContext, at: { line?: number; path: string }): NodeRecord {
  const kind = credentialKind(`${variable} ${name}`.replace(/AWS access key id/, ''));
  return credentialNode(envRefId(ctx.relPath, variable), kind.kind, `$${variable} (environment of ${ctx.relPath})`,
    kind.provider ? { provider: kind.provider } : {}, ctx, at);
}

function credentialNode(id: string, kind: NodeRecord['kind'], name: string, properties: Record<string, PropValue>,
  ctx: McpFileContext, at: { line?: number; path: string }): NodeRecord {
  return { id, kind, name, tags: [], source: SOURCE, properties, provenance: prov(ctx, at) };
}

function prov(ctx: McpFileContext, at: { line?: number | undefined; path: string }): NodeRecord['provenance'] {
  return { source: SOURCE, file: ctx.file, ...(at.line !== undefined ? { line: at.line } : {}), path: at.path };
}

function diag(ctx: McpFileContext, severity: Diagnostic['severity'], code: Diagnostic['code'], path: readonly (string | number)[], message: string): Diagnostic {
  const line = ctx.lineOf(path);
  return { severity, code, source: SOURCE, file: ctx.file, ...(line !== undefined ? { line } : {}), field: pathOf(ctx, path), message };
}
