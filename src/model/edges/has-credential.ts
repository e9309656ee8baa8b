// Edge kind HAS_CREDENTIAL: an identity, pipeline or system holds (can read) a credential.
import { COMMON_EDGE_PROPS } from '../props.js';
import { CREDENTIALS, HOLDERS } from './actors.js';
import type { EdgeSpec } from './spec.js';

export const hasCredential = {
  kind: 'HAS_CREDENTIAL',
  family: 'act-as',
  from: HOLDERS,
  to: CREDENTIALS,
  traversable: true,
  summary: 'The source holds the credential: it is in its config, environment, secret store or memory.',
  why: 'Anything that can read a credential can use it; the credential does not know who presents it.',
  abuse: 'Compromise the holder (agent prompt injection, CI job, host) and exfiltrate the credential from its environment or config file.',
  remediation: 'Remove the credential from the holder; inject it at run time from a vault with per-workload identity; scope it to the holder.',
  props: {
    ...COMMON_EDGE_PROPS,
    via: { type: 'string', summary: 'Where the holder keeps it (env var name, config path, secret mount).' },
  },
  key: [],
} as const satisfies EdgeSpec;
