// Registry of finding rules. SARIF rule lists and docs/findings.md derive from RULES.
import { leakedAlter } from './leaked-alter.js';
import { sensitiveReach } from './sensitive-reach.js';
import { sodAlterInvoke } from './sod-alter-invoke.js';

export { leakedAlter, leakedAlterFindings, type LeakedAlterResult } from './leaked-alter.js';
export { sensitiveFindings, sensitiveReach } from './sensitive-reach.js';
export { sodAlterInvoke, sodFindings } from './sod-alter-invoke.js';
export type { RuleSpec } from './spec.js';

export const RULES = [sodAlterInvoke, sensitiveReach, leakedAlter] as const;
export type RuleId = (typeof RULES)[number]['id'];
