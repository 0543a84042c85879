/**
 * @module indicators/catalog
 * What request parameters may name, read once per database generation: township codes and the
 * span of years the data covers.
 */
import type { Database } from '../db/Database.ts';

export interface Catalog {
  readonly townships: ReadonlySet<string>;
  /** Township code → name, for tables that list townships. */
  readonly names: ReadonlyMap<string, string>;
  readonly firstYear: number;
  readonly lastYear: number;
  /** The last month with births (YYYY-MM: a monthly refresh's 1–N月), null without births. */
  readonly birthsLast: string | null;
}

export function catalog(db: Database): Promise<Catalog> {
  return db.memo('indicators/catalog', async () => {
    const [[row], regions] = await Promise.all([
      db.query<{ first_year: number; last_year: number; births_last_month: string | null }>('indicators/catalog'),
      db.query<{ code: string; name: string }>('meta/townships'),
    ]);
    return {
      townships: new Set(regions.map((r) => r.code)),
      names: new Map(regions.map((r) => [r.code, r.name])),
      firstYear: row?.first_year ?? 0,
      lastYear: row?.last_year ?? 0,
      birthsLast: row?.births_last_month ?? null,
    };
  });
}
