// The files of a CSV inventory and their columns, derived from the node and edge registries: a new property
// in a spec is a new accepted column here without any edit.
import {
  COMMON_NODE_PROPS, edgeKindsOf, edgeSpec, kindsOf, nodeSpec,
  type EdgeKind, type NodeKind, type PropSpec,
} from '../../src/model/index.js';

/** A column that lists node ids, each of which becomes one edge between the row's node and the listed node. */
export interface LinkColumn {
  readonly column: string;
  readonly edge: EdgeKind;
  /** `out`: row node → listed node; `in`: listed node → row node. */
  readonly direction: 'out' | 'in';
}

/** A file of nodes, one per row. */
export interface NodeFileSpec {
  readonly role: 'nodes';
  readonly name: string;
  readonly kinds: readonly NodeKind[];
  /** Kind of rows that have no `kind` (the column is then optional). */
  readonly defaultKind?: NodeKind;
  readonly links: readonly LinkColumn[];
  /** Column holding secret material, replaced by its fingerprint and never stored. */
  readonly secretColumn?: string;
}

/** A file of edges, one per row. */
export interface EdgeFileSpec {
  readonly role: 'edges';
  readonly name: string;
  readonly kinds: readonly EdgeKind[];
  readonly fromColumn: string;
  readonly toColumn: string;
  /** True when each row names its edge kind in a `kind` column; else the file has exactly one kind. */
  readonly kindColumn: boolean;
}

export type CsvFileSpec = NodeFileSpec | EdgeFileSpec;

/** Node record fields every node file accepts (the kind-specific properties come from the node specs). */
export const NODE_FIELDS = ['id', 'kind', 'name', 'owner', 'environment', 'tags'] as const;
export type NodeField = (typeof NODE_FIELDS)[number];

/** Free extra columns: `x_<anything>`, kept as string properties. */
export const EXTRA_COLUMN = /^x_[a-z0-9_]+$/;

/** The known inventory files, by exact file name. exceptions.csv is not here: src/findings reads it. */
export const CSV_FILES: readonly CsvFileSpec[] = [
  { role: 'nodes', name: 'identities.csv', kinds: [...kindsOf('identity'), ...kindsOf('grouping')], links: [] },
  {
    role: 'nodes', name: 'credentials.csv', kinds: kindsOf('credential'), secretColumn: 'value',
    links: [
      { column: 'held_by', edge: 'HAS_CREDENTIAL', direction: 'in' },
      { column: 'authenticates_as', edge: 'AUTHENTICATES_AS', direction: 'out' },
    ],
  },
  {
    role: 'nodes', name: 'assets.csv', kinds: kindsOf('asset'),
    links: [
      { column: 'trains', edge: 'TRAINS', direction: 'out' },
      { column: 'deploys', edge: 'DEPLOYS', direction: 'out' },
    ],
  },
  { role: 'nodes', name: 'resources.csv', kinds: kindsOf('resource'), defaultKind: 'Resource', links: [] },
  { role: 'edges', name: 'oauth-grants.csv', kinds: ['DELEGATED'], fromColumn: 'app', toColumn: 'user', kindColumn: false },
  { role: 'edges', name: 'bindings.csv', kinds: edgeKindsOf('act-as'), fromColumn: 'from', toColumn: 'to', kindColumn: true },
  {
    role: 'edges', name: 'permissions.csv', kinds: [...edgeKindsOf('capability'), ...edgeKindsOf('structural')],
    fromColumn: 'from', toColumn: 'to', kindColumn: true,
  },
];

const BY_NAME = new Map(CSV_FILES.map((f) => [f.name, f]));

/** The spec of a known inventory file, by base name. */
export function csvFileSpec(name: string): CsvFileSpec | undefined {
  return BY_NAME.get(name);
}

/** Properties (name → spec) a row of this file may set: common node props plus the props of every accepted kind. */
export function fileProps(spec: CsvFileSpec): ReadonlyMap<string, PropSpec> {
  const out = new Map<string, PropSpec>();
  if (spec.role === 'nodes') {
    for (const [name, prop] of Object.entries(COMMON_NODE_PROPS)) out.set(name, prop);
    for (const kind of spec.kinds) for (const [name, prop] of Object.entries(nodeSpec(kind).props)) if (!out.has(name)) out.set(name, prop);
  } else {
    for (const kind of spec.kinds) for (const [name, prop] of Object.entries(edgeSpec(kind).props)) if (!out.has(name)) out.set(name, prop);
  }
  return out;
}

/** Every column name the file accepts (besides `x_…` extras), in documentation order. */
export function fileColumns(spec: CsvFileSpec): string[] {
  const cols: string[] = spec.role === 'nodes'
    ? [...NODE_FIELDS, ...fileProps(spec).keys(), ...spec.links.map((l) => l.column), ...(spec.secretColumn ? [spec.secretColumn] : [])]
    : [spec.fromColumn, ...(spec.kindColumn ? ['kind'] : []), spec.toColumn, ...fileProps(spec).keys()];
  return [...new Set(cols)];
}

/** Columns the header must have: ids and kinds, plus properties every kind of the file requires. */
export function requiredColumns(spec: CsvFileSpec): string[] {
  if (spec.role === 'edges') return [spec.fromColumn, ...(spec.kindColumn ? ['kind'] : []), spec.toColumn];
  const required: string[] = ['id', ...(spec.defaultKind ? [] : ['kind'])];
  for (const [name] of fileProps(spec)) {
    if (spec.kinds.every((k) => (nodeSpec(k).props as Record<string, PropSpec>)[name]?.required)) required.push(name);
  }
  return required;
}
