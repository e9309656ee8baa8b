// Node kind OAuthApp: An OAuth/OIDC client application that can act on behalf of users it holds grants from.
import type { NodeSpec } from './spec.js';

export const oauthApp = {
  kind: 'OAuthApp',
  category: 'identity',
  prefix: 'app',
  isSource: true,
  summary: 'An OAuth/OIDC client application that can act on behalf of users it holds grants from.',
  props: {
    publisher: { type: 'string', summary: 'Who publishes the app (first party, vendor name).' },
    client_id: { type: 'string', summary: 'OAuth client id (public identifier, not a secret).' },
  },
} as const satisfies NodeSpec;
