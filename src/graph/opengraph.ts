// The graph as a BloodHound OpenGraph data payload (`pathwarden export --format opengraph`, docs/opengraph.md), and the
// extension definition that declares its kinds (icons, traversability). Pure; json-graph ingest reads the payload back.
import {
  EDGE_SPECS, NODE_SPECS, edgeSpec, type EdgeKind, type NodeKind, type PropValue, type Provenance,
} from '../model/index.js';
import type { PathwardenGraph } from './types.js';

/** Namespace of every kind pathwarden writes (`PW_ServiceAccount`, `PW_CAN_ALTER`). */
export const OPENGRAPH_NAMESPACE = 'PW';
/** `metadata.source_kind`: BloodHound adds it to every node's kinds and lists the data under it. */
export const OPENGRAPH_SOURCE_KIND = 'pathwarden';
/** Second kind of every node, so `MATCH (n:PW_Base)` finds all of them. */
export const OPENGRAPH_BASE_KIND = `${OPENGRAPH_NAMESPACE}_Base`;
/** Prefix of the properties pathwarden adds (record fields, provenance, findings); no model property starts with it. */
export const PW_PROP = 'pw_';

/** Node record fields written as properties (`name` stays `name`, which BloodHound shows). */
export const OPENGRAPH_NODE_FIELDS = { owner: 'pw_owner', environment: 'pw_environment', tags: 'pw_tags', source: 'pw_source' } as const;
/** Properties derived on export (provenance, registry, analysis); reading the payload back ignores them. */
export const OPENGRAPH_DERIVED_PROPS: ReadonlySet<string> = new Set([
  'pw_traversable', 'pw_provenance_source', 'pw_provenance_file', 'pw_provenance_line', 'pw_provenance_path',
  'pw_findings', 'pw_blast_radius', 'pw_max_score', 'pw_finding_ids',
]);

export type OpenGraphValue = string | number | boolean | readonly string[];

export interface OpenGraphNode {
  readonly id: string;
  readonly kinds: readonly string[];
  readonly properties: Readonly<Record<string, OpenGraphValue>>;
}

export interface OpenGraphEndpoint {
  readonly match_by: 'id';
  readonly value: string;
}

export interface OpenGraphEdge {
  readonly kind: string;
  readonly start: OpenGraphEndpoint;
  readonly end: OpenGraphEndpoint;
  readonly properties: Readonly<Record<string, OpenGraphValue>>;
}

export interface OpenGraphDocument {
  readonly metadata: { readonly source_kind: string };
  readonly graph: { readonly nodes: readonly OpenGraphNode[]; readonly edges: readonly OpenGraphEdge[] };
}

/** A path as findings draw it (structurally a RankedPath of src/findings; the graph layer does not import findings). */
interface FindingPath {
  readonly nodes: readonly { readonly id: string }[];
  readonly edges: readonly { readonly kind: EdgeKind; readonly from: string; readonly to: string }[];
}

/** What the export needs of an analysis: active findings and the blast radius of each principal. */
export interface OpenGraphFindings {
  readonly findings: readonly {
    readonly id: string;
    readonly score: number;
    readonly source: { readonly id: string };
    readonly target: { readonly id: string };
    readonly pathSets: readonly { readonly shortest: FindingPath; readonly paths: readonly FindingPath[] }[];
  }[];
  readonly blast: ReadonlyMap<string, number>;
}

/** The OpenGraph kind of a node or edge kind: the namespace, `_`, and our kind verbatim. */
export function openGraphKind(kind: NodeKind | EdgeKind): string {
  return `${OPENGRAPH_NAMESPACE}_${kind}`;
}

/**
 * A node id as OpenGraph may hold it: BloodHound does not fully support `:` in ids, so `%` and `:` are
 * percent-encoded (`%25`, `%3A`); every other character is kept, so most ids are unchanged. Reversible.
 */
export function toOpenGraphId(id: string): string {
  return id.replace(/%/g, '%25').replace(/:/g, '%3A');
}

/** The inverse of toOpenGraphId. */
export function fromOpenGraphId(id: string): string {
  return id.replace(/%3A/gi, ':').replace(/%25/g, '%');
}

/** Provenance as flat properties (OpenGraph values cannot be objects). */
function provenanceProps(p: Provenance): Record<string, OpenGraphValue> {
  return {
    pw_provenance_source: p.source,
    ...(p.file !== undefined ? { pw_provenance_file: p.file } : {}),
    ...(p.line !== undefined ? { pw_provenance_line: p.line } : {}),
    ...(p.path !== undefined ? { pw_provenance_path: p.path } : {}),
  };
}

/** Per node: the findings it takes part in (source, target or on a reported path); per edge key: findings it enters. */
function findingIndex(graph: PathwardenGraph, input: OpenGraphFindings | undefined): {
  byNode: Map<string, { ids: Set<string>; max: number }>; byEdge: Map<string, Set<string>>;
} {
  const byNode = new Map<string, { ids: Set<string>; max: number }>();
  const byEdge = new Map<string, Set<string>>();
  for (const f of input?.findings ?? []) {
    const nodes = new Set([f.source.id, f.target.id]);
    for (const set of f.pathSets) {
      for (const path of [set.shortest, ...set.paths]) {
        for (const n of path.nodes) nodes.add(n.id);
        const entry = path.edges[0];
        if (entry === undefined || !graph.hasNode(entry.from) || !graph.hasNode(entry.to)) continue;
        // NOTE: a path names its entry edge by kind and endpoints; every edge of that kind between them is marked.
        for (const key of graph.outEdges(entry.from, entry.to)) {
          if (graph.getEdgeAttribute(key, 'kind') !== entry.kind) continue;
          const ids = byEdge.get(key) ?? new Set<string>();
          byEdge.set(key, ids.add(f.id));
        }
      }
    }
    for (const id of nodes) {
      const entry = byNode.get(id) ?? { ids: new Set<string>(), max: 0 };
      entry.ids.add(f.id);
      entry.max = Math.max(entry.max, f.score);
      byNode.set(id, entry);
    }
  }
  return { byNode, byEdge };
}

