// Edge kind CAN_ASSUME: an identity can assume a role or switch to another identity.
import { COMMON_EDGE_PROPS } from '../props.js';
import { ACT_AS_TARGETS, ACTORS } from './actors.js';
import type { EdgeSpec } from './spec.js';

export const canAssume = {
  kind: 'CAN_ASSUME',
  family: 'act-as',
  from: ACTORS,
  to: ACT_AS_TARGETS,
  traversable: true,
  summary: 'The source can assume the target role or identity and receive its permissions.',
  why: 'Assuming a role yields a session with exactly the role\'s permissions, so the target\'s reach becomes the source\'s.',
  abuse: 'aws sts assume-role --role-arn …; gcloud --impersonate-service-account; chained role assumption across accounts.',
  remediation: 'Narrow the trust policy to named principals, add conditions (MFA, source identity, external id), remove unused trust.',
  props: { ...COMMON_EDGE_PROPS },
  key: [],
  defaultScope: () => 'assume',
} as const satisfies EdgeSpec;
