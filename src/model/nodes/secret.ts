// Node kind Secret: A stored secret (password, private key, connection string) in a vault or config.
import { CREDENTIAL_PROPS } from '../props.js';
import type { NodeSpec } from './spec.js';

export const secret = {
  kind: 'Secret',
  category: 'credential',
  prefix: 'secret',
  isSource: true,
  summary: 'A stored secret (password, private key, connection string) in a vault or config.',
  props: { ...CREDENTIAL_PROPS },
} as const satisfies NodeSpec;
