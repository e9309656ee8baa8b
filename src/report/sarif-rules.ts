// The SARIF rule list (one reportingDescriptor per finding rule, derived from RULES) and where its help lives.
import { RULES, type RuleSpec, type Severity } from '../findings/index.js';

/** SARIF result level of each severity (critical and high fail a code-scanning check, medium warns). */
export const SARIF_LEVELS = {
  critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note',
} as const satisfies Record<Severity, 'error' | 'warning' | 'note'>;

/** `sod-alter-invoke` → `SodAlterInvoke` (SARIF `name`: an identifier readable by people). */
function pascal(id: string): string {
  return id.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0]?.toUpperCase() + w.slice(1)).join('');
}

/**
 * Base URL that the repository-relative doc paths of the rules resolve against, from package.json: a GitHub
 * `repository` gives `https://github.com/<owner>/<repo>/blob/HEAD/`, else `homepage` (without its fragment) is
 * used as a folder. Undefined when neither is there: SARIF then carries the doc path in its help text only,
 * since `helpUri` must be an absolute URI.
 */
export function docsBaseUrl(pkg: { readonly homepage?: unknown; readonly repository?: unknown }): string | undefined {
  const repo = typeof pkg.repository === 'string' ? pkg.repository
    : typeof pkg.repository === 'object' && pkg.repository !== null ? (pkg.repository as { url?: unknown }).url : undefined;
  if (typeof repo === 'string') {
    const m = /github\.com[/:]([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/.exec(repo.trim()) ?? /^(?:github:)?([\w-]+)\/([\w.-]+)$/.exec(repo.trim());
    if (m) return `https://github.com/${m[1]}/${m[2]}/blob/HEAD/`;
  }
  if (typeof pkg.homepage === 'string' && /^https?:\/\//.test(pkg.homepage)) {
    const base = pkg.homepage.replace(/#.*$/, '');
    return base.endsWith('/') ? base : `${base}/`;
  }
  return undefined;
}

/** The reporting descriptor of one rule. */
function descriptor(rule: RuleSpec, docsBase: string | undefined): Record<string, unknown> {
  const frameworks = rule.frameworks.map((f) => `${f.framework} ${f.id} (${f.title})`);
  const link = docsBase ? new URL(rule.help, docsBase).href : undefined;
  const where = link ?? rule.help;
  return {
    id: rule.id,
    name: pascal(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.summary },
    ...(link ? { helpUri: link } : {}),
    help: {
      text: `${rule.summary} Each result names its source and target, the best path of each capability, the inventory row `
        + `of its entry edge and what to change. Always mapped to: ${frameworks.join('; ')}. Documentation: ${where}`,
      markdown: `**${rule.title}.** ${rule.summary}\n\nEach result names its source and target, the best path of each capability, `
        + `the inventory row of its entry edge and what to change.\n\nAlways mapped to: ${frameworks.join('; ')}.\n\n`
        + `See [${rule.help}](${where}) and the edge pages it links to.`,
    },
    properties: { tags: ['security', 'identity', ...rule.frameworks.map((f) => `${f.framework}/${f.id}`)] },
  };
}

/** Every rule of the registry, in registry order (results refer to them by `ruleIndex`). */
export function sarifRules(docsBase?: string): Record<string, unknown>[] {
  return RULES.map((rule) => descriptor(rule, docsBase));
}

/** Index of a rule id in `sarifRules()`. */
export function ruleIndex(id: string): number {
  return RULES.findIndex((r) => r.id === id);
}
