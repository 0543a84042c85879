/**
 * @module office/tabular
 * Office tables as DuckDB reads them: every CSV (any of the encodings office/encoding detects),
 * every sheet of every .xlsx, and every .xls by what it holds (office/xlsKind: a web page, an Excel
 * 2003 XML workbook, text, an .xlsx under the old name) in a folder becomes a *source* with a name,
 * its headers and a few sample rows, and — when it is imported — a UTF-8 CSV that DuckDB's `read_csv` parses
 * (the file itself when it is already UTF-8; otherwise a copy in the import's work folder).
 * Headers and samples come from the same `read_csv` call as the import, so what `renkou map`
 * shows is what the import reads.
 *
 * Reusable beyond the contract tables: the targets file (`targets.csv` / `.xlsx`, targets/file)
 * is read whole with `readWholeTable` and is not listed among the contract tables' sources.
 *
 * @example
 * for (const name of listOfficeFiles(folder)) for (const source of await openOfficeFile(folder, name, work, 'sample'))
 *   console.log(source.name, (await sampleSource(connection, source)).headers);
 */
import { createWriteStream, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { runNamed } from '../db/namedQuery.ts';
import { detectEncoding, isTextEncoding, transcodeToUtf8, type TextEncodingName } from './encoding.ts';
import { isTargetsFile } from '../targets/fileNames.ts';
import { OfficeError } from './OfficeError.ts';
import { csvReadProblemOf } from './csvErrors.ts';
import { readWorkbook, type SheetRow, type SheetRows } from './xlsx.ts';
import { findHeader, HEADER_SEARCH_ROWS } from './headerRows.ts';
import { readMarkupSheets } from './markupSheets.ts';
import { xlsKind } from './xlsKind.ts';

export interface Source {
  /** Absolute path of the file. */
  readonly file: string;
  /** Name in the folder (relative path), and `#sheet` for a workbook's sheet. */
  readonly name: string;
  /** The file's name in the folder (relative path). */
  readonly fileName: string;
  /** The worksheet, for xlsx. */
  readonly sheet?: string;
  /** A UTF-8 CSV of the table for DuckDB: the file itself, or a copy in the work folder. */
  readonly csv: string;
  /** The CSV's field delimiter: told here from its header line, so DuckDB's sniffer need not try each. */
  readonly delimiter: string;
  /** Lines above the header (a title row and blank lines under it) in `csv`. */
  readonly skip: number;
  /** The header's row in the planner's file as Excel numbers rows (1 for the first): a row's number in the import counts from it. */
  readonly headerRow: number;
  /** Column names when the CSV's header is in two rows (office/headerRows), instead of its header line's. */
  readonly headers?: readonly string[];
  /** A text file's encoding, or the format of the workbook its sheet was read from. */
  readonly encoding: TextEncodingName | SheetFormat;
  /**
   * When `csv` is a decoded copy still to be written (opened with `'later'`): a copy of the first
   * lines, which the headers and samples are read from meanwhile. `copyLater` writes `csv`.
   */
  readonly preview?: string;
}

/**
 * How a CSV that is not UTF-8 is opened: only its first lines decoded (`'sample'`), all of it now
 * (`'whole'`), or its first lines now and all of it by `copyLater` (`'later'`: an import decodes
 * the next files while DuckDB reads the present one). A workbook is read whole but for `'sample'`.
 */
export type OpenMode = 'sample' | 'whole' | 'later';

/** Workbooks whose sheets are written to CSVs here: .xlsx, and a web page or Excel 2003 XML saved as .xls. */
export type SheetFormat = 'xlsx' | 'html' | 'spreadsheetml';

export interface SourceSample {
  readonly headers: string[];
  readonly rows: string[][];
}

// .txt: what several office systems name their tab- or comma-separated exports (a note in the folder is
// then a file no table fits, named, for the planner to set to 不导入)
const CSV_EXTENSIONS = new Set(['.csv', '.tsv', '.txt']);
// .xls/.et: read by what they hold (office/xlsKind); only a real Excel 97–2003 file is refused
const OLD_EXCEL_EXTENSIONS = new Set(['.xls', '.et']);
/** An import's own work folders end so (they may sit inside the export folder, beside a database kept there). */
export const WORK_SUFFIX = '.renkou-work';

function relativeFiles(folder: string, dir = folder): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name.startsWith('~$') || entry.name === '_checks' || entry.name.endsWith(WORK_SUFFIX)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...relativeFiles(folder, full));
    else if (entry.isFile()) found.push(path.relative(folder, full));
  }
  return found.sort();
}

