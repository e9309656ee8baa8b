// One table format for every bench: figure, value, unit, baseline measured in the same run, ratio, note.
import Table from 'cli-table3';

export interface BenchRow {
  readonly bench: string;
  readonly figure: string;
  readonly value: number;
  readonly unit: string;
  /** The same figure for the baseline, measured in this run (undefined when there is none). */
  readonly baseline?: number;
  /** What the baseline is. */
  readonly baselineName?: string;
  /** True when a bigger value is better (throughput); false for times. */
  readonly higherIsBetter: boolean;
  readonly note?: string;
}

function fmt(n: number): string {
  return n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(n >= 10 ? 1 : 2);
}

/** `ours / baseline` oriented so that > 1 means pathwarden is better. */
export function ratio(row: BenchRow): number | undefined {
  if (row.baseline === undefined || row.baseline === 0 || row.value === 0) return undefined;
  return row.higherIsBetter ? row.value / row.baseline : row.baseline / row.value;
}

/** Renders rows as a terminal table. */
export function renderRows(rows: readonly BenchRow[]): string {
  const table = new Table({ head: ['bench', 'figure', 'value', 'baseline (same run)', 'ratio', 'note'], style: { head: [], border: [] } });
  for (const r of rows) {
    const q = ratio(r);
    table.push([
      r.bench, r.figure, `${fmt(r.value)} ${r.unit}`,
      r.baseline !== undefined ? `${fmt(r.baseline)} ${r.unit} (${r.baselineName ?? 'baseline'})` : '',
      q !== undefined ? `${q.toFixed(2)}×` : '', r.note ?? '',
    ]);
  }
  return table.toString();
}
