/**
 * @module projection/migration
 * Net migration by age and sex for a unit, averaged over the last 5 years up to the base.
 *
 * The resident population is registered + in-migrants − out-migrants, so its net migration has
 * three parts, each measured as the change of a cohort over a year (age a at 31 Dec of y against
 * age a − 1 at 31 Dec of y − 1; age 0 against nothing; the open group 100+ against 99 and 100+):
 * - in-migrants: the cohort change of the in-migrant stock = arrivals − departures by age;
 * - out-migrants: minus the cohort change of the out-migrant stock (people leaving add to it);
 * - registered transfers (户籍迁移, not in the migrants table): the registered population's
 *   cohort change not explained by survival, R(y, a) − R(y − 1, a − 1)·s(a), with s the unit's
 *   base survivorship ratios (age 0: R(y, 0) − registered births × s(0)). This is the residual
 *   (survival-ratio) method; deaths of migrants are ignored.
 * The cohort change C(a) is by age at the end of the year; the engine takes net migrants by age
 * at the start of the step, half added at the start and half at the end, so
 * M(a) = (C(a) + C(a + 1)) / 2 and M(100) = C(100) / 2, which puts a migrant of C(a) back at age
 * a (spread ¼, ½, ¼ over a − 1, a, a + 1) and keeps the total.
 *
 * @example
 * const m = deriveMigration(unit, years, survival);
 */
import type { Sex } from '../demography/types.ts';
import { sexAges } from './data.ts';
import { AGES, OPEN_AGE, type MigrationAssumption, type SexAges, type UnitData } from './types.ts';

const SEX_LIST: readonly Sex[] = ['male', 'female'];

/** Cohort change of a year-end stock from y − 1 to y (by age at the end), survival `s` (1 for migrant stocks). */
function cohortChange(prev: Float64Array | undefined, cur: Float64Array | undefined, s: Float64Array | undefined, out: Float64Array, births = 0): void {
  for (let a = 0; a < AGES; a++) {
    const now = cur?.[a] ?? 0;
    let before: number;
    if (a === 0) before = births * (s?.[0] ?? 1);
    else if (a === OPEN_AGE) before = ((prev?.[a - 1] ?? 0) + (prev?.[a] ?? 0)) * (s?.[a] ?? 1);
    else before = (prev?.[a - 1] ?? 0) * (s?.[a] ?? 1);
    out[a] += now - before;
  }
}

/** Years ≤ base with a year-end before them too, the last `n`. */
export function migrationYears(county: UnitData, base: number, n: number): number[] {
  const ys: number[] = [];
  for (let y = base; y > base - 60 && ys.length < n; y--) {
    if (county.registered.has(y) && county.registered.has(y - 1)) ys.unshift(y);
  }
  return ys;
}

/** Start-of-step net migrants from end-of-year cohort changes (see the module doc). */
export function toStartAges(c: Float64Array): Float64Array {
  const m = new Float64Array(AGES);
  for (let a = 0; a < OPEN_AGE; a++) m[a] = (c[a]! + c[a + 1]!) / 2;
  m[OPEN_AGE] = c[OPEN_AGE]! / 2;
  return m;
}

/** `survival`: the unit's base survivorship ratios by sex (s[0] births → age 0, s[a] a−1 → a, s[100] open). */
export function deriveMigration(u: UnitData, years: readonly number[], survival: SexAges): MigrationAssumption {
  const migrantC = sexAges();
  const registeredC = sexAges();
  const annual: { year: number; net: number }[] = [];
  for (const y of years) {
    const before = migrantC.male.reduce((a, b) => a + b, 0) + migrantC.female.reduce((a, b) => a + b, 0)
      + registeredC.male.reduce((a, b) => a + b, 0) + registeredC.female.reduce((a, b) => a + b, 0);
    const births = u.birthsBySex.get(y);
    for (const s of SEX_LIST) {
      cohortChange(u.migIn.get(y - 1)?.[s], u.migIn.get(y)?.[s], undefined, migrantC[s]);
      const out = new Float64Array(AGES);
      cohortChange(u.migOut.get(y - 1)?.[s], u.migOut.get(y)?.[s], undefined, out);
      for (let a = 0; a < AGES; a++) migrantC[s][a] -= out[a]!;
      const regBirths = s === 'male' ? births?.registeredMale ?? 0 : births?.registeredFemale ?? 0;
      cohortChange(u.registered.get(y - 1)?.[s], u.registered.get(y)?.[s], survival[s], registeredC[s], regBirths);
    }
    const after = migrantC.male.reduce((a, b) => a + b, 0) + migrantC.female.reduce((a, b) => a + b, 0)
      + registeredC.male.reduce((a, b) => a + b, 0) + registeredC.female.reduce((a, b) => a + b, 0);
    annual.push({ year: y, net: after - before });
  }
  const k = years.length > 0 ? 1 / years.length : 0;
  const migrantNet = sexAges();
  const registeredNet = sexAges();
  const net = sexAges();
  for (const s of SEX_LIST) {
    for (let a = 0; a < AGES; a++) { migrantC[s][a] *= k; registeredC[s][a] *= k; }
    migrantNet[s].set(toStartAges(migrantC[s]));
    registeredNet[s].set(toStartAges(registeredC[s]));
    for (let a = 0; a < AGES; a++) net[s][a] = migrantNet[s][a]! + registeredNet[s][a]!;
  }
  return { years, net, migrantNet, registeredNet, annual };
}
