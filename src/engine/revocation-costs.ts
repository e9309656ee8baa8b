// What each cut option of a revocation plan costs, declared once: per edge kind, and for revoking a credential.
// docs/scope.md renders these tables with the reasoning; src/engine/revocation.ts is the only consumer.
import type { EdgeKind } from '../model/index.js';

/** The cost of cutting one edge of a kind. */
export interface CutCostSpec {
  /** Cost of cutting one such edge; null = never cut (the plan must cut elsewhere). */
  readonly base: number | null;
  /** Added per principal outside the compromise that relies on the edge (reaches its tail by act-as). */
  readonly perRelying: 0 | 1;
  /** What the operator does to cut it. */
  readonly action: string;
  /** Why it costs this much. */
  readonly why: string;
}

const SECRET_COPY = 'The holder is on the attacker\'s path and may already have copied the value; removing the copy does not un-leak it. Revoke (rotate) the credential instead.';

/**
 * Cost of cutting an edge, by kind. Cheapest are cuts that only touch the compromise; a binding or a
 * permission costs more, and more again for each principal outside the compromise that would lose it.
 */
export const EDGE_CUT_COSTS = {
  AUTHENTICATES_AS: { base: null, perRelying: 0, action: 'revoke the credential', why: 'A credential has no off switch besides itself: it is cut by revoking the credential node.' },
  HAS_CREDENTIAL: { base: null, perRelying: 0, action: 'revoke the credential', why: SECRET_COPY },
  CAN_READ_SECRET: { base: null, perRelying: 0, action: 'revoke the credential', why: SECRET_COPY },
  CAN_MINT_CREDENTIAL: {
    base: null, perRelying: 0, action: 'cut what the identity can do',
    why: 'A credential the attacker already minted outlives the right to mint it (and is not in the inventory); cut past the identity.',
  },
  DELEGATED: { base: 3, perRelying: 0, action: 'revoke the OAuth grant', why: 'One consent of one user to one app: revoking it ends the app\'s refresh tokens for that user only.' },
  MEMBER_OF: { base: 5, perRelying: 1, action: 'remove the membership or role binding', why: 'A binding change: everyone who acts through the member loses the group\'s or role\'s rights.' },
  CAN_ASSUME: { base: 5, perRelying: 1, action: 'remove the principal from the trust policy', why: 'A trust-policy change: everyone who acts through the principal loses the role. Sessions already issued run until they expire.' },
  CAN_IMPERSONATE: { base: 5, perRelying: 1, action: 'remove the impersonation right', why: 'A binding change, like a role binding. Tokens already issued run until they expire.' },
  RUNS_AS: { base: 5, perRelying: 1, action: 'run the workload as another identity', why: 'Re-identifying a pipeline, agent or pod is a deployment change for everyone who controls it.' },
  CAN_ALTER: { base: 8, perRelying: 1, action: 'remove the permission', why: 'A permission-policy change on the holder: riskier than a binding, and it affects every user of the holder.' },
  CAN_INVOKE: { base: 8, perRelying: 1, action: 'remove the permission', why: 'As CAN_ALTER: the model\'s consumers through this holder stop working.' },
  CAN_ACCESS: { base: 8, perRelying: 1, action: 'remove the permission', why: 'As CAN_ALTER: every user of the holder loses the system.' },
  TRAINS: { base: null, perRelying: 0, action: 'cut the write access to the dataset or pipeline', why: 'Structural: how a model is built, not an access grant; the plan cuts the CAN_ALTER before it.' },
  DEPLOYS: { base: null, perRelying: 0, action: 'cut the write access to the pipeline', why: 'Structural, as TRAINS.' },
} as const satisfies Record<EdgeKind, CutCostSpec>;

/** Cost of revoking a credential node (APIKey, Token, Secret) in the compromise. */
export const CREDENTIAL_REVOKE_COSTS = {
  /** The compromised credential itself: it is leaked and must go anyway, so it is always the cheapest cut. */
  source: 1,
  /** Any other credential the compromise reaches (it is exposed too)… */
  base: 2,
  /** …plus one per holder or user outside the compromise that must be given a new value. */
  perRelying: 1,
} as const;