/**
 * The graph as an OpenGraph data payload: nodes sorted by id, edges by edge key, kinds namespaced, record fields,
 * provenance and (when an analysis is given) findings as `pw_` properties. Secret values never exist in the graph.
 */
export function toOpenGraph(graph: PathwardenGraph, analysis?: OpenGraphFindings): OpenGraphDocument {
  const { byNode, byEdge } = findingIndex(graph, analysis);
  const nodes = graph.nodes().sort().map((id): OpenGraphNode => {
    const n = graph.getNodeAttributes(id);
    const found = byNode.get(id);
    const blast = analysis?.blast.get(id);
    const properties: Record<string, OpenGraphValue> = {
      name: n.name,
      ...(n.owner !== undefined ? { [OPENGRAPH_NODE_FIELDS.owner]: n.owner } : {}),
      ...(n.environment !== undefined ? { [OPENGRAPH_NODE_FIELDS.environment]: n.environment } : {}),
      ...(n.tags.length > 0 ? { [OPENGRAPH_NODE_FIELDS.tags]: n.tags } : {}),
      [OPENGRAPH_NODE_FIELDS.source]: n.source,
      ...(n.properties as Record<string, PropValue>),
      ...provenanceProps(n.provenance),
      ...(analysis ? { pw_findings: found?.ids.size ?? 0 } : {}),
      ...(blast !== undefined ? { pw_blast_radius: blast } : {}),
      ...(found ? { pw_max_score: found.max, pw_finding_ids: [...found.ids].sort() } : {}),
    };
    return { id: toOpenGraphId(id), kinds: [openGraphKind(n.kind), OPENGRAPH_BASE_KIND], properties };
  });
  const edges = graph.edges().sort().map((key): OpenGraphEdge => {
    const e = graph.getEdgeAttributes(key);
    const ids = byEdge.get(key);
    const properties: Record<string, OpenGraphValue> = {
      ...(e.properties as Record<string, PropValue>),
      [OPENGRAPH_NODE_FIELDS.source]: e.source,
      pw_traversable: edgeSpec(e.kind).traversable,
      ...provenanceProps(e.provenance),
      ...(ids ? { pw_finding_ids: [...ids].sort() } : {}),
    };
    return {
      kind: openGraphKind(e.kind), start: { match_by: 'id', value: toOpenGraphId(e.from) },
      end: { match_by: 'id', value: toOpenGraphId(e.to) }, properties,
    };
  });
  return { metadata: { source_kind: OPENGRAPH_SOURCE_KIND }, graph: { nodes, edges } };
}

/** Font Awesome icon (name without `fa-`) and colour of each node kind in BloodHound. */
const NODE_STYLE = {
  Human: { icon: 'user', color: '#4E79A7' },
  AIAgent: { icon: 'robot', color: '#B07AA1' },
  ServiceAccount: { icon: 'user-gear', color: '#59A14F' },
  WorkloadIdentity: { icon: 'id-badge', color: '#76B7B2' },
  OAuthApp: { icon: 'plug', color: '#9C755F' },
  Group: { icon: 'users', color: '#EDC948' },
  Role: { icon: 'user-shield', color: '#F28E2B' },
  APIKey: { icon: 'key', color: '#E15759' },
  Token: { icon: 'ticket', color: '#FF9DA7' },
  Secret: { icon: 'user-secret', color: '#C44E52' },
  Model: { icon: 'brain', color: '#8CD17D' },
  Dataset: { icon: 'database', color: '#499894' },
  Pipeline: { icon: 'gears', color: '#86BCB6' },
  Resource: { icon: 'server', color: '#79706E' },
} as const satisfies Record<NodeKind, { icon: string; color: string }>;

/** The OpenGraph extension definition (installed once in BloodHound) declaring every kind and its traversability. */
export interface OpenGraphExtension {
  readonly schema: { readonly name: string; readonly display_name: string; readonly version: string; readonly namespace: string };
  readonly node_kinds: readonly {
    readonly name: string; readonly display_name: string; readonly description: string;
    readonly is_display_kind: boolean; readonly icon?: string; readonly color?: string;
  }[];
  readonly relationship_kinds: readonly { readonly name: string; readonly description: string; readonly is_traversable: boolean }[];
}

/** The extension definition for pathwarden's kinds, from the registries; `version` is pathwarden's (`0.1.0`). */
export function toOpenGraphExtension(version: string): OpenGraphExtension {
  return {
    schema: { name: 'pathwarden', display_name: 'pathwarden (NHI and AI agent attack paths)', version: `v${version}`, namespace: OPENGRAPH_NAMESPACE },
    node_kinds: [
      ...NODE_SPECS.map((s) => ({
        name: openGraphKind(s.kind), display_name: s.kind, description: s.summary, is_display_kind: true, ...NODE_STYLE[s.kind],
      })),
      { name: OPENGRAPH_BASE_KIND, display_name: 'pathwarden node', description: 'Every node pathwarden exports.', is_display_kind: false },
    ],
    relationship_kinds: EDGE_SPECS.map((s) => ({ name: openGraphKind(s.kind), description: s.summary, is_traversable: s.traversable })),
  };
}