/**
 * The office files of a folder holding contract tables (sub-folders included; the targets file
 * left out), in name order.
 */
export function listOfficeFiles(folder: string): string[] {
  const files = relativeFiles(folder);
  // a Parquet export's README.txt is no table: .txt counts only in a folder of office files
  const parquet = files.some((name) => path.extname(name).toLowerCase() === '.parquet');
  const names = files.filter((name) => isOfficeSourceFile(name) && !isTargetsFile(name) && !(parquet && path.extname(name).toLowerCase() === '.txt'));
  return names;
}

export function isOfficeSourceFile(name: string): boolean {
  const ext = path.extname(name).toLowerCase();
  return CSV_EXTENSIONS.has(ext) || ext === '.xlsx' || OLD_EXCEL_EXTENSIONS.has(ext);
}

/** How many rows the sample shows and the recognition reads. */
export const SAMPLE_ROWS = 20;
const SAMPLE_BYTES = 256 * 1024;

function workName(fileName: string, suffix: string): string {
  return `${fileName.replace(/[^\p{L}\p{N}._-]/gu, '_')}${suffix}.csv`;
}

/**
 * The tables of one office file as UTF-8 CSVs for DuckDB: a CSV file is one table (itself when
 * UTF-8, else a decoded copy in `work`); a workbook gives one per non-empty sheet, written to
 * `work` without the rows above the header. How much is decoded or copied, and when: `mode`.
 */
export async function openOfficeFile(folder: string, fileName: string, work: string, mode: OpenMode = 'whole'): Promise<Source[]> {
  mkdirSync(work, { recursive: true });
  const file = path.join(folder, fileName);
  const ext = path.extname(fileName).toLowerCase();
  const sample = mode === 'sample';
  if (ext === '.xlsx') return workbookToCsvs(file, fileName, readWorkbook(file), 'xlsx', work, sample);
  if (statSync(file).size === 0) throw new OfficeError('format', `${fileName}：文件为空（0 字节，没有表头也没有数据），请重新导出`, fileName);
  const encoding = await detectEncoding(file);
  const kind = OLD_EXCEL_EXTENSIONS.has(ext) ? await xlsKind(file, encoding) : 'text';
  if (kind === 'ole') throw new OfficeError('format', `${fileName}: 旧版 Excel（.xls/.et）文件无法读取，请在 Excel 或 WPS 中另存为 .xlsx 或 CSV`, fileName);
  if (kind === 'zip') return workbookToCsvs(file, fileName, readWorkbook(file), 'xlsx', work, sample);
  if (encoding === null) {
    throw new OfficeError('encoding', `${fileName}: 文件编码无法识别（既不是 UTF-8 也不是 GB18030/GBK），请另存为 UTF-8 或 GBK 编码的 CSV`, fileName);
  }
  if (kind !== 'text') return workbookToCsvs(file, fileName, readMarkupSheets(file, kind, encoding), kind, work, sample);
  const base = { file, name: fileName, fileName, encoding };
  if (encoding === 'utf-8') return [{ ...base, csv: file, ...(await layoutOf(file)) }];
  const csv = path.join(work, workName(fileName, ''));
  if (mode === 'whole') {
    await transcodeToUtf8(file, encoding, csv);
    return [{ ...base, csv, ...(await layoutOf(csv)) }];
  }
  const preview = path.join(work, workName(fileName, '.sample'));
  await sampleCopy(file, encoding, preview);
  const layout = await layoutOf(preview);
  return [mode === 'sample' ? { ...base, csv: preview, ...layout } : { ...base, csv, preview, ...layout }];
}

/** Copies being decoded in the background: each source's is ready when its promise settles. */
export interface LaterCopies {
  ready(source: Source): Promise<void>;
  /** Stops the copying (an import that failed or finished). */
  stop(): void;
}

/**
 * Decodes the sources opened with `'later'` one after another, in the order given (the order
 * the import reads them), while the caller goes on. A failure is the source's own: whoever
 * awaits its `ready` receives it.
 */
