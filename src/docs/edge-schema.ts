// Facts about one edge kind derived from its spec, shared by the overview page and the per-kind Schema section.
import { FREE_UNDER_SCOPE } from '../engine/kinds.js';
import { EDGE_KINDS, edgeSpec, nodeSpec, type EdgeKind, type NodeKind, type PropSpec } from '../model/index.js';
import { cell, code, codeList, table } from './markdown.js';

/**
 * Kinds that stay traversable under a restricted delegation whatever their scope: membership is identity,
 * and a further grant narrows the context itself. Read from the engine's own table, so docs cannot drift.
 */
export const DELEGATION_EXEMPT: readonly EdgeKind[] = EDGE_KINDS.filter((_, i) => FREE_UNDER_SCOPE[i] === 1);

/** Repository path of the spec file of a kind (`CAN_ALTER` → `src/model/edges/can-alter.ts`). */
export function edgeSpecFile(kind: EdgeKind): string {
  return `src/model/edges/${kind.toLowerCase().replace(/_/g, '-')}.ts`;
}

/**
 * The default scope keys a kind produces: `spec.defaultScope` called once per value of the first enum key
 * property (each action or environment), or once with no properties. Empty when the kind has none.
 */
export function defaultScopeKeys(kind: EdgeKind): string[] {
  const spec = edgeSpec(kind);
  if (!spec.defaultScope) return [];
  const enumKey = spec.key.find((k) => spec.props[k]?.type === 'enum');
  const values = enumKey ? (spec.props[enumKey]?.values ?? []) : [];
  const samples = enumKey && values.length > 0 ? values.map((v) => ({ [enumKey]: v })) : [{}];
  const keys: string[] = [];
  for (const props of samples) {
    const key = spec.defaultScope(props);
    if (key !== undefined && !keys.includes(key)) keys.push(key);
  }
  return keys;
}

/** How a kind behaves after a DELEGATED edge with non-empty scopes, in one sentence. */
export function delegationRule(kind: EdgeKind): string {
  const spec = edgeSpec(kind);
  if (kind === 'DELEGATED') return 'Always allowed; its own non-empty `scopes` add one more set every later edge must match.';
  if (DELEGATION_EXEMPT.includes(kind)) return 'Always allowed: membership is identity and survives delegation.';
  if (spec.family === 'structural') return 'Not checked: it is only taken right after a capability edge that was checked.';
  if (spec.from.every((k) => nodeSpec(k as NodeKind).category === 'credential')) {
    return 'Never restricted in practice: its source is a credential, and entering a credential resets the context to unrestricted.';
  }
  const keys = defaultScopeKeys(kind);
  if (keys.length === 0) return 'Blocked unless the edge carries an explicit `scope` that matches every granted scope set.';
  return 'Allowed when its scope key (explicit `scope`, else the default key) matches every granted scope set.';
}

function typeOf(prop: PropSpec): string {
  switch (prop.type) {
    case 'enum': return `enum: ${codeList(prop.values ?? [])}`;
    case 'string[]': return 'list of strings (`;`-separated in CSV)';
    case 'datetime': return 'datetime (ISO-8601)';
    case 'integer': return prop.min !== undefined && prop.max !== undefined ? `integer ${prop.min}–${prop.max}` : 'integer';
    default: return prop.type;
  }
}

/** The generated body of the "## Schema" section of docs/edges/<KIND>.md. */
export function renderEdgeSchema(kind: EdgeKind): string {
  const spec = edgeSpec(kind);
  const file = edgeSpecFile(kind);
  const facts: [string, string][] = [
    ['Family', code(spec.family)],
    ['Source kinds', codeList(spec.from)],
    ['Target kinds', codeList(spec.to)],
    ['Traversable', `${spec.traversable ? 'yes' : 'no'} — ${spec.why}`],
  ];
  if (spec.entersTarget && spec.entersTarget.length > 0) {
    facts.push(['Enters target', `${codeList(spec.entersTarget)}: a path also continues into these targets as an act-as step`]);
  }
  facts.push(
    ['Key properties', spec.key.length > 0 ? codeList(spec.key) : 'none (one edge per kind between two nodes)'],
    ['Default scope key', defaultScopeKeys(kind).length > 0 ? codeList(defaultScopeKeys(kind)) : 'none'],
    ['Under a restricted delegation', delegationRule(kind)],
    ['Spec', `[${code(file)}](../../${file})`],
  );
  const props = Object.entries(spec.props).map(([name, prop]) => [
    code(name), cell(typeOf(prop)), prop.required ? 'yes' : 'no', cell(prop.summary),
  ]);
  return [
    table(['Field', 'Value'], facts.map(([k, v]) => [k, cell(v)])),
    `Properties of ${code(kind)} edges:\n`,
    table(['Property', 'Type', 'Required', 'Description'], props),
  ].join('\n');
}
