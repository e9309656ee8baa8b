// The risk diff (`pathwarden diff`) as one self-contained HTML page: findings new / worsened / resolved / improved,
// new and worsened ones with their best paths drawn, graph changes by kind and source, and blast-radius movers.
import { describeThreshold, type DiffReport, type FindingChange, type FindingChangeKind, type SideInfo } from '../analysis/diff.js';
import type { ChangeSet, CountRow, FieldChange } from '../analysis/diff-graph.js';
import { anchorId, esc } from './html-escape.js';
import { LEGEND, page, pictureBudget, severityBadge, table, type PictureBudget } from './html-page.js';
import { mergePaths } from './picture/model.js';
import type { RenderOptions } from './types.js';

const CHANGE_KINDS = ['new', 'worsened', 'resolved', 'improved'] as const satisfies readonly FindingChangeKind[];
/** Changes whose paths are drawn: what got worse. */
const DRAWN: ReadonlySet<FindingChangeKind> = new Set(['new', 'worsened']);

function sideText(s: SideInfo): string {
  const what = s.kind === 'saved' ? 'saved analysis' : s.kind === 'neo4j' ? `Neo4j snapshot ${s.snapshot ?? ''}`.trim() : 'inventory';
  const size = s.nodes !== null ? `${s.nodes} nodes, ${s.edges} edges, ` : '';
  return `${s.ref} (${what}; ${size}${s.findings} findings)`;
}

const more = (n: number, limit: number): string => (n > limit ? `<p class="muted">… ${esc(n - limit)} more (--limit ${esc(n)} or --format json)</p>` : '');

function findingItem(c: FindingChange, pictures: PictureBudget): string {
  const now = c.after ?? c.before;
  if (!now) return '';
  const rank = c.before && c.after ? `${c.before.severity} ${c.before.score} → ${c.after.severity} ${c.after.score}` : `${now.severity} ${now.score}`;
  const drawn = DRAWN.has(c.change) ? now.paths : [];
  const picture = drawn.length ? pictures.draw(mergePaths(drawn), `Best paths of ${c.change} finding ${c.id}`) : '';
  return [`<section class="item change change-${c.change}" id="${anchorId('f', c.id)}" data-finding="${esc(c.id)}">`,
    `<h3>${esc(c.change.toUpperCase())} ${severityBadge(now.severity)} ${esc(now.title)}</h3>`,
    `<p>${esc(rank)} · rule <code>${esc(now.rule)}</code> · id <code>${esc(c.id)}</code>${c.note ? ` · ${esc(c.note)}` : ''}</p>`,
    picture, ...now.paths.map((p) => `<p>${esc(p.label)}: <code class="path">${esc(p.path)}</code></p>`), '</section>'].join('\n');
}

function findingsPart(r: DiffReport, o: RenderOptions, pictures: PictureBudget): string[] {
  const f = r.findings;
  const out = ['<h2>Findings</h2>', `<p>${esc(f.new.length)} new, ${esc(f.worsened.length)} worsened, ${esc(f.resolved.length)} resolved, `
    + `${esc(f.improved.length)} improved, ${esc(f.unchanged)} unchanged (matched by finding id; worsened/improved = severity moved, or score moved `
    + `${esc(describeThreshold(r.threshold))}).</p>`];
  for (const kind of CHANGE_KINDS) {
    if (f[kind].length === 0) continue;
    out.push(`<h3>${esc(kind)} (${esc(f[kind].length)})</h3>`, ...f[kind].slice(0, o.limit).map((c) => findingItem(c, pictures)), more(f[kind].length, o.limit));
  }
  return out;
}

const fieldText = (c: FieldChange): string => (c.hidden ? `${c.field} changed (value not shown)` : `${c.field}: ${JSON.stringify(c.before) ?? '(none)'} → ${JSON.stringify(c.after) ?? '(none)'}`);

