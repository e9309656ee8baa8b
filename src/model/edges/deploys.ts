// Edge kind DEPLOYS: a pipeline promotes or deploys a model to serving.
import { COMMON_EDGE_PROPS } from '../props.js';
import type { EdgeSpec } from './spec.js';

export const deploys = {
  kind: 'DEPLOYS',
  family: 'structural',
  from: ['Pipeline'],
  to: ['Model'],
  traversable: false,
  summary: 'The pipeline promotes or deploys the model to serving.',
  why: 'Structural: followed only right after CAN_ALTER on the pipeline, turning that into deploying the model.',
  abuse: 'Change the pipeline to deploy a different artefact or configuration than the reviewed one.',
  remediation: 'Protect pipeline definitions (branch protection, required review); deploy only signed artefacts.',
  props: { ...COMMON_EDGE_PROPS },
  key: [],
} as const satisfies EdgeSpec;
