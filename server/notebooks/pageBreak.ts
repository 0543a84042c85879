/**
 * @module notebooks/pageBreak
 * A markdown-it block rule for `<!-- page-break -->` on a line of its own: a `page_break` token,
 * printed as a page break. Raw HTML is off in reports, so without this rule the comment would
 * show as text.
 *
 * @example
 * new MarkdownIt({ html: false }).use(pageBreakRule).parse('<!-- page-break -->', {})[0].type; // 'page_break'
 */
import type { MarkdownIt, StateBlock } from 'markdown-it';

const PAGE_BREAK = /^<!--\s*page-break\s*-->\s*$/;

function pageBreak(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  const line = state.src.slice(state.bMarks[startLine]! + state.tShift[startLine]!, state.eMarks[startLine]);
  if (state.sCount[startLine]! - state.blkIndent >= 4 || !PAGE_BREAK.test(line)) return false;
  if (silent) return true;
  const token = state.push('page_break', 'div', 0);
  token.map = [startLine, startLine + 1];
  state.line = startLine + 1;
  return true;
}

export function pageBreakRule(md: MarkdownIt): void {
  // Before `paragraph`, and allowed to end one: a page break needs no blank line before it.
  md.block.ruler.before('paragraph', 'page_break', pageBreak, { alt: ['paragraph'] });
}
