// Edge kind CAN_MINT_CREDENTIAL: the source can create a new key or secret for the target identity.
import { COMMON_EDGE_PROPS } from '../props.js';
import { ACT_AS_TARGETS, ACTORS } from './actors.js';
import type { EdgeSpec } from './spec.js';

export const canMintCredential = {
  kind: 'CAN_MINT_CREDENTIAL',
  family: 'act-as',
  from: ACTORS,
  to: ACT_AS_TARGETS,
  traversable: true,
  summary: 'The source can create credentials (access keys, client secrets, tokens) for the target identity.',
  why: 'A freshly minted credential authenticates as the target, so minting is acting as it.',
  abuse: 'aws iam create-access-key --user-name target; az ad app credential reset; adding a client secret to a service principal.',
  remediation: 'Deny credential creation on other identities (iam:CreateAccessKey on *, Application.ReadWrite.All); alert on new credentials.',
  props: { ...COMMON_EDGE_PROPS },
  key: [],
  defaultScope: () => 'credentials:write',
} as const satisfies EdgeSpec;
