// Edge kind AUTHENTICATES_AS: a credential logs in as an identity.
import { COMMON_EDGE_PROPS } from '../props.js';
import { ACT_AS_TARGETS, CREDENTIALS } from './actors.js';
import type { EdgeSpec } from './spec.js';

export const authenticatesAs = {
  kind: 'AUTHENTICATES_AS',
  family: 'act-as',
  from: CREDENTIALS,
  to: ACT_AS_TARGETS,
  traversable: true,
  summary: 'Whoever presents the credential is authenticated as the target identity.',
  why: 'A bearer credential carries the full power of the identity it belongs to; holding it is acting as it.',
  abuse: 'Use the leaked key or token directly against the provider API (aws sts get-caller-identity, curl -H "Authorization: Bearer …").',
  remediation: 'Rotate or revoke the credential; prefer short-lived federated credentials; bind keys to source IP or workload.',
  props: { ...COMMON_EDGE_PROPS },
  key: [],
} as const satisfies EdgeSpec;
