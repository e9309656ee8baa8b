// Edge kind CAN_READ_SECRET: the source can read a stored credential's value.
import { COMMON_EDGE_PROPS } from '../props.js';
import { ACTORS, CREDENTIALS } from './actors.js';
import type { EdgeSpec } from './spec.js';

export const canReadSecret = {
  kind: 'CAN_READ_SECRET',
  family: 'act-as',
  from: ACTORS,
  to: CREDENTIALS,
  traversable: true,
  summary: 'The source can read the value of the credential from a vault, secret store or parameter store.',
  why: 'Reading a secret yields the bearer credential itself; once read, it is no longer bound by any delegation.',
  abuse: 'vault kv get, aws secretsmanager get-secret-value, kubectl get secret -o yaml, reading CI variables.',
  remediation: 'Restrict read access to the consuming workload only; use dynamic secrets; audit secret reads.',
  props: { ...COMMON_EDGE_PROPS },
  key: [],
  defaultScope: () => 'secrets:read',
} as const satisfies EdgeSpec;
