/**
 * @module generator/records-registry
 * The `population` rows (year-end registered counts) and one `deaths` row per simulated
 * registered death, with birth dates in the cohort's birth year (infants: before the death).
 */
import { codeInt, sqlCode, sqlDate, sqlId, type StageColumn, type StageWriter } from './write.ts';
import { daysInYear, yearStart } from './dates.ts';
import { SEX_CODES, type Context } from './context.ts';
import { Rng } from '../../common/random.ts';
import { STREAM } from './streams.ts';
import { AGES, DEATH_SLOTS, deathIndex, popIndex } from './simulate.ts';

export const POPULATION_STAGE: readonly StageColumn[] = [
  { name: 'year', type: 'INTEGER' }, { name: 'code', type: 'INTEGER' }, { name: 'sex', type: 'ENUM', labels: SEX_CODES },
  { name: 'age', type: 'UTINYINT' }, { name: 'count', type: 'INTEGER' },
];
export const POPULATION_SELECT = `year, ${sqlCode('code')} AS township_code, sex, age::INTEGER AS age, count`;

/** Full grid: every year, township, sex and age 0..100 (zero counts included). */
export function writePopulation(w: StageWriter, ctx: Context): void {
  const [cYear, cTown, cSex, cAge, cCount] = w.cols as [Int32Array, Int32Array, Uint8Array, Uint8Array, Int32Array];
  for (let y = 0; y < ctx.years; y++) {
    for (const t of ctx.townships) {
      const code = codeInt(t.code);
      for (let s = 0; s < 2; s++) {
        const base = popIndex(ctx.sim, t.index, y, s, 0);
        for (let a = 0; a < AGES; a++) {
          const i = w.n;
          cYear[i] = ctx.fromYear + y;
          cTown[i] = code;
          cSex[i] = s;
          cAge[i] = a;
          cCount[i] = ctx.sim.pop[base + a]!;
          w.commit();
        }
      }
    }
  }
}

export const DEATHS_STAGE: readonly StageColumn[] = [
  { name: 'serial', type: 'INTEGER' }, { name: 'day', type: 'INTEGER' }, { name: 'code', type: 'INTEGER' },
  { name: 'sex', type: 'ENUM', labels: SEX_CODES }, { name: 'birth', type: 'INTEGER' },
];
export const DEATHS_SELECT = `${sqlId('D', 'code', 'serial')} AS death_id, ${sqlDate('day')} AS death_date, ${sqlCode('code')} AS township_code,
  sex, ${sqlDate('birth')} AS birth_date`;

export function writeDeaths(w: StageWriter, ctx: Context): void {
  const [cId, cDate, cTown, cSex, cBirth] = w.cols as [Int32Array, Int32Array, Int32Array, Uint8Array, Int32Array];
  for (const t of ctx.townships) {
    const code = codeInt(t.code);
    const rng = new Rng(ctx.seed, STREAM.deaths, t.index);
    let serial = 0;
    for (let y = 0; y < ctx.years; y++) {
      const year = ctx.fromYear + y;
      const ys = yearStart(year);
      const yn = daysInYear(year);
      for (let s = 0; s < 2; s++) {
        for (let slot = 0; slot < DEATH_SLOTS; slot++) {
          const D = ctx.sim.deaths[deathIndex(ctx.sim, t.index, y, s, slot)]!;
          for (let j = 0; j < D; j++) {
            let birth: number;
            let death: number;
            if (slot === 0) {
              birth = ys + rng.int(yn);
              death = Math.min(ys + yn - 1, birth + Math.floor(rng.exponential(25)));
            } else {
              let by = year - slot; // cohort aged slot − 1 at the start of the year
              if (slot === DEATH_SLOTS - 1) by -= Math.min(9, Math.floor(rng.exponential(1.5)));
              birth = yearStart(by) + rng.int(daysInYear(by));
              death = ys + rng.int(yn);
            }
            const i = w.n;
            cId[i] = ++serial;
            cDate[i] = death;
            cTown[i] = code;
            cSex[i] = s;
            cBirth[i] = birth;
            w.commit();
          }
        }
      }
    }
  }
}
