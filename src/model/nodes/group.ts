// Node kind Group: A group of identities; members inherit its permissions.
import type { NodeSpec } from './spec.js';

export const group = {
  kind: 'Group',
  category: 'grouping',
  prefix: 'group',
  isSource: false,
  summary: 'A group of identities; members inherit its permissions.',
  props: {},
} as const satisfies NodeSpec;
