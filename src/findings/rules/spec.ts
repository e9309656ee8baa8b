// The shape of a finding rule declaration (one file per rule; registry in ./index.ts).
import type { FrameworkRef } from '../types.js';

export interface RuleSpec {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  /** Documentation page, relative to the repository root. */
  readonly help: string;
  readonly frameworks: readonly FrameworkRef[];
}
