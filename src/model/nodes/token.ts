// Node kind Token: A bearer token (personal access token, OAuth refresh/access token, session token).
import { CREDENTIAL_PROPS } from '../props.js';
import type { NodeSpec } from './spec.js';

export const token = {
  kind: 'Token',
  category: 'credential',
  prefix: 'token',
  isSource: true,
  summary: 'A bearer token (personal access token, OAuth refresh/access token, session token).',
  props: { ...CREDENTIAL_PROPS },
} as const satisfies NodeSpec;
