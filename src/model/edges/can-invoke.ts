// Edge kind CAN_INVOKE: the source can call the model (consume its output).
import { COMMON_EDGE_PROPS, ENVIRONMENTS } from '../props.js';
import { ACTORS } from './actors.js';
import type { EdgeSpec } from './spec.js';

export const canInvoke = {
  kind: 'CAN_INVOKE',
  family: 'capability',
  from: ACTORS,
  to: ['Model'],
  traversable: false,
  summary: 'The source can invoke the model and act on its output in the given environment.',
  why: 'Terminal: invoking a model consumes it; it grants no new identity.',
  abuse: 'Together with an alter right: plant a backdoor through training or the prompt, then trigger it in production.',
  remediation: 'Keep consumers and modifiers apart; scope invoke rights to the environment that needs them.',
  props: {
    ...COMMON_EDGE_PROPS,
    environment: { type: 'enum', values: ENVIRONMENTS, summary: 'Environment the invocation happens in (defaults to the model\'s).' },
  },
  key: ['environment'],
  defaultScope: () => 'invoke',
} as const satisfies EdgeSpec;
