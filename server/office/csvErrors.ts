/**
 * @module office/csvErrors
 * DuckDB's CSV errors as a planner can act on them: which line of the file and what is wrong with
 * it, in Chinese. The line's own text is not repeated: it may hold a name or an ID number.
 *
 * DuckDB names the line when it meets it while reading; when the line is among the rows it samples
 * first to learn the file's shape (a small table with a 合计 line under it), it says only that the
 * shape could not be learnt — then the line is found here, by counting each record's fields.
 *
 * @example
 * csvReadProblem('出生医学证明.csv', 'Invalid Input Error: CSV Error on Line: 3002\n…Expected Number of Columns: 13 Found: 1');
 * // '出生医学证明.csv：第 3002 行有 1 列，表头有 13 列（…）'
 */
import { open } from 'node:fs/promises';
import { isTextEncoding } from './encoding.ts';

function unevenLine(name: string, line: number | string, fields: number | string, headerFields: number | string): string {
  return `${name}：第 ${line} 行有 ${fields} 列，表头有 ${headerFields} 列（是表格下方的合计行或说明文字，还是值中有未加引号的逗号？请改正或删除这一行后再导入）`;
}

const SNIFF_FAILED = /Error when sniffing file/;

/** `text`: the beginning of the CSV as read (UTF-8), to find the uneven line when DuckDB does not name it. */
export function csvReadProblem(name: string, message: string, text?: { text: string; delimiter: string; skip: number }): string {
  const line = /CSV Error on Line: (\d+)/.exec(message)?.[1];
  const columns = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(message);
  if (line && columns) return unevenLine(name, line, columns[2]!, columns[1]!);
  if (line) return `${name}：第 ${line} 行无法读取（${message.split('\n')[0]}）`;
  if (SNIFF_FAILED.test(message)) {
    const uneven = text ? unevenRecord(text.text, text.delimiter, text.skip) : null;
    if (uneven) return unevenLine(name, uneven.line, uneven.fields, uneven.headerFields);
    return `${name}：各行的列数不一致，无法读出文件的格式（表格下方是否有合计行或说明文字？请删除后再导入）`;
  }
  return `${name}：读取失败（${message.split('\n')[0]}）`;
}

/**
 * The first record after the header whose number of fields differs from the header's: the line it
 * starts on (1 for the file's first) and the two counts. Double quotes are honoured (a delimiter or
 * a line break inside quotes is part of the value, `""` a quote); blank lines are passed over, as
 * DuckDB does; `skip` lines above the header are not read. Null when every record is even.
 */
export function unevenRecord(text: string, delimiter: string, skip: number): { line: number; fields: number; headerFields: number } | null {
  let line = 1;
  let start = 1; // the line the record being read began on
  let fields = 1;
  let blank = true;
  let quoted = false;
  let headerFields = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text[i]! : '\n';
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') i++;
      else if (c === '"') quoted = false;
      else if (c === '\n') line++;
      continue;
    }
    if (c === '"') { quoted = true; blank = false; continue; }
    if (c === delimiter) { fields++; blank = false; continue; }
    if (c !== '\n') { if (c !== '\r' && c !== ' ' && c !== '\t') blank = false; continue; }
    // the end of a record (or of the text)
    if (start > skip && !(blank && fields === 1)) {
      if (headerFields === 0) headerFields = fields;
      else if (fields !== headerFields) return { line: start, fields, headerFields };
    }
    line++;
    start = line;
    fields = 1;
    blank = true;
  }
  return null;
}

/** The first part of a CSV file as text: the rows DuckDB samples fit well within it. */
const HEAD_BYTES = 8 << 20;

/** `csvReadProblem` with the file's beginning read when DuckDB could not learn its shape. */
export async function csvReadProblemOf(source: { name: string; csv: string; delimiter: string; skip: number; encoding: string }, error: unknown): Promise<string> {
  const message = error instanceof Error ? error.message : String(error);
  if (!SNIFF_FAILED.test(message) || !isTextEncoding(source.encoding)) return csvReadProblem(source.name, message);
  const handle = await open(source.csv, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    let text = buffer.subarray(0, bytesRead).toString('utf8');
    // a cut file ends at its last whole line (a record cut short would look uneven)
    if (bytesRead === HEAD_BYTES) text = text.slice(0, text.lastIndexOf('\n') + 1);
    return csvReadProblem(source.name, message, { text, delimiter: source.delimiter, skip: source.skip });
  } finally {
    await handle.close();
  }
}
