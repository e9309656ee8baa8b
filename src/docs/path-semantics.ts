// The "Path semantics" part of docs/edges.md: how the engine turns edges into paths and findings.
// Kind names come from the registries or are type-checked literals, so a renamed kind breaks the build.
import {
  CREDENTIAL_STATUSES, EDGE_KINDS, edgeKindsOf, edgeSpec, kindsOf, nodeSpec, NODE_KINDS, SOURCE_KINDS,
  type AccessAction, type AlterAction, type EdgeKind, type Environment, type NodeKind,
} from '../model/index.js';
import { defaultScopeKeys, delegationRule } from './edge-schema.js';
import { cell, code, codeList, table } from './markdown.js';

/** A link from docs/edges.md to the page of a kind. */
export function kindLink(kind: EdgeKind): string {
  return `[${code(kind)}](edges/${kind}.md)`;
}

const WRITE_DATA: AlterAction = 'write_training_data';
const TRAIN: AlterAction = 'train';
const DEPLOY: AlterAction = 'deploy';
const PROD: Environment = 'prod';
const ACCESS: readonly AccessAction[] = ['read', 'write', 'admin'];
const node = (kind: NodeKind): string => code(kind);

function terminalHops(): string {
  const rows = [
    [`${kindLink('CAN_ALTER')} → ${node('Model')}`, code('alter'), 'the edge\'s `action`'],
    [`${kindLink('CAN_ALTER')} → ${node('Dataset')}, then ${kindLink('TRAINS')} → ${node('Model')}`, `${code('alter')} on the model`, code(WRITE_DATA)],
    [`${kindLink('CAN_ALTER')} → ${node('Pipeline')}, then ${kindLink('TRAINS')} → ${node('Model')}`, `${code('alter')} on the model`, code(TRAIN)],
    [`${kindLink('CAN_ALTER')} → ${node('Pipeline')}, then ${kindLink('DEPLOYS')} → ${node('Model')}`, `${code('alter')} on the model`, code(DEPLOY)],
    [`${kindLink('CAN_INVOKE')} → ${node('Model')}`, code('invoke'), `the edge's \`environment\`, else the model node's \`environment\`, else ${code(PROD)}`],
    [`${kindLink('CAN_ACCESS')} → ${node('Resource')}`, code('access'), `the edge's \`action\`: ${codeList(ACCESS)}`],
  ];
  return [
    '### Paths and terminal hops\n',
    `A path starts at a source: a node whose kind can start a finding (${codeList(SOURCE_KINDS)}). It follows act-as edges`
      + ` (${edgeKindsOf('act-as').map(kindLink).join(', ')}) and never visits a node twice.`
      + ' It may end with exactly one terminal hop, which is what findings are made of:\n',
    table(['Terminal hop', 'Effect', 'Action'], rows.map((r) => r.map(cell))),
    `Separation of duties (SoD) looks for one source that can both \`alter\` and \`invoke\` the same model, counting only invokes whose action is ${code(PROD)} (consume in production).`
      + ' Sensitive reach looks for `access` to a resource whose `tier` is at most the threshold (default 1; tier 0 is a crown jewel).'
      + ' Blast radius weighs everything a source reaches by tier and action.\n',
  ].join('\n');
}

