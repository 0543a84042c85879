/**
 * @module disclosure/indicatorCells
 * Which published cells each indicator row shows: its events (the count its `small` mark is about;
 * when one of them is suppressed the whole row is) and, field by field, the cells a figure is made
 * from (a rate's numerator and denominator, a split, a pyramid's parts). Figures made from
 * population denominators (person-years) only are free. Every indicator of the registry has an
 * entry — a test checks that every field of every row is named here — so a new indicator cannot
 * slip past the small-cell rule.
 */
import type { IndicatorQuery, IndicatorRow } from '../indicators/types.ts';
import { spanMonths, type Calendar } from './calendar.ts';
import { cellKey, stockPeriod, type Coords, type Family } from './cells.ts';

export interface RowCells {
  readonly events: readonly string[];
  /** Field → the cells it is made from. Fields not listed show no count (names, targets, person-years). */
  readonly fields: Readonly<Record<string, readonly string[]>>;
}

type Mapper = (row: IndicatorRow, q: IndicatorQuery, at: Cells) => RowCells;

/** Cell keys of one row's township and period. */
export interface Cells {
  births(coords?: Coords): string;
  marriages(coords?: Coords): string;
  persons(coords?: Coords): string;
  /** A stock at the end of the row's period. */
  stock(coords: Coords): string;
  flow(coords: Coords): string;
  population(coords?: Coords): string;
  deaths(coords?: Coords): string;
}

export function cellsAt(township: string, period: string, cal: Calendar): Cells {
  const flowKey = (family: Family) => (coords: Coords = {}) => cellKey(family, township, period, coords);
  const span = cal.byLabel.get(period);
  const end = span ? cal.months[span.to - 1]! : spanMonths(period)?.[1] ?? period;
  return {
    births: flowKey('births'), marriages: flowKey('marriages'), persons: flowKey('persons'),
    stock: (coords) => cellKey('migrants', township, stockPeriod(end), coords),
    flow: (coords) => cellKey('migrants', township, period, coords),
    population: flowKey('population'),
    deaths: flowKey('deaths'),
  };
}

const R = (q: IndicatorQuery) => (q.residence === 'all' ? '*' : q.residence);
const C = (q: IndicatorQuery) => ({ all: 'resident', registered: 'registered', migrant: 'in' })[q.residence];

/** A count row: events, value and numerator are the one cell. */
const count = (cell: string): RowCells => ({ events: [cell], fields: { value: [cell], numerator: [cell], denominator: [] } });
/** A ratio of two cells (numerator over the events cell). */
const ratio = (numerator: string, base: string, events = base): RowCells => ({
  events: [events], fields: { value: [numerator, base], numerator: [numerator], denominator: [base] },
});
/** A rate over person-years: the denominator is free. */
const rate = (cell: string): RowCells => ({ events: [cell], fields: { value: [cell], numerator: [cell], denominator: [] } });

