// Node kind Role: A role that identities are bound to or can assume; carries permissions.
import type { NodeSpec } from './spec.js';

export const role = {
  kind: 'Role',
  category: 'grouping',
  prefix: 'role',
  isSource: false,
  summary: 'A role that identities are bound to or can assume; carries permissions.',
  props: { arn: { type: 'string', summary: 'Provider-native identifier.' } },
} as const satisfies NodeSpec;
