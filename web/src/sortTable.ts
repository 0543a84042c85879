/**
 * @module sortTable
 * A table whose column headers sort it (click once: descending for numbers, ascending for text;
 * again: the other way), announced with `aria-sort`. Rows are re-ordered in place; each column
 * renders its own cell and says what it sorts by.
 *
 * @example
 * sortableTable('assessment-table', [{ key: 'total', label: '总分', numeric: true, cell: (r) => String(r.total), sortBy: (r) => r.total }], rows);
 */
import { h } from './ui.ts';

export interface SortColumn<R> {
  key: string;
  label: string;
  numeric?: boolean;
  cell(row: R): Node | string;
  sortBy(row: R): number | string | null;
  /** A class for the cell (e.g. met / miss). */
  cellClass?(row: R): string | undefined;
}

export function sortableTable<R>(id: string, columns: readonly SortColumn<R>[], rows: readonly R[], rowAttrs: (row: R) => Record<string, string> = () => ({})): HTMLTableElement {
  const body = h('tbody');
  const heads: HTMLTableCellElement[] = [];
  const fill = (ordered: readonly R[]) => body.replaceChildren(...ordered.map((r) => h('tr', rowAttrs(r),
    ...columns.map((c) => h('td', { class: [c.numeric ? 'num' : '', c.cellClass?.(r) ?? ''].join(' ').trim() || undefined, 'data-col': c.key }, c.cell(r))))));
  const sortOn = (column: SortColumn<R>, th: HTMLTableCellElement) => {
    const current = th.getAttribute('aria-sort');
    const descending = current === null || current === 'none' ? Boolean(column.numeric) : current === 'ascending';
    const key = (r: R) => column.sortBy(r);
    const ordered = [...rows].sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      if (x === null) return y === null ? 0 : 1;
      if (y === null) return -1;
      const cmp = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
      return descending ? -cmp : cmp;
    });
    for (const other of heads) other.setAttribute('aria-sort', 'none');
    th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
    fill(ordered);
  };
  const head = h('tr', {}, ...columns.map((c) => {
    const button = h('button', { type: 'button', class: 'sort', 'data-sort': c.key, text: c.label });
    // Chromium leaves buttons out of the header it repeats on each printed page: print shows this text instead
    const printed = h('span', { class: 'print-label', 'aria-hidden': 'true', text: c.label });
    const th = h('th', { scope: 'col', class: c.numeric ? 'num' : undefined, 'aria-sort': 'none' }, button, printed);
    button.addEventListener('click', () => sortOn(c, th));
    heads.push(th);
    return th;
  }));
  fill(rows);
  return h('table', { id, class: 'sortable' }, h('thead', {}, head), body);
}
