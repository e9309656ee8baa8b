// Generated blocks inside hand-written Markdown: `<!-- generated:NAME -->` … `<!-- /generated:NAME -->`.
// The text between the markers belongs to a generator; everything around it is written by hand.

/** The start and end markers of a generated block. */
export function blockMarkers(name: string): { start: string; end: string } {
  return { start: `<!-- generated:${name} -->`, end: `<!-- /generated:${name} -->` };
}

/** The text between the markers (without the newline after the start marker), or undefined without markers. */
export function readBlock(page: string, name: string): string | undefined {
  const { start, end } = blockMarkers(name);
  const from = page.indexOf(`${start}\n`);
  const to = page.indexOf(end);
  if (from < 0 || to < from) return undefined;
  return page.slice(from + start.length + 1, to);
}

/** The page with the block replaced by `body` (which should end with a newline); undefined without markers. */
export function replaceBlock(page: string, name: string, body: string): string | undefined {
  const { start, end } = blockMarkers(name);
  const from = page.indexOf(`${start}\n`);
  const to = page.indexOf(end);
  if (from < 0 || to < from) return undefined;
  return page.slice(0, from + start.length + 1) + body + page.slice(to);
}

/** A whole block: start marker, body, end marker. */
export function wrapBlock(name: string, body: string): string {
  const { start, end } = blockMarkers(name);
  return `${start}\n${body}${end}\n`;
}
