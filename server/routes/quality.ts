/**
 * @module routes/quality
 * Data quality by township, for county accounts: `GET /api/quality/townships` — per township, event
 * records accepted per table, quarantined by table and rule, and births of unknown policy status
 * (政策属性不详). And the one narrow, audited exception to "no row-level record leaves the server":
 * `GET /api/quality/quarantine.csv?township=<code>` — for admins only, that township's quarantined
 * records with the fields needed to find and fix them (table, rule, file, row, record number,
 * dates) and nothing more: never a name or an ID number (neither is stored), nor their keys.
 */
import path from 'node:path';
import { Hono } from 'hono';
import { z } from 'zod';
import { NO_AUDIT, type AuditLog } from '../http/audit.ts';
import { principal, type AppEnv } from '../auth/principal.ts';
import { RULES, type RuleId } from '../../contract/tables.ts';
import type { Database } from '../db/Database.ts';
import { ApiError } from '../http/errors.ts';
import { query } from '../http/validate.ts';
import { csvText } from '../../common/csvField.ts';

interface BreakdownRow { kind: 'accepted' | 'quarantined' | 'unknown_policy'; township: string | null; table_name: string; rule: string | null; n: number }
interface QuarantineRow {
  table_name: string; rule: string; file: string; file_row: number; record_id: string | null;
  event_date: string | null; birth_date: string | null; other_date: string | null; unreadable: string | null;
}

// An office file's row is the one Excel shows (title and header rows counted, empty rows too); an export's
// own Parquet rows are counted from 0 as Parquet readers do: the column says which is which.
const HEADER = ['表 table', '规则 rule', '规则说明', '文件 file', '行号（CSV/Excel 文件中的行；Parquet 从0起）row', '记录编号 record', '事件日期 event date', '出生日期（出生表为母亲的）birth date (mother\'s for births)', '其他日期 other date', '无法识别的列 unreadable'];

/**
 * The file a record came from as the office knows it: a Parquet export's rows carry the server's
 * path to it (/data/exports/births.parquet), which is neither the planner's business nor safe to
 * hand out — its name, with the hive folders it sits in (year=2024/part-0.parquet).
 */
export function fileShown(file: string | null): string | null {
  if (file === null || !path.isAbsolute(file)) return file; // an office file's name in its folder is the planner's own
  const parts = file.split('/').filter((p) => p !== '');
  let shown = parts.pop() ?? file;
  while (parts.length > 0 && parts[parts.length - 1]!.includes('=')) shown = `${parts.pop()}/${shown}`;
  return shown;
}

/** File names, record numbers and unreadable values come from the office's files: formula-safe (common/csvField.ts). */
function csvCell(v: string | number | null): string {
  if (v === null) return '';
  return typeof v === 'number' ? String(v) : csvText(v);
}

export function qualityRoutes(db: Database, audit: AuditLog = NO_AUDIT) {
  return new Hono<AppEnv>()
    .get('/townships', async (c) => {
      if (principal(c).scope.kind !== 'county') throw new ApiError(403, 'out_of_scope', 'data quality by township is for county accounts');
      const rows = await db.query<BreakdownRow>('quality/townships');
      const byTownship = new Map<string, { township: string | null; accepted: Record<string, number>; quarantined: Record<string, Record<string, number>>; unknownPolicy: number }>();
      for (const r of rows) {
        const key = r.township ?? '';
        const entry = byTownship.get(key) ?? { township: r.township, accepted: {}, quarantined: {}, unknownPolicy: 0 };
        if (r.kind === 'accepted') entry.accepted[r.table_name] = r.n;
        else if (r.kind === 'unknown_policy') entry.unknownPolicy = r.n;
        else (entry.quarantined[r.table_name] ??= {})[r.rule ?? ''] = r.n;
        byTownship.set(key, entry);
      }
      return c.json({ townships: [...byTownship.values()] });
    })

    .get('/quarantine.csv', query(z.object({ township: z.string().regex(/^([0-9]{6,12}|none)$/, 'a township code, or none for rows without one') })), async (c) => {
      const who = principal(c);
      if (who.role !== 'admin') throw new ApiError(403, 'admin_only', '只有管理员可以下载隔离记录 — only an admin may download quarantined records');
      const { township } = c.req.valid('query');
      const rows = await db.query<QuarantineRow>('quality/quarantine_township', { township });
      audit.record('quarantine_download', who.name, { township, rows: rows.length });
      const lines = [HEADER.join(','), ...rows.map((r) => [
        r.table_name, r.rule, Object.hasOwn(RULES, r.rule) ? RULES[r.rule as RuleId].zh : '', fileShown(r.file), r.file_row, r.record_id,
        r.event_date, r.birth_date, r.other_date, r.unreadable,
      ].map(csvCell).join(','))];
      return c.body(`\uFEFF${lines.join('\r\n')}\r\n`, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="quarantine-${township}.csv"`,
      });
    });
}
