// Node kind Pipeline: A CI/CD or ML pipeline; it runs with its own identity and trains or deploys models.
import type { NodeSpec } from './spec.js';

export const pipeline = {
  kind: 'Pipeline',
  category: 'asset',
  prefix: 'pipeline',
  isSource: true,
  summary: 'A CI/CD or ML pipeline; it runs with its own identity and trains or deploys models.',
  props: { repository: { type: 'string', summary: 'Repository or project that defines the pipeline.' } },
} as const satisfies NodeSpec;
