/**
 * @module projection/project
 * Projections from the data: assumptions → scenario inputs → engine (townships controlled to
 * the county) → answer. `projectFromData` is pure (used by the API, the backtest and the bench);
 * `runProjection` reads the database and builds the JSON answer of `POST /api/projections`.
 *
 * @example
 * const answer = await runProjection(db, parseProjectionRequest({ scope: 'all', scenario: 'low' }));
 */
import type { ProjectionResult } from '../demography/types.ts';
import type { Database } from '../db/Database.ts';
import { Forbidden, Invalid } from '../errors/domain.ts';
import { estimateAr1, migrationSigma } from './ar1.ts';
import { assumptionsOf, dataSpan, deriveOptions, derivedAssumptions } from './assumptionsOf.ts';
import { resolveBaseYear, townshipList } from './data.ts';
import { assumptionsSummary, pyramidsOf, seriesOf } from './output.ts';
import { BAND_SERIES, projectDraws, type Band, type DrawsResult } from './probabilistic.ts';
import { canonicalJson, type ProjectionRequest } from './request.ts';
import { projectUnits } from './rakedUnits.ts';
import { countyMxPath, countyTfrPath, unitInputs, type ScenarioSpec, type UnitInputs } from './scenario.ts';
import type { Assumptions, ProjectionData } from './types.ts';
import type { ScopeResult, ProjectionAnswer } from '../../contract/projection.ts';
export type { ScopeResult, ProjectionAnswer };

export interface Projected {
  readonly assumptions: ReadonlyMap<string, Assumptions>;
  readonly inputs: ReadonlyMap<string, UnitInputs>;
  readonly results: ReadonlyMap<string, ProjectionResult>;
}

export { dataSpan };

/**
 * Projects the county and, when `townships` is true, every township controlled to it.
 * `control: false` projects the units on their own assumptions without raking.
 */
export function projectFromData(
  data: ProjectionData, baseYear: number, horizon: number, spec: ScenarioSpec, townships: boolean, control = true,
): Projected {
  return projectAssumptions(derivedAssumptions(data, baseYear, deriveOptions(spec), townships), baseYear, horizon, spec, control);
}

/** Projects units from their assumptions (`all` first: the county, or the reference townships are raked to). */
export function projectAssumptions(
  assumptions: ReadonlyMap<string, Assumptions>, baseYear: number, horizon: number, spec: ScenarioSpec, control = true,
): Projected {
  const county = assumptions.get('all')!;
  const tfrPath = countyTfrPath(county.fertility.tfr, horizon, baseYear, spec);
  const mx = countyMxPath(county, horizon, spec);
  const inputs = new Map<string, UnitInputs>();
  for (const [scope, a] of assumptions) inputs.set(scope, unitInputs(a, spec, tfrPath, county.fertility.tfr, mx, a.mortality.smr));
  const results = projectUnits([...inputs.values()], control);
  return { assumptions, inputs, results };
}

const METHOD = {
  engine: 'cohort-component, single ages 0..100+, annual steps, net migrants half at the start and half at the end of each year (docs/projection.md)',
  base: 'resident population at 31 Dec of the base year = registered + in-migrants − out-migrants',
  control: 'townships are projected on their own assumptions and raked each year, by sex and single age, to the county projection (proportional), so they add up exactly',
  flows: 'births, deaths and net migrants at year y are those of the step from 31 Dec y−1 to 31 Dec y (null for the base year)',
};

/** The canonical request (base year resolved) that keys the cache and is echoed in the answer. */
export function canonicalRequest(req: ProjectionRequest, baseYear: number): string {
  return canonicalJson({ ...req, baseYear });
}

/**
 * `area`: the townships of a township account (projection/area.ts) — the projection then uses
 * their data only, with their sum in the county's place; null (a county account) uses the county.
 */
