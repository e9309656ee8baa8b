// Edge kind CAN_IMPERSONATE: the source can get tokens as the target without its credentials.
import { COMMON_EDGE_PROPS } from '../props.js';
import { ACT_AS_TARGETS, ACTORS } from './actors.js';
import type { EdgeSpec } from './spec.js';

export const canImpersonate = {
  kind: 'CAN_IMPERSONATE',
  family: 'act-as',
  from: ACTORS,
  to: ACT_AS_TARGETS,
  traversable: true,
  summary: 'The source can obtain tokens or sessions as the target (token creator, domain-wide delegation, sudo-like rights).',
  why: 'Impersonation yields the target\'s full authority without touching its credentials.',
  abuse: 'gcloud auth print-access-token --impersonate-service-account; kubectl --as; Google domain-wide delegation to any user.',
  remediation: 'Remove token-creator / impersonation rights; restrict them to specific targets; alert on impersonation events.',
  props: { ...COMMON_EDGE_PROPS },
  key: [],
  defaultScope: () => 'impersonate',
} as const satisfies EdgeSpec;
