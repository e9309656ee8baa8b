// Renderers of the risk diff (`pathwarden diff`): terminal table, Markdown for the weekly ticket, and JSON.
import Table from 'cli-table3';
import pc from 'picocolors';
import {
  describeThreshold, type BlastMove, type ChangeSet, type CountRow, type DiffReport, type FieldChange, type FindingChange,
  type FindingChangeKind, type SideInfo,
} from '../analysis/diff.js';
import { htmlDiff } from './html-diff.js';
import type { FormatId, RenderOptions } from './index.js';

const CHANGE_KINDS = ['new', 'worsened', 'resolved', 'improved'] as const satisfies readonly FindingChangeKind[];

/** Text pieces shared by the table and Markdown renderers. */
interface Style {
  readonly heading: (s: string) => string;
  readonly code: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly block: (lines: readonly string[]) => string[];
  readonly grid: (head: readonly string[], rows: readonly (readonly string[])[]) => string;
  readonly bullet: string;
  /** Prefix of the base / head lines (a list in Markdown, so they do not run together). */
  readonly item: string;
}

function value(v: unknown): string {
  return v === undefined ? '(none)' : JSON.stringify(v);
}

function fieldText(c: FieldChange): string {
  return c.hidden ? `${c.field} changed (value not shown)` : `${c.field}: ${value(c.before)} → ${value(c.after)}`;
}

function sideText(s: SideInfo): string {
  const what = s.kind === 'saved' ? 'saved analysis' : s.kind === 'neo4j' ? `Neo4j snapshot ${s.snapshot ?? ''}`.trim() : 'inventory';
  const size = s.nodes !== null ? `${s.nodes} nodes, ${s.edges} edges, ` : '';
  return `${s.ref} (${what}; ${size}${s.findings} findings)`;
}

function limited<T>(list: readonly T[], limit: number, st: Style, render: (t: T) => string[]): string[] {
  const out = list.slice(0, limit).flatMap(render);
  if (list.length > limit) out.push(st.dim(`… ${list.length - limit} more (--limit ${list.length} or --format json)`));
  return out;
}

function countGrid(rows: readonly CountRow[], st: Style, by: string): string {
  return st.grid(['', by, 'added', 'removed', 'changed'], rows.map((r) => [r.of, r.group, String(r.added), String(r.removed), String(r.changed)]));
}

function changeList<T extends { readonly kind: string }>(
  name: string, set: ChangeSet<T>, id: (t: T) => string, st: Style, limit: number,
): string[] {
  const out: string[] = [];
  for (const [verb, list] of [['added', set.added], ['removed', set.removed]] as const) {
    if (list.length) out.push(`${name} ${verb} (${list.length}):`, ...limited(list, limit, st, (t) => [`${st.bullet}${st.code(id(t))} ${t.kind}`]));
  }
  if (set.changed.length) {
    out.push(`${name} changed (${set.changed.length}):`, ...limited(set.changed, limit, st,
      (t) => [`${st.bullet}${st.code(id(t))} ${t.kind}: ${t.changes.map(fieldText).join('; ')}`]));
  }
  return out;
}

function graphSection(r: DiffReport, st: Style, limit: number): string[] {
  if (!r.graph) return [st.heading('Graph'), `${r.graphUnavailable ?? ''}.`, ''];
  const g = r.graph;
  const total = (s: ChangeSet<unknown>): string => `+${s.added.length} −${s.removed.length} ~${s.changed.length}`;
  const out = [st.heading('Graph'), `nodes ${total(g.nodes)}, edges ${total(g.edges)} (added, removed, changed)`, ''];
  if (g.byKind.length === 0) return [...out, 'no node or edge changed.', ''];
  out.push(countGrid(g.byKind, st, 'kind'), '', countGrid(g.bySource, st, 'source'), '');
  out.push(...changeList('nodes', g.nodes, (n) => n.id, st, limit), ...changeList('edges', g.edges, (e) => e.key, st, limit), '');
  return out;
}

function findingLines(c: FindingChange, st: Style): string[] {
  const now = c.after ?? c.before;
  if (!now) return [];
  const rank = c.before && c.after ? `${c.before.severity} ${c.before.score} → ${c.after.severity} ${c.after.score}` : `${now.severity} ${now.score}`;
  const lines = [`${st.bullet}${c.change.toUpperCase()} ${rank}  ${now.rule}  ${st.code(c.id)}`, `  ${now.title}${c.note ? ` (${c.note})` : ''}`];
  return [...lines, ...st.block(now.paths.map((p) => `${p.label.padEnd(6)} ${p.path}`))];
}

