// The shape of an edge kind declaration. One file per kind in this folder exports one EdgeSpec.
import type { PropSpec, PropValue } from '../props.js';

/**
 * act-as: traversable, the source can act as (or obtain the powers of) the target;
 * capability: terminal, what an identity can do to a model or resource;
 * structural: how assets feed models (followed only right after a capability on the asset).
 */
export type EdgeFamily = 'act-as' | 'capability' | 'structural';

export interface EdgeSpec {
  readonly kind: string;
  readonly family: EdgeFamily;
  readonly from: readonly string[];
  readonly to: readonly string[];
  /** True when a path may continue past the target of this edge. */
  readonly traversable: boolean;
  /** Target kinds a capability edge also lets you act as (you control what it runs). */
  readonly entersTarget?: readonly string[];
  readonly summary: string;
  /** Why the edge is (or is not) traversable. */
  readonly why: string;
  /** How an attacker abuses it. */
  readonly abuse: string;
  /** How to remove or constrain it. */
  readonly remediation: string;
  readonly props: Readonly<Record<string, PropSpec>>;
  /** Properties that tell two edges of this kind between the same nodes apart (e.g. action). */
  readonly key: readonly string[];
  /** Scope an edge without an explicit `scope` needs under a DELEGATED restriction; none = never allowed. */
  readonly defaultScope?: (props: Readonly<Record<string, PropValue>>) => string | undefined;
}
