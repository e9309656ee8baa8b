// Edge kind DELEGATED: an OAuth app or agent acts on behalf of a user, limited by the granted scopes.
import { COMMON_EDGE_PROPS } from '../props.js';
import type { EdgeSpec } from './spec.js';

export const delegated = {
  kind: 'DELEGATED',
  family: 'act-as',
  from: ['OAuthApp', 'AIAgent', 'ServiceAccount', 'WorkloadIdentity', 'Pipeline'],
  to: ['Human', 'ServiceAccount', 'AIAgent', 'WorkloadIdentity'],
  traversable: true,
  summary: 'The source acts on behalf of the target through a delegated grant, limited to the granted scopes.',
  why: 'A grant lets the app call APIs as the user; past it, only edges whose scope matches the granted scopes are traversable (empty scopes = full delegation).',
  abuse: 'Steal the app\'s refresh token or client secret, or prompt-inject the agent, then call APIs as every user who consented.',
  remediation: 'Reduce scopes to what the app needs, set grant expiry, revoke unused consents, require admin consent for broad scopes.',
  props: {
    ...COMMON_EDGE_PROPS,
    scopes: { type: 'string[]', summary: 'Granted scopes; globs allowed (files.*). Empty means unrestricted delegation.' },
  },
  key: [],
} as const satisfies EdgeSpec;
