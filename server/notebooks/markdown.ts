/**
 * @module notebooks/markdown
 * A report's narrative read by markdown-it (CommonMark plus tables; raw HTML off, so `<b>` shows
 * as text) into the blocks both writers share: headings, paragraphs, lists, quotes, tables, rules
 * and `<!-- page-break -->` for a printed page break (other comments are dropped). Runs carry
 * bold, italic, code and links. Lines of Chinese text join without a space. {@link parseMarkdown}
 * gives the blocks (the Word writer reads them); {@link markdownToHtml} writes them as HTML.
 * `{{ }}` slots are filled by the caller: the text carries a placeholder per slot, replaced by
 * the slot's HTML or plain text.
 */
import MarkdownIt from 'markdown-it';
import { pageBreakRule } from './pageBreak.ts';

/**
 * The parser: raw HTML, images (a printed report fetches nothing), strikethrough, indented code
 * (planners indent paragraphs) and setext headings (a `---` under a line stays a rule) are off.
 */
export const md = new MarkdownIt({ html: false, linkify: false, typographer: false })
  .disable(['image', 'strikethrough', 'code', 'lheading'])
  .use(pageBreakRule);

export const esc = (s: string): string => md.utils.escapeHtml(s);

/**
 * Placeholder for slot i: private-use characters, which markdown-it keeps (it turns NUL into
 * U+FFFD) and treats as letters, so a slot inside `**…**` or a table cell stays where it is.
 */
export const placeholder = (i: number): string => `\ue000${i}\ue001`;
const PLACEHOLDER = /\ue000(\d+)\ue001/g;

export interface Run {
  readonly text: string; readonly bold?: boolean; readonly italic?: boolean; readonly code?: boolean; readonly href?: string;
}
export type Align = 'left' | 'center' | 'right' | null;
export type MdBlock =
  | { readonly kind: 'heading'; readonly level: number; readonly runs: readonly Run[] }
  | { readonly kind: 'paragraph'; readonly runs: readonly Run[] }
  | { readonly kind: 'quote'; readonly runs: readonly Run[] }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: readonly (readonly Run[])[] }
  | { readonly kind: 'table'; readonly align: readonly Align[]; readonly header: readonly (readonly Run[])[]; readonly rows: readonly (readonly (readonly Run[])[])[] }
  | { readonly kind: 'rule' }
  | { readonly kind: 'pageBreak' };

type Token = ReturnType<typeof md.parse>[number];

/** A line ending in Chinese (or a slot) joins the next without a space, as Chinese is written. */
const CJK_END = /[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f\ue001]$/;

/** The inline children of one token as runs; neighbours with the same style merge. */
function inlineRuns(children: readonly Token[]): Run[] {
  const runs: Run[] = [];
  let bold = false;
  let italic = false;
  let href: string | undefined;
  const push = (text: string, code = false) => {
    const last = runs[runs.length - 1];
    const style = { ...(bold ? { bold } : {}), ...(italic ? { italic } : {}), ...(code ? { code } : {}), ...(href ? { href } : {}) };
    if (last && !code && !last.code && last.bold === style.bold && last.italic === style.italic && last.href === style.href) runs[runs.length - 1] = { ...last, text: last.text + text };
    else if (text) runs.push({ text, ...style });
  };
  for (const t of children) {
    switch (t.type) {
      case 'strong_open': bold = true; break;
      case 'strong_close': bold = false; break;
      case 'em_open': italic = true; break;
      case 'em_close': italic = false; break;
      case 'link_open': href = String(t.attrGet('href') ?? ''); break;
      case 'link_close': href = undefined; break;
      case 'code_inline': push(t.content, true); break;
      case 'softbreak': case 'hardbreak': push(CJK_END.test(runs[runs.length - 1]?.text ?? '') ? '' : ' '); break;
      default: push(t.content);
    }
  }
  return runs;
}

const ALIGN = /text-align:(left|center|right)/;

