/**
 * @module projection/assumptionRows
 * The assumptions of every unit as rows of numbers (table `projection_assumptions`, made at import
 * by ingest/projectionAssumptions.ts) and back. A unit is 101 rows, `i` = 0..100: a vector by age
 * fills all 101, a fertile-age vector the first 35, a list (years, annual series) its length and
 * NaN after, a single figure row 0 only (NaN for null and in the rows it leaves empty). NaN, not
 * NULL: a column without NULLs is read several times faster (no validity mask to test per cell). Unit 0 is the county (`all`), any other the township's
 * code as an integer, as in the other `sql/projection/` reads. Numbers go in and out as DOUBLE,
 * so what is read back is bit for bit what was derived.
 *
 * @example
 * const rows = assumptionRows(deriveAllAssumptions(data, 2024));
 * const back = assumptionsFromRows(await db.queryNumeric('projection/assumptions'), townships);
 */
import type { NumericColumns } from '../db/Database.ts';
import { AGES, FERTILE_AGES, type Assumptions, type SexAges } from './types.ts';

/** Column order of `sql/ingest/projection_assumptions_table.sql` (the import appends in this order). */
export const ASSUMPTION_COLUMNS = [
  'unit', 'i', 'base_year',
  'base_m', 'base_f', 'registered_m', 'registered_f', 'mig_in_m', 'mig_in_f', 'mig_out_m', 'mig_out_f',
  'fertility_years', 'births', 'tfr', 'tfr_observed', 'shape', 'weight_level', 'weight_shape', 'exposure_ratio',
  'series_year', 'series_tfr', 'series_births',
  'mortality_model', 'mortality_years', 'deaths', 'mx_m', 'mx_f', 'e0_m', 'e0_f', 'smr', 'smr_observed',
  'srb_years', 'srb_male', 'srb_female', 'srb', 'srb_observed', 'srb_source',
  'migration_years', 'net_m', 'net_f', 'migrant_net_m', 'migrant_net_f', 'registered_net_m', 'registered_net_f',
  'annual_year', 'annual_net',
] as const;
export type AssumptionColumn = (typeof ASSUMPTION_COLUMNS)[number];

/** `srb_source` codes. */
const SRB_SOURCES = ['own', 'county', 'area'] as const;

export const unitNumber = (scope: string) => (scope === 'all' ? 0 : Number(scope));

type Cell = number | null;

/** One unit's 101 rows, column by column (null: empty, stored as NaN). */
function unitColumns(a: Assumptions): Record<AssumptionColumn, Cell[]> {
  const vector = (v: ArrayLike<number>): Cell[] => Array.from({ length: AGES }, (_, i) => (i < v.length ? v[i]! : null));
  const single = (v: number | null): Cell[] => vector(v === null ? [] : [v]);
  const sexes = <N extends string>(name: N, v: SexAges) => ({ [`${name}_m`]: vector(v.male), [`${name}_f`]: vector(v.female) }) as Record<`${N}_m` | `${N}_f`, Cell[]>;
  const { fertility: f, mortality: m, srb: s, migration: g } = a;
  return {
    unit: vector(new Array<number>(AGES).fill(unitNumber(a.scope))), i: vector(Array.from({ length: AGES }, (_, i) => i)), base_year: single(a.baseYear),
    ...sexes('base', a.base), ...sexes('registered', a.baseParts.registered), ...sexes('mig_in', a.baseParts.migIn), ...sexes('mig_out', a.baseParts.migOut),
    fertility_years: vector(f.years), births: single(f.births), tfr: single(f.tfr), tfr_observed: single(f.tfrObserved),
    shape: vector(f.shape), weight_level: single(f.weightLevel), weight_shape: single(f.weightShape), exposure_ratio: vector(f.exposureRatio),
    series_year: vector(f.series.map((p) => p.year)), series_tfr: vector(f.series.map((p) => p.tfr)), series_births: vector(f.series.map((p) => p.births)),
    mortality_model: single(m.source === 'model' ? 1 : 0), mortality_years: vector(m.years), deaths: single(m.deaths), ...sexes('mx', m.mx),
    e0_m: single(m.e0.male), e0_f: single(m.e0.female), smr: single(m.smr), smr_observed: single(m.smrObserved),
    srb_years: vector(s.years), srb_male: single(s.male), srb_female: single(s.female), srb: single(s.srb),
    srb_observed: single(s.observed), srb_source: single(SRB_SOURCES.indexOf(s.source)),
    migration_years: vector(g.years), ...sexes('net', g.net), ...sexes('migrant_net', g.migrantNet), ...sexes('registered_net', g.registeredNet),
    annual_year: vector(g.annual.map((p) => p.year)), annual_net: vector(g.annual.map((p) => p.net)),
  };
}

