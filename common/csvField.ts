/**
 * @module csvField
 * One CSV field, the same way for every download (the dashboard's chart CSV and the report
 * tables' CSV): RFC 4180 quoting, and text that a spreadsheet would take for a formula — a cell
 * starting with =, +, -, @, tab or CR — gets a leading apostrophe (the OWASP rule), so an
 * `=HYPERLINK(…)` in a township name or a notebook result opens as text. Numbers are written by
 * the caller and keep their sign. Dependency-free: the server's and the web app's CSV and XLSX
 * writers all use it.
 *
 * @example
 * csvText('=1+1'); // "'=1+1"
 * csvText('a,b');  // '"a,b"'
 * csvLabel('3-5'); // '3–5'
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** Quotes a field that holds a comma, a quote or a line break. */
export function quoteCsv(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Text a spreadsheet would take for a formula, with a leading apostrophe (for CSV and XLSX cells). */
export function formulaSafe(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A text cell: neutralised if it would start a formula, then quoted. */
export function csvText(text: string): string {
  return quoteCsv(formulaSafe(text));
}

const RANGE = /^(\d{1,3})-(\d{1,3})$/;

/**
 * A text cell of a table the planner reads (not a record's own value): an age group or span such as
 * 3-5 or 10-14, which Excel opens as a date (3月5日), is written with an en dash (3–5) as the pages
 * show it.
 */
export function csvLabel(text: string): string {
  return csvText(text.replace(RANGE, '$1–$2'));
}
