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
import type { Database, NumericColumns } from '../db/Database.ts';
import { Conflict, Invalid } from '../errors/domain.ts';
import { AGES, FERTILE_AGES, FERTILE_FROM, type ProjectionData, type SexAges, type UnitData } from './types.ts';

export const sexAges = (): SexAges => ({ male: new Float64Array(AGES), female: new Float64Array(AGES) });

function emptyUnit(code: string): UnitData {
  return { code, registered: new Map(), migIn: new Map(), migOut: new Map(), birthsByAge: new Map(), birthsBySex: new Map(), deaths: new Map() };
}

/** A unit's entry for `year`, made empty the first time. */
function yearEntry<T>(map: Map<number, T>, year: number, make: () => T): T {
  let v = map.get(year);
  if (v === undefined) map.set(year, (v = make()));
  return v;
}

const birthsBySexEntry = () => ({ male: 0, female: 0, registeredMale: 0, registeredFemale: 0 });
const birthsByAgeEntry = () => new Float64Array(FERTILE_AGES);

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
  if (years.length === 0) throw new Conflict('no_population', 'the database has no population year-ends to project from');
  if (requested === undefined) return years[years.length - 1]!;
  if (!years.includes(requested)) {
    throw new Invalid('bad_parameter', `${parameter}: no population at 31 Dec ${requested}; years with population are ${years[0]}–${years[years.length - 1]}`, { parameter });
  }
  return requested;
}

/** What the projection data are read through: a served database, or the import's connection (ingest/projectionAssumptions.ts). */
export type ProjectionReader = Pick<Database, 'query' | 'queryNumeric'>;

/** {@link readProjectionData}, once per database generation and span. */
export function loadProjectionData(db: Database, from: number, to: number): Promise<ProjectionData> {
  return db.memo(`projection/data/${from}/${to}`, () => readProjectionData(db, from, to));
}

/**
 * Reads the rollups for every unit, years `from`..`to`. Millions of cells for a province-scale
 * set: they are read as numeric columns (the SQL names a unit by its code as an integer, 0 for
 * the county) and added into each unit's arrays in one pass.
 */
export async function readProjectionData(db: ProjectionReader, from: number, to: number): Promise<ProjectionData> {
  const params = { from, to };
  const [registered, migrants, bAge, bSex, deaths, townships] = await Promise.all([
    db.queryNumeric('projection/population', params),
    db.queryNumeric('projection/migrants_age', params),
    db.queryNumeric('projection/births_age', params),
    db.queryNumeric('projection/births_sex', params),
    db.queryNumeric('projection/deaths', params),
    db.query<{ code: string; name: string }>('projection/townships'),
  ]);
  const units = new Map<string, UnitData>();
  const byNumber = new Map<number, UnitData>();
  for (const code of ['all', ...townships.map((t) => t.code)]) {
    const u = emptyUnit(code);
    units.set(code, u);
    byNumber.set(code === 'all' ? 0 : Number(code), u);
  }
  const addAges = (q: NumericColumns, pick: (u: UnitData, i: number) => Map<number, SexAges> | undefined) => {
    const { unit, year, male, age, n } = q.columns as Record<'unit' | 'year' | 'male' | 'age' | 'n', Float64Array>;
    for (let i = 0; i < q.rowCount; i++) {
      const u = byNumber.get(unit[i]!);
      const a = age[i]!;
      const v = n[i]!;
      if (u === undefined || a < 0 || a >= AGES || v === 0) continue;
      const map = pick(u, i);
      if (map !== undefined) yearEntry(map, year[i]!, sexAges)[male[i] === 1 ? 'male' : 'female'][a] += v;
    }
  };
  addAges(registered, (u) => u.registered);
  const inflow = migrants.columns.inflow!;
  addAges(migrants, (u, i) => (inflow[i] === 1 ? u.migIn : u.migOut));
  addAges(deaths, (u) => u.deaths);
  {
    const { unit, year, age, n } = bAge.columns as Record<'unit' | 'year' | 'age' | 'n', Float64Array>;
    for (let i = 0; i < bAge.rowCount; i++) {
      const u = byNumber.get(unit[i]!);
      if (u === undefined) continue;
      yearEntry(u.birthsByAge, year[i]!, birthsByAgeEntry)[age[i]! - FERTILE_FROM] += n[i]!;
    }
  }
  {
    const { unit, year, registered: reg, male, n } = bSex.columns as Record<'unit' | 'year' | 'registered' | 'male' | 'n', Float64Array>;
    for (let i = 0; i < bSex.rowCount; i++) {
      const u = byNumber.get(unit[i]!);
      if (u === undefined) continue;
      const v = yearEntry(u.birthsBySex, year[i]!, birthsBySexEntry);
      if (male[i] === 1) {
        v.male += n[i]!;
        if (reg[i] === 1) v.registeredMale += n[i]!;
      } else {
        v.female += n[i]!;
        if (reg[i] === 1) v.registeredFemale += n[i]!;
      }
    }
  }
  return { from, to, units, townships };
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
