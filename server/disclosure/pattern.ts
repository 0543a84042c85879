/**
 * @module disclosure/pattern
 * The suppression pattern of one township: every published cell of every family in one lattice
 * (disclosure/lattice.ts) — so a relation between families, such as the in-migrants at 31 Dec in
 * the stock and in the population, is protected too — suppressed at the threshold. It depends only
 * on the data and the threshold, never on the question asked, so no two answers can be played off
 * against each other. Kept per database generation for the 64 townships asked about last.
 *
 * @example
 * const pattern = await suppressionPattern(db, '999901101', 5);
 * pattern.has(cellKey('births', '999901101', '2024-03', { R: 'registered' }));
 */
import type { Database } from '../db/Database.ts';
import { Lru } from '../db/lru.ts';
import type { JobRunner } from '../workers/jobs.ts';
import { calendar } from './calendar.ts';
import { addBirths } from './families/births.ts';
import { addMarriages } from './families/marriages.ts';
import { addMigrants } from './families/migrants.ts';
import { addPopulation } from './families/population.ts';
import { Lattice } from './lattice.ts';

const patterns = new Lru<ReadonlySet<string>>(64);

/** Builds the lattice of one township (exported for tests). */
export async function townshipLattice(db: Database, township: string): Promise<Lattice> {
  const cal = await calendar(db);
  const lattice = new Lattice();
  await addPopulation(lattice, db, township);
  await addBirths(lattice, db, cal, township);
  await addMarriages(lattice, db, cal, township);
  await addMigrants(lattice, db, cal, township);
  return lattice;
}

/**
 * The cells of `township` that answers must not show, at `threshold` events. Computing one takes
 * about a second of CPU for a township of the demo county, so a server computes it on a worker
 * thread (`jobs`); without one it is computed here.
 */
export function suppressionPattern(db: Database, township: string, threshold: number, jobs?: JobRunner): Promise<ReadonlySet<string>> {
  return patterns.get(db, `${township}|${threshold}`, async () => (jobs
    ? new Set(await jobs.run({ kind: 'pattern', township, threshold }))
    : (await townshipLattice(db, township)).suppress(threshold)));
}
