// The slow twin of the engine (STYLE G4): brute-force enumeration of every simple path from a source, written
// straight from the rules in docs/edges.md "Path semantics" on the graphology graph and its records.
import type { PathwardenGraph } from '../../src/graph/types.js';
import { ENVIRONMENT_ALIASES, edgeSpec, nodeSpec, type EdgeRecord, type NodeRecord, type PropValue } from '../../src/model/index.js';

/** One way a path ends: arriving at a node by an act-as step or a capability edge, or a capability on a model/resource. */
export interface OracleEnding {
  readonly target: string;
  /** 'arrive' for a plain arrival; else the capability's effect. */
  readonly effect: 'arrive' | 'alter' | 'invoke' | 'access';
  readonly action: string;
  /** Graph edge keys along the path. */
  readonly edges: readonly string[];
}

const date = (v: PropValue | undefined): number | undefined => (typeof v === 'string' ? Date.parse(v) : undefined);

function valid(props: Readonly<Record<string, PropValue>>, at: number): boolean {
  const exp = date(props['expires_at']);
  const created = date(props['created_at']);
  return !(exp !== undefined && exp <= at) && !(created !== undefined && created > at);
}

/** True when the node can be part of a path at `at`. */
export function oracleActive(node: NodeRecord, at: number): boolean {
  if (nodeSpec(node.kind).category !== 'credential') return true;
  const status = node.properties['status'];
  return status !== 'revoked' && status !== 'disabled' && valid(node.properties, at);
}

function globMatch(pattern: string, key: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(key);
}

function scopeList(v: PropValue | undefined): string[] {
  const list = typeof v === 'string' ? v.split(/[;\s]+/) : Array.isArray(v) ? [...v] : [];
  return list.map((s) => s.trim()).filter((s) => s !== '');
}

function allowed(edge: EdgeRecord, ctx: readonly (readonly string[])[]): boolean {
  if (ctx.length === 0 || edge.kind === 'MEMBER_OF' || edge.kind === 'DELEGATED') return true;
  const explicit = edge.properties['scope'];
  const key = typeof explicit === 'string' && explicit.trim() !== '' ? explicit.trim() : edgeSpec(edge.kind).defaultScope?.(edge.properties);
  if (key === undefined) return false;
  return ctx.every((set) => set.some((p) => globMatch(p, key)));
}

/** Every ending of every simple path from `source` at time `at` (nothing when the source is inactive). */
export function oracleEndings(graph: PathwardenGraph, source: string, at: number): OracleEnding[] {
  const out: OracleEnding[] = [];
  const node = (id: string): NodeRecord => graph.getNodeAttributes(id);
  if (!oracleActive(node(source), at)) return out;
  const usable = (key: string): EdgeRecord | undefined => {
    const edge = graph.getEdgeAttributes(key);
    return oracleActive(node(edge.from), at) && oracleActive(node(edge.to), at) && valid(edge.properties, at) ? edge : undefined;
  };
  const onPath = new Set<string>([source]);
  const walk = (u: string, ctx: readonly (readonly string[])[], edges: readonly string[]): void => {
    for (const key of graph.outEdges(u)) {
      const edge = usable(key);
      if (!edge || !allowed(edge, ctx)) continue;
      const v = edge.to;
      const family = edgeSpec(edge.kind).family;
      if (family === 'structural') continue;
      const path = [...edges, key];
      const vKind = node(v).kind;
      if (onPath.has(v)) continue; // simple: no node twice, the source included
      out.push({ target: v, effect: 'arrive', action: '', edges: path });
      if (edge.kind === 'CAN_ALTER' && vKind === 'Model') out.push({ target: v, effect: 'alter', action: String(edge.properties['action']), edges: path });
      if (edge.kind === 'CAN_ACCESS' && vKind === 'Resource') out.push({ target: v, effect: 'access', action: String(edge.properties['action']), edges: path });
      if (edge.kind === 'CAN_INVOKE' && vKind === 'Model') {
        const raw = edge.properties['environment'] ?? node(v).environment;
        const env = typeof raw === 'string' ? ENVIRONMENT_ALIASES[raw.toLowerCase()] ?? 'prod' : 'prod';
        out.push({ target: v, effect: 'invoke', action: env, edges: path });
      }
      if (edge.kind === 'CAN_ALTER' && (vKind === 'Dataset' || vKind === 'Pipeline')) {
        for (const k2 of graph.outEdges(v)) {
          const s2 = usable(k2);
          if (!s2 || node(s2.to).kind !== 'Model' || onPath.has(s2.to)) continue;
          if (s2.kind === 'TRAINS') out.push({ target: s2.to, effect: 'alter', action: vKind === 'Dataset' ? 'write_training_data' : 'train', edges: [...path, k2] });
          if (s2.kind === 'DEPLOYS' && vKind === 'Pipeline') out.push({ target: s2.to, effect: 'alter', action: 'deploy', edges: [...path, k2] });
        }
      }
      const step = family === 'act-as' || (edge.kind === 'CAN_ALTER' && vKind === 'Pipeline');
      if (!step) continue;
      let next = ctx;
      if (nodeSpec(vKind).category === 'credential') next = [];
      else if (edge.kind === 'DELEGATED' && scopeList(edge.properties['scopes']).length > 0) next = [...ctx, scopeList(edge.properties['scopes'])];
      onPath.add(v);
      walk(v, next, path);
      onPath.delete(v);
    }
  };
  walk(source, [], []);
  return out;
}
