// Node kind ServiceAccount: A non-human account used by software (cloud IAM user/service account, directory service principal).
import type { NodeSpec } from './spec.js';

export const serviceAccount = {
  kind: 'ServiceAccount',
  category: 'identity',
  prefix: 'sa',
  isSource: true,
  summary: 'A non-human account used by software (cloud IAM user/service account, directory service principal).',
  props: { arn: { type: 'string', summary: 'Provider-native identifier (ARN, object id, email).' } },
} as const satisfies NodeSpec;
