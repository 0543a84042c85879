/**
 * @module disclosure/families/births
 * The published birth cells of one township, for every period: by residence (R) × order (O) ×
 * sex (S) — what births, rates, order shares and SRB rows show —, by policy status (P, the
 * compliance row's split), by whether the place of delivery is recorded and in hospital (H), and
 * by mother's age (A: single ages 15..49 and 5-year groups). Events cells are those an answer
 * counts as its events (births, births of an order, recorded births, births at an age); the sex,
 * policy and in-hospital splits ride on theirs. Relations: residence, order, sex, policy, ages and
 * age groups, per period; every coordinate set's periods are one slice of the period audit.
 */
import type { Database } from '../../db/Database.ts';
import type { Calendar } from '../calendar.ts';
import { combos, coordsPart, type Coords } from '../cells.ts';
import type { Lattice } from '../lattice.ts';
import { addToPeriods, periodSlice } from './accumulate.ts';

const RESIDENCES = ['registered', 'migrant', '*'] as const;
const ORDERS = ['1', '2', '3'];
const SEXES = ['M', 'F'];
const POLICIES = ['compliant', 'noncompliant', 'unknown'];
export const AGES = Array.from({ length: 35 }, (_, k) => String(15 + k));
export const AGE_GROUPS = Array.from({ length: 7 }, (_, g) => `${15 + 5 * g}-${19 + 5 * g}`);
const groupOf = (age: number) => AGE_GROUPS[Math.floor((age - 15) / 5)]!;

interface BirthRow { month: string; residence: string; birth_order: number; sex: string; policy_status: string; hospital: boolean | null; n: number }
interface AgeRow { month: string; residence: string; age: number; n: number }

type Role = { events: true } | { parent: Coords };

/** Every published coordinate set besides residence, with its role. */
const LAYOUT: { coords: Coords; role: Role }[] = [
  ...combos({ O: [...ORDERS, '*'], S: [...SEXES, '*'] }).map((c) => ({ coords: c, role: c.S === '*' ? { events: true as const } : { parent: { O: c.O } } })),
  ...POLICIES.map((p) => ({ coords: { P: p }, role: { parent: {} } })),
  { coords: { H: 'recorded' }, role: { events: true } },
  { coords: { H: 'hospital' }, role: { parent: { H: 'recorded' } } },
  ...[...AGES, ...AGE_GROUPS].map((a) => ({ coords: { A: a }, role: { events: true as const } })),
];

const part = (res: string, coords: Coords) => coordsPart({ ...coords, R: res });
const both = (v: string) => [v, '*'];

export async function addBirths(lattice: Lattice, db: Database, cal: Calendar, t: string): Promise<void> {
  const [rows, ageRows] = await Promise.all([
    db.query<BirthRow>('disclosure/births', { township: t }),
    db.query<AgeRow>('disclosure/births_age', { township: t }),
  ]);
  const sums = new Map<string, number>();
  for (const r of rows) {
    const parts = combos({ R: both(r.residence), O: both(String(r.birth_order)), S: both(r.sex) }).map((c) => coordsPart(c));
    for (const res of both(r.residence)) {
      parts.push(part(res, { P: r.policy_status }));
      if (r.hospital !== null) parts.push(part(res, { H: 'recorded' }));
      if (r.hospital === true) parts.push(part(res, { H: 'hospital' }));
    }
    addToPeriods(sums, cal, 'births', t, r.month, parts, r.n);
  }
  for (const r of ageRows) {
    addToPeriods(sums, cal, 'births', t, r.month, both(r.residence).flatMap((res) => [part(res, { A: String(r.age) }), part(res, { A: groupOf(r.age) })]), r.n);
  }

  // Coordinate parts, once: parts[r][i] for residence r and LAYOUT[i]; `of(res, coords)` finds one.
  const parts = RESIDENCES.map((res) => LAYOUT.map((l) => part(res, l.coords)));
  const index = new Map(LAYOUT.map((l, i) => [coordsPart(l.coords), i]));
  const of = (_r: number, coords: Coords) => index.get(coordsPart(coords))!;
  const orderOf = (s: string) => ORDERS.map((o) => of(0, { O: o, S: s }));
  for (const p of cal.periods) {
    const prefix = `births/${t}/${p.label}/`;
    const keys = parts.map((row) => row.map((x) => prefix + x));
    for (let r = 0; r < RESIDENCES.length; r++) {
      const k = keys[r]!;
      LAYOUT.forEach((l, i) => {
        const options = 'events' in l.role ? { events: true } : { parent: k[of(r, l.role.parent)] };
        lattice.add(k[i]!, sums.get(k[i]!) ?? 0, options);
      });
      const total = k[of(r, {})]!;
      for (const s of [...SEXES, '*']) lattice.relate([k[of(r, { S: s })]!, ...orderOf(s).map((i) => k[i]!)]);
      for (const o of [...ORDERS, '*']) lattice.relate([k[of(r, { O: o })]!, ...SEXES.map((s) => k[of(r, { O: o, S: s })]!)]);
      lattice.relate([total, ...POLICIES.map((x) => k[of(r, { P: x })]!)]);
      lattice.relate([total, ...AGES.map((a) => k[of(r, { A: a })]!)]);
      lattice.relate([total, ...AGE_GROUPS.map((g) => k[of(r, { A: g })]!)]);
      for (const g of AGE_GROUPS) lattice.relate([k[of(r, { A: g })]!, ...AGES.filter((a) => groupOf(Number(a)) === g).map((a) => k[of(r, { A: a })]!)]);
    }
    LAYOUT.forEach((_, i) => lattice.relate([keys[2]![i]!, keys[0]![i]!, keys[1]![i]!]));
  }
  for (const row of parts) for (const x of row) lattice.slice(periodSlice(cal, 'births', t, x));
}