function indirection(): string {
  const structural = edgeKindsOf('structural');
  const entering = EDGE_KINDS.filter((k) => (edgeSpec(k).entersTarget?.length ?? 0) > 0);
  const lines = [
    '### Dataset and pipeline indirection\n',
    `Structural edges (${structural.map(kindLink).join(', ')}) are never steps on their own. One is followed only directly after a`
      + ` ${kindLink('CAN_ALTER')} edge into its source: whoever can write a dataset that trains a model changes the model at the next`
      + ' training run, and whoever can change a pipeline that trains or deploys a model decides what the model becomes.'
      + ' The finding names the model, with the dataset or pipeline as the last hop before it.\n',
    '### Pipeline takeover\n',
  ];
  for (const kind of entering) {
    lines.push(
      `${kindLink(kind)} into ${codeList(edgeSpec(kind).entersTarget ?? [])} is also an act-as step (\`entersTarget\`): who can change a`
        + ' pipeline\'s definition runs code as the pipeline. So besides its terminal hop, the edge lets the path continue into the'
        + ` pipeline and on along the pipeline's own act-as edges (${kindLink('RUNS_AS')} to its service account,`
        + ` ${kindLink('HAS_CREDENTIAL')} to the secrets it is given) and its own capability edges. The pipeline's`
        + ` ${kindLink('TRAINS')}/${kindLink('DEPLOYS')} edges are not steps from there: the model they point at is already`
        + ' reported as altered by the hop that entered the pipeline. This is poisoned pipeline execution (MITRE ATT&CK T1677) expressed as a graph rule.\n',
    );
  }
  return lines.join('\n');
}

function delegation(): string {
  const credentialKinds = kindsOf('credential');
  const rows = EDGE_KINDS.map((kind) => {
    const keys = defaultScopeKeys(kind);
    return [kindLink(kind), keys.length > 0 ? codeList(keys) : 'none', cell(delegationRule(kind))];
  });
  return [
    '### Delegation scopes\n',
    `A ${kindLink('DELEGATED')} edge whose \`scopes\` list is non-empty restricts everything after it on the path. The traversal carries`
      + ' a context: the list of scope sets of the restricting grants taken so far (empty = unrestricted). Under a restricted context an'
      + ' edge is allowed only if its scope key matches at least one pattern of every set in the context. The scope key is the edge\'s'
      + ' explicit `scope` property, else the default key of its kind (table below); an edge with no key is not allowed.'
      + ' A pattern matches exactly, or as a glob in which `*` stands for any run of characters (`alter:*`, `files.*`, `*`).'
      + ` Terminal hops are checked the same way (the capability edge must be allowed; the structural edge after it is not checked).`
      + ` A grant with empty or absent \`scopes\` is full delegation and pushes nothing.\n`,
    `Entering a credential node (${codeList(credentialKinds)}) resets the context to unrestricted: whoever holds a bearer secret is no`
      + ' longer bound by the delegation it was read through.\n',
    'Default scope keys per kind, computed by calling each spec\'s `defaultScope` with each value of its key property:\n',
    table(['Kind', 'Default scope key', 'Under a restricted delegation'], rows),
  ].join('\n');
}

function timeValidity(): string {
  const timed = NODE_KINDS.filter((k) => 'expires_at' in nodeSpec(k).props);
  const timedEdges = EDGE_KINDS.filter((k) => 'expires_at' in edgeSpec(k).props);
  const edgeScope = timedEdges.length === EDGE_KINDS.length ? 'every edge kind' : codeList(timedEdges);
  const inactive = CREDENTIAL_STATUSES.filter((s) => s !== 'active');
  return [
    '### Time validity\n',
    'Every analysis runs at a point in time `at` (default: now). Dates are ISO-8601 and compared in UTC.\n',
    `- A credential node (${codeList(timed)}) whose \`status\` is ${inactive.map(code).join(' or ')}, whose \`expires_at\` is at or before \`at\`,`
      + ' or whose `created_at` is after `at` is not traversable: it is treated as absent, with no edges in or out, and is not a source.',
    `- An edge (${edgeScope} may carry \`created_at\`/\`expires_at\`) whose \`expires_at\` is at or before \`at\`, or whose \`created_at\``
      + ' is after `at`, is absent. An expired OAuth grant or a role binding that ended therefore yields no path.',
    '- Absent `expires_at` means no expiry. `last_used_at` and `last_rotated_at` do not change reachability; they tell a reviewer'
      + ' which credentials are unused or never rotated.\n',
  ].join('\n');
}

/** The path-semantics section of docs/edges.md (terminal hops, indirection, takeover, delegation, time). */
export function renderPathSemantics(): string {
  return ['## Path semantics\n', terminalHops(), indirection(), delegation(), timeValidity()].join('\n');
}
