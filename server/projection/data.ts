/**
 * @module projection/data
 * Reads what the projection needs from the rollups (`sql/projection/*.sql`) for every unit (the
 * county `all` and each township) over a span of years, into typed arrays. Cached per database
 * generation and span. Only aggregates are read: no record leaves the database.
 *
 * @example
 * const data = await loadProjectionData(db, 2010, 2024);
 * data.units.get('all')!.registered.get(2024)!.female[30];
 */
import type { Database } from '../db/Database.ts';
import { ApiError } from '../errors.ts';
import { AGES, FERTILE_AGES, FERTILE_FROM, type ProjectionData, type SexAges, type UnitData } from './types.ts';

interface PopRow { township: string; year: number; sex: string; age: number; registered: number; mig_in: number; mig_out: number }
interface BirthAgeRow { township: string; year: number; age: number; n: number }
interface BirthSexRow { township: string; year: number; residence: string; sex: string; n: number }
interface DeathRow { township: string; year: number; sex: string; age: number; n: number }

export const sexAges = (): SexAges => ({ male: new Float64Array(AGES), female: new Float64Array(AGES) });

function emptyUnit(code: string): UnitData {
  return { code, registered: new Map(), migIn: new Map(), migOut: new Map(), birthsByAge: new Map(), birthsBySex: new Map(), deaths: new Map() };
}

function cell(map: Map<number, SexAges>, year: number): SexAges {
  let v = map.get(year);
  if (v === undefined) map.set(year, (v = sexAges()));
  return v;
}

const sexKey = (s: string): 'male' | 'female' => (s === 'M' ? 'male' : 'female');

/** Years with a registered population year-end. */
export function populationYears(db: Database): Promise<number[]> {
  return db.memo('projection/years', async () => (await db.query<{ year: number }>('projection/years')).map((r) => r.year));
}

export function townshipList(db: Database): Promise<{ code: string; name: string }[]> {
  return db.memo('projection/townships', () => db.query<{ code: string; name: string }>('projection/townships'));
}

/** The latest year with population, or the requested one if it has population (else a 400). */
export async function resolveBaseYear(db: Database, requested: number | undefined, parameter = 'baseYear'): Promise<number> {
  const years = await populationYears(db);
  if (years.length === 0) throw new ApiError(409, 'no_population', 'the database has no population year-ends to project from');
  if (requested === undefined) return years[years.length - 1]!;
  if (!years.includes(requested)) {
    throw new ApiError(400, 'bad_parameter', `${parameter}: no population at 31 Dec ${requested}; years with population are ${years[0]}–${years[years.length - 1]}`, { parameter });
  }
  return requested;
}

export function loadProjectionData(db: Database, from: number, to: number): Promise<ProjectionData> {
  return db.memo(`projection/data/${from}/${to}`, async () => {
    const params = { from, to };
    const [pop, bAge, bSex, deaths, townships] = await Promise.all([
      db.query<PopRow>('projection/population', params),
      db.query<BirthAgeRow>('projection/births_age', params),
      db.query<BirthSexRow>('projection/births_sex', params),
      db.query<DeathRow>('projection/deaths', params),
      townshipList(db),
    ]);
    const units = new Map<string, UnitData>();
    units.set('all', emptyUnit('all'));
    for (const t of townships) units.set(t.code, emptyUnit(t.code));
    const unit = (code: string) => units.get(code);
    for (const r of pop) {
      const u = unit(r.township);
      if (u === undefined || r.age < 0 || r.age >= AGES) continue;
      const s = sexKey(r.sex);
      if (r.registered !== 0) cell(u.registered, r.year)[s][r.age] += r.registered;
      if (r.mig_in !== 0) cell(u.migIn, r.year)[s][r.age] += r.mig_in;
      if (r.mig_out !== 0) cell(u.migOut, r.year)[s][r.age] += r.mig_out;
    }
    for (const r of bAge) {
      const u = unit(r.township);
      if (u === undefined) continue;
      let v = u.birthsByAge.get(r.year);
      if (v === undefined) u.birthsByAge.set(r.year, (v = new Float64Array(FERTILE_AGES)));
      v[r.age - FERTILE_FROM] += r.n;
    }
    for (const r of bSex) {
      const u = unit(r.township);
      if (u === undefined) continue;
      let v = u.birthsBySex.get(r.year);
      if (v === undefined) u.birthsBySex.set(r.year, (v = { male: 0, female: 0, registeredMale: 0, registeredFemale: 0 }));
      const male = r.sex === 'M';
      if (male) v.male += r.n;
      else v.female += r.n;
      if (r.residence === 'registered') {
        if (male) v.registeredMale += r.n;
        else v.registeredFemale += r.n;
      }
    }
    for (const r of deaths) {
      const u = unit(r.township);
      if (u === undefined || r.age < 0 || r.age >= AGES) continue;
      cell(u.deaths, r.year)[sexKey(r.sex)][r.age] += r.n;
    }
    return { from, to, units, townships };
  });
}

/** Registered + in − out at 31 Dec of `year` (zeros where nothing is known). */
export function residentAt(u: UnitData, year: number): SexAges {
  const out = sexAges();
  for (const s of ['male', 'female'] as const) {
    const r = u.registered.get(year)?.[s];
    const i = u.migIn.get(year)?.[s];
    const o = u.migOut.get(year)?.[s];
    for (let a = 0; a < AGES; a++) out[s][a] = (r?.[a] ?? 0) + (i?.[a] ?? 0) - (o?.[a] ?? 0);
  }
  return out;
}
