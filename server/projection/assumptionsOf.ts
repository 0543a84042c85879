/**
 * @module projection/assumptionsOf
 * Where a projection's assumptions come from: the ones stored at import (storedAssumptions.ts)
 * when they are exactly what the request would derive — a county account, the base year they
 * were made for, no e0 override — and otherwise derived from the rollups in memory
 * (assumptions.ts), once per data and key.
 *
 * @example
 * const all = await assumptionsOf(db, 2024, { name: 'medium' }, true, null);
 */
import type { Database } from '../db/Database.ts';
import { areaData } from './area.ts';
import { deriveAllAssumptions, deriveAssumptions, type DeriveOptions } from './assumptions.ts';
import { DEFAULTS } from './constants.ts';
import { loadProjectionData } from './data.ts';
import type { ScenarioSpec } from './scenario.ts';
import { storedAssumptions } from './storedAssumptions.ts';
import type { Assumptions, ProjectionData } from './types.ts';

/** Years of data a projection from `baseYear` reads (the TFR series for the probabilistic variant is the longest need). */
export const dataSpan = (baseYear: number) => ({ from: baseYear - DEFAULTS.tfrSeriesYears - 1, to: baseYear });

/** The derivation options a scenario asks for (a custom base e0 moves the mortality schedule). */
export function deriveOptions(spec: ScenarioSpec): DeriveOptions {
  return spec.name === 'custom' && spec.custom?.e0 !== undefined ? { e0: spec.custom.e0 } : {};
}

/**
 * Assumptions depend only on the data (one object per database generation), the base year and the
 * e0 override, not on the scenario: derived once and kept with the data they came from.
 */
const derivedCache = new WeakMap<ProjectionData, Map<string, ReadonlyMap<string, Assumptions>>>();

/** The county's (and with `townships`, every township's) assumptions derived from `data`. */
export function derivedAssumptions(data: ProjectionData, baseYear: number, options: DeriveOptions, townships: boolean): ReadonlyMap<string, Assumptions> {
  const key = `${baseYear}|${townships}|${JSON.stringify(options)}`;
  let byKey = derivedCache.get(data);
  if (!byKey) derivedCache.set(data, (byKey = new Map()));
  let hit = byKey.get(key);
  if (!hit) {
    hit = townships ? deriveAllAssumptions(data, baseYear, options) : new Map([['all', deriveAssumptions(data, 'all', baseYear, options)]]);
    byKey.set(key, hit);
  }
  return hit;
}

/** The stored assumptions when they answer this request exactly, else null. */
async function storedFor(db: Database, baseYear: number, options: DeriveOptions, area: readonly string[] | null) {
  if (area !== null || options.e0 !== undefined) return null;
  const stored = await storedAssumptions(db);
  return stored !== null && stored.baseYear === baseYear ? stored.all : null;
}

/** The data a projection of `area` (null: the county) from `baseYear` derives from. */
async function dataFor(db: Database, baseYear: number, area: readonly string[] | null): Promise<ProjectionData> {
  const span = dataSpan(baseYear);
  return areaData(await loadProjectionData(db, span.from, span.to), area);
}

/** The assumptions of `all` (the county, or a township account's area) and, with `townships`, of every township it has. */
export async function assumptionsOf(
  db: Database, baseYear: number, spec: ScenarioSpec, townships: boolean, area: readonly string[] | null,
): Promise<ReadonlyMap<string, Assumptions>> {
  const options = deriveOptions(spec);
  const stored = await storedFor(db, baseYear, options, area);
  if (stored !== null) return townships ? stored : new Map([['all', stored.get('all')!]]);
  return derivedAssumptions(await dataFor(db, baseYear, area), baseYear, options, townships);
}

/** The assumptions of one unit (`all` or a township of `area`). */
export async function unitAssumptionsOf(db: Database, scope: string, baseYear: number, area: readonly string[] | null): Promise<Assumptions> {
  const stored = await storedFor(db, baseYear, {}, area);
  const hit = stored?.get(scope);
  return hit ?? deriveAssumptions(await dataFor(db, baseYear, area), scope, baseYear);
}