function findingsSection(r: DiffReport, st: Style, limit: number): string[] {
  const f = r.findings;
  const out = [st.heading('Findings'),
    `${f.new.length} new, ${f.worsened.length} worsened, ${f.resolved.length} resolved, ${f.improved.length} improved, ${f.unchanged} unchanged`
    + ` (matched by finding id; worsened/improved = severity moved, or score moved ${describeThreshold(r.threshold)})`, ''];
  for (const kind of CHANGE_KINDS) {
    if (f[kind].length) out.push(...limited(f[kind], limit, st, (c) => findingLines(c, st)), '');
  }
  return out;
}

function moverRow(m: BlastMove): string[] {
  const sign = m.delta > 0 ? '+' : '';
  return [m.label, m.id, String(m.before), String(m.after), `${sign}${m.delta}`, m.percent === null ? 'new' : `${sign}${m.percent}%`];
}

function blastSection(r: DiffReport, st: Style, limit: number): string[] {
  const b = r.blast;
  const head = `${b.movers.length} of ${b.compared} principals moved ${describeThreshold(r.threshold)}`;
  if (b.movers.length === 0) return [st.heading('Blast radius'), `${head}.`, ''];
  const grid = st.grid(['principal', 'id', 'before', 'after', 'change', '%'], b.movers.slice(0, limit).map(moverRow));
  const more = b.movers.length > limit ? [st.dim(`… ${b.movers.length - limit} more (--limit ${b.movers.length} or --format json)`)] : [];
  return [st.heading('Blast radius'), `${head}, top movers first:`, '', grid, ...more, ''];
}

function render(r: DiffReport, o: RenderOptions, st: Style, title: string): string {
  const out = [title, '', `${st.item}base: ${sideText(r.base)}`, `${st.item}head: ${sideText(r.head)}`, '',
    r.base.at === r.head.at
      ? `Both sides analysed at ${r.at} with tier threshold ${r.maxTier}, so the passing of time alone creates no changes.`
      : `Sides analysed at different times (base ${r.base.at}, head ${r.head.at}): a saved analysis keeps its own time.`, ''];
  if (!r.changed) {
    out.push(r.graph ? 'no changes' : `no changes in findings or blast radius (${r.graphUnavailable ?? ''})`);
  } else {
    out.push(...graphSection(r, st, o.limit), ...findingsSection(r, st, o.limit), ...blastSection(r, st, o.limit));
  }
  if (r.notes.length) out.push('', st.heading('Notes'), ...r.notes.map((n) => `${st.bullet}${n}`));
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

function table(r: DiffReport, o: RenderOptions): string {
  const c = pc.createColors(o.color);
  const style = { head: o.color ? ['bold'] : [], border: o.color ? ['grey'] : [] };
  const st: Style = {
    heading: (s) => c.bold(s), code: (s) => s, dim: (s) => c.dim(s), bullet: '  ', item: '',
    block: (lines) => lines.map((l) => `    ${l}`),
    grid: (head, rows) => {
      const t = new Table({ head: [...head], style });
      for (const row of rows) t.push([...row]);
      return t.toString();
    },
  };
  return render(r, o, st, c.bold(`pathwarden ${o.version} — risk diff`));
}

/** Escapes a Markdown table cell. */
function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function md(r: DiffReport, o: RenderOptions): string {
  const st: Style = {
    heading: (s) => `## ${s}\n`, code: (s) => `\`${s}\``, dim: (s) => `_${s}_`, bullet: '- ', item: '- ',
    block: (lines) => ['', '  ```', ...lines.map((l) => `  ${l}`), '  ```', ''],
    grid: (head, rows) => [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`)].join('\n'),
  };
  return render(r, o, st, `# pathwarden risk diff (${o.version})`);
}

function json(r: DiffReport, o: RenderOptions): string {
  return `${JSON.stringify({ tool: { name: 'pathwarden', version: o.version }, ...r }, null, 2)}\n`;
}

export const DIFF_REPORTERS = { table, json, md, html: htmlDiff } satisfies Record<FormatId, (report: DiffReport, options: RenderOptions) => string>;
