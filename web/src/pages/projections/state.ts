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

export interface FieldRange { min: number; max: number; step: number }

/** Each custom assumption's range and step: what the link may give and what the field offers. */
export function customRanges(baseYear: number, horizon: number): Record<keyof CustomFields, FieldRange> {
  return {
    tfr: { min: 0.3, max: 6, step: 0.05 }, tfrYear: { min: baseYear + 1, max: baseYear + horizon, step: 1 },
    e0m: { min: 30, max: 95, step: 0.5 }, e0f: { min: 30, max: 98, step: 0.5 }, e0Gain: { min: 0, max: 0.5, step: 0.05 },
    srb: { min: 90, max: 130, step: 0.5 }, migration: { min: 0, max: 5, step: 0.1 },
  };
}

/** A custom assumption; a value out of its range is not used (the data's own is), and the page says so. */
function optionalNumber(params: URLSearchParams, key: keyof CustomFields, { min, max }: FieldRange, rejected: ProjectionState['rejected']): number | undefined {
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
  const ranges = customRanges(baseYear, horizon);
  const read = (key: keyof CustomFields) => optionalNumber(params, key, ranges[key], rejected);
  return {
    scope, fallbackScope, place: townshipName(meta, scope, lang), baseYear, horizon,
    scenario: enumParam<Scenario>(params, 'scenario', SCENARIOS, 'medium'),
    variant: enumParam<Variant>(params, 'variant', ['deterministic', 'probabilistic'], 'deterministic'),
    custom: {
      tfr: read('tfr'), tfrYear: read('tfrYear'), e0m: read('e0m'), e0f: read('e0f'), e0Gain: read('e0Gain'), srb: read('srb'), migration: read('migration'),
    },
    rejected,
  };
}
