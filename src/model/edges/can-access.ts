// Edge kind CAN_ACCESS: the source can read, write or administer a resource.
import { ACCESS_ACTIONS, COMMON_EDGE_PROPS } from '../props.js';
import { ACTORS } from './actors.js';
import type { EdgeSpec } from './spec.js';

export const canAccess = {
  kind: 'CAN_ACCESS',
  family: 'capability',
  from: ACTORS,
  to: ['Resource'],
  traversable: false,
  summary: 'The source can read, write or administer the resource.',
  why: 'Terminal: access to a system is the outcome the blast radius measures, weighted by the resource tier.',
  abuse: 'Exfiltrate (read), tamper or ransom (write), or take over and persist (admin).',
  remediation: 'Grant the least action needed; put tier-0 systems behind dedicated identities with short-lived credentials.',
  props: {
    ...COMMON_EDGE_PROPS,
    action: { type: 'enum', values: ACCESS_ACTIONS, required: true, summary: 'read, write or admin.' },
  },
  key: ['action'],
  defaultScope: (p) => `access:${String(p['action'])}`,
} as const satisfies EdgeSpec;
