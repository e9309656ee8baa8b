// Node kind Dataset: A dataset; writing one that TRAINS a model alters that model.
import type { NodeSpec } from './spec.js';

export const dataset = {
  kind: 'Dataset',
  category: 'asset',
  prefix: 'dataset',
  isSource: false,
  summary: 'A dataset; writing one that TRAINS a model alters that model.',
  props: { classification: { type: 'string', summary: 'Data classification (public, internal, confidential, pii…).' } },
} as const satisfies NodeSpec;
