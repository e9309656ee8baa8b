// Node kind Model: An AI model: weights plus its prompt, guardrail and serving configuration.
import type { NodeSpec } from './spec.js';

export const model = {
  kind: 'Model',
  category: 'asset',
  prefix: 'model',
  isSource: false,
  summary: 'An AI model: weights plus its prompt, guardrail and serving configuration.',
  props: {
    tier: { type: 'integer', min: 0, max: 4, summary: 'Criticality of the model, 0 = crown jewel … 4 = low (default 1).' },
    provider: { type: 'string', summary: 'Serving provider or registry (bedrock, vertex, sagemaker, self-hosted…).' },
  },
} as const satisfies NodeSpec;
