/**
 * @module notebooks/markdown
 * The Markdown a report's narrative needs, rendered to HTML: ATX headings, paragraphs (lines
 * of Chinese text join without spaces), `-`/`1.` lists, `>` quotes, `**bold**`, `*italic*`,
 * `` `code` ``, and `<!-- page-break -->` for a printed page break. Other HTML is escaped, and
 * other comments dropped. `{{ }}` slots are filled by the caller: `render` takes the text
 * with slots replaced by placeholders and a function that gives each placeholder's HTML.
 */

export const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Placeholder for slot i: survives escaping and inline formatting untouched. */
export const placeholder = (i: number): string => `\u0000${i}\u0000`;

function inline(text: string): string {
  return esc(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^*])\*([^*\s][^*]*)\*/g, '$1<em>$2</em>');
}

const CJK_END = /[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f\u0000]$/;

function joinLines(lines: readonly string[]): string {
  return lines.map((l) => l.trim()).reduce((acc, l) => (acc === '' ? l : CJK_END.test(acc) ? acc + l : `${acc} ${l}`), '');
}

export function markdownToHtml(text: string, slotHtml: (i: number) => string): string {
  const lines = text.replace(/<!--(?!\s*page-break\s*-->)[\s\S]*?-->/g, '').split('\n');
  const out: string[] = [];
  let para: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;
  let quote: string[] = [];
  const flush = () => {
    if (para.length) out.push(`<p>${inline(joinLines(para))}</p>`);
    para = [];
    if (list) out.push(`<${list.ordered ? 'ol' : 'ul'}>${list.items.map((i) => `<li>${inline(i)}</li>`).join('')}</${list.ordered ? 'ol' : 'ul'}>`);
    list = null;
    if (quote.length) out.push(`<blockquote><p>${inline(joinLines(quote))}</p></blockquote>`);
    quote = [];
  };
  for (const raw of lines) {
    const line = raw.trimEnd();
    if (!line.trim()) { flush(); continue; }
    if (/^\s*<!--\s*page-break\s*-->\s*$/.test(line)) { flush(); out.push('<div class="page-break"></div>'); continue; }
    const h = /^(#{1,6})\s+(.*)$/.exec(line);
    if (h) { flush(); out.push(`<h${h[1]!.length}>${inline(h[2]!.replace(/\s*#+\s*$/, ''))}</h${h[1]!.length}>`); continue; }
    if (/^\s*(\*\s*){3,}$/.test(line)) { flush(); out.push('<hr>'); continue; }
    const q = /^>\s?(.*)$/.exec(line);
    if (q) { if (para.length || list) flush(); quote.push(q[1]!); continue; }
    const li = /^\s*(?:([-*+])|(\d+)[.、])\s+(.*)$/.exec(line);
    if (li) {
      const ordered = li[2] !== undefined;
      if (para.length || quote.length || (list && list.ordered !== ordered)) flush();
      list ??= { ordered, items: [] };
      list.items.push(li[3]!);
      continue;
    }
    if (list && /^\s+\S/.test(raw)) { list.items[list.items.length - 1] += line.trim(); continue; }
    if (list || quote.length) flush();
    para.push(line);
  }
  flush();
  return out.join('\n').replace(/\u0000(\d+)\u0000/g, (_, i: string) => slotHtml(Number(i)));
}