export function copyLater(sources: readonly Source[]): LaterCopies {
  const abort = new AbortController();
  const copies = new Map<string, Promise<void>>();
  let previous: Promise<unknown> = Promise.resolve();
  for (const source of sources) {
    if (!source.preview || copies.has(source.csv) || !isTextEncoding(source.encoding)) continue;
    const encoding = source.encoding;
    const copy = previous.catch(() => undefined).then(() => transcodeToUtf8(source.file, encoding, source.csv, abort.signal));
    copy.catch(() => undefined); // awaited by ready(); not an unhandled rejection meanwhile
    copies.set(source.csv, copy);
    previous = copy;
  }
  return {
    ready: (source) => copies.get(source.csv) ?? Promise.resolve(),
    stop: () => abort.abort(),
  };
}

const DELIMITERS = [',', '\t', ';', '|'] as const;

/**
 * How a UTF-8 CSV is laid out: its delimiter (the candidate most top lines hold most of, a comma when
 * none is), how many lines above the header to skip (a title Excel saved
 * as `2024年出生医学证明登记表,,,,`, a 填报单位/填报日期 line, blank lines: the header is the widest of the
 * top lines that is not a record, office/headerRows), and the columns' names when the header is in two
 * rows (DuckDB then reads the second as the header line).
 */
async function layoutOf(csv: string): Promise<{ delimiter: string; skip: number; headerRow: number; headers?: string[] }> {
  const handle = await open(csv, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const lines = buffer.subarray(0, bytesRead).toString('utf8').split(/\r?\n/).slice(0, HEADER_SEARCH_ROWS);
    // each top line votes for the candidate it holds most of: a comma inside one record's value does not outvote tabs
    const votes = DELIMITERS.map(() => 0);
    for (const line of lines) {
      const counts = DELIMITERS.map((d) => line.split(d).length - 1);
      if (Math.max(...counts) > 0) votes[counts.indexOf(Math.max(...counts))]!++;
    }
    const delimiter = Math.max(...votes) > 0 ? DELIMITERS[votes.indexOf(Math.max(...votes))]! : ',';
    const top = lines.map((line, i) => ({ number: i + 1, cells: line.split(delimiter).map((c) => c.replace(/^"(.*)"$/, '$1')) }));
    const { index, names } = findHeader(top);
    if (top[index]!.cells.filter((c) => c.trim() !== '').length < 3) return { delimiter, skip: 0, headerRow: 1 };
    return { delimiter, skip: index, headerRow: index + 1, ...(names ? { headers: names } : {}) };
  } finally {
    await handle.close();
  }
}

/** The first lines of a non-UTF-8 file, decoded, cut at the last whole line. */
async function sampleCopy(file: string, encoding: TextEncodingName, out: string): Promise<void> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
    const text = new TextDecoder(encoding).decode(buffer.subarray(0, bytesRead), { stream: bytesRead === SAMPLE_BYTES });
    writeFileSync(out, bytesRead === SAMPLE_BYTES ? text.slice(0, text.lastIndexOf('\n') + 1) : text);
  } finally {
    await handle.close();
  }
}

