/**
 * @module outputs/docx
 * Word documents with the `docx` package: A4 with the report's margins, Chinese fonts (宋体 body,
 * 黑体 headings, Times New Roman for Latin and digits), headings as Word heading styles (so the
 * navigation pane and a table of contents work), paragraphs with a two-character first-line
 * indent, figures as PNG images with their caption below, and tables as real Word tables (header
 * row repeated on each page, rows not split, numbers right-aligned) with their caption above and
 * note below. Captions are Word captions (题注): 图3 and 表1 are SEQ fields holding their number,
 * so Word can renumber them, cross-reference them and list them (图表目录). The page footer
 * carries the page number.
 *
 * @example
 * const bytes = await documentToDocx({ title: '清河县2024年人口形势分析', subtitle: ['数据范围：2000–2024年'], blocks });
 */
import {
  AlignmentType, BorderStyle, Document, ExternalHyperlink, Footer, HeadingLevel, ImageRun, LevelFormat, Packer, PageNumber, Paragraph,
  SimpleField, Table, TableCell, TableRow, TextRun, WidthType, convertMillimetersToTwip, type ParagraphChild,
} from 'docx';
import type { MdBlock, Run } from '../notebooks/markdown.ts';
import { rounded, type OutputTable } from './table.ts';

/** Narrative blocks (a narrative table arrives as a `table` of text, see notebooks/docx.ts), figures, tables and errors. */
export type DocBlock =
  | Exclude<MdBlock, { kind: 'table' }>
  /** `title`: the caption under the image (`图3 分月出生人数`); `note`: a line under it (a chart's subtitle). */
  | { readonly kind: 'figure'; readonly png: Uint8Array; readonly width: number; readonly height: number; readonly title: string; readonly note?: string }
  | { readonly kind: 'table'; readonly table: OutputTable }
  | { readonly kind: 'error'; readonly text: string };

export interface DocInput {
  readonly title: string;
  readonly subtitle?: readonly string[];
  readonly blocks: readonly DocBlock[];
}

const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: 'Times New Roman' };
const HEADING_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体', cs: 'Times New Roman' };
/** A4 210 mm less 17 mm margins each side; images are sized to fit it. */
const CONTENT_MM = 176;
/** A4 in twips as Word writes it (210 × 297 mm). */
export const A4_TWIPS = { width: 11906, height: 16838 } as const;
const PX_PER_MM = 96 / 25.4;
const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;

function runs(list: readonly Run[], size?: number): (TextRun | ExternalHyperlink)[] {
  return list.map((r) => {
    const run = new TextRun({ text: r.text, bold: r.bold, italics: r.italic, ...(r.code ? { font: 'Consolas' } : {}), ...(size ? { size } : {}), ...(r.href ? { style: 'Hyperlink' } : {}) });
    return r.href ? new ExternalHyperlink({ link: r.href, children: [run] }) : run;
  });
}

function formatCell(value: string | number | null, decimals: number | undefined): string {
  const v = rounded(value, decimals);
  if (v === null) return '—';
  if (typeof v === 'string') return v;
  return decimals === undefined ? String(v) : v.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

function tableBlocks(t: OutputTable): (Paragraph | Table)[] {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const cell = (text: string, numeric: boolean, header: boolean) => new TableCell({
    borders,
    margins: { left: 80, right: 80, top: 20, bottom: 20 },
    shading: header ? { fill: 'F1F1F1' } : undefined,
    children: [new Paragraph({
      alignment: header ? AlignmentType.CENTER : numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
      children: [new TextRun({ text, bold: header, size: 18 })],
    })],
  });
  const head = new TableRow({ tableHeader: true, cantSplit: true, children: t.columns.map((c) => cell(c.header, false, true)) });
  const body = t.rows.map((r) => new TableRow({
    cantSplit: true,
    children: t.columns.map((c, i) => cell(formatCell(r[i] ?? null, c.decimals), c.decimals !== undefined || c.alignRight === true, false)),
  }));
  const out: (Paragraph | Table)[] = [];
  if (t.title) out.push(new Paragraph({ style: 'Caption', keepNext: true, alignment: AlignmentType.CENTER, children: captionRuns(t.title) }));
  out.push(new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [head, ...body] }));
  if (t.note) out.push(new Paragraph({ spacing: { before: 60, after: 120 }, children: [new TextRun({ text: t.note, size: 17, color: '555555' })] }));
  return out;
}