export async function runProjection(db: Database, req: ProjectionRequest, baseYear?: number, area: readonly string[] | null = null): Promise<ProjectionAnswer> {
  const base = baseYear ?? await resolveBaseYear(db, req.baseYear);
  const towns = await townshipList(db);
  const names = new Map(towns.map((t) => [t.code, t.name]));
  names.set('all', area === null ? '全县' : '本辖区');
  const unknown = req.scopes.filter((s) => !names.has(s));
  if (unknown.length > 0) {
    throw new Invalid('bad_parameter', `scope: no township ${unknown.join(', ')} in the data`, { parameter: 'scope' });
  }
  const outside = area === null ? [] : req.scopes.filter((s) => s === 'all' || !area.includes(s));
  if (outside.length > 0) throw new Forbidden('out_of_scope', `scope: your account may project ${area!.join(', ')} only`, { parameter: 'scope' });
  const spec: ScenarioSpec = { name: req.scenario, custom: req.custom };
  const needTownships = req.scopes.some((s) => s !== 'all');
  const projected = projectAssumptions(await assumptionsOf(db, base, spec, needTownships, area), base, req.horizon, spec);
  const years = Array.from({ length: req.horizon + 1 }, (_, i) => base + i);
  const results: ScopeResult[] = [];
  for (const scope of req.scopes) {
    const r = projected.results.get(scope)!;
    const inp = projected.inputs.get(scope)!;
    const a = projected.assumptions.get(scope)!;
    const entry: ScopeResult = {
      scope, name: names.get(scope) ?? scope, series: seriesOf(r, inp.tfr, a.fertility.tfr), ...(req.pyramids ? { pyramids: pyramidsOf(r) } : {}),
    };
    if (req.variant === 'probabilistic') {
      const { bands, ...draws } = probabilisticFor(projected, scope, req, base, spec);
      results.push({ ...entry, bands, draws });
    } else {
      results.push(entry);
    }
  }
  return {
    request: JSON.parse(canonicalRequest(req, base)),
    baseYear: base, horizon: req.horizon, scenario: req.scenario, variant: req.variant, years, results,
    assumptions: req.scopes.map((s) => assumptionsSummary(projected.assumptions.get(s)!, names.get(s) ?? s)),
    method: req.variant === 'probabilistic'
      ? { ...METHOD, probabilistic: 'TFR: AR(1) deviations around the scenario path (φ, σ from the scope\'s annual TFR, detrended); migration multiplier: AR(1), φ 0.8, σ = CV of annual net migration; mortality fixed; a township\'s bands are scaled by its controlled / uncontrolled deterministic ratio' }
      : METHOD,
  };
}

/**
 * Draws for one scope. A township's draws run on its own assumptions (no raking per draw); its
 * bands are then multiplied, series by series and year by year, by the ratio of its controlled
 * to its uncontrolled deterministic projection, so they are centred on what the county control gives.
 */
function probabilisticFor(
  projected: Projected, scope: string, req: ProjectionRequest, base: number, spec: ScenarioSpec,
): DrawsResult {
  const inp = projected.inputs.get(scope)!;
  const a = projected.assumptions.get(scope)!;
  const ar = estimateAr1(a.fertility.series.map((p) => p.tfr));
  const sigma = migrationSigma(a.migration.annual.map((p) => p.net));
  const draws = projectDraws(inp, ar, sigma, req.draws, req.seed);
  if (scope === 'all') return draws;
  const free = projectAssumptions(projected.assumptions, base, req.horizon, spec, false);
  const controlled = seriesOf(projected.results.get(scope)!, inp.tfr, a.fertility.tfr);
  const own = seriesOf(free.results.get(scope)!, inp.tfr, a.fertility.tfr);
  for (const name of BAND_SERIES) {
    const band = draws.bands[name];
    for (const q of Object.keys(band) as (keyof Band)[]) {
      band[q] = band[q].map((v, y) => {
        const c = controlled[name][y];
        const o = own[name][y];
        return v === null || c == null || o == null || o === 0 ? v : (v * c) / o;
      });
    }
  }
  return draws;
}
