/**
 * @module targets/load
 * The target book a request uses: the imported file's targets (read once per database
 * generation) with the admins' current edits on top.
 */
import type { Database } from '../db/Database.ts';
import { TargetBook, type Target } from './book.ts';
import type { TargetEdits } from './edits.ts';
import type { Direction } from './measures.ts';

interface FileRow { measure: string; scope: string; year: number | null; direction: Direction; value: number; upper: number | null; source_line: string }

function fileTargets(db: Database): Promise<Target[]> {
  return db.memo('targets/file', async () => {
    const [has] = await db.query<{ n: number }>('targets/has_table');
    if (!has?.n) return []; // imported before targets existed: re-import to read a targets file
    const rows = await db.query<FileRow>('targets/file');
    return rows.map((r) => ({ measure: r.measure, scope: r.scope, year: r.year, direction: r.direction, value: r.value, upper: r.upper, source: 'file', by: r.source_line }));
  });
}

export async function targetBook(db: Database, edits: TargetEdits): Promise<TargetBook> {
  return new TargetBook(await fileTargets(db), edits.list());
}
