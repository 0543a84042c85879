/**
 * @module ingest/emptyTables
 * An import swaps in every table at once, so a table that arrives empty — a file with only its
 * header, or one whose every row broke a rule (ID numbers that Excel saved as 9.99901E+17) — would
 * replace that table's data with nothing, and the dashboards would show zero deaths without a word.
 * Both stop the import instead, naming the files and the rules; the current database is untouched.
 * A dry run reports a table whose rows were all quarantined rather than stopping (`wouldStop`), so
 * that the planner learns from the dry run what the import would do.
 *
 * @example
 * stopOnEmptyTable(TABLES.deaths, ['死亡证明.csv'], 0);
 * stopOnAllQuarantined(TABLES.deaths, ['死亡证明.csv'], 109_929, 0, { id_format: 109_929 });
 */
import type { TableDef } from '../../contract/tables.ts';
import { IngestError } from './IngestError.ts';

/** Files, or the table's own name when a Spark job reports counts only. */
function what(table: TableDef, files: readonly string[]): string {
  return files.length > 0 ? files.join('、') : `${table.zh}（${table.name}）`;
}

/** A table given files (or required) that holds no row at all. */
export function stopOnEmptyTable(table: TableDef, files: readonly string[], rowsRead: number): void {
  if (rowsRead > 0 || (!table.required && files.length === 0)) return;
  throw new IngestError('file_empty',
    `${what(table, files)}：${table.zh}表没有数据行（空文件或只有表头），请检查后重新导出${table.required ? '' : `；确要清空${table.zh}表，命令行导入加 --drop ${table.name}`} — the table "${table.name}" has no rows${table.required ? '' : ` (--drop ${table.name} empties it)`}`, files[0]);
}

/** A table whose rows were all quarantined: nothing of it would be kept. */
export function stopOnAllQuarantined(table: TableDef, files: readonly string[], rowsRead: number, rowsAccepted: number, quarantined: Readonly<Record<string, number>>): void {
  const stop = allQuarantined(table, files, rowsRead, rowsAccepted, quarantined);
  if (stop) throw stop;
}

/**
 * Why the import would stop on this table (what a dry run reports instead of stopping), or null.
 * `unreadable` counts the columns whose values could not be read (unreadable_value), most first: the
 * message names them, so a 年度 written in a way not read is found without opening the quarantine.
 */
export function allQuarantined(
  table: TableDef, files: readonly string[], rowsRead: number, rowsAccepted: number, quarantined: Readonly<Record<string, number>>,
  unreadable: Readonly<Record<string, number>> = {}, records = rowsRead,
): IngestError | null {
  if (rowsRead === 0 || rowsAccepted > 0) return null;
  // the rules count records: where the lines became more of them (a population wide by sex), say both
  const unit = records === rowsRead ? '行' : '条记录';
  const lines = `${rowsRead.toLocaleString('en')} 行${records === rowsRead ? '' : `（${records.toLocaleString('en')} 条记录）`}`;
  const rules = Object.entries(quarantined).sort((a, b) => b[1] - a[1]).map(([rule, n]) => `${rule} ${n.toLocaleString('en')}`).join('、');
  const columns = Object.entries(unreadable).sort((a, b) => b[1] - a[1])
    .map(([name, n]) => `${table.columns.find((c) => c.name === name)?.zh.replace(/（.*$/, '') ?? name}（${name}）${n.toLocaleString('en')} ${unit}`);
  const which = columns.length > 0 ? `；无法识别取值的列：${columns.join('、')}` : '';
  const excel = Object.keys(quarantined).some((r) => r === 'id_excel_number' || r === 'id_check_digit') ? '（身份证号若被 Excel 存成了数字，请把该列设为文本后重新导出）' : '';
  return new IngestError('all_quarantined',
    `${what(table, files)}：${table.zh}表的 ${lines}全部违反规则（${rules}${which}），没有可导入的数据；请按这些规则和列检查文件${excel}，修正后重新导入 — every row of "${table.name}" broke a rule`, files[0]);
}
