// Node kind Human: A person with an account (employee, contractor, admin).
import type { NodeSpec } from './spec.js';

export const human = {
  kind: 'Human',
  category: 'identity',
  prefix: 'human',
  isSource: true,
  summary: 'A person with an account (employee, contractor, admin).',
  props: { email: { type: 'string', summary: 'Work e-mail address.' } },
} as const satisfies NodeSpec;
