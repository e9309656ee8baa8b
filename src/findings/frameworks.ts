// Framework entries findings map to, declared once. Rules pick from these; path risk factors add more.
import type { FrameworkRef, RankFactor } from './types.js';

export const FRAMEWORKS = {
  NHI1: { framework: 'OWASP-NHI-2025', id: 'NHI1', title: 'Improper Offboarding' },
  NHI2: { framework: 'OWASP-NHI-2025', id: 'NHI2', title: 'Secret Leakage' },
  NHI3: { framework: 'OWASP-NHI-2025', id: 'NHI3', title: 'Vulnerable Third-Party NHI' },
  NHI5: { framework: 'OWASP-NHI-2025', id: 'NHI5', title: 'Overprivileged NHI' },
  NHI7: { framework: 'OWASP-NHI-2025', id: 'NHI7', title: 'Long-Lived Secrets' },
  NHI8: { framework: 'OWASP-NHI-2025', id: 'NHI8', title: 'Environment Isolation' },
  NHI9: { framework: 'OWASP-NHI-2025', id: 'NHI9', title: 'NHI Reuse' },
  AGENTIC_T2: { framework: 'OWASP-Agentic-AI', id: 'T2', title: 'Tool Misuse' },
  AGENTIC_T3: { framework: 'OWASP-Agentic-AI', id: 'T3', title: 'Privilege Compromise' },
  AGENTIC_T9: { framework: 'OWASP-Agentic-AI', id: 'T9', title: 'Identity Spoofing & Impersonation' },
  MAESTRO_L1: { framework: 'CSA-MAESTRO', id: 'L1', title: 'Foundation Models (model tampering)' },
  MAESTRO_L2: { framework: 'CSA-MAESTRO', id: 'L2', title: 'Data Operations (training data poisoning)' },
  MAESTRO_L4: { framework: 'CSA-MAESTRO', id: 'L4', title: 'Deployment & Infrastructure' },
  MAESTRO_L7: { framework: 'CSA-MAESTRO', id: 'L7', title: 'Agent Ecosystem' },
  GOVERN_2_1: {
    framework: 'NIST-AI-RMF', id: 'GOVERN 2.1',
    title: 'Roles, responsibilities and lines of communication for AI risk are documented and clear',
  },
  GOVERN_6_1: {
    framework: 'NIST-AI-RMF', id: 'GOVERN 6.1',
    title: 'Policies address AI risks from third-party entities',
  },
} as const satisfies Record<string, FrameworkRef>;

/** Framework entries implied by the risk factors of a path's entry credential. */
export function frameworksOfFactors(factors: readonly RankFactor[]): FrameworkRef[] {
  const out: FrameworkRef[] = [];
  const names = new Set(factors.map((f) => f.name));
  if (names.has('exposed')) out.push(FRAMEWORKS.NHI2);
  if (names.has('no_expiry') || names.has('long_lived') || names.has('never_rotated')) out.push(FRAMEWORKS.NHI7);
  if (names.has('shared_across_environments')) out.push(FRAMEWORKS.NHI8);
  if (names.has('shared_by_many_holders')) out.push(FRAMEWORKS.NHI9);
  if (names.has('unused')) out.push(FRAMEWORKS.NHI1);
  return out;
}

/** Merges framework lists, first occurrence wins, in a stable order. */
export function uniqueFrameworks(lists: readonly (readonly FrameworkRef[])[]): FrameworkRef[] {
  const seen = new Map<string, FrameworkRef>();
  for (const list of lists) for (const f of list) if (!seen.has(`${f.framework}:${f.id}`)) seen.set(`${f.framework}:${f.id}`, f);
  return [...seen.values()];
}
