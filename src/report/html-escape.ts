// Escaping for the HTML report: every text that reaches the page (names from inventories, rule titles, paths) goes
// through `esc`, so no name can open a tag, close an attribute or start a script.
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe in HTML and SVG element content and in double- or single-quoted attribute values. */
export function esc(value: string | number): string {
  // NOTE: C0 controls other than tab and line breaks are not allowed in HTML text: shown as U+FFFD.
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c] as string).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '\ufffd');
}

/** An id usable in a URL fragment and as an element id: letters, digits, `-` and `_` only. */
export function anchorId(prefix: string, id: string): string {
  return `${prefix}-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
