/**
 * @module ingest/importSummary
 * Which import a database file holds, in the words a planner knows it by: when it was imported, the
 * county, and the rows each table accepted. `renkou rollback` says it of the import it puts back and
 * of the one it sets aside, so that after any number of rollbacks the planner knows what is served.
 *
 * @example
 * const now = await readImportSummary('data/renkou.duckdb');
 * console.log(now ? describeImport(now) : 'unreadable');
 */
import { existsSync } from 'node:fs';
import { TABLES, TABLE_ORDER, isTableName, type TableName } from '../../contract/tables.ts';
import { Database } from '../db/Database.ts';

export interface ImportSummary {
  /** `ingested_at` as recorded (ISO, UTC); null for a database that did not record it. */
  readonly importedAt: string | null;
  /** The county's name, else its code. */
  readonly county: string;
  readonly rows: Partial<Record<TableName, number>>;
}

/** A few megabytes are enough to read three small tables; the server may hold the file open as well. */
const SUMMARY_MEMORY = '64MB';

/** The import held by `dbPath`, or null when there is no file or it is not a database this version reads. */
export async function readImportSummary(dbPath: string): Promise<ImportSummary | null> {
  if (!existsSync(dbPath)) return null;
  let db: Database;
  try {
    db = await Database.open(dbPath, { memoryLimit: SUMMARY_MEMORY });
  } catch {
    return null;
  }
  try {
    const meta = new Map((await db.query<{ key: string; value: string }>('meta/ingest_meta')).map((r) => [r.key, r.value]));
    const tables = await db.query<{ table_name: string; rows_accepted: number }>('meta/tables');
    const townships = await db.query<{ county_code: string }>('meta/townships').catch(() => []);
    const rows: Partial<Record<TableName, number>> = {};
    for (const t of tables) if (isTableName(t.table_name)) rows[t.table_name] = Number(t.rows_accepted);
    const county = meta.get('county_name') || [...new Set(townships.map((t) => t.county_code))].join('、') || '未知县（区）';
    return { importedAt: meta.get('ingested_at') ?? null, county, rows };
  } catch {
    return null;
  } finally {
    db.close();
  }
}

/** `2026-11-23 09:41 导入的清河县数据（区划 12 行，…，死亡 830 行）`, the time in the machine's own zone. */
export function describeImport(s: ImportSummary): string {
  const rows = TABLE_ORDER.filter((t) => s.rows[t] !== undefined).map((t) => `${TABLES[t].zh} ${s.rows[t]!.toLocaleString('en')} 行`).join('，');
  const when = s.importedAt ? `${localMinute(new Date(s.importedAt))} 导入的` : '导入时间不详的';
  return `${when}${s.county}数据（${rows || '没有表'}）`;
}

function localMinute(d: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}