/** The image, kept with its caption below it (and the caption's note). */
function figure(b: Extract<DocBlock, { kind: 'figure' }>): Paragraph[] {
  const maxPx = CONTENT_MM * PX_PER_MM;
  const scale = Math.min(1, maxPx / b.width);
  const image = new Paragraph({
    alignment: AlignmentType.CENTER, keepLines: true, keepNext: true, spacing: { before: 120, after: 0 },
    children: [new ImageRun({
      type: 'png', data: b.png,
      transformation: { width: Math.round(b.width * scale), height: Math.round(b.height * scale) },
      altText: { name: b.title, description: b.title, title: b.title },
    })],
  });
  const caption = new Paragraph({ style: 'Caption', keepNext: Boolean(b.note), alignment: AlignmentType.CENTER, children: captionRuns(b.title) });
  const note = b.note ? [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 160 }, children: [new TextRun({ text: b.note, size: 17, color: '555555' })] })] : [];
  return [image, caption, ...note];
}

/**
 * A caption's runs: `图3 分月出生人数` as 图, a SEQ field holding 3, and the rest, so Word numbers
 * it as its own caption; a title without a number as it is.
 */
function captionRuns(title: string): ParagraphChild[] {
  const m = /^(图|表)(\d+)\s*(.*)$/.exec(title);
  if (!m) return [new TextRun({ text: title, bold: true })];
  const [, label, n, rest] = m as unknown as [string, string, string, string];
  return [new TextRun({ text: label, bold: true }), new SimpleField(`SEQ ${label} \\* ARABIC`, n), new TextRun({ text: rest ? ` ${rest}` : '', bold: true })];
}

function block(b: DocBlock): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[Math.min(2, Math.max(0, b.level - 2))], keepNext: true, children: runs(b.runs) })];
    case 'paragraph':
      return [new Paragraph({ indent: { firstLine: 420 }, alignment: AlignmentType.JUSTIFIED, children: runs(b.runs) })];
    case 'quote':
      return [new Paragraph({ indent: { left: 420 }, children: runs(b.runs) })];
    case 'list':
      return b.items.map((item) => new Paragraph({
        ...(b.ordered ? { numbering: { reference: 'ordered', level: 0, instance: 0 } } : { bullet: { level: 0 } }),
        children: runs(item),
      }));
    case 'rule':
      return [new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '999999', space: 1 } }, children: [] })];
    case 'pageBreak':
      return [new Paragraph({ pageBreakBefore: true, children: [] })];
    case 'figure':
      return figure(b);
    case 'table':
      return tableBlocks(b.table);
    case 'error':
      return [new Paragraph({ children: [new TextRun({ text: b.text, color: '8A1C12' })] })];
  }
}

export async function documentToDocx(doc: DocInput): Promise<Buffer> {
  const footer = new Footer({
    children: [new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ children: ['第 ', PageNumber.CURRENT, ' 页 / 共 ', PageNumber.TOTAL_PAGES, ' 页'], size: 16 })],
    })],
  });
  const document = new Document({
    creator: 'Renkou',
    title: doc.title,
    styles: {
      default: {
        document: { run: { font: BODY_FONT, size: 21 }, paragraph: { spacing: { line: 360 } } },
        title: { run: { font: HEADING_FONT, size: 36, bold: true }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 120 } } },
        heading1: { run: { font: HEADING_FONT, size: 30, bold: true, color: '000000' }, paragraph: { spacing: { before: 280, after: 120 } } },
        heading2: { run: { font: HEADING_FONT, size: 26, bold: true, color: '000000' }, paragraph: { spacing: { before: 200, after: 100 } } },
        heading3: { run: { font: HEADING_FONT, size: 22, bold: true, color: '000000' }, paragraph: { spacing: { before: 160, after: 80 } } },
        caption: { run: { font: HEADING_FONT, size: 20, bold: true, color: '000000', italics: false }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 120, after: 60 } } },
      },
    },
    numbering: { config: [{ reference: 'ordered', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 720, hanging: 360 } } } }] }] },
    sections: [{
      properties: {
        page: {
          size: { width: A4_TWIPS.width, height: A4_TWIPS.height },
          margin: { top: convertMillimetersToTwip(18), bottom: convertMillimetersToTwip(20), left: convertMillimetersToTwip(17), right: convertMillimetersToTwip(17) },
        },
      },
      footers: { default: footer },
      children: [
        new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(doc.title)] }),
        ...(doc.subtitle ?? []).map((s) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: s, size: 18, color: '555555' })] })),
        ...doc.blocks.flatMap(block),
      ],
    }],
  });
  return Packer.toBuffer(document);
}

/** A document of tables only (the planning table as Word). */
export function tablesToDocx(title: string, tables: readonly OutputTable[], subtitle: readonly string[] = []): Promise<Buffer> {
  return documentToDocx({ title, subtitle, blocks: tables.map((table) => ({ kind: 'table' as const, table: { ...table, title: '' } })) });
}
