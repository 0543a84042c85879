/**
 * @module csvField
 * One CSV field, the same way for every download (the dashboard's chart CSV and the report
 * tables' CSV): RFC 4180 quoting, and text that a spreadsheet would take for a formula — a cell
 * starting with =, +, -, @, tab or CR — gets a leading apostrophe (the OWASP rule), so an
 * `=HYPERLINK(…)` in a township name or a notebook result opens as text. Numbers are written by
 * the caller and keep their sign. Dependency-free: the web app imports it too.
 *
 * @example
 * csvText('=1+1'); // "'=1+1"
 * csvText('a,b');  // '"a,b"'
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** Quotes a field that holds a comma, a quote or a line break. */
export function quoteCsv(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A text cell: neutralised if it would start a formula, then quoted. */
export function csvText(text: string): string {
  return quoteCsv(FORMULA_START.test(text) ? `'${text}` : text);
}
