// Node kind Resource: A system reachable with permissions (database, bucket, vault, SaaS tenant) with a sensitivity tier.
import type { NodeSpec } from './spec.js';

export const resource = {
  kind: 'Resource',
  category: 'resource',
  prefix: 'res',
  isSource: false,
  summary: 'A system reachable with permissions (database, bucket, vault, SaaS tenant) with a sensitivity tier.',
  props: {
    tier: { type: 'integer', min: 0, max: 4, required: true, summary: 'Sensitivity: 0 = crown jewel … 4 = low.' },
    type: { type: 'string', summary: 'What kind of system (database, bucket, vault, cluster, saas…).' },
  },
} as const satisfies NodeSpec;
