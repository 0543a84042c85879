/**
 * @module contract/api
 * The wire types of the Renkou API that both sides import: the parameter vocabularies, what
 * `GET /api/meta`, `/api/session`, `/api/map`, `/api/indicators` and `/api/srb` answer. The
 * server builds these shapes (its modules import them from here); the web reads them. Other
 * resources have their own files: projection.ts, assessment.ts, imports.ts, reports.ts; the
 * export contract (tables, columns, rules) is tables.ts.
 *
 * @example
 * const meta: Meta = await api.meta();
 */
import type { RegionKind } from './tables.ts';
import type { SrbJudgement } from '../common/srbWording.ts';

/**
 * `township=each`: every township the asker may see, one row each — what a page asks instead of
 * listing every code (1,500 codes make a request line that servers and proxies refuse with 431).
 */
export const EACH_TOWNSHIP = 'each';
export const PERIOD_KINDS = ['year', 'statyear', 'half', 'quarter', 'month', 'stathalf', 'ytd', 'rolling', 'range'] as const;
export const RESIDENCE_FILTERS = ['all', 'registered', 'migrant'] as const;
export const COMPARE_MODES = ['none', 'yoy', 'prev'] as const;
export const AGE_GROUPINGS = ['single', '5'] as const;
export const DIRECTION_FILTERS = ['in', 'out'] as const;
export const BIRTH_ORDERS = ['all', '1', '2', '3+'] as const;

export type PeriodKind = (typeof PERIOD_KINDS)[number];
export type ResidenceFilter = (typeof RESIDENCE_FILTERS)[number];
export type CompareMode = (typeof COMPARE_MODES)[number];
export type AgeGrouping = (typeof AGE_GROUPINGS)[number];
export type DirectionFilter = (typeof DIRECTION_FILTERS)[number];
export type BirthOrderFilter = (typeof BIRTH_ORDERS)[number];

export interface Bilingual { readonly zh: string; readonly en: string }

export type { RegionKind };
export interface TownshipInfo { code: string; name: string; kind: RegionKind }

/** `GET /api/meta`: what the ingested database holds. */
export interface Meta {
  county: { code: string; name: string };
  townships: TownshipInfo[];
  /** birthsLastMonth: the last month with births (YYYY-MM), through which a year still open is followed (1–N月). */
  years: { from: number; to: number; eventsFrom?: number; eventsTo?: number; birthsLastMonth?: string | null };
  /** Rows accepted per table. */
  rowCounts: Record<string, number>;
  rowsRead?: Record<string, number>;
  quarantine: Record<string, Record<string, number>>;
  /** What the account may see: the county (`all`) or its township codes. */
  scope?: 'all' | string[];
  ingestedAt?: string | null;
  /** True when the population came in 5-year groups and was graduated to single ages at import. */
  populationGraduated?: boolean;
  /** First ages of open age groups below 100 (85岁及以上) that the import shared over the ages to 100+ by a model life table. */
  populationOpenAgeFrom?: number[];
}

export type Role = 'admin' | 'analyst' | 'township';
export interface SessionUser { name: string; role: Role; townships: 'all' | string[] }
/** `GET /api/session`: access control is on when users exist; `user` is null until a login. */
export interface Session { accessControl: boolean; user: SessionUser | null }

export interface MapRow { township: string; name: string; kind: string; value: number }
/** `GET /api/map?indicator=&year=`: one value per township for the choropleth. */
export interface MapLayer { indicator: string; year: number; unit: string; label: Bilingual; rows: MapRow[] }

/** Extra fields of a row (its keys such as `order` or `age`, and figures such as a target). */
export type Extra = string | number | boolean | null;

export interface IndicatorRow {
  township: string;
  period: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** Fewer events than the small-cell threshold: the value is noisy (the UI warns). */
  small: boolean;
  /** With `compare=yoy` or `compare=prev`: the value compared with, and the change. */
  previous?: number | null;
  change?: number | null;
  change_pct?: number | null;
  [field: string]: Extra | undefined;
}

/** `GET /api/indicators/:name`. */
export interface IndicatorAnswer { indicator: string; unit: string; name: Bilingual; rows: IndicatorRow[] }
export interface IndicatorInfo {
  id: string; unit: string; name: Bilingual; definition: Bilingual;
  parameters: { period: PeriodKind[] };
}
/** `GET /api/indicators`. */
export interface IndicatorCatalog { indicators: IndicatorInfo[]; smallCell: number }

/** The query of `GET /api/indicators/:name` as the client sends it (defaults left to the server). */
export interface IndicatorParams {
  township?: string;
  from?: number;
  to?: number;
  period?: PeriodKind;
  residence?: ResidenceFilter;
  compare?: CompareMode;
  ages?: AgeGrouping;
  direction?: DirectionFilter;
}

export type SrbFlag = 'high' | 'low' | 'normal' | null;

export interface SrbRow extends IndicatorRow {
  order: BirthOrderFilter;
  male: number;
  female: number;
  births: number;
  srb: number | null;
  lo: number | null;
  hi: number | null;
  smoothed: number | null;
  smoothed_lo: number | null;
  smoothed_hi: number | null;
  /** Weight of the county prior in the smoothed value (0 for the county itself). */
  shrinkage: number;
  flag: SrbFlag;
  /** The words every page uses (common/srbWording.ts): high 偏高, elevated_ns 未显著偏高, normal 正常, … */
  judgement: SrbJudgement;
}
/** `GET /api/srb`. */
export interface SrbAnswer { indicator: 'srb'; unit: string; band: [number, number]; rows: SrbRow[] }

export type FunnelClass = 'above998' | 'above95' | 'inside' | 'below95' | 'below998' | 'no_births';
/** The funnel plot's control limits at a number of births. */
export interface FunnelPoint {
  readonly births: number;
  readonly lo95: number;
  readonly hi95: number | null;
  readonly lo998: number;
  readonly hi998: number | null;
}
/** `withheld`: a township account's view, where the funnel (built from every township) is not shown. */
export interface SrbRankingRow extends SrbRow { name: string; rank: number; funnel: FunnelClass | 'withheld' }
/** `GET /api/srb/ranking`: townships ranked by smoothed SRB over a span, with the funnel's limits. */
export interface SrbRanking {
  span: string;
  from: number;
  to: number;
  /** The elevated-SRB list's rule and the funnel's centre, in words (common/srbWording.ts). */
  rule: { zh: string; en: string; funnel: { zh: string; en: string } };
  county: SrbRow;
  prior: { meanSrb: number; strength: number; pooled: boolean } | null;
  townships: SrbRankingRow[];
  funnel: FunnelPoint[];
}
