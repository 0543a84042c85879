/**
 * @module projection/storedAssumptions
 * The assumptions derived at import (ingest/projectionAssumptions.ts), read back in one query as
 * columns: the county and every township for the latest base year, the same numbers the
 * in-memory derivation (assumptions.ts) gives, without reading ~15 M rollup cells first.
 *
 * They are used only when they are exactly what a request would derive: a county account (a
 * township account's reference is its own area, projection/area.ts), the base year they were
 * derived for, no e0 override, and made by this code — the import records a hash of the code that
 * derives them, and a database imported by other code falls back to deriving.
 *
 * @example
 * const stored = await storedAssumptions(db); // null: derive as before
 * stored?.all.get('all')!.fertility.tfr;
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Database } from '../db/Database.ts';
import { REPO_ROOT } from '../paths.ts';
import { assumptionsFromRows } from './assumptionRows.ts';
import { townshipList } from './data.ts';
import type { Assumptions } from './types.ts';

export interface StoredAssumptions {
  readonly baseYear: number;
  /** `all` and every township. */
  readonly all: ReadonlyMap<string, Assumptions>;
}

/** The code and queries that derive the assumptions: a change to any of them makes stored ones stale. */
const DERIVATION_FILES = [
  'server/projection/assumptions.ts', 'server/projection/assumptionRows.ts', 'server/projection/constants.ts',
  'server/projection/data.ts', 'server/projection/fertility.ts', 'server/projection/migration.ts',
  'server/projection/mortality.ts', 'server/projection/srb.ts', 'server/projection/types.ts',
  'server/demography/lifetable.ts', 'server/demography/survivorship.ts',
  'sql/projection/population.sql', 'sql/projection/migrants_age.sql', 'sql/projection/births_age.sql',
  'sql/projection/births_sex.sql', 'sql/projection/deaths.sql', 'sql/projection/townships.sql', 'sql/projection/years.sql',
];

let version: string | undefined;

/** A hash of {@link DERIVATION_FILES}, recorded with the stored assumptions. */
export function derivationVersion(): string {
  if (version === undefined) {
    const hash = createHash('sha256');
    for (const f of DERIVATION_FILES) hash.update(f).update(readFileSync(path.join(REPO_ROOT, f)));
    version = hash.digest('hex').slice(0, 16);
  }
  return version;
}

/** The stored assumptions, once per database generation; null when there are none made by this code. */
export function storedAssumptions(db: Database): Promise<StoredAssumptions | null> {
  return db.memo('projection/stored', async () => {
    const [recorded] = await db.query<{ value: string }>('projection/assumptions_version');
    if (recorded?.value !== derivationVersion()) return null;
    const [rows, towns] = await Promise.all([db.queryNumeric('projection/assumptions'), townshipList(db)]);
    const all = assumptionsFromRows(rows, towns.map((t) => t.code));
    return all === null ? null : { baseYear: all.get('all')!.baseYear, all };
  });
}
