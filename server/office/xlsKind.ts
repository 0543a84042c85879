/**
 * @module office/xlsKind
 * What a file named `.xls` (or WPS's `.et`) really holds. Many provincial systems' 导出Excel
 * button writes a web page (an HTML table) or an Excel 2003 XML workbook (SpreadsheetML) and
 * names it .xls; others write tab-separated text, or an .xlsx under the old name. Excel opens
 * them all, so the office never knows. Only a real Excel 97–2003 file (an OLE2 compound
 * document) cannot be read here.
 *
 * @example
 * await xlsKind('出生登记.xls'); // 'html'
 */
import { open } from 'node:fs/promises';
import { detectEncoding, type TextEncodingName } from './encoding.ts';

export type XlsKind = 'ole' | 'zip' | 'html' | 'spreadsheetml' | 'text';

/** Enough of the file to see past an HTML page's <head> and an XML declaration. */
const HEAD_BYTES = 16 * 1024;
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * The kind of an .xls/.et file, from its first bytes; `encoding` is the file's as office/encoding
 * detected it (detected here when not given: a caller that has it saves a second 1 MB read).
 */
export async function xlsKind(file: string, encoding?: TextEncodingName | null): Promise<XlsKind> {
  const handle = await open(file, 'r');
  let head: Uint8Array;
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  if (startsWith(head, OLE2)) return 'ole';
  if (startsWith(head, ZIP)) return 'zip';
  const text = new TextDecoder((encoding === undefined ? await detectEncoding(file) : encoding) ?? 'utf-8')
    .decode(head, { stream: true }).trimStart().toLowerCase();
  if (!text.startsWith('<')) return 'text';
  // SpreadsheetML's root is <Workbook> in Excel's spreadsheet namespace; Excel's own web pages name other office namespaces
  return /<(\w+:)?workbook[\s>]/.test(text) && text.includes('urn:schemas-microsoft-com:office:spreadsheet') ? 'spreadsheetml' : 'html';
}
