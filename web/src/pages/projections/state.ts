/**
 * @module pages/projections/state
 * What the projection page shows, read from the URL: the area, base year, horizon, scenario,
 * variant and the custom scenario's assumptions (out-of-range values are dropped, not clamped).
 */
import { t, type Lang, type StringKey } from '../../i18n/index.ts';
import { SCENARIOS, type Scenario, type Variant } from '../../projection.ts';
import { enumParam, intParam, paramProblem, type PageContext } from '../../router.ts';
import { townshipName } from '../pageLabels.ts';

const SCENARIO_KEYS: Record<Scenario, StringKey> = {
  low: 'scLow', medium: 'scMedium', high: 'scHigh', constant: 'scConstant', zero_migration: 'scZeroMigration', custom: 'scCustom',
};

export function scenarioLabel(s: Scenario, lang: Lang): string {
  return t(SCENARIO_KEYS[s], lang);
}

/** The custom scenario's fields, as URL parameters. */
export interface CustomFields {
  tfr: number | undefined; tfrYear: number | undefined; e0m: number | undefined; e0f: number | undefined;
  e0Gain: number | undefined; srb: number | undefined; migration: number | undefined;
}

export interface ProjectionState {
  scope: string;
  /** The area shown when the URL names none: the county, or a township account's first township. */
  fallbackScope: string;
  place: string;
  baseYear: number;
  horizon: number;
  scenario: Scenario;
  variant: Variant;
  custom: CustomFields;
  /** Custom values the link gave out of their range: shown in their field, marked, not used. */
  rejected: Partial<Record<keyof CustomFields, { value: string; allowed: string }>>;
}

/** A custom assumption; a value out of its range is not used (the data's own is), and the page says so. */
function optionalNumber(params: URLSearchParams, key: keyof CustomFields, min: number, max: number, rejected: ProjectionState['rejected']): number | undefined {
  const raw = params.get(key);
  if (raw === null || raw === '') return undefined;
  const n = Number(raw);
  if (Number.isFinite(n) && n >= min && n <= max) return n;
  const allowed = `${min}–${max}`;
  paramProblem({ key, value: raw, used: 'data', allowed });
  rejected[key] = { value: raw, allowed };
  return undefined;
}

export function readProjectionState(ctx: PageContext): ProjectionState {
  const { meta, lang, params } = ctx;
  const fallbackScope = ctx.county ? 'all' : meta.townships[0]?.code ?? 'all';
  const scope = enumParam(params, 'scope', [...(ctx.county ? ['all'] : []), ...meta.townships.map((x) => x.code)], fallbackScope);
  const baseYear = intParam(params, 'baseYear', meta.years.from, meta.years.to, meta.years.to);
  const horizon = intParam(params, 'horizon', 5, 30, 20);
  const rejected: ProjectionState['rejected'] = {};
  return {
    scope, fallbackScope, place: townshipName(meta, scope, lang), baseYear, horizon,
    scenario: enumParam<Scenario>(params, 'scenario', SCENARIOS, 'medium'),
    variant: enumParam<Variant>(params, 'variant', ['deterministic', 'probabilistic'], 'deterministic'),
    custom: {
      tfr: optionalNumber(params, 'tfr', 0.3, 6, rejected), tfrYear: optionalNumber(params, 'tfrYear', baseYear + 1, baseYear + horizon, rejected),
      e0m: optionalNumber(params, 'e0m', 30, 95, rejected), e0f: optionalNumber(params, 'e0f', 30, 98, rejected),
      e0Gain: optionalNumber(params, 'e0Gain', 0, 0.5, rejected), srb: optionalNumber(params, 'srb', 90, 130, rejected),
      migration: optionalNumber(params, 'migration', 0, 5, rejected),
    },
    rejected,
  };
}
