/**
 * @module disclosure/families/population
 * The published population cells of one township at each 31 Dec, by component (C: registered,
 * in-migrants, out-migrants, resident = registered + in − out), sex (S) and age (A): single ages
 * and 5-year groups by sex (the pyramid, with its three parts), and for both sexes the total,
 * the broad groups (0-14, 15-64, 65+), the school ages, the planning groups (0-2, 15-59, 60+,
 * 80+) and, for women, 15-49. Persons of the
 * registered, in-migrant and resident components are events (a count under the threshold is
 * small); out-migrants are shown only as a pyramid part. Relations: ages and groups add up, sexes
 * add up, resident = registered + in − out.
 */
import type { Database } from '../../db/Database.ts';
import { coordsPart } from '../cells.ts';
import type { Lattice } from '../lattice.ts';

export const SINGLE_AGES = Array.from({ length: 101 }, (_, a) => (a === 100 ? '100+' : String(a)));
const FIVES = Array.from({ length: 20 }, (_, g) => `${5 * g}-${5 * g + 4}`); // and '100+', the single age
/** Published for both sexes only: label → [first age, last age]. */
const GROUPS: Record<string, [number, number]> = {
  '*': [0, 100], '0-14': [0, 14], '15-64': [15, 64], '65+': [65, 100], '3-5': [3, 5], '6-11': [6, 11], '12-14': [12, 14], '15-17': [15, 17],
  // the planning groups (common/planningGroups.ts) not listed above
  '0-2': [0, 2], '15-59': [15, 59], '60+': [60, 100], '80+': [80, 100],
};
const COMPONENTS = ['registered', 'in', 'out', 'resident'] as const;
const SEXES = ['M', 'F'] as const;

interface PopulationRow { year: string; sex: string; age: number; registered: number; migrant_in: number; migrant_out: number }

/** Coordinate parts, once: single ages by component and sex, 5-year groups, women 15-49, both-sex groups. */
const PART = {
  single: COMPONENTS.map((C) => SEXES.map((S) => SINGLE_AGES.map((A) => coordsPart({ C, S, A })))),
  five: COMPONENTS.map((C) => SEXES.map((S) => FIVES.map((A) => coordsPart({ C, S, A })))),
  women: COMPONENTS.map((C) => coordsPart({ C, S: 'F', A: '15-49' })),
  group: COMPONENTS.map((C) => Object.keys(GROUPS).map((A) => coordsPart({ C, A }))),
};

export async function addPopulation(lattice: Lattice, db: Database, t: string): Promise<void> {
  const rows = await db.query<PopulationRow>('disclosure/population', { township: t });
  const byYear = new Map<string, PopulationRow[]>();
  for (const r of rows) (byYear.get(r.year) ?? byYear.set(r.year, []).get(r.year)!).push(r);
  for (const [year, yearRows] of byYear) {
    const prefix = `population/${t}/${year}/`;
    // counts[c][s][a]
    const counts = COMPONENTS.map(() => SEXES.map(() => new Float64Array(101)));
    for (const r of yearRows) {
      const s = r.sex === 'M' ? 0 : 1;
      const a = Math.min(r.age, 100);
      const parts = [r.registered, r.migrant_in, r.migrant_out, r.registered + r.migrant_in - r.migrant_out];
      parts.forEach((v, c) => { counts[c]![s]![a]! += v; });
    }
    const single = PART.single.map((bySex) => bySex.map((ages) => ages.map((p) => prefix + p)));
    const sum = (c: number, s: number, lo: number, hi: number) => { let x = 0; for (let a = lo; a <= hi; a++) x += counts[c]![s]![a]!; return x; };
    COMPONENTS.forEach((component, c) => {
      const events = component !== 'out';
      for (let s = 0; s < 2; s++) {
        single[c]![s]!.forEach((k, a) => lattice.add(k, counts[c]![s]![a]!, { events }));
        FIVES.forEach((_, g) => {
          const key = prefix + PART.five[c]![s]![g]!;
          lattice.add(key, sum(c, s, 5 * g, 5 * g + 4), { events });
          lattice.relate([key, ...single[c]![s]!.slice(5 * g, 5 * g + 5)]);
        });
      }
      const women = prefix + PART.women[c]!;
      lattice.add(women, sum(c, 1, 15, 49), { events });
      lattice.relate([women, ...single[c]![1]!.slice(15, 50)]);
      Object.values(GROUPS).forEach(([lo, hi], g) => {
        const key = prefix + PART.group[c]![g]!;
        lattice.add(key, sum(c, 0, lo, hi) + sum(c, 1, lo, hi), { events });
        lattice.relate([key, ...single[c]![0]!.slice(lo, hi + 1), ...single[c]![1]!.slice(lo, hi + 1)]);
      });
    });
    // resident = registered + in − out, for every published cell (out's both-sex groups are sums of its singles).
    const [registered, migrantIn, out, resident] = [0, 1, 2, 3];
    for (let s = 0; s < 2; s++) {
      for (let a = 0; a <= 100; a++) lattice.relate([single[resident]![s]![a]!, single[registered]![s]![a]!, single[migrantIn]![s]![a]!, single[out]![s]![a]!]);
      FIVES.forEach((_, g) => lattice.relate([resident, registered, migrantIn, out].map((c) => prefix + PART.five[c]![s]![g]!)));
    }
    lattice.relate([resident, registered, migrantIn, out].map((c) => prefix + PART.women[c]!));
    Object.values(GROUPS).forEach(([lo, hi], g) => {
      lattice.relate([prefix + PART.group[resident]![g]!, prefix + PART.group[registered]![g]!, prefix + PART.group[migrantIn]![g]!,
        ...single[out]![0]!.slice(lo, hi + 1), ...single[out]![1]!.slice(lo, hi + 1)]);
    });
  }
}