function csvCell(text: string): string {
  const quote = text.includes(',') || text.includes('"') || text.includes('\n') || text.includes('\r');
  return quote ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvLine(row: readonly string[], width: number): string {
  let line = csvCell(row[0] ?? '');
  for (let i = 1; i < width; i++) line += `,${csvCell(row[i] ?? '')}`;
  return `${line}\n`;
}

/**
 * One pass over a workbook (or a web page or XML workbook saved as .xls): each non-empty sheet to
 * its own CSV (the rows before its header row dropped). A sheet named '' is the file's only table.
 */
async function workbookToCsvs(file: string, fileName: string, sheets: AsyncIterable<SheetRows>, format: SheetFormat, work: string, sample: boolean): Promise<Source[]> {
  const sources: Source[] = [];
  try {
    let index = 0;
    for await (const sheet of sheets) {
      const csv = path.join(work, workName(fileName, `.${index++}${sample ? '.sample' : ''}`));
      const { rows, headerRow } = await sheetToCsv(sheet.rows, csv, sample ? SAMPLE_ROWS + 1 : Infinity);
      const named = sheet.name === '' ? { name: fileName } : { name: `${fileName}#${sheet.name}`, sheet: sheet.name };
      if (rows > 0) sources.push({ file, ...named, fileName, csv, delimiter: ',', skip: 0, headerRow, encoding: format });
    }
  } catch (e) {
    if (e instanceof OfficeError) throw e;
    throw new OfficeError('format', `${fileName}: 不是可读取的 Excel 文件（${e instanceof Error ? e.message : String(e)}）`, fileName);
  }
  return sources;
}

/** Lines are written in batches of this many (one write per row costs more than reading it). */
const BATCH_LINES = 4096;

/**
 * Writes a sheet's rows from its header row on; reads to the end even past `maxRows` (the reader
 * streams in order). An empty row under the header is written as an empty line, so each row keeps
 * its place (the import leaves empty lines out after numbering the rows: a quarantined row's
 * number is its row in the sheet less the header's).
 */
async function sheetToCsv(rows: AsyncIterable<SheetRow>, out: string, maxRows: number): Promise<{ rows: number; headerRow: number }> {
  const stream = createWriteStream(out);
  let batch: string[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const text = batch.join('');
    batch = [];
    if (!stream.write(text)) await new Promise<void>((resolve) => stream.once('drain', resolve));
  };
  const top: SheetRow[] = [];
  let width = -1;
  let written = 0;
  let lastNumber = 0;
  const emit = async (row: SheetRow) => {
    for (let gap = lastNumber + 1; gap < row.number && lastNumber > 0; gap++) await line([]);
    lastNumber = row.number;
    await line(row.cells);
  };
  const line = async (cells: readonly string[]) => {
    if (written >= maxRows) return;
    batch.push(csvLine(cells, width));
    written++;
    if (batch.length >= BATCH_LINES) await flush();
  };
  let headerRow = 1;
  const flushTop = async () => {
    // a header in two rows (新生儿 over 姓名 性别 …) is written as one line
    const { index: h, names } = findHeader(top);
    const header = top[h]!;
    width = names?.length ?? header.cells.length;
    headerRow = header.number;
    await emit(names ? { number: header.number, cells: names } : header);
    for (const row of top.slice(h + 1)) await emit(row);
  };
  try {
    for await (const row of rows) {
      if (width >= 0) await emit(row);
      else {
        top.push(row);
        if (top.length === HEADER_SEARCH_ROWS) await flushTop();
      }
    }
    if (width < 0 && top.length > 0) await flushTop();
    await flush();
  } finally {
    await new Promise<void>((resolve, reject) => stream.end((e?: Error | null) => (e ? reject(e) : resolve())));
  }
  return { rows: written, headerRow };
}

/** Headers and the first rows (`limit`, by default the sample's) of a source, as the import's `read_csv` will see them. */
export async function sampleSource(connection: DuckDBConnection, source: Source, limit = SAMPLE_ROWS): Promise<SourceSample> {
  await runNamed(connection, 'office/set_file', { file: source.preview ?? source.csv, delim: source.delimiter, skip: source.skip });
  try {
    const described = (await runNamed(connection, 'office/describe')).map((r) => String(r.column_name));
    const headers = source.headers && source.headers.length === described.length ? [...source.headers] : described;
    const rows = await runNamed(connection, 'office/sample', { rows: limit });
    // values by DuckDB's own column names (a two-row header's names are ours)
    return { headers, rows: rows.map((r) => described.map((d) => (r[d] === null || r[d] === undefined ? '' : String(r[d])))) };
  } catch (e) {
    throw new OfficeError('format', await csvReadProblemOf({ ...source, csv: source.preview ?? source.csv }, e), source.name);
  }
}

/**
 * Every row of a small office table as text cells, the header row first: a CSV, or the first
 * non-empty sheet of a workbook. More than `maxRows` data rows is an error (not a small table).
 */
export async function readWholeTable(connection: DuckDBConnection, folder: string, fileName: string, work: string, maxRows: number): Promise<string[][]> {
  const [source] = await openOfficeFile(folder, fileName, work);
  if (!source) return [];
  const { headers, rows } = await sampleSource(connection, source, maxRows + 1);
  if (rows.length > maxRows) throw new OfficeError('format', `${fileName}: 行数超过 ${maxRows}，不像是一个小表 — more than ${maxRows} rows`, fileName);
  return [headers, ...rows];
}
