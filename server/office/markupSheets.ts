/**
 * @module office/markupSheets
 * The rows of an "Excel" file that is really markup (office/xlsKind), streamed like a workbook
 * (office/xlsx `readWorkbook`) so the import handles it as one:
 * - a web page: one sheet, its table rows in order, as Excel lays them out when it opens the
 *   page — a cell spanning columns (colspan) is followed by empty cells, a cell spanning rows
 *   (rowspan) leaves its column empty in the rows below, and a title above the table (<h2>,
 *   <p>, <caption>) is a row of its own, so row numbers are the ones Excel shows; text under a
 *   table (制表人：张三) is left out: it is no record, and it may name people;
 * - an Excel 2003 XML workbook (SpreadsheetML): one sheet per <Worksheet>, rows and cells placed
 *   by their ss:Index, a DateTime cell as `YYYY-MM-DD`.
 * Cell text is what the page shows: entities decoded, runs of spaces and line breaks one space.
 * The file is decoded in the encoding office/encoding detects, whatever its <meta charset> says.
 *
 * @example
 * for await (const sheet of readMarkupSheets('出生登记.xls', 'html', 'gb18030')) for await (const row of sheet.rows) console.log(row);
 */
import { createReadStream } from 'node:fs';
import { Parser, type Handler } from 'htmlparser2';
import type { TextEncodingName } from './encoding.ts';
import type { SheetRow, SheetRows } from './xlsx.ts';

interface SheetItem { readonly sheet: string; readonly row: SheetRow }
type Emit = (item: SheetItem) => void;

const cleanText = (text: string) => text.replace(/[\s\u00a0]+/g, ' ').trim();
const hasText = (cells: readonly string[]) => cells.some((c) => c !== '');

/** Tags whose text no cell shows. */
const UNSHOWN = new Set(['head', 'title', 'style', 'script']);
/** Tags that end a line of text outside a table (a title above it, a note under it). */
const BLOCKS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'caption', 'br', 'body']);

/** HTML tables as Excel opens them: one sheet, named by the file. */
function htmlHandler(emit: Emit): Partial<Handler> {
  let number = 0;
  let tables = 0; // depth: a table inside a cell is read as that cell's text
  let unshown = 0;
  let loose = ''; // text outside the tables
  let afterTable = false; // text under a table (制表人：张三 审核人：李四) is no row: it may name people
  let row: string[] | null = null;
  let cell: { text: string; columns: number; rows: number } | null = null;
  // the last row a rowspan covers, by column (a row of the current table)
  let covered = new Map<number, number>();

  const flushLoose = () => {
    const text = cleanText(loose);
    loose = '';
    if (text !== '' && !afterTable) emit({ sheet: '', row: { number: ++number, cells: [text] } });
  };
  const skipCovered = () => {
    while (row && (covered.get(row.length) ?? 0) >= number) row.push('');
  };
  const endCell = () => {
    if (!cell || !row) return;
    const start = row.length;
    row.push(cleanText(cell.text));
    for (let i = 1; i < cell.columns; i++) row.push('');
    if (cell.rows > 1) for (let c = start; c < row.length; c++) covered.set(c, number + cell.rows - 1);
    cell = null;
    skipCovered();
  };
  const endRow = () => {
    endCell();
    if (row && hasText(row)) emit({ sheet: '', row: { number, cells: row } });
    row = null;
  };
  const startRow = () => {
    endRow();
    row = [];
    number++;
    skipCovered();
  };
  const span = (value: string | undefined) => Math.max(1, Math.min(1000, Number.parseInt(value ?? '1', 10) || 1));

  return {
    onopentag(name, attribs) {
      if (UNSHOWN.has(name)) unshown++;
      if (name === 'table') {
        if (tables === 0) {
          flushLoose();
          covered = new Map();
        }
        tables++;
        return;
      }
      if (tables !== 1) {
        if (BLOCKS.has(name) && tables === 0) flushLoose();
        if (name === 'br' && cell) cell.text += ' ';
        return;
      }
      if (name === 'tr') startRow();
      else if (name === 'td' || name === 'th') {
        if (!row) startRow();
        endCell();
        cell = { text: '', columns: span(attribs.colspan), rows: span(attribs.rowspan) };
      } else if (name === 'br' && cell) cell.text += ' ';
      else if (name === 'caption') flushLoose();
    },
    ontext(text) {
      if (unshown > 0) return;
      if (cell) cell.text += text;
      else if (tables === 0 || !row) loose += text;
    },
    onclosetag(name) {
      if (UNSHOWN.has(name)) unshown = Math.max(0, unshown - 1);
      if (name === 'table') {
        if (tables === 1) endRow();
        tables = Math.max(0, tables - 1);
        if (tables === 0) afterTable = true;
        return;
      }
      if (tables === 1) {
        if (name === 'td' || name === 'th') endCell();
        else if (name === 'tr') endRow();
        else if (name === 'caption') flushLoose();
      } else if (tables === 0 && BLOCKS.has(name)) flushLoose();
    },
    onend() {
      endRow();
      flushLoose();
    },
  };
}

