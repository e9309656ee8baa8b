// Edge kind MEMBER_OF: an identity is a member of a group or is bound to a role.
import { COMMON_EDGE_PROPS } from '../props.js';
import { ACTORS } from './actors.js';
import type { EdgeSpec } from './spec.js';

export const memberOf = {
  kind: 'MEMBER_OF',
  family: 'act-as',
  from: ACTORS,
  to: ['Group', 'Role'],
  traversable: true,
  summary: 'The source is a member of the group or bound to the role and inherits all its permissions.',
  why: 'Membership is identity: a member holds every permission of the group without any further step. It survives delegation.',
  abuse: 'No action needed; any permission granted to the group is usable by every member, including ones added long ago.',
  remediation: 'Remove stale memberships; grant permissions to narrow groups; review nested groups and role bindings regularly.',
  props: { ...COMMON_EDGE_PROPS },
  key: [],
} as const satisfies EdgeSpec;