/** Blocks from markdown-it's flat token stream; a nested list's items join their list, as printed. */
function toBlocks(tokens: readonly Token[]): MdBlock[] {
  const out: MdBlock[] = [];
  const runsAt = (i: number) => inlineRuns(tokens[i]!.children ?? []);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === 'heading_open') out.push({ kind: 'heading', level: Number(t.tag.slice(1)), runs: runsAt(i + 1) });
    else if (t.type === 'paragraph_open' && t.level === 0) out.push({ kind: 'paragraph', runs: runsAt(i + 1) });
    else if (t.type === 'blockquote_open') {
      const close = closing(tokens, i);
      for (let j = i; j < close; j++) if (tokens[j]!.type === 'inline') out.push({ kind: 'quote', runs: runsAt(j) });
      i = close;
    } else if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') {
      const close = closing(tokens, i);
      const items: Run[][] = [];
      for (let j = i; j < close; j++) {
        if (tokens[j]!.type === 'list_item_open') items.push([]);
        else if (tokens[j]!.type === 'inline') items[items.length - 1]!.push(...runsAt(j));
      }
      out.push({ kind: 'list', ordered: t.type === 'ordered_list_open', items });
      i = close;
    } else if (t.type === 'table_open') {
      const close = closing(tokens, i);
      const rows: Run[][][] = [];
      const align: Align[] = [];
      for (let j = i; j < close; j++) {
        const c = tokens[j]!;
        if (c.type === 'tr_open') rows.push([]);
        else if (c.type === 'th_open') align.push((ALIGN.exec(String(c.attrGet('style') ?? ''))?.[1] as Align | undefined) ?? null);
        else if (c.type === 'inline') rows[rows.length - 1]!.push(runsAt(j));
      }
      out.push({ kind: 'table', align, header: rows[0] ?? [], rows: rows.slice(1) });
      i = close;
    } else if (t.type === 'hr') out.push({ kind: 'rule' });
    else if (t.type === 'page_break') out.push({ kind: 'pageBreak' });
  }
  return out;
}

/** Index of the token closing the one opened at `open` (same level, `_close`). */
function closing(tokens: readonly Token[], open: number): number {
  const type = tokens[open]!.type.replace(/_open$/, '_close');
  const level = tokens[open]!.level;
  const at = tokens.findIndex((t, j) => j > open && t.type === type && t.level === level);
  return at < 0 ? tokens.length : at;
}

export function parseMarkdown(text: string): MdBlock[] {
  return toBlocks(md.parse(text.replace(/<!--(?!\s*page-break\s*-->)[\s\S]*?-->/g, ''), {}));
}

function runsHtml(runs: readonly Run[]): string {
  return runs.map((r) => {
    const t = esc(r.text);
    const styled = r.code ? `<code>${t}</code>` : r.bold && r.italic ? `<strong><em>${t}</em></strong>` : r.bold ? `<strong>${t}</strong>` : r.italic ? `<em>${t}</em>` : t;
    return r.href ? `<a href="${esc(r.href)}">${styled}</a>` : styled;
  }).join('');
}

function tableHtml(b: Extract<MdBlock, { kind: 'table' }>): string {
  const cell = (tag: 'th' | 'td', runs: readonly Run[], i: number) => {
    const a = b.align[i];
    return `<${tag}${a ? ` style="text-align:${a}"` : ''}>${runsHtml(runs)}</${tag}>`;
  };
  const body = b.rows.map((r) => `<tr>${r.map((c, i) => cell('td', c, i)).join('')}</tr>`).join('');
  return `<table><thead><tr>${b.header.map((c, i) => cell('th', c, i)).join('')}</tr></thead><tbody>${body}</tbody></table>`;
}

function blockHtml(b: MdBlock): string {
  switch (b.kind) {
    case 'heading': return `<h${b.level}>${runsHtml(b.runs)}</h${b.level}>`;
    case 'paragraph': return `<p>${runsHtml(b.runs)}</p>`;
    case 'quote': return `<blockquote><p>${runsHtml(b.runs)}</p></blockquote>`;
    case 'list': { const tag = b.ordered ? 'ol' : 'ul'; return `<${tag}>${b.items.map((i) => `<li>${runsHtml(i)}</li>`).join('')}</${tag}>`; }
    case 'table': return tableHtml(b);
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
      case 'table': return { ...b, header: b.header.map(fill), rows: b.rows.map((r) => r.map(fill)) };
      default: return b;
    }
  });
}
