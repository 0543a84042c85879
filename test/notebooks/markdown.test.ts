/**
 * The narrative and the options as markdown-it and yaml read them: planners' tables, lists and
 * links render (HTML and Word), raw HTML shows as text, and YAML errors in the front matter and
 * in block options name the line they are on.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { reportToDocx } from '../../server/notebooks/docx.ts';
import { markdownToHtml, parseMarkdown, placeholder } from '../../server/notebooks/markdown.ts';
import { parseNotebook } from '../../server/notebooks/parse.ts';
import type { RenderedReport } from '../../server/notebooks/run.ts';
import { isSpecError, parseSpec } from '../../server/notebooks/spec.ts';

const NARRATIVE = [
  '| 乡镇 | 出生人数 |',
  '|:--|--:|',
  '| 东城街道 | 1,204 |',
  `| **白沙镇** | ${placeholder(0)} |`,
  '',
  '- 出生人口减少',
  '- 性别比回落',
  '',
  '1. 第一项',
  '2. 第二项',
  '',
  '详见[统计公报](https://example.org/gb?y=2024&t=1)。',
  '',
  '<script>alert(1)</script> <b>粗</b>',
  '',
  '[不是链接](javascript:alert(1))',
].join('\n');

describe('a narrative with a table, lists and a link', () => {
  it('renders them as HTML, with the slot in its cell and raw HTML escaped', () => {
    const html = markdownToHtml(NARRATIVE, (i) => `<span class="slot">${i === 0 ? '987' : '?'}</span>`);
    expect(html.split('\n')).toEqual([
      '<table><thead><tr><th style="text-align:left">乡镇</th><th style="text-align:right">出生人数</th></tr></thead>'
        + '<tbody><tr><td style="text-align:left">东城街道</td><td style="text-align:right">1,204</td></tr>'
        + '<tr><td style="text-align:left"><strong>白沙镇</strong></td><td style="text-align:right"><span class="slot">987</span></td></tr></tbody></table>',
      '<ul><li>出生人口减少</li><li>性别比回落</li></ul>',
      '<ol><li>第一项</li><li>第二项</li></ol>',
      '<p>详见<a href="https://example.org/gb?y=2024&amp;t=1">统计公报</a>。</p>',
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;粗&lt;/b&gt;</p>',
      '<p>[不是链接](javascript:alert(1))</p>',
    ]);
  });

  it('writes them to Word: a real table, numbered and bulleted items, a hyperlink', async () => {
    const blocks = parseMarkdown(NARRATIVE.replace(placeholder(0), '987'));
    const report = {
      notebook: 'demo', title: '示例', description: '', params: {}, meta: { first_year: 2015, last_year: 2024 },
      bodyHtml: '', charts: [], tables: [], slots: [], errors: [], outline: [{ kind: 'markdown', blocks }],
      timings: { dataMs: 0, renderMs: 0, totalMs: 0, sandboxMs: 0, blockMs: {} },
    } satisfies Omit<RenderedReport, 'results'>;
    const zip = await JSZip.loadAsync(await reportToDocx(report));
    const xml = await zip.file('word/document.xml')!.async('string');
    const cells = [...xml.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => [...c[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
    expect(cells).toEqual(['乡镇', '出生人数', '东城街道', '1,204', '白沙镇', '987']);
    expect(xml.match(/<w:numId /g)).toHaveLength(4); // two bullets, two numbered items
    const link = /<w:hyperlink [^>]*r:id="([^"]+)"[\s\S]*?<w:t(?: [^>]*)?>([^<]*)<\/w:t>/.exec(xml)!;
    expect(link[2]).toBe('统计公报');
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    expect(rels).toContain(`Id="${link[1]}"`);
    expect(rels).toContain('Target="https://example.org/gb?y=2024&amp;t=1"');
    expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('YAML options and front matter', () => {
  const lineOf = (text: string) => {
    try { parseSpec(text); } catch (e) { if (isSpecError(e)) return [e.lineOffset, e.message]; throw e; }
    return null;
  };

  it('keeps values as typed, pairs on one line, comments and indented entries', () => {
    const fields = parseSpec('kind: bars, data: towns, limit: 08  # at most eight\ntitle: 图2 各乡镇\ncolumns:\n  name: 乡镇\n  births: 出生人数 | int');
    expect([...fields.values()].map((f) => [f.key, f.value, f.line])).toEqual([
      ['kind', 'bars', 0], ['data', 'towns', 0], ['limit', '08', 0], ['title', '图2 各乡镇', 1], ['columns', '', 2],
    ]);
    expect(fields.get('columns')!.entries).toEqual([{ key: 'name', value: '乡镇', line: 3 }, { key: 'births', value: '出生人数 | int', line: 4 }]);
    // A comment is not split at its commas: "x:" and the second "kind:" below are not options.
    expect([...parseSpec('# 注, x: y\nkind: trend, title: 图1  # 注, kind: bars').entries()].map(([k, f]) => [k, f.value])).toEqual([['kind', 'trend'], ['title', '图1']]);
  });

  it('names the line of a repeated key and of a YAML error, counting lines of the block', () => {
    expect(lineOf('kind: trend\ndata: births, x: period\ny: value, x: age')).toEqual([2, 'x is given twice']);
    expect(lineOf('kind: trend\n\ntitle: [图1')).toEqual([2, expect.stringMatching(/^cannot read the options: .*flow sequence/i)]);
    expect(lineOf('kind: trend\ncolumns:\n  - a')).toEqual([1, expect.stringMatching(/columns: expected a value or indented key: value lines, not a list/)]);
  });

  it('reads the front matter with yaml: quoted and unquoted slots, labels from comments, errors on their file line', () => {
    const nb = parseNotebook('demo', '---\ntitle: "{{ meta.place }}: 简报"\ndescription: {{ meta.when }}出生\nparams:\n  year: year = latest   # 报告年份\n  year: int(1..3)\n---\n正文\n');
    expect([nb.title, nb.description]).toEqual(['{{ meta.place }}: 简报', '{{ meta.when }}出生']);
    expect(nb.params.map((p) => [p.name, p.label, p.line])).toEqual([['year', '报告年份', 5]]);
    expect(nb.frontMatterErrors.map((e) => [e.line, e.message])).toEqual([[6, 'parameter year is declared twice']]);
    const broken = parseNotebook('demo', '---\ntitle: 报告\naudience: [county\n---\n正文\n');
    expect(broken.frontMatterErrors.map((e) => e.line)).toEqual([3]);
    expect(broken.blocks).toEqual([{ kind: 'markdown', line: 5, text: '正文\n' }]);
  });
});