/** An attribute by its local name (ss:Index, or Index in the default namespace). */
function attribute(attribs: Record<string, string>, local: string): string | undefined {
  for (const [key, value] of Object.entries(attribs)) if (key.replace(/^.*:/, '').toLowerCase() === local) return value;
  return undefined;
}

/** A SpreadsheetML cell's text: a DateTime as the date (and its time when it has one). */
function dataText(text: string, type: string | undefined): string {
  const value = cleanText(text);
  if (type !== 'DateTime') return value;
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/.exec(value);
  return m ? (m[2] === '00:00:00' ? m[1]! : `${m[1]} ${m[2]}`) : value;
}

/** Excel 2003 XML workbooks: a sheet per Worksheet. */
function spreadsheetMlHandler(emit: Emit): Partial<Handler> {
  let sheet = '';
  let sheets = 0;
  let number = 0;
  let row: string[] | null = null;
  let cell: { text: string; type: string | undefined; across: number } | null = null;
  let inData = false;
  const local = (name: string) => name.replace(/^.*:/, '').toLowerCase();
  return {
    onopentag(name, attribs) {
      const tag = local(name);
      if (tag === 'worksheet') {
        sheets++;
        sheet = attribute(attribs, 'name') ?? `Sheet${sheets}`;
        number = 0;
      } else if (tag === 'row') {
        const index = Number(attribute(attribs, 'index'));
        number = Number.isInteger(index) && index > number ? index : number + 1;
        row = [];
      } else if (tag === 'cell' && row) {
        const index = Number(attribute(attribs, 'index'));
        if (Number.isInteger(index)) while (row.length < index - 1) row.push('');
        cell = { text: '', type: undefined, across: Number(attribute(attribs, 'mergeacross') ?? 0) || 0 };
      } else if (tag === 'data' && cell) {
        inData = true;
        cell.type = attribute(attribs, 'type');
      }
    },
    ontext(text) {
      if (inData && cell) cell.text += text;
    },
    onclosetag(name) {
      const tag = local(name);
      if (tag === 'data') inData = false;
      else if (tag === 'cell' && cell && row) {
        row.push(dataText(cell.text, cell.type));
        for (let i = 0; i < cell.across; i++) row.push('');
        cell = null;
      } else if (tag === 'row' && row) {
        if (hasText(row)) emit({ sheet, row: { number, cells: row } });
        row = null;
      }
    },
  };
}

/** Every row of the file with its sheet, parsed a chunk at a time. */
async function* markupRows(file: string, kind: 'html' | 'spreadsheetml', encoding: TextEncodingName): AsyncGenerator<SheetItem> {
  const pending: SheetItem[] = [];
  const emit: Emit = (item) => pending.push(item);
  const parser = kind === 'html'
    ? new Parser(htmlHandler(emit), { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true })
    : new Parser(spreadsheetMlHandler(emit), { xmlMode: true, decodeEntities: true });
  const decoder = new TextDecoder(encoding);
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 18 })) {
    parser.write(decoder.decode(chunk as Buffer, { stream: true }));
    yield* pending.splice(0);
  }
  parser.write(decoder.decode());
  parser.end();
  yield* pending.splice(0);
}

/**
 * The sheets of a markup file, each as an async stream of text rows (empty rows skipped; their
 * numbers tell where they were). A web page's one sheet has the name '' (the file is the table).
 */
export async function* readMarkupSheets(file: string, kind: 'html' | 'spreadsheetml', encoding: TextEncodingName): AsyncGenerator<SheetRows> {
  const items = markupRows(file, kind, encoding);
  let next = await items.next();
  while (!next.done) {
    const name = next.value.sheet;
    const rows = (async function* () {
      while (!next.done && next.value.sheet === name) {
        yield next.value.row;
        next = await items.next();
      }
    })();
    yield { name, rows };
    // rows the reader left unread belong to this sheet still
    while (!next.done && next.value.sheet === name) next = await items.next();
  }
}
