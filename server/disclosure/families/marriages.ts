/**
 * @module disclosure/families/marriages
 * The published marriage cells of one township, for every period: couples (events of the
 * marriage count, the marriage rate and the remarriage share), remarriages (riding on couples),
 * first-marrying persons of each sex (events of the mean age at first marriage) and of both sexes
 * (the first-marriage share's numerator, riding on couples: its denominator is twice the couples).
 */
import type { Database } from '../../db/Database.ts';
import type { Calendar } from '../calendar.ts';
import { cellKey, coordsPart, type Coords, type Family } from '../cells.ts';
import type { Lattice } from '../lattice.ts';
import { addToPeriods, periodSlice } from './accumulate.ts';

interface MarriageRow { month: string; remarriage: boolean; n: number }
interface PersonRow { month: string; sex: string; first_marriage: boolean; n: number }

export async function addMarriages(lattice: Lattice, db: Database, cal: Calendar, t: string): Promise<void> {
  const [couples, persons] = await Promise.all([
    db.query<MarriageRow>('disclosure/marriages', { township: t }),
    db.query<PersonRow>('disclosure/marriage_persons', { township: t }),
  ]);
  const sums = new Map<string, number>();
  for (const r of couples) addToPeriods(sums, cal, 'marriages', t, r.month, r.remarriage ? ['', 're=yes'] : [''], r.n);
  for (const r of persons) if (r.first_marriage) addToPeriods(sums, cal, 'persons', t, r.month, ['first=yes', coordsPart({ first: 'yes', S: r.sex })], r.n);

  for (const p of cal.periods) {
    const couplesKey = cellKey('marriages', t, p.label);
    const firstKey = cellKey('persons', t, p.label, { first: 'yes' });
    const sexKeys = ['M', 'F'].map((s) => cellKey('persons', t, p.label, { first: 'yes', S: s }));
    lattice.add(couplesKey, sums.get(couplesKey) ?? 0, { events: true });
    lattice.add(cellKey('marriages', t, p.label, { re: 'yes' }), sums.get(cellKey('marriages', t, p.label, { re: 'yes' })) ?? 0, { parent: couplesKey });
    lattice.add(firstKey, sums.get(firstKey) ?? 0, { parent: couplesKey });
    for (const k of sexKeys) lattice.add(k, sums.get(k) ?? 0, { events: true });
    lattice.relate([firstKey, ...sexKeys]);
  }
  const slices: [Family, Coords][] = [['marriages', {}], ['marriages', { re: 'yes' }], ['persons', { first: 'yes' }], ['persons', { first: 'yes', S: 'M' }], ['persons', { first: 'yes', S: 'F' }]];
  for (const [family, coords] of slices) lattice.slice(periodSlice(cal, family, t, coordsPart(coords)));
}
