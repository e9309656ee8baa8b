// Just enough Markdown for the edge docs' Remediation sections: paragraphs, "- " lists (with wrapped lines),
// `code`, **bold** and [text](url) shown as text. Builds DOM nodes, never HTML strings.
import { h } from './dom.js';

function inline(text: string): (Node | string)[] {
  const out: (Node | string)[] = [];
  const re = /`([^`]+)`|\*\*([^*]+)\*\*|\[([^\]]+)\]\([^)]*\)/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(text.slice(last, m.index));
    if (m[1] !== undefined) out.push(h('code', {}, m[1]));
    else if (m[2] !== undefined) out.push(h('strong', {}, m[2]));
    else out.push(m[3] as string);
    last = m.index + m[0].length;
  }
  out.push(text.slice(last));
  return out;
}

/** The Markdown as a fragment of paragraphs and lists. */
export function markdown(text: string): DocumentFragment {
  const frag = document.createDocumentFragment();
  for (const block of text.split(/\n\s*\n/)) {
    const lines = block.split('\n');
    if (lines[0]?.startsWith('- ')) {
      const items: string[] = [];
      for (const line of lines) {
        if (line.startsWith('- ')) items.push(line.slice(2));
        else if (items.length > 0) items[items.length - 1] += ` ${line.trim()}`;
      }
      frag.appendChild(h('ul', {}, items.map((item) => h('li', {}, inline(item)))));
    } else if (block.trim() !== '') {
      frag.appendChild(h('p', {}, inline(lines.map((l) => l.trim()).join(' '))));
    }
  }
  return frag;
}
