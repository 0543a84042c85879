/**
 * @module projection/assumptions
 * The assumptions of a projection derived from the data, for the county (`all`) and each
 * township, at a base year: base population, fertility, mortality, SRB and net migration
 * (the methods are documented in fertility.ts, mortality.ts, srb.ts and migration.ts).
 *
 * Base population: the resident population at 31 Dec of the base year by sex and single age
 * 0..100+ = registered (r_population) + in-migrants present (r_migrant_age `in`) − out-migrants
 * away (r_migrant_age `out`); a cell that would be negative (more out-migrants recorded than
 * registered people of that age and sex) is set to 0.
 *
 * @example
 * const all = deriveAllAssumptions(data, 2024);
 * all.get('all')!.fertility.tfr;
 */
import { survivalFromEqualMx } from '../demography/survivorship.ts';
import { DEFAULTS } from './constants.ts';
import { residentAt, sexAges } from './data.ts';
import { deriveFertility, eventYears } from './fertility.ts';
import { deriveMigration, migrationYears } from './migration.ts';
import { countyMortality, townshipMortality } from './mortality.ts';
import { deriveSrb } from './srb.ts';
import { AGES, type Assumptions, type MortalityAssumption, type ProjectionData, type SexAges, type UnitData } from './types.ts';

export interface DeriveOptions {
  /** Base e0 by sex instead of the data's (moves the schedule along its Brass family). */
  readonly e0?: { readonly male: number; readonly female: number };
}

function copy(v: SexAges | undefined): SexAges {
  const out = sexAges();
  if (v !== undefined) { out.male.set(v.male); out.female.set(v.female); }
  return out;
}

function baseSurvival(m: MortalityAssumption): SexAges {
  return { male: survivalFromEqualMx(m.mx.male, 1, 'male'), female: survivalFromEqualMx(m.mx.female, 1, 'female') };
}

function unitAssumptions(
  data: ProjectionData, u: UnitData, baseYear: number, mortality: MortalityAssumption, county?: Assumptions,
): Assumptions {
  const countyUnit = data.units.get('all')!;
  const base = residentAt(u, baseYear);
  for (const s of ['male', 'female'] as const) for (let a = 0; a < AGES; a++) if (base[s][a]! < 0) base[s][a] = 0;
  const srbYears = eventYears(countyUnit, baseYear, DEFAULTS.mortalityYears);
  const srb = deriveSrb(u, srbYears, county?.srb);
  return {
    scope: u.code,
    baseYear,
    base,
    baseParts: { registered: copy(u.registered.get(baseYear)), migIn: copy(u.migIn.get(baseYear)), migOut: copy(u.migOut.get(baseYear)) },
    fertility: deriveFertility(u, countyUnit, baseYear, county?.fertility),
    mortality,
    srb: srb.source === 'county' && data.reference === 'area' ? { ...srb, source: 'area' } : srb,
    migration: deriveMigration(u, migrationYears(countyUnit, baseYear, DEFAULTS.migrationYears), baseSurvival(mortality)),
  };
}

/** Assumptions of the county and of every township. */
export function deriveAllAssumptions(data: ProjectionData, baseYear: number, options: DeriveOptions = {}): Map<string, Assumptions> {
  const countyUnit = data.units.get('all')!;
  const cm = countyMortality(countyUnit, baseYear, options.e0);
  const county = unitAssumptions(data, countyUnit, baseYear, cm);
  const out = new Map<string, Assumptions>([['all', county]]);
  for (const t of data.townships) {
    const u = data.units.get(t.code)!;
    out.set(t.code, unitAssumptions(data, u, baseYear, townshipMortality(u, cm), county));
  }
  return out;
}

/** Assumptions of one unit (the county is derived too, as townships lean on it). */
export function deriveAssumptions(data: ProjectionData, scope: string, baseYear: number, options: DeriveOptions = {}): Assumptions {
  const countyUnit = data.units.get('all')!;
  const cm = countyMortality(countyUnit, baseYear, options.e0);
  const county = unitAssumptions(data, countyUnit, baseYear, cm);
  if (scope === 'all') return county;
  const u = data.units.get(scope);
  if (u === undefined) throw new RangeError(`unknown township ${scope}`);
  return unitAssumptions(data, u, baseYear, townshipMortality(u, cm), county);
}
