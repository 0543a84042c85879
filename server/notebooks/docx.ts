/**
 * @module notebooks/docx
 * A rendered report as a Word document: the title and the data range, the narrative's headings,
 * paragraphs, lists, tables and links with every `{{ }}` figure filled in, each chart as a PNG laid
 * out again without its title (white background, print shape of 16:9 or 4:3, 2× its pixel size:
 * at least 192 dpi at the width Word shows it) over its Word caption 图N (its subtitle under it),
 * and each table as a Word table with the formats of the HTML report (表N caption, note below).
 * In the HTML, the PDF and the PNG files the title stays drawn in the chart.
 *
 * @example
 * const bytes = await reportToDocx(await renderNotebook(nb, { year: '2024' }, { db, config }));
 */
import { documentToDocx, type DocBlock } from '../outputs/docx.ts';
import type { OutputTable } from '../outputs/table.ts';
import { svgToPng } from './png.ts';
import { applyFormats } from './formats.ts';
import type { MdBlock, Run } from './markdown.ts';
import type { RenderedChart, RenderedReport } from './run.ts';
import { printSized } from './charts.ts';
import type { TopLevelSpec } from 'vega-lite';
import type { BuiltTable } from './tables.ts';

/** A report as a route or the CLI holds it (its in-memory results are not needed here). */
type Report = Omit<RenderedReport, 'results'>;

/** PNG pixels per SVG pixel: 2 × 96 = 192 dpi at the chart's own size, more where Word shrinks it. */
export const PNG_SCALE = 2;

/** A report table as shown in the HTML report: the same headers and formatted cells. */
export function reportTable(t: BuiltTable): OutputTable {
  const numeric = t.columns.map((c) => t.rows.some((r) => typeof r[c.field] === 'number'));
  return {
    title: t.title,
    note: t.note,
    columns: t.columns.map((c, i) => ({ header: c.header, alignRight: numeric[i] })),
    rows: t.rows.map((r) => t.columns.map((c) => applyFormats(r[c.field] ?? null, c.formats))),
  };
}

/** A Markdown table of the narrative as a Word table: its cells as plain text, right-aligned where the Markdown says so. */
function narrativeTable(b: Extract<MdBlock, { kind: 'table' }>): OutputTable {
  const text = (runs: readonly Run[]) => runs.map((r) => r.text).join('');
  return {
    title: '', note: '',
    columns: b.header.map((h, i) => ({ header: text(h), alignRight: b.align[i] === 'right' })),
    rows: b.rows.map((r) => b.header.map((_, i) => text(r[i] ?? []))),
  };
}

export function reportSubtitle(report: Report, today = new Date().toISOString().slice(0, 10)): string[] {
  const m = report.meta;
  return [report.description, `数据范围：${m.first_year}–${m.last_year}年　生成日期：${today}　数据来源：人口信息数据库（Renkou 计算）`].filter(Boolean);
}

export async function reportToDocx(report: Report): Promise<Buffer> {
  const figures = await Promise.all(report.charts.map(figureOf));
  const blocks: DocBlock[] = report.outline.flatMap((item): DocBlock[] => {
    switch (item.kind) {
      case 'markdown': return item.blocks.map((b) => (b.kind === 'table' ? { kind: 'table', table: narrativeTable(b) } : b));
      case 'chart': return [figures[item.index]!];
      case 'table': return [{ kind: 'table', table: reportTable(report.tables[item.index]!.table) }];
      case 'error': return [{ kind: 'error', text: item.text }];
    }
  });
  return documentToDocx({ title: report.title, subtitle: reportSubtitle(report), blocks });
}

/**
 * A chart for Word: laid out again without its title, which goes under it as a Word caption that
 * Word can renumber and cross-reference (a title inside the picture could not be).
 */
async function figureOf(chart: RenderedChart): Promise<DocBlock> {
  const { title, ...untitled } = chart.spec as TopLevelSpec & { title?: unknown };
  const sized = await printSized(untitled as TopLevelSpec);
  const subtitle = title && typeof title === 'object' ? (title as { subtitle?: unknown }).subtitle : undefined;
  const note = typeof subtitle === 'string' ? subtitle : Array.isArray(subtitle) ? subtitle.join(' ') : '';
  return {
    kind: 'figure', png: await svgToPng(sized.svg, PNG_SCALE), width: sized.width, height: sized.height, title: chart.title,
    ...(note ? { note } : {}),
  };
}

/** `清河县2024年人口形势分析.docx`. */
export function reportFileName(report: Report, ext: string): string {
  return `${report.title}.${ext}`;
}
