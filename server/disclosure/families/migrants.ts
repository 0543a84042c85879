/**
 * @module disclosure/families/migrants
 * The published migrant cells of one township. Stocks are counted at the end of a month (a
 * period's stock is its last month's: `2024`, `2024Q4` and `2024-12` name one cell): by direction
 * (D), women 15-49 (w) and certificate holders among them (riding on the women), and by origin
 * (o). Flows — arrivals and departures — are period sums. Relations: the origins add up to the
 * stock; each period's stock change equals its arrivals less its departures; the in-migrants
 * present at 31 Dec are the migrant population of that year-end (an alias in the population
 * family), and the out-migrants likewise the sum of the population family's out-migrant ages.
 */
import type { Database } from '../../db/Database.ts';
import type { Calendar } from '../calendar.ts';
import { cellKey, coordsPart, stockPeriod } from '../cells.ts';
import type { Lattice } from '../lattice.ts';
import { addToPeriods, periodSlice } from './accumulate.ts';
import { SINGLE_AGES } from './population.ts';

interface StockRow { month: string; direction: string; w: boolean; cert: boolean; n: number }
interface OriginRow { month: string; direction: string; origin: string; n: number }
interface FlowRow { month: string; direction: string; event: string; n: number }

const DIRECTIONS = ['in', 'out'];
const EVENTS = ['arrival', 'departure'];

export async function addMigrants(lattice: Lattice, db: Database, cal: Calendar, t: string): Promise<void> {
  const [stocks, origins, flows] = await Promise.all([
    db.query<StockRow>('disclosure/migrant_stock', { township: t }),
    db.query<OriginRow>('disclosure/migrant_origin', { township: t }),
    db.query<FlowRow>('disclosure/migrant_flow', { township: t }),
  ]);
  const stock = (month: string, coords: Record<string, string>) => cellKey('migrants', t, stockPeriod(month), coords);
  const sums = new Map<string, number>();
  const bump = (k: string, n: number) => sums.set(k, (sums.get(k) ?? 0) + n);
  for (const r of stocks) {
    bump(stock(r.month, { D: r.direction }), r.n);
    if (r.w) bump(stock(r.month, { D: r.direction, w: 'yes' }), r.n);
    if (r.w && r.cert) bump(stock(r.month, { D: r.direction, w: 'yes', cert: 'yes' }), r.n);
  }
  const originsOf = new Map<string, Set<string>>();
  for (const r of origins) {
    bump(stock(r.month, { D: r.direction, o: r.origin }), r.n);
    (originsOf.get(r.direction) ?? originsOf.set(r.direction, new Set()).get(r.direction)!).add(r.origin);
  }
  for (const r of flows) addToPeriods(sums, cal, 'migrants', t, r.month, [coordsPart({ D: r.direction, ev: r.event })], r.n);

  for (const month of cal.months) {
    for (const d of DIRECTIONS) {
      const total = stock(month, { D: d });
      lattice.add(total, sums.get(total) ?? 0, { events: true });
      const women = stock(month, { D: d, w: 'yes' });
      lattice.add(women, sums.get(women) ?? 0, { events: true });
      lattice.add(stock(month, { D: d, w: 'yes', cert: 'yes' }), sums.get(stock(month, { D: d, w: 'yes', cert: 'yes' })) ?? 0, { parent: women });
      const byOrigin = [...(originsOf.get(d) ?? [])].map((o) => stock(month, { D: d, o }));
      for (const k of byOrigin) lattice.add(k, sums.get(k) ?? 0, { events: true });
      lattice.relate([total, ...byOrigin]);
      if (month.endsWith('-12')) {
        if (d === 'in') lattice.relate([total, cellKey('population', t, month.slice(0, 4), { C: 'in' })]);
        else lattice.relate([total, ...['M', 'F'].flatMap((s) => SINGLE_AGES.map((a) => cellKey('population', t, month.slice(0, 4), { C: 'out', S: s, A: a })))]);
      }
    }
  }
  for (const p of cal.periods) {
    for (const d of DIRECTIONS) {
      const keys = EVENTS.map((ev) => cellKey('migrants', t, p.label, { D: d, ev }));
      for (const k of keys) lattice.add(k, sums.get(k) ?? 0, { events: true });
      if (p.from > 0) lattice.relate([stock(cal.months[p.to - 1]!, { D: d }), stock(cal.months[p.from - 1]!, { D: d }), ...keys]);
    }
  }
  for (const d of DIRECTIONS) for (const ev of EVENTS) lattice.slice(periodSlice(cal, 'migrants', t, coordsPart({ D: d, ev })));
}
