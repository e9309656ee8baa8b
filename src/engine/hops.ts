// The step rules of a path, in CSR numbering: which slots continue a path (act-as steps) and which end it
// with a capability (terminal hops, including dataset/pipeline indirection). Shared by reach and paths.
import { ACCESS_ACTIONS, ALTER_ACTIONS, ENVIRONMENTS, type AlterAction, type Environment } from '../model/index.js';
import type { CompactGraph } from './compact.js';
import { IS_CAPABILITY, IS_CREDENTIAL, K, isTraversal } from './kinds.js';
import { DelegationScopes, UNRESTRICTED } from './scope.js';
import type { Capability, Effect } from './types.js';

const NONE = 255;
const PROD = ENVIRONMENTS.indexOf('prod' satisfies Environment);
const WRITE_DATA: AlterAction = 'write_training_data';
const TRAIN: AlterAction = 'train';
const DEPLOY: AlterAction = 'deploy';

/** True when slot `slot` is an act-as step (act-as kind, or a capability that enters its target). */
export function isStep(cg: CompactGraph, slot: number): boolean {
  return isTraversal(cg.edgeKind[slot] as number, cg.nodeKind[cg.targets[slot] as number] as number);
}

/** The delegation context after stepping through `slot` from `context`. */
export function contextAfter(cg: CompactGraph, scopes: DelegationScopes, context: number, slot: number): number {
  const target = cg.targets[slot] as number;
  if (IS_CREDENTIAL[cg.nodeKind[target] as number] === 1) return UNRESTRICTED;
  if (cg.edgeKind[slot] === K.DELEGATED) return scopes.push(context, cg.edgeScopeSet[slot] as number);
  return context;
}

/** Environment an invoke slot acts in: the edge's, else the model's, else prod. */
function invokeEnvironment(cg: CompactGraph, slot: number): string {
  const own = cg.edgeAction[slot] as number;
  const env = own !== NONE ? own : (cg.nodeEnv[cg.targets[slot] as number] as number);
  return ENVIRONMENTS[env === NONE ? PROD : env] as string;
}

function capability(effect: Effect, target: number, action: string, holder: number, edges: number[]): Capability {
  return { effect, target, action, holder, edges };
}

/**
 * The capabilities a capability slot gives its holder (none when the slot is not a capability):
 * CAN_ALTER→Model, CAN_INVOKE→Model, CAN_ACCESS→Resource directly; CAN_ALTER→Dataset/Pipeline through each
 * TRAINS/DEPLOYS slot of that dataset or pipeline. Delegation is checked by the caller on `slot` only.
 */
export function capabilitiesOf(cg: CompactGraph, holder: number, slot: number): Capability[] {
  const kind = cg.edgeKind[slot] as number;
  if (IS_CAPABILITY[kind] !== 1) return [];
  const target = cg.targets[slot] as number;
  const targetKind = cg.nodeKind[target] as number;
  const action = cg.edgeAction[slot] as number;
  if (kind === K.CAN_INVOKE && targetKind === K.Model) return [capability('invoke', target, invokeEnvironment(cg, slot), holder, [slot])];
  if (kind === K.CAN_ACCESS && targetKind === K.Resource) {
    return [capability('access', target, ACCESS_ACTIONS[action] ?? 'read', holder, [slot])];
  }
  if (kind !== K.CAN_ALTER) return [];
  if (targetKind === K.Model) return [capability('alter', target, ALTER_ACTIONS[action] ?? 'configure', holder, [slot])];
  if (targetKind !== K.Dataset && targetKind !== K.Pipeline) return [];
  const out: Capability[] = [];
  const end = cg.starts[target + 1] as number;
  for (let s = cg.starts[target] as number; s < end; s++) {
    const k = cg.edgeKind[s] as number;
    const model = cg.targets[s] as number;
    if (cg.nodeKind[model] !== K.Model) continue;
    if (k === K.TRAINS) out.push(capability('alter', model, targetKind === K.Dataset ? WRITE_DATA : TRAIN, holder, [slot, s]));
    else if (k === K.DEPLOYS && targetKind === K.Pipeline) out.push(capability('alter', model, DEPLOY, holder, [slot, s]));
  }
  return out;
}

/** Nodes a capability's edges pass through besides its holder (the dataset or pipeline of an indirect hop). */
export function capabilityVia(cg: CompactGraph, cap: Capability): number | undefined {
  return cap.edges.length > 1 ? (cg.targets[cap.edges[0] as number] as number) : undefined;
}
