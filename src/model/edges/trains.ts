// Edge kind TRAINS: a dataset or pipeline trains (or fine-tunes) a model.
import { COMMON_EDGE_PROPS } from '../props.js';
import type { EdgeSpec } from './spec.js';

export const trains = {
  kind: 'TRAINS',
  family: 'structural',
  from: ['Dataset', 'Pipeline'],
  to: ['Model'],
  traversable: false,
  summary: 'The dataset is training data of the model, or the pipeline trains it.',
  why: 'Structural: followed only right after CAN_ALTER on the dataset or pipeline, turning that into altering the model.',
  abuse: 'Write poisoned samples into the dataset or a malicious step into the pipeline; the next training run carries them into the weights.',
  remediation: 'Version and sign training data; restrict writers of datasets and pipelines to the model\'s owners.',
  props: { ...COMMON_EDGE_PROPS },
  key: [],
} as const satisfies EdgeSpec;
