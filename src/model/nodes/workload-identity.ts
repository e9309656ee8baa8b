// Node kind WorkloadIdentity: An identity bound to a running workload (Kubernetes service account, OIDC-federated CI job, instance profile).
import type { NodeSpec } from './spec.js';

export const workloadIdentity = {
  kind: 'WorkloadIdentity',
  category: 'identity',
  prefix: 'workload',
  isSource: true,
  summary: 'An identity bound to a running workload (Kubernetes service account, OIDC-federated CI job, instance profile).',
  props: {
    issuer: { type: 'string', summary: 'OIDC issuer or cluster that vouches for the workload.' },
    subject: { type: 'string', summary: 'Subject claim or namespace/name of the workload.' },
  },
} as const satisfies NodeSpec;
