/**
 * @module ingest/previousImport
 * What the database an import replaces held: its county name, kept when an office export gives none
 * (the monthly `renkou ingest <folder>` without `--county-name`), and which tables and migrant
 * directions had rows — so that a refresh of the same county whose folder lacks the deaths file, or
 * the 流出人口 file, stops instead of emptying what the county had (an optional table with no file is
 * otherwise empty). Another county's data over the demo county is no refresh, and is not compared.
 *
 * @example
 * const previous = await readPreviousImport(connection, options.dbPath);
 * // … once the new regions are read:
 * if (sameCounty(previous, countyCodes)) stopOnVanishedData(supplies, previous, options.dropTables ?? []);
 */
import { existsSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { TABLES, type Direction, type TableName } from '../../contract/tables.ts';
import { yearRanges, type TableReport } from '../../contract/imports.ts';
import { runNamed } from '../db/namedQuery.ts';
import { quoted } from '../db/sqlPath.ts';
import { IngestError } from './IngestError.ts';

export interface PreviousImport {
  readonly countyName?: string;
  /** The county codes of its townships. */
  readonly countyCodes: readonly string[];
  /** Rows accepted per table at that import. */
  readonly accepted: Partial<Record<TableName, number>>;
  /** The migrants of each direction it held (empty when unknown). */
  readonly migrants: Partial<Record<Direction, number>>;
  /** The years of its registered population. */
  readonly populationYears: readonly number[];
}

/** The replaced database's facts, or null when there is none this version can read. */
export async function readPreviousImport(connection: DuckDBConnection, dbPath: string): Promise<PreviousImport | null> {
  if (!existsSync(dbPath)) return null;
  try {
    await connection.run(`ATTACH ${quoted(dbPath)} AS previous (READ_ONLY)`);
  } catch {
    return null; // not a database this version can read: nothing to keep or compare
  }
  try {
    const meta = new Map((await runNamed(connection, 'ingest/previous_import').catch(() => [])).map((r) => [String(r.key), String(r.value)]));
    const report = JSON.parse(meta.get('report') ?? '[]') as TableReport[];
    const migrants = Object.fromEntries((await runNamed(connection, 'ingest/previous_directions').catch(() => [])).map((r) => [String(r.direction), Number(r.n)]));
    const populationYears = (await runNamed(connection, 'ingest/previous_population_years').catch(() => [])).map((r) => Number(r.year));
    const countyCodes = (await runNamed(connection, 'ingest/previous_county_codes').catch(() => [])).map((r) => String(r.county_code));
    const countyName = meta.get('county_name');
    return {
      ...(countyName ? { countyName } : {}),
      countyCodes,
      accepted: Object.fromEntries(report.map((t) => [t.table, t.rowsAccepted])),
      migrants,
      populationYears,
    };
  } finally {
    await connection.run('DETACH previous');
  }
}

/** True when the import refreshes the county the database holds (a county code in common). */
export function sameCounty(previous: PreviousImport | null, countyCodes: readonly string[]): previous is PreviousImport {
  return previous !== null && previous.countyCodes.some((c) => countyCodes.includes(c));
}

/** Where this import's rows of a table come from, as far as this check needs. */
export interface TableSupply {
  readonly table: TableName;
  readonly hasFiles: boolean;
  /** The migrant directions the files give by their names; null when a column gives each row's. */
  readonly directions: readonly Direction[] | null;
}

const DIRECTION_WORDS: Record<Direction, string> = { in: '流入人口', out: '流出人口' };

/** How the stop tells the planner to confirm emptying, given the `--drop` flags that would: Chinese and English words. */
export type ConfirmWith = (flags: string) => { readonly zh: string; readonly en: string };

/** `renkou ingest` and the import page: the page's box, or the flags on the command line. */
export const CONFIRM_ON_PAGE_OR_COMMAND_LINE: ConfirmWith = (flags) => ({
  zh: `在数据导入页勾选“清空这次没有文件的数据”，或命令行导入加 ${flags}`,
  en: `the box "Empty the data that has no file this time" or ${flags}`,
});

/**
 * Stops before anything is replaced when a table the current database has rows of has no file this
 * time, or a migrant direction it has no file for, naming all of them (`dropTables`: the tables the
 * planner really means to empty, `renkou ingest --drop deaths` or the import page's box, which sends
 * the tables the stop named). `refreshed`: the replaced import, when it is of the same county.
 * `confirmWith`: how this planner confirms (`renkou start` has no page yet, and its own command).
 */
export function stopOnVanishedData(
  supplies: readonly TableSupply[], refreshed: PreviousImport | null, dropTables: readonly TableName[],
  confirmWith: ConfirmWith = CONFIRM_ON_PAGE_OR_COMMAND_LINE,
): void {
  if (!refreshed) return;
  const found: { table: TableName; words: string }[] = [];
  for (const { table, hasFiles, directions } of supplies) {
    const had = refreshed.accepted[table] ?? 0;
    if (had === 0 || dropTables.includes(table)) continue;
    const zh = TABLES[table].zh;
    if (!hasFiles) {
      found.push({ table, words: `当前数据库的${zh}表有 ${had.toLocaleString('en')} 行，这次的导出中却没有${zh}表的文件（或设为了不导入）` });
      continue;
    }
    const lost = directions === null ? [] : (Object.keys(refreshed.migrants) as Direction[]).filter((d) => (refreshed.migrants[d] ?? 0) > 0 && !directions.includes(d));
    if (lost.length > 0) {
      const words = lost.map((d) => DIRECTION_WORDS[d]).join('、');
      found.push({ table, words: `当前数据库有${words}，这次的导出中却没有${words}的文件（文件名或流向列说明流入、流出）` });
    }
  }
  if (found.length === 0) return;
  const tables = found.map((f) => f.table);
  const confirm = confirmWith(tables.map((t) => `--drop ${t}`).join(' '));
  // every such table in one stop: a confirmation then names exactly what it empties
  throw new IngestError('table_vanished',
    `${found.map((f) => f.words).join('；')}，导入会把它们清空。如果文件改了名、放错了文件夹或上传时漏了，请补上后重新导入；确实要清空时，${confirm.zh} — no file this time for data the database has (${tables.join(', ')}): put the files back, or confirm emptying with ${confirm.en}`,
    undefined, undefined, tables);
}

/** Below this share of the previous import's rows, a table (or a migrant direction) is said to have fallen (not an error). */
const FALL_SHARE = 0.5;

/**
 * The report of a table with what it lost against the previous import of the county: less than half
 * the rows (an export of the new month only replaces the whole year), less than half of a migrant
 * direction's, or population years that the previous one had. Said under the report, not an error;
 * not for a table (or direction) the planner confirmed emptying, nor one the import stops on anyway. `connection` is the
 * new database (its record tables: counted by direction and year).
 */
export async function withLosses(
  connection: DuckDBConnection, t: TableReport, previous: PreviousImport | null, dropTables: readonly TableName[],
): Promise<TableReport> {
  if (!previous || t.wouldStop) return t;
  const dropped = dropTables.includes(t.table); // what the planner confirmed emptying is not said again
  let out = withTableFall(t, previous, dropTables);
  if (t.table === 'migrants' && out.fellFrom === undefined) {
    const now = Object.fromEntries((await runNamed(connection, 'ingest/migrants_by_direction')).map((r) => [String(r.direction), Number(r.n)]));
    const parts = (Object.entries(previous.migrants) as [Direction, number][])
      .filter(([d, before]) => before > 0 && (now[d] ?? 0) < before * FALL_SHARE && !(dropped && (now[d] ?? 0) === 0))
      .map(([d, before]) => ({ part: d, now: now[d] ?? 0, before }));
    if (parts.length > 0) out = { ...out, fellParts: parts };
  }
  if (t.table === 'population') {
    const years = new Set((await runNamed(connection, 'ingest/population_years')).map((r) => Number(r.year)));
    const lostYears = previous.populationYears.filter((y) => !years.has(y));
    if (lostYears.length > 0) out = { ...out, lostYears };
  }
  return out;
}

/** The whole-table part of withLosses: less than half the rows of the previous import. */
export function withTableFall(t: TableReport, previous: PreviousImport | null, dropTables: readonly TableName[]): TableReport {
  const had = previous?.accepted[t.table] ?? 0;
  const emptiedOnPurpose = dropTables.includes(t.table) && t.rowsAccepted === 0;
  return had > 0 && !emptiedOnPurpose && !t.wouldStop && t.rowsAccepted < had * FALL_SHARE ? { ...t, fellFrom: had } : t;
}

/** What a table lost against the previous import, one line each, for the CLI report. */
export function lossMessages(t: TableReport): string[] {
  const name = `${TABLES[t.table].zh}（${t.table}）`;
  const whole = '导入替换整张表：若这次的文件只含新的月份，请改为导出全部记录';
  const lines: string[] = [];
  if (t.fellFrom !== undefined) {
    const drop = Math.round((1 - t.rowsAccepted / t.fellFrom) * 100);
    lines.push(`${name}：接受 ${t.rowsAccepted.toLocaleString('en')} 行，上次导入为 ${t.fellFrom.toLocaleString('en')} 行（少了 ${drop}%）。${whole} — ${drop}% fewer rows than the last import`);
  }
  for (const p of t.fellParts ?? []) {
    lines.push(`${name}：${DIRECTION_WORDS[p.part]} ${p.now.toLocaleString('en')} 人，上次导入为 ${p.before.toLocaleString('en')} 人。${whole} — ${p.part}: fewer than half of the last import`);
  }
  if (t.lostYears) {
    lines.push(`${name}：上次导入有 ${yearRanges(t.lostYears)} 年的户籍人口，这次没有；导入后这些年份将没有人口数据，请把各年的文件一并放入 — years ${yearRanges(t.lostYears, ', ')} no longer present`);
  }
  return lines;
}
