/**
 * @module notebooks/tables
 * `table` blocks: a named result shown with chosen columns, Chinese headers and formats, as an
 * HTML table and as CSV (UTF-8 with BOM, so Excel opens the Chinese headers; numbers rounded as
 * shown, without separators or units; text cells neutralised against formula injection).
 *
 * ```table towns
 * from: towns, sort: births desc, limit: 20, title: 表1 各乡镇主要指标
 * columns:
 *   name: 乡镇
 *   births: 出生人数 | int
 *   cbr: 出生率（‰） | fixed:2
 * ```
 */
import { csvLabel, quoteCsv } from '../../common/csvField.ts';
import { applyFormats, fixed, parseFormat } from './formats.ts';
import { SpecError, checkKeys, required, type SpecField } from './spec.ts';
import type { Cell, Result, ResultRow } from './types.ts';

export interface TableColumn { readonly field: string; readonly header: string; readonly formats: readonly string[] }
export interface BuiltTable { readonly title: string; readonly note: string; readonly columns: readonly TableColumn[]; readonly rows: readonly ResultRow[] }

const KEYS = ['from', 'columns', 'title', 'note', 'sort', 'limit', 'where'];

export function buildTable(fields: ReadonlyMap<string, SpecField>, lookup: (name: string) => Result): BuiltTable {
  checkKeys(fields, KEYS, 'a table block');
  const result = lookup(required(fields, 'from', 'a table block').value);
  const colField = fields.get('columns');
  const columns: TableColumn[] = colField && colField.entries.length
    ? colField.entries.map((e) => {
      const [header, ...formats] = e.value.split('|').map((s) => s.trim());
      if (result.rows.length && !result.columns.includes(e.key)) throw new SpecError(`"${result.name}" has no column "${e.key}" (columns: ${result.columns.join(', ')})`, e.line);
      try { formats.forEach(parseFormat); } catch (err) { throw new SpecError((err as Error).message, e.line); }
      return { field: e.key, header: header || e.key, formats };
    })
    : result.columns.map((c) => ({ field: c, header: c, formats: [] }));
  let rows = [...result.rows];
  const where = fields.get('where');
  if (where) {
    const m = /^([a-z_][a-z0-9_]*)\s*(=|!=)\s*(.+)$/.exec(where.value);
    if (!m) throw new SpecError(`where must look like field=value or field!=value, not "${where.value}"`, where.line);
    rows = rows.filter((r) => (String(r[m[1]!]) === m[3]!.trim()) === (m[2] === '='));
  }
  const sort = fields.get('sort');
  if (sort) {
    const [field, dir = 'asc'] = sort.value.split(/\s+/);
    if (!field || !['asc', 'desc'].includes(dir)) throw new SpecError(`sort must look like births desc, not "${sort.value}"`, sort.line);
    const sign = dir === 'desc' ? -1 : 1;
    rows.sort((a, b) => sign * compare(a[field] ?? null, b[field] ?? null));
  }
  const limit = fields.get('limit');
  if (limit) {
    const n = Number(limit.value);
    if (!Number.isInteger(n) || n <= 0) throw new SpecError(`limit must be a positive whole number, not "${limit.value}"`, limit.line);
    rows = rows.slice(0, n);
  }
  return { title: fields.get('title')?.value ?? '', note: fields.get('note')?.value ?? '', columns, rows };
}

function compare(a: Cell, b: Cell): number {
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'zh-CN');
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function tableHtml(t: BuiltTable): string {
  const numericCol = t.columns.map((c) => t.rows.some((r) => typeof r[c.field] === 'number'));
  const head = t.columns.map((c, i) => `<th${numericCol[i] ? ' class="num"' : ''}>${esc(c.header)}</th>`).join('');
  const body = t.rows.map((r) => `<tr>${t.columns.map((c, i) => `<td${numericCol[i] ? ' class="num"' : ''}>${esc(applyFormats(r[c.field] ?? null, c.formats))}</td>`).join('')}</tr>`).join('\n');
  return `<figure class="nb-table">${t.title ? `<figcaption>${esc(t.title)}</figcaption>` : ''}
<table><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table>${t.note ? `<p class="nb-note">${esc(t.note)}</p>` : ''}</figure>`;
}

const DECIMALS: Record<string, number> = { int: 0, year: 0, num: 1, fixed: 1, permille: 2, pct: 1, ratio: 2, auto: 2 };

function csvCell(value: Cell, formats: readonly string[]): string {
  const numeric = formats.map(parseFormat).find((f) => f.name in DECIMALS);
  if (typeof value === 'number' && (numeric || formats.length === 0)) {
    if (!numeric || (numeric.name === 'auto' && Number.isInteger(value))) return String(value);
    return fixed(value, numeric.args[0] ? Number(numeric.args[0]) : DECIMALS[numeric.name]!, false);
  }
  if (value === null) return '';
  // Text from the data (a name, a SQL result) may start a formula; a number formatted as text keeps its sign.
  return typeof value === 'string' ? csvLabel(applyFormats(value, formats)) : quoteCsv(applyFormats(value, formats));
}

/** CSV with a UTF-8 byte-order mark and CRLF line ends (what Excel on Windows expects). */
export function tableCsv(t: BuiltTable): string {
  const lines = [t.columns.map((c) => csvCell(c.header, [])).join(',')];
  for (const r of t.rows) lines.push(t.columns.map((c) => csvCell(r[c.field] ?? null, c.formats)).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
