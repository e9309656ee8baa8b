// The HTML report's page: one self-contained UTF-8 file (inline CSS, no script, no URL outside the page; a CSP
// meta tag forbids loading anything), plus the pieces every HTML view uses: tables, path text, capped pictures.
import { drawPath, type EdgeRef, type NodeRef } from '../findings/index.js';
import { edgeSpec, type EdgeKind } from '../model/index.js';
import { esc } from './html-escape.js';
import type { DrawGraph, PathLike } from './picture/model.js';
import { pictureSvg } from './picture/svg.js';

/** Most pictures drawn in one report; later findings, pairs or principals show their paths as text only. */
export const MAX_PICTURES = 50;

const CSS = `
:root{color-scheme:light;--fg:#1d2939;--muted:#667085;--line:#d0d5dd;--bg:#fff;--soft:#f9fafb;--cut:#b42318}
*{box-sizing:border-box}body{margin:0 auto;max-width:1200px;padding:24px;font:14px/1.5 system-ui,sans-serif;color:var(--fg);background:var(--bg)}
h1{font-size:24px;margin:0 0 8px}h2{font-size:19px;margin:32px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
h3{font-size:16px;margin:24px 0 6px}h4{font-size:14px;margin:14px 0 4px}
table{border-collapse:collapse;margin:8px 0;width:auto}th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
th{background:var(--soft)}td.num{text-align:right;font-variant-numeric:tabular-nums}
code,.path{font:12px/1.4 ui-monospace,monospace;overflow-wrap:anywhere}.path{display:block;background:var(--soft);padding:6px 8px;border-radius:4px;margin:4px 0}
.muted{color:var(--muted)}.note{background:#fffaeb;border:1px solid #fedf89;padding:6px 10px;border-radius:4px}
.sev{display:inline-block;padding:0 6px;border-radius:3px;font-weight:600;font-size:12px;color:#fff}
.sev-critical{background:#7a271a}.sev-high{background:#b42318}.sev-medium{background:#b54708}.sev-low{background:#175cd3}.sev-info{background:#475467}
section.item{border:1px solid var(--line);border-radius:6px;padding:4px 16px 12px;margin:16px 0}
figure{margin:8px 0;overflow-x:auto;border:1px solid var(--line);border-radius:4px;background:#fff;padding:4px}figcaption{font-size:12px;color:var(--muted)}
svg.picture{display:block}svg.picture.fit{max-width:100%;height:auto}details{margin:6px 0}summary{cursor:pointer}
.cut{color:var(--cut);font-weight:600}.zero{font-size:32px;font-weight:700;color:#027a48}.left{font-size:32px;font-weight:700;color:var(--cut)}
.legend span{margin-right:14px}
`;

/** The whole page: `title` as title and heading, then the body parts (HTML, already escaped). */
export function page(title: string, version: string, body: readonly string[]): string {
  return ['<!DOCTYPE html>', '<html lang="en">', '<head>', '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">', `<meta name="generator" content="pathwarden ${esc(version)}">`,
    `<title>${esc(title)}</title>`, `<style>${CSS}</style>`, '</head>', '<body>', `<h1>${esc(title)}</h1>`, ...body,
    `<p class="muted">Written by pathwarden ${esc(version)}. This file is self-contained: it loads nothing and runs no script.</p>`,
    '</body>', '</html>', ''].join('\n');
}

/** A table; cells are HTML (escape text with esc first); `numeric` columns are right-aligned. */
export function table(head: readonly string[], rows: readonly (readonly string[])[], attrs = '', numeric: readonly number[] = []): string {
  const cell = (c: string, i: number): string => `<td${numeric.includes(i) ? ' class="num"' : ''}>${c}</td>`;
  return `<table${attrs}><thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>`
    + `<tbody>${rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('')}</tbody></table>`;
}

/** A severity as a coloured badge. */
export function severityBadge(severity: string): string {
  return `<span class="sev sev-${esc(severity)}">${esc(severity)}</span>`;
}

/** A path as text (`agent:x -[HAS_CREDENTIAL]-> key:y …`). */
export function pathText(path: { readonly nodes: readonly NodeRef[]; readonly edges: readonly EdgeRef[] }): string {
  return `<code class="path">${esc(drawPath(path.nodes, path.edges))}</code>`;
}

/** Each edge kind on the drawn paths, with what it means and how to fix it (the edge spec's remediation). */
export function edgeFixes(paths: readonly PathLike[]): string {
  const kinds = [...new Set(paths.flatMap((p) => p.edges.map((e) => e.kind)))];
  const items = kinds.map((k) => {
    const spec = edgeSpec(k as EdgeKind);
    return `<li><code>${esc(k)}</code> — ${esc(spec.summary)} <em>Fix:</em> ${esc(spec.remediation)}</li>`;
  });
  return items.length ? `<h4>Remediation per edge on the path</h4><ul>${items.join('')}</ul>` : '';
}

/** Draws pictures until MAX_PICTURES, then says so; ids are unique within one report. */
export interface PictureBudget {
  /** A `<figure>` with the picture, or a note that it was left out (the cap was reached). */
  draw(graph: DrawGraph, title: string, entry?: ReadonlySet<string>): string;
  /** Pictures left out so far. */
  readonly skipped: number;
}

/** A fresh budget for one report. */
export function pictureBudget(max = MAX_PICTURES): PictureBudget {
  let drawn = 0;
  let skipped = 0;
  return {
    draw(graph, title, entry) {
      if (graph.nodes.length === 0) return '';
      if (drawn >= max) {
        skipped++;
        return `<p class="muted">Picture left out: this report draws the first ${max} pictures only; the paths are listed as text.</p>`;
      }
      drawn++;
      const svg = pictureSvg(graph, { id: `pic-${drawn}`, title, ...(entry ? { entry } : {}) });
      const partial = graph.drawnPaths < graph.paths ? ` ${graph.paths - graph.drawnPaths} of ${graph.paths} paths not drawn (too many nodes); listed as text.` : '';
      return `<figure>${svg}<figcaption>${esc(title)}.${esc(partial)}</figcaption></figure>`;
    },
    get skipped() { return skipped; },
  };
}

/** What the shapes, colours and marks of the pictures mean. */
export const LEGEND = '<p class="legend muted"><span>● identity</span><span>▢ grouping (rounded)</span><span>◆ credential</span>'
  + '<span>⬡ asset</span><span>⛁ resource</span><span>colour: node kind</span><span class="cut">- - ✂ cut: edge the plan removes</span>'
  + '<span>orange ring: entry credential</span></p>';
