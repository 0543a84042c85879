/**
 * @module contract/projection
 * The projection API on the wire: the answer of `POST /api/projections` with its series,
 * pyramids, bands and assumptions, the backtest report and the planning table (the request's
 * schema is projectionRequest.ts). The server's projection modules build these shapes; the web
 * draws them. No zod here: the web bundles the constants.
 *
 * @example
 * const band: Band = answer.results[0].bands!.total;
 */
/** Fertile ages of the ASFR schedule (births outside are counted at 15 or 49). */
export const FERTILE_FROM = 15;
export const FERTILE_TO = 49;
export const FERTILE_AGES = FERTILE_TO - FERTILE_FROM + 1;
/** The lowest TFR a scenario may assume. */
export const TFR_FLOOR = 0.3;

export const SCENARIOS = ['low', 'medium', 'high', 'constant', 'zero_migration', 'custom'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];
export const VARIANTS = ['deterministic', 'probabilistic'] as const;
export type Variant = (typeof VARIANTS)[number];

export const SERIES = [
  'total', 'male', 'female', 'births', 'deaths', 'netMigrants', 'age0to14', 'age15to64', 'age65plus',
  'dependencyTotal', 'dependencyYoung', 'dependencyOld', 'women15to49',
  'school3to5', 'school6to11', 'school12to14', 'school15to17', 'medianAge', 'tfr',
] as const;
export type SeriesName = (typeof SERIES)[number];
/** One value per year (the base year first); flows are null in the base year, a ratio over nobody is null. */
export type Series = Record<SeriesName, (number | null)[]>;

export interface Pyramids {
  readonly ages: number[];
  /** One row of 101 ages per year (the base year first). */
  readonly male: number[][];
  readonly female: number[][];
}

/** Series the probabilistic variant gives bands for. */
export const BAND_SERIES = [
  'total', 'births', 'age0to14', 'age15to64', 'age65plus', 'women15to49',
  'school3to5', 'school6to11', 'school12to14', 'school15to17',
] as const;
export type BandSeries = (typeof BAND_SERIES)[number];
export const QUANTILES = { p025: 0.025, p10: 0.1, p50: 0.5, p90: 0.9, p975: 0.975 } as const;
export type Band = Record<keyof typeof QUANTILES, (number | null)[]>;

/** An AR(1) fitted to a series (or the default when the series is short). */
export interface Ar1 {
  readonly phi: number;
  readonly sigma: number;
  readonly source: 'estimated' | 'default';
  readonly years: number;
}

export interface DrawsSummary {
  readonly draws: number;
  readonly seed: number;
  readonly tfr: Ar1;
  readonly migration: { readonly phi: number; readonly sigma: number };
}

export interface ScopeResult {
  readonly scope: string;
  readonly name: string;
  readonly series: Series;
  /** Absent when the request asked for `pyramids: false`. */
  readonly pyramids?: Pyramids;
  readonly bands?: Record<BandSeries, Band>;
  readonly draws?: DrawsSummary;
}

interface SexArrays { male: number[]; female: number[] }

export interface LifeTableSummary {
  e0: number; e1: number; e15: number; e60: number; e65: number;
  /** Deaths before age 1 / 5 per 1,000 births; 45q15 per 1,000 at 15. */
  q0: number; q0to4: number; q15to59: number;
  mx: number[];
  lx: number[];
}

/** The assumptions of one scope: what the UI shows and lets the planner edit. */
export interface AssumptionsSummary {
  scope: string;
  name: string;
  baseYear: number;
  basePopulation: SexArrays & { definition: string; total: number; registered: number; migrantsIn: number; migrantsOut: number };
  fertility: {
    years: readonly number[]; births: number; tfr: number; tfrObserved: number;
    weightLevel: number; weightShape: number;
    ages: number[]; asfr: number[]; shape: number[]; meanAge: number;
    series: readonly { readonly year: number; readonly tfr: number; readonly births: number }[];
  };
  mortality: {
    source: 'deaths' | 'model'; years: readonly number[]; deaths: number;
    e0: { readonly male: number; readonly female: number }; smr: number; smrObserved: number | null;
    lifeTable: { male: LifeTableSummary; female: LifeTableSummary };
  };
  srb: {
    years: readonly number[]; male: number; female: number; srb: number; observed: number | null;
    source: 'own' | 'county' | 'area';
  };
  migration: SexArrays & {
    years: readonly number[]; definition: string; total: number; migrants: number; registeredTransfers: number;
    annual: readonly { readonly year: number; readonly net: number }[];
  };
}

export interface ProjectionAnswer {
  readonly request: unknown;
  readonly baseYear: number;
  readonly horizon: number;
  readonly scenario: string;
  readonly variant: string;
  readonly years: number[];
  readonly results: ScopeResult[];
  readonly assumptions: AssumptionsSummary[];
  readonly method: Readonly<Record<string, string>>;
}

export const BACKTEST_MEASURES = ['total', 'age0to14', 'age15to64', 'age65plus'] as const;
export type BacktestMeasure = (typeof BACKTEST_MEASURES)[number];
export type BacktestFigures = Record<BacktestMeasure, number>;

export interface BacktestRow {
  readonly scope: string;
  readonly name: string;
  readonly year: number;
  readonly observed: BacktestFigures;
  readonly projected: BacktestFigures;
  /** 100 × (projected − observed) / observed. */
  readonly errorPct: BacktestFigures;
}

export interface BacktestReport {
  readonly baseYear: number;
  readonly to: number;
  readonly scenario: 'medium';
  readonly years: number[];
  readonly county: BacktestRow[];
  readonly townships: BacktestRow[];
  /** Mean absolute % error across townships, per year. */
  readonly mape: ({ readonly year: number } & BacktestFigures)[];
  readonly horizon: { readonly year: number; readonly county: BacktestFigures; readonly mape: BacktestFigures };
}

/** `custom` takes the planner's own assumptions (the request's `custom`, as on the projections page). */
export const TABLE_SCENARIOS = ['low', 'medium', 'high', 'constant', 'zero_migration', 'custom'] as const;
export type TableScenario = (typeof TABLE_SCENARIOS)[number];

export interface PlanningColumn { readonly year: number; readonly scenario: TableScenario | 'observed' }

export interface JumpOff {
  readonly baseYear: number;
  readonly observedBirths: number;
  readonly observedTfr: number;
  readonly assumedTfr: number;
  readonly pooledYears: readonly number[];
  /** Births the assumed fertility gives with the base year's women: observed − this is the fertility part. */
  readonly assumedBirthsInBaseYear: number;
  readonly firstYear: number;
  readonly firstYearBirths: Partial<Record<TableScenario, number>>;
  readonly parts: { readonly fertilityLevel: number; readonly women: number };
  readonly text: { readonly zh: string; readonly en: string };
}

/** `GET /api/projections/table`: the planning table (规划表) of one scope. */
export interface PlanningTable {
  readonly scope: string;
  readonly name: string;
  readonly baseYear: number;
  readonly years: readonly number[];
  readonly scenarios: readonly TableScenario[];
  readonly columns: readonly PlanningColumn[];
  readonly rows: readonly { readonly group: string; readonly zh: string; readonly en: string; readonly values: readonly (number | null)[] }[];
  readonly jumpOff: JumpOff | null;
  readonly notes: { readonly zh: string; readonly en: string };
}
