/**
 * @module office/headerRows
 * Which of a table's top rows is its header, and what its columns are called, as an office lays a
 * sheet out: a title above the table, and often a header in two rows — a group label merged over
 * several columns (新生儿, 母亲, 男方, 女方) above the columns' own labels (姓名, 性别, 身份证号 …),
 * and a column merged down from the first row (出生医学证明编号). The two rows are read as one:
 * 新生儿性别, 母亲身份证号, 出生医学证明编号.
 *
 * A row of values (a record: numbers, dates, ID numbers) is never taken for the header: its cells
 * would be shown as column names, and a record's cells may be a name or an ID number.
 *
 * @example
 * combineHeaderRows(['编号', '母亲', ''], ['', '姓名', '身份证号']); // ['编号', '母亲姓名', '母亲身份证号']
 */

/** How many top rows are looked at to find the header row under a title. */
export const HEADER_SEARCH_ROWS = 10;

const filled = (row: readonly string[]) => row.filter((c) => c.trim() !== '');

/** A cell holding a value, not a label: digits with the marks of numbers and dates, or a code (C2024001, B999901…). */
function isValueCell(cell: string): boolean {
  const c = cell.trim();
  return (/\d/.test(c) && /^[\d\s.,:/\-+年月日号XxEe]+$/.test(c)) || /^[A-Za-z]{0,3}\d{5,}[\dXx]*$/.test(c);
}

/**
 * A value no header cell holds: a whole cell that is a date (2024-03-05, 2024年3月5日, with a time) or
 * six digits and more (a code, an ID number). A label with a date in it (2024年12月31日人数) is a label.
 */
function isRecordValue(cell: string): boolean {
  const c = cell.trim();
  return /^\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*[日号]?(\s+\d{1,2}:\d{2}(:\d{2})?)?$/.test(c) || /^[A-Za-z]{0,3}\d{6,}[\dXx]*$/.test(c);
}

/** A line about the table, not a header: 填报单位：…, 单位：人, 制表日期：… (a colon in a cell). */
const isNoteRow = (row: readonly string[]) => row.some((c) => /[:：]/.test(c));

/** A row that reads as a record: a date or a long number in it, or a third or more of its filled cells values. */
export function isValueRow(row: readonly string[]): boolean {
  const cells = filled(row);
  if (cells.some(isRecordValue)) return true;
  const values = cells.filter(isValueCell).length;
  return values > 0 && values * 3 >= cells.length;
}

/**
 * Index of the header row among the first rows: the first as wide as the widest of the rows that are
 * neither records nor notes about the table (all of them when none is).
 */
export function headerRowIndex(top: readonly (readonly string[])[]): number {
  const rows = top.slice(0, HEADER_SEARCH_ROWS);
  const candidate = (r: readonly string[]) => !isValueRow(r) && !isNoteRow(r);
  const labels = rows.some((r) => filled(r).length > 0 && candidate(r));
  const widths = rows.map((r) => (labels && !candidate(r) ? -1 : filled(r).length));
  const widest = Math.max(0, ...widths);
  return Math.max(0, widths.findIndex((w) => w === widest));
}

/**
 * The column names of a header in two rows (`group` above `labels`), or null when the rows do not
 * read as one: both must be two labels or more and no values, and they must show a merge — a label
 * repeated below (姓名 under 新生儿 and under 母亲), two columns labelled only above (merged down), or
 * fewer labels above than below. A group label prefixes the labels under it and to its right, up to
 * the next label above or a column labelled only above.
 */
export function combineHeaderRows(group: readonly string[], labels: readonly string[]): string[] | null {
  // labels hold no value at all: a record whose cells are mostly words is no second header row
  const labelsOnly = (row: readonly string[]) => filled(row).length >= 2 && !filled(row).some(isValueCell) && !isValueRow(row) && !isNoteRow(row);
  if (!labelsOnly(group) || !labelsOnly(labels)) return null;
  const width = Math.max(group.length, labels.length);
  const above = Array.from({ length: width }, (_, j) => (group[j] ?? '').trim());
  const below = Array.from({ length: width }, (_, j) => (labels[j] ?? '').trim());
  const repeated = below.some((c, j) => c !== '' && below.indexOf(c) !== j);
  const onlyAbove = above.filter((c, j) => c !== '' && below[j] === '').length;
  // a merge shows: a label repeated under two groups, two columns merged down, or one merged down and a
  // group row narrower than the labels (a label spanning columns)
  if (!repeated && onlyAbove < 2 && !(onlyAbove === 1 && filled(group).length < filled(labels).length)) return null;
  let carried = '';
  return below.map((label, j) => {
    if (above[j] !== '') carried = label !== '' ? above[j]! : '';
    if (label === '') return above[j]!;
    return carried + label;
  });
}

/** A top row with its number in the file (1-based, as Excel shows it). */
export interface TopRow { readonly number: number; readonly cells: readonly string[] }

/**
 * The header among a sheet's top rows: `index`, the row the data starts under, and `names`, the
 * columns' names when the header is in two rows (the group row directly above or below the widest
 * row of labels), else null — the row's own cells name the columns.
 */
export function findHeader(top: readonly TopRow[]): { index: number; names: string[] | null } {
  const h = headerRowIndex(top.map((r) => r.cells));
  const pair = (upper: number) => {
    const a = top[upper];
    const b = top[upper + 1];
    return a && b && b.number === a.number + 1 ? combineHeaderRows(a.cells, b.cells) : null;
  };
  const above = h > 0 ? pair(h - 1) : null;
  if (above) return { index: h, names: above };
  const below = pair(h);
  return below ? { index: h + 1, names: below } : { index: h, names: null };
}