/** Every unit's rows, in {@link ASSUMPTION_COLUMNS} order, to `emit` one row at a time. */
export function forEachAssumptionRow(all: Iterable<Assumptions>, emit: (row: readonly Cell[]) => void): void {
  for (const a of all) {
    const cols = unitColumns(a);
    const order = ASSUMPTION_COLUMNS.map((c) => cols[c]);
    for (let i = 0; i < AGES; i++) emit(order.map((col) => col[i]!));
  }
}

/** Rows of one unit: `at` is the unit's first row; NaN ends a list. */
class UnitReader {
  constructor(private readonly columns: Readonly<Record<string, Float64Array>>, private readonly at: number) {}
  private column(name: AssumptionColumn): Float64Array {
    const c = this.columns[name];
    if (c === undefined) throw new Error(`projection_assumptions: no column ${name}`);
    return c;
  }
  single(name: AssumptionColumn): number {
    return this.column(name)[this.at]!;
  }
  nullable(name: AssumptionColumn): number | null {
    const v = this.single(name);
    return Number.isNaN(v) ? null : v;
  }
  vector(name: AssumptionColumn, length: number): Float64Array {
    return this.column(name).slice(this.at, this.at + length);
  }
  list(name: AssumptionColumn): number[] {
    const c = this.column(name);
    const out: number[] = [];
    for (let i = this.at; i < this.at + AGES && !Number.isNaN(c[i]!); i++) out.push(c[i]!);
    return out;
  }
  sexes(name: string): SexAges {
    return { male: this.vector(`${name}_m` as AssumptionColumn, AGES), female: this.vector(`${name}_f` as AssumptionColumn, AGES) };
  }
}

function unitAssumptions(scope: string, r: UnitReader): Assumptions {
  const seriesYear = r.list('series_year');
  const seriesTfr = r.list('series_tfr');
  const seriesBirths = r.list('series_births');
  const annualYear = r.list('annual_year');
  const annualNet = r.list('annual_net');
  return {
    scope,
    baseYear: r.single('base_year'),
    base: r.sexes('base'),
    baseParts: { registered: r.sexes('registered'), migIn: r.sexes('mig_in'), migOut: r.sexes('mig_out') },
    fertility: {
      years: r.list('fertility_years'), births: r.single('births'), tfr: r.single('tfr'), tfrObserved: r.single('tfr_observed'),
      shape: r.vector('shape', FERTILE_AGES), weightLevel: r.single('weight_level'), weightShape: r.single('weight_shape'),
      exposureRatio: r.vector('exposure_ratio', FERTILE_AGES),
      series: seriesYear.map((year, k) => ({ year, tfr: seriesTfr[k]!, births: seriesBirths[k]! })),
    },
    mortality: {
      source: r.single('mortality_model') === 1 ? 'model' : 'deaths', years: r.list('mortality_years'), deaths: r.single('deaths'),
      mx: r.sexes('mx'), e0: { male: r.single('e0_m'), female: r.single('e0_f') }, smr: r.single('smr'), smrObserved: r.nullable('smr_observed'),
    },
    srb: {
      years: r.list('srb_years'), male: r.single('srb_male'), female: r.single('srb_female'), srb: r.single('srb'),
      observed: r.nullable('srb_observed'), source: SRB_SOURCES[r.single('srb_source')]!,
    },
    migration: {
      years: r.list('migration_years'), net: r.sexes('net'), migrantNet: r.sexes('migrant_net'), registeredNet: r.sexes('registered_net'),
      annual: annualYear.map((year, k) => ({ year, net: annualNet[k]! })),
    },
  };
}

/**
 * The assumptions of `all` and of every township in `townships` (codes) from the rows of
 * `sql/projection/assumptions.sql`; null when a unit is missing or its rows are not together in order.
 */
export function assumptionsFromRows(q: NumericColumns, townships: readonly string[]): Map<string, Assumptions> | null {
  const { unit, i } = q.columns;
  if (unit === undefined || i === undefined || q.rowCount % AGES !== 0) return null;
  for (let r = 0; r < q.rowCount; r++) if (i[r] !== r % AGES || unit[r] !== unit[r - (r % AGES)]) return null;
  const firstRow = new Map<number, number>();
  for (let r = 0; r < q.rowCount; r += AGES) firstRow.set(unit[r]!, r);
  const out = new Map<string, Assumptions>();
  for (const scope of ['all', ...townships]) {
    const at = firstRow.get(unitNumber(scope));
    if (at === undefined) return null;
    out.set(scope, unitAssumptions(scope, new UnitReader(q.columns, at)));
  }
  return out;
}
