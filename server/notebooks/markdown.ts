/**
 * @module notebooks/markdown
 * The Markdown a report's narrative needs: ATX headings, paragraphs (lines of Chinese text join
 * without spaces), `-`/`1.` lists, `>` quotes, `**bold**`, `*italic*`, `` `code` ``, and
 * `<!-- page-break -->` for a printed page break. Other HTML is escaped, and other comments
 * dropped. {@link parseMarkdown} gives the blocks with their inline runs (the Word writer reads
 * them); {@link markdownToHtml} renders the same blocks as HTML. `{{ }}` slots are filled by the
 * caller: the text carries a placeholder per slot, replaced by the slot's HTML or plain text.
 */

export const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Placeholder for slot i: survives escaping and inline formatting untouched. */
export const placeholder = (i: number): string => `\u0000${i}\u0000`;
const PLACEHOLDER = /\u0000(\d+)\u0000/g;

export interface Run { readonly text: string; readonly bold?: boolean; readonly italic?: boolean; readonly code?: boolean }
export type MdBlock =
  | { readonly kind: 'heading'; readonly level: number; readonly runs: readonly Run[] }
  | { readonly kind: 'paragraph'; readonly runs: readonly Run[] }
  | { readonly kind: 'quote'; readonly runs: readonly Run[] }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: readonly (readonly Run[])[] }
  | { readonly kind: 'rule' }
  | { readonly kind: 'pageBreak' };

const INLINE = /`([^`]+)`|\*\*([^*]+)\*\*|\*([^*\s][^*]*)\*/g;

export function inlineRuns(text: string): Run[] {
  const runs: Run[] = [];
  let at = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index > at) runs.push({ text: text.slice(at, m.index) });
    if (m[1] !== undefined) runs.push({ text: m[1], code: true });
    else if (m[2] !== undefined) runs.push({ text: m[2], bold: true });
    else runs.push({ text: m[3]!, italic: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) runs.push({ text: text.slice(at) });
  return runs;
}

const CJK_END = /[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f\u0000]$/;

function joinLines(lines: readonly string[]): string {
  return lines.map((l) => l.trim()).reduce((acc, l) => (acc === '' ? l : CJK_END.test(acc) ? acc + l : `${acc} ${l}`), '');
}

export function parseMarkdown(text: string): MdBlock[] {
  const lines = text.replace(/<!--(?!\s*page-break\s*-->)[\s\S]*?-->/g, '').split('\n');
  const out: MdBlock[] = [];
  let para: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;
  let quote: string[] = [];
  const flush = () => {
    if (para.length) out.push({ kind: 'paragraph', runs: inlineRuns(joinLines(para)) });
    para = [];
    if (list) out.push({ kind: 'list', ordered: list.ordered, items: list.items.map(inlineRuns) });
    list = null;
    if (quote.length) out.push({ kind: 'quote', runs: inlineRuns(joinLines(quote)) });
    quote = [];
  };
  for (const raw of lines) {
    const line = raw.trimEnd();
    if (!line.trim()) { flush(); continue; }
    if (/^\s*<!--\s*page-break\s*-->\s*$/.test(line)) { flush(); out.push({ kind: 'pageBreak' }); continue; }
    const h = /^(#{1,6})\s+(.*)$/.exec(line);
    if (h) { flush(); out.push({ kind: 'heading', level: h[1]!.length, runs: inlineRuns(h[2]!.replace(/\s*#+\s*$/, '')) }); continue; }
    if (/^\s*(\*\s*){3,}$/.test(line)) { flush(); out.push({ kind: 'rule' }); continue; }
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
  return out;
}

function runsHtml(runs: readonly Run[]): string {
  return runs.map((r) => {
    const t = esc(r.text);
    return r.code ? `<code>${t}</code>` : r.bold ? `<strong>${t}</strong>` : r.italic ? `<em>${t}</em>` : t;
  }).join('');
}

function blockHtml(b: MdBlock): string {
  switch (b.kind) {
    case 'heading': return `<h${b.level}>${runsHtml(b.runs)}</h${b.level}>`;
    case 'paragraph': return `<p>${runsHtml(b.runs)}</p>`;
    case 'quote': return `<blockquote><p>${runsHtml(b.runs)}</p></blockquote>`;
    case 'list': { const tag = b.ordered ? 'ol' : 'ul'; return `<${tag}>${b.items.map((i) => `<li>${runsHtml(i)}</li>`).join('')}</${tag}>`; }
    case 'rule': return '<hr>';
    case 'pageBreak': return '<div class="page-break"></div>';
  }
}

export function markdownToHtml(text: string, slotHtml: (i: number) => string): string {
  return parseMarkdown(text).map(blockHtml).join('\n').replace(PLACEHOLDER, (_, i: string) => slotHtml(Number(i)));
}

/** The blocks with each slot placeholder replaced by the slot's plain text (for Word). */
export function fillBlocks(blocks: readonly MdBlock[], slotText: (i: number) => string): MdBlock[] {
  const fill = (runs: readonly Run[]) => runs.map((r) => ({ ...r, text: r.text.replace(PLACEHOLDER, (_, i: string) => slotText(Number(i))) }));
  return blocks.map((b) => {
    switch (b.kind) {
      case 'heading': case 'paragraph': case 'quote': return { ...b, runs: fill(b.runs) };
      case 'list': return { ...b, items: b.items.map(fill) };
      default: return b;
    }
  });
}