function changeList<T extends { readonly kind: string }>(name: string, set: ChangeSet<T>, id: (t: T) => string, limit: number): string[] {
  const out: string[] = [];
  for (const [verb, list] of [['added', set.added], ['removed', set.removed]] as const) {
    if (list.length) out.push(`<h4>${esc(name)} ${verb} (${esc(list.length)})</h4><ul>${list.slice(0, limit).map((t) => `<li><code>${esc(id(t))}</code> ${esc(t.kind)}</li>`).join('')}</ul>`, more(list.length, limit));
  }
  if (set.changed.length) {
    out.push(`<h4>${esc(name)} changed (${esc(set.changed.length)})</h4><ul>${set.changed.slice(0, limit)
      .map((t) => `<li><code>${esc(id(t))}</code> ${esc(t.kind)}: ${esc(t.changes.map(fieldText).join('; '))}</li>`).join('')}</ul>`, more(set.changed.length, limit));
  }
  return out;
}

function countTable(rows: readonly CountRow[], by: string): string {
  return table(['', by, 'added', 'removed', 'changed'], rows.map((x) => [esc(x.of), esc(x.group), esc(x.added), esc(x.removed), esc(x.changed)]), '', [2, 3, 4]);
}

function graphPart(r: DiffReport, o: RenderOptions): string[] {
  if (!r.graph) return ['<h2>Graph</h2>', `<p>${esc(r.graphUnavailable ?? '')}.</p>`];
  const g = r.graph;
  const total = (s: ChangeSet<unknown>): string => `+${s.added.length} −${s.removed.length} ~${s.changed.length}`;
  const out = ['<h2>Graph</h2>', `<p>nodes ${esc(total(g.nodes))}, edges ${esc(total(g.edges))} (added, removed, changed)</p>`];
  if (g.byKind.length === 0) return [...out, '<p>No node or edge changed.</p>'];
  return [...out, countTable(g.byKind, 'kind'), countTable(g.bySource, 'source'),
    ...changeList('nodes', g.nodes, (n) => n.id, o.limit), ...changeList('edges', g.edges, (e) => e.key, o.limit)];
}

function blastPart(r: DiffReport, o: RenderOptions): string[] {
  const b = r.blast;
  const head = `${b.movers.length} of ${b.compared} principals moved ${describeThreshold(r.threshold)}`;
  if (b.movers.length === 0) return ['<h2>Blast radius</h2>', `<p>${esc(head)}.</p>`];
  const rows = b.movers.slice(0, o.limit).map((m) => {
    const sign = m.delta > 0 ? '+' : '';
    return [esc(m.label), `<code>${esc(m.id)}</code>`, esc(m.before), esc(m.after), esc(`${sign}${m.delta}`), esc(m.percent === null ? 'new' : `${sign}${m.percent}%`)];
  });
  return ['<h2>Blast radius</h2>', `<p>${esc(head)}, top movers first:</p>`, table(['principal', 'id', 'before', 'after', 'change', '%'], rows, '', [2, 3, 4, 5]), more(b.movers.length, o.limit)];
}

/** The risk diff as one HTML page. */
export function htmlDiff(r: DiffReport, o: RenderOptions): string {
  const pictures = pictureBudget();
  const body = [`<ul><li>base: ${esc(sideText(r.base))}</li><li>head: ${esc(sideText(r.head))}</li></ul>`,
    `<p>${esc(r.base.at === r.head.at
      ? `Both sides analysed at ${r.at} with tier threshold ${r.maxTier}, so the passing of time alone creates no changes.`
      : `Sides analysed at different times (base ${r.base.at}, head ${r.head.at}): a saved analysis keeps its own time.`)}</p>`];
  if (!r.changed) body.push(`<p><strong>No changes</strong>${r.graph ? '' : ` in findings or blast radius (${esc(r.graphUnavailable ?? '')})`}.</p>`);
  else body.push(LEGEND, ...findingsPart(r, o, pictures), ...graphPart(r, o), ...blastPart(r, o));
  if (r.notes.length) body.push('<h2>Notes</h2>', `<ul>${r.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>`);
  return page('pathwarden risk diff', o.version, body);
}
