// Tier overrides: `tiers.csv` in the inventory directory (selector, tier, reason) sets the tier of the resources and
// models each selector matches, whatever the inventory or an export's built-in crown jewels say — to add crown
// jewels an export cannot know about, or to lower one a team has accepted. Applied to node records as they are
// loaded, so the graph and the compact path see the same tiers. A bad file stops the run (InputError naming file,
// line and field); a row that matches no resource or model is a warning.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readConfigCsv } from '../findings/config-csv.js';
import { matchesSelector, parseSelector, type Selector } from '../graph/select.js';
import { InputError, PathwardenError, type Diagnostic, type NodeRecord } from '../model/index.js';

/** The file name read from an inventory directory (ingestors skip it). */
export const TIERS_FILE = 'tiers.csv';

/** Node kinds a tier means something for. */
const TIERED_KINDS = new Set<string>(['Resource', 'Model']);
const COLUMNS = ['selector', 'tier', 'reason'] as const;

export interface TierRule {
  readonly selector: Selector;
  readonly raw: string;
  readonly tier: number;
  readonly reason: string;
  readonly file: string;
  readonly line: number;
}

/** Applies tier rules to node records (first matching row wins) and reports rows that matched nothing. */
export class TierOverrides {
  private readonly matched: number[];

  constructor(readonly rules: readonly TierRule[]) {
    this.matched = rules.map(() => 0);
  }

  /** The record with its tier overridden when a rule matches it (the same record otherwise). */
  apply(node: NodeRecord): NodeRecord {
    if (this.rules.length === 0 || !TIERED_KINDS.has(node.kind)) return node;
    const i = this.rules.findIndex((r) => matchesSelector(r.selector, node.id, node));
    if (i < 0) return node;
    this.matched[i] = (this.matched[i] as number) + 1;
    return { ...node, properties: { ...node.properties, tier: (this.rules[i] as TierRule).tier } };
  }

  /** Warnings for the rules no resource or model matched (call once the load is done). */
  unmatched(): Diagnostic[] {
    return this.rules.flatMap((r, i) => (this.matched[i] === 0 ? [{
      severity: 'warning' as const, code: 'unmatched-tier' as const, source: 'tiers', file: r.file, line: r.line, field: 'selector',
      message: `"${r.raw}" matches no resource or model; the row changes nothing`,
    }] : []));
  }
}

/** The overrides of `dir` (none when it has no tiers.csv). */
export async function tierOverridesOf(dir: string): Promise<TierOverrides> {
  const file = join(dir, TIERS_FILE);
  return new TierOverrides(existsSync(file) ? await readTiers(file) : []);
}

/** Reads a tiers CSV. Bad files throw InputError naming file, line and field. */
export async function readTiers(file: string): Promise<TierRule[]> {
  const { header, rows } = await readConfigCsv(file, 'the tiers file', COLUMNS, COLUMNS);
  return rows.map((cells, i) => {
    const line = i + 2;
    const get = (col: string): string => cells[header.indexOf(col)] ?? '';
    for (const col of COLUMNS) if (get(col) === '') throw new InputError('required value is empty', { file, line, field: col });
    const tier = Number(get('tier'));
    if (!Number.isInteger(tier) || tier < 0 || tier > 4) throw new InputError(`"${get('tier')}" is not a tier (0 = crown jewel … 4 = low)`, { file, line, field: 'tier' });
    let selector: Selector;
    try {
      selector = parseSelector(get('selector'));
    } catch (cause) {
      throw new InputError(cause instanceof PathwardenError ? cause.message : String(cause), { file, line, field: 'selector' }, { cause });
    }
    return { selector, raw: get('selector'), tier, reason: get('reason'), file, line };
  });
}