export const INDICATOR_CELLS: Readonly<Record<string, Mapper>> = {
  births: (_r, q, at) => count(at.births({ R: R(q) })),
  cbr: (_r, q, at) => rate(at.births({ R: R(q) })),
  asfr: (r, q, at) => rate(at.births({ R: R(q), A: String(r.age) })),
  tfr: (_r, q, at) => rate(at.births({ R: R(q) })),
  mean_age_childbearing: (_r, q, at) => rate(at.births({ R: R(q) })),
  order_share: (r, q, at) => ratio(at.births({ R: R(q), O: r.order === '3+' ? '3' : String(r.order) }), at.births({ R: R(q) })),
  compliance: (_r, q, at) => {
    const total = at.births({ R: R(q) });
    const policy = (p: string) => at.births({ R: R(q), P: p });
    const base = ratio(policy('compliant'), total);
    return {
      events: [total],
      fields: {
        ...base.fields, meets_target: base.fields.value!,
        unknown: [policy('unknown')], unknown_share: [policy('unknown'), total], noncompliant: [policy('noncompliant')], target: [], target_upper: [], target_rule: [],
      },
    };
  },
  hospital_rate: (_r, q, at) => {
    const recorded = at.births({ R: R(q), H: 'recorded' });
    const base = ratio(at.births({ R: R(q), H: 'hospital' }), recorded);
    return { events: [recorded], fields: { ...base.fields, unrecorded: [at.births({ R: R(q) }), recorded] } };
  },
  marriages: (_r, _q, at) => count(at.marriages()),
  cmr: (_r, _q, at) => rate(at.marriages()),
  first_marriage_rate: (_r, _q, at) => ratio(at.persons({ first: 'yes' }), at.marriages()),
  first_marriage_age: (r, _q, at) => {
    const cell = at.persons({ first: 'yes', S: String(r.sex) });
    return { events: [cell], fields: { value: [cell], numerator: [cell], denominator: [cell] } };
  },
  remarriage_share: (_r, _q, at) => ratio(at.marriages({ re: 'yes' }), at.marriages()),
  migrant_stock: (_r, q, at) => count(at.stock({ D: q.direction })),
  migrant_inflow: (_r, q, at) => count(at.flow({ D: q.direction, ev: 'arrival' })),
  migrant_outflow: (_r, q, at) => count(at.flow({ D: q.direction, ev: 'departure' })),
  migrants_by_origin: (r, q, at) => count(at.stock({ D: q.direction, o: String(r.origin) })),
  migrant_women_15_49: (_r, q, at) => count(at.stock({ D: q.direction, w: 'yes' })),
  certificate_rate: (_r, q, at) => ratio(at.stock({ D: q.direction, w: 'yes', cert: 'yes' }), at.stock({ D: q.direction, w: 'yes' })),
  population: (_r, q, at) => count(at.population({ C: C(q) })),
  age_structure: (r, q, at) => ratio(at.population({ C: C(q), A: String(r.group) }), at.population({ C: C(q) }), at.population({ C: C(q), A: String(r.group) })),
  dependency_ratio: (r, q, at) => {
    const young = at.population({ C: C(q), A: '0-14' });
    const old = at.population({ C: C(q), A: '65+' });
    const numerator = r.kind === 'young' ? [young] : r.kind === 'old' ? [old] : [young, old];
    const working = at.population({ C: C(q), A: '15-64' });
    return { events: numerator, fields: { value: [...numerator, working], numerator, denominator: [working] } };
  },
  women_15_49: (_r, q, at) => count(at.population({ C: C(q), S: 'F', A: '15-49' })),
  school_age: (r, q, at) => count(at.population({ C: C(q), A: String(r.group) })),
  age_groups: (r, q, at) => {
    const group = at.population({ C: C(q), ...(r.group === 'women15-49' ? { S: 'F', A: '15-49' } : { A: String(r.group) }) });
    const total = at.population({ C: C(q) });
    return { events: [group], fields: { value: [group], numerator: [group], denominator: [], share: [group, total] } };
  },
  cbr_resident: (r, _q, at) => {
    const births = at.births({ R: '*' });
    const resident = [String(Number(r.period) - 1), r.period].map((y) => cellKey('population', r.township, y, { C: 'resident' }));
    return { events: [births], fields: { value: [births, ...resident], numerator: [births], denominator: resident, births: [births], resident_mid: resident } };
  },
  deaths: (_r, _q, at) => count(at.deaths()),
  cdr: (_r, _q, at) => rate(at.deaths()),
  ngr: (_r, _q, at) => {
    const [births, deaths] = [at.births({ R: 'registered' }), at.deaths()];
    return { events: [births, deaths], fields: { value: [births, deaths], numerator: [births, deaths], denominator: [], births: [births], deaths: [deaths] } };
  },
  life_expectancy: (r, _q, at) => {
    const deaths = at.deaths(r.sex === 'T' ? {} : { S: String(r.sex) });
    // e0 and its interval are made from the deaths by age; the rows show only their total
    return { events: [deaths], fields: { value: [deaths], lo: [deaths], hi: [deaths], numerator: [deaths], deaths: [deaths], denominator: [], person_years: [] } };
  },
  pyramid: (r, q, at) => {
    const part = (c: string) => at.population({ C: c, S: String(r.sex), A: String(r.age) });
    const value = part(C(q));
    return { events: [value], fields: { value: [value], numerator: [value], denominator: [], registered: [part('registered')], migrant_in: [part('in')], migrant_out: [part('out')] } };
  },
};

/** The cells of one indicator row; throws for an indicator without an entry (fail closed). */
export function rowCells(indicator: string, row: IndicatorRow, query: IndicatorQuery, cal: Calendar, period = row.period): RowCells {
  const mapper = INDICATOR_CELLS[indicator];
  if (!mapper) throw new Error(`indicator ${indicator} has no small-cell mapping (server/disclosure/indicatorCells.ts)`);
  return mapper(row, query, cellsAt(row.township, period, cal));
}
