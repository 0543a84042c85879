/**
 * @module disclosure/families/deaths
 * The published death cells of one township, by calendar year (the deaths rollup is yearly, so
 * there are no other periods to audit): deaths of both sexes and of each sex, all events (the
 * death count, the death and natural growth rates and life expectancy by sex are about them).
 * Relation: the sexes add up.
 */
import type { Database } from '../../db/Database.ts';
import { cellKey } from '../cells.ts';
import type { Lattice } from '../lattice.ts';

interface DeathRow { year: string; sex: string; n: number }

export async function addDeaths(lattice: Lattice, db: Database, t: string): Promise<void> {
  const rows = await db.query<DeathRow>('disclosure/deaths', { township: t });
  const years = new Map<string, { M: number; F: number }>();
  for (const r of rows) {
    const y = years.get(r.year) ?? years.set(r.year, { M: 0, F: 0 }).get(r.year)!;
    if (r.sex === 'M' || r.sex === 'F') y[r.sex] += r.n;
  }
  for (const [year, n] of years) {
    const both = cellKey('deaths', t, year);
    const bySex = (['M', 'F'] as const).map((S) => cellKey('deaths', t, year, { S }));
    lattice.add(both, n.M + n.F, { events: true });
    lattice.add(bySex[0]!, n.M, { events: true });
    lattice.add(bySex[1]!, n.F, { events: true });
    lattice.relate([both, ...bySex]);
  }
}
