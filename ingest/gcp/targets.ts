// What a role's classified permissions reach on the resource its binding is set on (permissions.ts): on a project,
// folder or organization, the stand-ins for all its service accounts, models and buckets; on a service account,
// that account; on a bucket, that bucket; on a Vertex AI resource, that model.
import type { AlterAction, EdgeKind, NodeRecord, Provenance } from '../../src/model/index.js';
import {
  anyServiceAccountNode, bucketId, containerBucketsId, containerModelsId, gcpNode, serviceAccountId, vertexModelId, type Scope,
} from './ids.js';
import { permissionSpec, type PermissionUse } from './permissions.js';

/** One edge a binding's role gets, and the node it points at. */
export interface Target {
  readonly kind: EdgeKind;
  readonly action?: AlterAction;
  readonly node: NodeRecord;
}

/** The targets of `permissions` granted on `scope`; `account` is the e-mail of a service-account scope. */
export function targetsOf(scope: Scope, permissions: readonly string[], account: string | undefined, at: Provenance): Target[] {
  const out = new Map<string, Target>();
  const add = (kind: EdgeKind, node: NodeRecord, action?: AlterAction): void => {
    out.set(`${kind}|${node.id}|${action ?? ''}`, { kind, node, ...(action ? { action } : {}) });
  };
  for (const permission of [...permissions].sort()) {
    const spec = permissionSpec(permission);
    if (spec === undefined) continue;
    const node = targetNode(scope, spec.use, account, at);
    if (node === undefined) continue;
    if (spec.use === 'impersonate') add('CAN_IMPERSONATE', node);
    else if (spec.use === 'mint') add('CAN_MINT_CREDENTIAL', node);
    else if (spec.use === 'consume') add('CAN_INVOKE', node);
    else add('CAN_ALTER', node, spec.alter);
  }
  return [...out.values()];
}

function targetNode(scope: Scope, use: PermissionUse, account: string | undefined, at: Provenance): NodeRecord | undefined {
  const model = use === 'alter' || use === 'consume';
  switch (scope.type) {
    case 'container':
      if (use === 'impersonate' || use === 'mint') return anyServiceAccountNode(scope.key, at);
      if (model) {
        return gcpNode(containerModelsId(scope.key), 'Model', `Vertex AI models of ${scope.key}`, {
          provider: 'vertex', reference: true, description: `Stands for every Vertex AI (and AI Platform) model of ${scope.key}.`,
        }, at);
      }
      return gcpNode(containerBucketsId(scope.key), 'Dataset', `Cloud Storage buckets of ${scope.key}`, {
        reference: true, description: `Stands for every Cloud Storage bucket of ${scope.key}.`,
      }, at);
    case 'service-account':
      if ((use !== 'impersonate' && use !== 'mint') || account === undefined) return undefined;
      return gcpNode(serviceAccountId(account), 'ServiceAccount', account, { arn: account, reference: true }, at);
    case 'bucket':
      return use === 'write-data' ? gcpNode(bucketId(scope.bucket), 'Dataset', `Cloud Storage bucket ${scope.bucket}`, { reference: true, x_bucket: scope.bucket }, at) : undefined;
    case 'vertex':
      return model ? gcpNode(vertexModelId(scope.key), 'Model', scope.key, { provider: 'vertex', reference: true, x_resource: scope.key }, at) : undefined;
    case 'other':
      return undefined;
  }
}
