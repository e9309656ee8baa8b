// Edge kind CAN_ALTER: the source can change a model, a dataset that trains it, or a pipeline that builds it.
import { ALTER_ACTIONS, COMMON_EDGE_PROPS } from '../props.js';
import { ACTORS } from './actors.js';
import type { EdgeSpec } from './spec.js';

export const canAlter = {
  kind: 'CAN_ALTER',
  family: 'capability',
  from: ACTORS,
  to: ['Model', 'Dataset', 'Pipeline'],
  traversable: false,
  entersTarget: ['Pipeline'],
  summary: 'The source can change the target model (weights, training data, prompt, guardrails, config, promotion or deployment).',
  why: 'Terminal: altering a model is an outcome, not a new identity. Exception: altering a Pipeline lets you run code as it, so paths continue into the pipeline.',
  abuse: 'Poison training data, fine-tune in a backdoor, swap weights in the registry, weaken the system prompt or guardrail, promote an unreviewed version.',
  remediation: 'Separate who trains/promotes from who consumes; require review for promotion; sign and verify model artefacts.',
  props: {
    ...COMMON_EDGE_PROPS,
    action: { type: 'enum', values: ALTER_ACTIONS, required: true, summary: 'How the model is altered.' },
  },
  key: ['action'],
  defaultScope: (p) => `alter:${String(p['action'])}`,
} as const satisfies EdgeSpec;
