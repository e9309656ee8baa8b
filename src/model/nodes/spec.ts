// The shape of a node kind declaration. One file per kind in this folder exports one NodeSpec.
import type { PropSpec } from '../props.js';

/**
 * identity: acts on its own (can be a finding source); grouping: collects permissions (Group, Role);
 * credential: bearer material that authenticates as an identity; asset: AI artefacts (models, data, pipelines);
 * resource: a system with a sensitivity tier.
 */
export type NodeCategory = 'identity' | 'grouping' | 'credential' | 'asset' | 'resource';

export interface NodeSpec {
  readonly kind: string;
  readonly category: NodeCategory;
  /** Short prefix used when drawing paths (`agent:x`, `key:y`). */
  readonly prefix: string;
  /** True when findings are computed with this node as the starting identity or credential. */
  readonly isSource: boolean;
  readonly summary: string;
  /** Kind-specific properties beyond the common fields. */
  readonly props: Readonly<Record<string, PropSpec>>;
}
