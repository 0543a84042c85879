/**
 * @module projection
 * Client of the projection API and the view the projections page draws from its answers:
 * - `POST /api/projections` (body: contract/projection.ts) answers `years` (base year
 *   first), one entry per scope in `results` with `series` (total, births, women 15–49, school
 *   ages, …; flows are null in the base year), `pyramids` (`ages` 0..100, one row per year by
 *   sex) and, for the probabilistic variant, `bands` (p025 / p10 / p50 / p90 / p975 per series),
 *   and `assumptions` per scope.
 * - `GET /api/projections/assumptions?scope=&baseYear=` the derived assumptions of one scope.
 * - `GET /api/projections/backtest?baseYear=&to=` the backtest report.
 * The types are the contract's (contract/projection.ts), shared with the server.
 *
 * @example
 * const answer = await projectionApi.run({ scope: 'all', horizon: 20, scenario: 'medium', variant: 'deterministic' });
 * const view = projectionView(answer, 'all');
 * view.series.total[0]; // the base population
 */
import { BAND_SERIES, SCENARIOS, type AssumptionsSummary, type BacktestReport, type Band, type BandSeries, type ProjectionAnswer,
  type ScenarioName, type ScopeResult, type SeriesName, type Variant } from '../../contract/projection.ts';
import type { ProjectionBodyInput } from '../../contract/projectionRequest.ts';
import { getJson, postJson } from './api.ts';

export type { AssumptionsSummary, BacktestReport, Band, BandSeries, ProjectionAnswer, ScopeResult, SeriesName, Variant };
export { BAND_SERIES, SCENARIOS };
export type Scenario = ScenarioName;

/** The body of `POST /api/projections` as the client sends it (defaults left to the server). */
export type ProjectionRequest = ProjectionBodyInput;
export type CustomAssumptions = NonNullable<ProjectionRequest['custom']>;

export interface PyramidYear { year: number; ages: string[]; male: number[]; female: number[] }

export interface ProjectionView {
  readonly scope: string;
  readonly name: string;
  readonly baseYear: number;
  readonly years: number[];
  readonly variant: Variant;
  readonly series: ScopeResult['series'];
  /** Quantile bands by series (probabilistic variant only). */
  readonly bands: Partial<Record<BandSeries, Band>>;
  readonly draws: number | null;
  readonly pyramids: PyramidYear[];
  readonly assumptions: AssumptionsSummary;
}

/** Age labels of single ages, the last one open: 0, 1, …, 99, 100+. */
export function ageLabels(ages: readonly number[]): string[] {
  return ages.map((a, i) => (i === ages.length - 1 ? `${a}+` : String(a)));
}

/** The part of an answer that belongs to one scope. */
export function projectionView(answer: ProjectionAnswer, scope: string): ProjectionView {
  const result = answer.results.find((r) => r.scope === scope);
  const assumptions = answer.assumptions.find((a) => a.scope === scope);
  if (!result || !assumptions) throw new Error(`the projection answer has no scope ${scope}`);
  const pyramids = result.pyramids;
  if (!pyramids) throw new Error(`the projection answer has no pyramids for ${scope}`);
  const ages = ageLabels(pyramids.ages);
  return {
    scope, name: result.name, baseYear: answer.baseYear, years: answer.years,
    variant: answer.variant === 'probabilistic' ? 'probabilistic' : 'deterministic',
    series: result.series, bands: result.bands ?? {}, draws: result.draws?.draws ?? null,
    pyramids: answer.years.map((year, i) => ({ year, ages, male: pyramids.male[i] ?? [], female: pyramids.female[i] ?? [] })),
    assumptions,
  };
}

/** Sum of the base population by sex and single age (what the projection starts from). */
export function basePopulation(a: AssumptionsSummary): number {
  return a.basePopulation.male.reduce((s, v) => s + v, 0) + a.basePopulation.female.reduce((s, v) => s + v, 0);
}

export const projectionApi = {
  run: (req: ProjectionRequest) => postJson<ProjectionAnswer>('/api/projections', req),
  assumptions: (scope: string, baseYear?: number) =>
    getJson<AssumptionsSummary>(`/api/projections/assumptions?${new URLSearchParams({ scope, ...(baseYear ? { baseYear: String(baseYear) } : {}) })}`),
  backtest: (baseYear: number, to: number) =>
    getJson<BacktestReport>(`/api/projections/backtest?${new URLSearchParams({ baseYear: String(baseYear), to: String(to) })}`),
};
