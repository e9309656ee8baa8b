// Node kind APIKey: A long-lived API key or access key.
import { CREDENTIAL_PROPS } from '../props.js';
import type { NodeSpec } from './spec.js';

export const apiKey = {
  kind: 'APIKey',
  category: 'credential',
  prefix: 'key',
  isSource: true,
  summary: 'A long-lived API key or access key.',
  props: { ...CREDENTIAL_PROPS },
} as const satisfies NodeSpec;
