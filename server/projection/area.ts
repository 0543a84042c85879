/**
 * @module projection/area
 * A township account's projection is built from its own townships only. Township assumptions
 * lean on a reference — TFR and ASFR shape shrink toward it, the SRB falls back to it, mortality
 * is its schedule × an SMR, and township projections are raked to it — and for a county account
 * that reference is the county. A township account may not see county figures, and every one of
 * those steps would carry them (the county TFR follows exactly from a township's shrunk TFR), so
 * for it the reference is its *area*: the sum of its townships. One township's area is the
 * township itself, so it is projected on its own data alone.
 *
 * @example
 * const data = areaData(await loadProjectionData(db, from, to), ['999901101']);
 * data.units.get('all'); // the area: here, township 999901101
 */
import type { Scope } from '../auth/scope.ts';
import { sexAges } from './data.ts';
import { FERTILE_AGES, type ProjectionData, type SexAges, type UnitData } from './types.ts';

/** The townships whose sum stands for the county in a projection; null for a county account. */
export function areaOf(scope: Scope): readonly string[] | null {
  return scope.kind === 'county' ? null : [...scope.codes].sort();
}

/** A cache key part for the reference a projection used. */
export function areaKey(area: readonly string[] | null): string {
  return area === null ? 'county' : `area:${area.join(',')}`;
}

function addSexAges(into: Map<number, SexAges>, from: ReadonlyMap<number, SexAges>): void {
  for (const [year, v] of from) {
    let t = into.get(year);
    if (!t) into.set(year, (t = sexAges()));
    for (let a = 0; a < v.male.length; a++) {
      t.male[a]! += v.male[a]!;
      t.female[a]! += v.female[a]!;
    }
  }
}

/** The sum of several units, named `all`. */
function sumUnits(units: readonly UnitData[]): UnitData {
  const sum: UnitData = { code: 'all', registered: new Map(), migIn: new Map(), migOut: new Map(), birthsByAge: new Map(), birthsBySex: new Map(), deaths: new Map() };
  for (const u of units) {
    addSexAges(sum.registered, u.registered);
    addSexAges(sum.migIn, u.migIn);
    addSexAges(sum.migOut, u.migOut);
    addSexAges(sum.deaths, u.deaths);
    for (const [year, b] of u.birthsByAge) {
      let t = sum.birthsByAge.get(year);
      if (!t) sum.birthsByAge.set(year, (t = new Float64Array(FERTILE_AGES)));
      for (let k = 0; k < FERTILE_AGES; k++) t[k]! += b[k]!;
    }
    for (const [year, b] of u.birthsBySex) {
      const t = sum.birthsBySex.get(year) ?? { male: 0, female: 0, registeredMale: 0, registeredFemale: 0 };
      sum.birthsBySex.set(year, {
        male: t.male + b.male, female: t.female + b.female,
        registeredMale: t.registeredMale + b.registeredMale, registeredFemale: t.registeredFemale + b.registeredFemale,
      });
    }
  }
  return sum;
}

const cache = new WeakMap<ProjectionData, Map<string, ProjectionData>>();

/** The data a projection of `area` may use: its townships, and their sum as `all`. Null area: the data as it is. */
export function areaData(data: ProjectionData, area: readonly string[] | null): ProjectionData {
  if (area === null) return data;
  const key = area.join(',');
  let byArea = cache.get(data);
  if (!byArea) cache.set(data, (byArea = new Map()));
  const hit = byArea.get(key);
  if (hit) return hit;
  const inArea = new Set(area);
  const townships = data.townships.filter((t) => inArea.has(t.code));
  const units = new Map<string, UnitData>([['all', sumUnits(townships.map((t) => data.units.get(t.code)!))]]);
  for (const t of townships) units.set(t.code, data.units.get(t.code)!);
  const scoped: ProjectionData = { from: data.from, to: data.to, units, townships, reference: 'area' };
  byArea.set(key, scoped);
  return scoped;
}
