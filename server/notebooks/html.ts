/**
 * @module notebooks/html
 * A rendered report as HTML: a fragment (`<article class="renkou-report">` with its scoped style,
 * for the web app) or a standalone page (charts inline as SVG, nothing fetched) whose print
 * stylesheet lays it out on A4: margins, Chinese font stack, paragraph indent, tables that repeat
 * their header, charts and tables kept whole, headings kept with what follows, and
 * `<!-- page-break -->` honoured.
 */
import { esc } from './markdown.ts';
import type { RenderedReport } from './run.ts';

/** What the HTML needs of a rendered report (also a report answered by a worker thread, without its results). */
export type ReportView = Pick<RenderedReport, 'notebook' | 'title' | 'description' | 'meta' | 'bodyHtml'>;

const FONT_STACK = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Hiragino Sans GB", "WenQuanYi Micro Hei", sans-serif';

export const REPORT_CSS = `
.renkou-report { font-family: ${FONT_STACK}; color: #1f2328; font-size: 10.5pt; line-height: 1.75; max-width: 174mm; margin: 0 auto; }
.renkou-report .nb-head { text-align: center; margin: 0 0 1.5em; padding-bottom: .8em; border-bottom: 2px solid #b8473f; }
.renkou-report .nb-head h1 { font-size: 20pt; margin: 0 0 .3em; letter-spacing: .05em; line-height: 1.4; }
.renkou-report .nb-head p { margin: 0; color: #555; font-size: 9.5pt; text-indent: 0; }
.renkou-report h1 { font-size: 16pt; }
.renkou-report h2 { font-size: 14pt; margin: 1.4em 0 .5em; line-height: 1.4; break-after: avoid; page-break-after: avoid; }
.renkou-report h3 { font-size: 12pt; margin: 1.1em 0 .4em; line-height: 1.4; break-after: avoid; page-break-after: avoid; }
.renkou-report p { margin: .35em 0; text-indent: 2em; text-align: justify; orphans: 2; widows: 2; }
.renkou-report blockquote { margin: .6em 0; padding: .2em .9em; border-left: 3px solid #ccc; color: #444; }
.renkou-report blockquote p { text-indent: 0; }
.renkou-report ul, .renkou-report ol { margin: .35em 0 .35em 2em; padding-left: 1em; }
.renkou-report figure { margin: .8em 0 1.1em; break-inside: avoid; page-break-inside: avoid; }
.renkou-report .nb-chart svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
.renkou-report figcaption { font-weight: bold; text-align: center; margin-bottom: .4em; font-size: 10.5pt; }
.renkou-report table { border-collapse: collapse; width: 100%; font-size: 9pt; line-height: 1.45; }
.renkou-report thead { display: table-header-group; }
.renkou-report tr { break-inside: avoid; page-break-inside: avoid; }
.renkou-report th, .renkou-report td { border: 1px solid #9a9a9a; padding: 2px 6px; }
.renkou-report th { background: #f1f1f1; font-weight: bold; text-align: center; }
.renkou-report td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.renkou-report .nb-note { font-size: 8.5pt; color: #555; text-indent: 0; margin-top: .3em; }
.renkou-report .nb-error { border: 1px solid #c0392b; background: #fdecea; color: #8a1c12; padding: .45em .75em; margin: .7em 0; font-size: 9.5pt; text-indent: 0; break-inside: avoid; }
.renkou-report span.nb-error { display: inline; padding: 0 .2em; margin: 0; border-width: 0 0 1px; }
.renkou-report .page-break { break-after: page; page-break-after: always; height: 0; }
.renkou-report code { font-size: 9pt; background: #f4f4f4; padding: 0 .2em; }
`;

const PRINT_CSS = `
@page { size: A4; margin: 18mm 17mm 20mm 17mm; }
html { background: #fff; }
body { margin: 0; padding: 12mm 0; }
@media print {
  body { padding: 0; }
  .renkou-report { max-width: none; }
}
`;

function header(report: ReportView): string {
  const m = report.meta;
  const parts = [`数据范围：${m.first_year}–${m.last_year}年`, `生成日期：${new Date().toISOString().slice(0, 10)}`];
  return `<header class="nb-head"><h1>${esc(report.title)}</h1>${report.description ? `<p>${esc(report.description)}</p>` : ''}<p>${esc(parts.join('　'))}</p></header>`;
}

/** The report as an HTML fragment for the web app: one `<article>` with its scoped style. */
export function fragmentHtml(report: ReportView): string {
  return `<article class="renkou-report" data-notebook="${esc(report.notebook)}">
<style>${REPORT_CSS}</style>
${header(report)}
${report.bodyHtml}
</article>`;
}

/** A standalone page: open it in a browser, print it, or hand it to Chromium for a PDF. */
export function standaloneHtml(report: ReportView): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Renkou notebooks">
<title>${esc(report.title)}</title>
<style>${PRINT_CSS}${REPORT_CSS}</style>
</head>
<body>
${fragmentHtml(report).replace(/<style>[\s\S]*?<\/style>\n/, '')}
</body>
</html>
`;
}
