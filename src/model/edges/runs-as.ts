// Edge kind RUNS_AS: a pipeline, agent or workload executes with the target identity.
import { COMMON_EDGE_PROPS } from '../props.js';
import type { EdgeSpec } from './spec.js';

export const runsAs = {
  kind: 'RUNS_AS',
  family: 'act-as',
  from: ['Pipeline', 'AIAgent', 'WorkloadIdentity'],
  to: ['ServiceAccount', 'WorkloadIdentity', 'Role'],
  traversable: true,
  summary: 'The source executes with the target identity (CI runner service account, agent runtime role, pod service account).',
  why: 'Code running in the source gets the target\'s ambient credentials, so controlling the source is acting as the target.',
  abuse: 'Poisoned pipeline execution or agent tool misuse: make the runtime call APIs with its ambient identity.',
  remediation: 'Give each pipeline and agent its own least-privilege identity; use OIDC federation scoped to branch and environment.',
  props: { ...COMMON_EDGE_PROPS },
  key: [],
} as const satisfies EdgeSpec;
