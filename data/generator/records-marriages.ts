/**
 * @module generator/records-marriages
 * Marriage registrations (婚姻登记) per township and year: Poisson counts at a crude marriage
 * rate of ~7.5‰ (2000) rising to ~9‰ (2013) and falling to ~5‰ (2024) of the registered
 * population; registrations cluster in January, February, May and October. Mean age at first
 * marriage rises from ~23 (women) / ~25 (men) in 2000 to ~27 / ~29 in 2024 (legal minimum
 * 20 / 22 plus a gamma(2) excess); 10% (2000) to 20% (2024) of registrations involve a
 * remarriage (divorced, or widowed at older ages).
 */
import type { PriorStatus } from '../../contract/tables.ts';
import { codeInt, sqlCode, sqlDate, sqlId, type StageColumn, type StageWriter } from './write.ts';
import { dayInYearByMonth, type Context } from './context.ts';
import { path } from './policy.ts';
import { Rng } from '../../common/random.ts';
import { STREAM } from './streams.ts';
import { AGES, basePopulation, popIndex } from './simulate.ts';

const MONTHS = [1.45, 1.25, 0.85, 0.85, 1.1, 0.8, 0.65, 0.8, 1.0, 1.35, 0.9, 1.0] as const;
const MONTHS_TOTAL = MONTHS.reduce((a, b) => a + b, 0);

export const CRUDE_MARRIAGE_RATE: readonly (readonly [number, number])[] = [
  [2000, 7.5], [2005, 8.3], [2013, 9.2], [2016, 8.0], [2019, 6.6], [2020, 5.8], [2022, 5.0], [2023, 5.6], [2024, 5.0],
];
const REMARRIAGE_SHARE: readonly (readonly [number, number])[] = [[2000, 0.1], [2024, 0.2]];
/** Mean years above the legal minimum at first marriage (women 20, men ≈ wife + 2). */
const FIRST_EXCESS_F: readonly (readonly [number, number])[] = [[2000, 2.5], [2024, 6.4]];

const PRIOR: readonly PriorStatus[] = ['never_married', 'divorced', 'widowed'];
const PRIOR_CODE: Record<PriorStatus, number> = { never_married: 0, divorced: 1, widowed: 2 };

export const MARRIAGES_STAGE: readonly StageColumn[] = [
  { name: 'serial', type: 'INTEGER' }, { name: 'day', type: 'INTEGER' }, { name: 'code', type: 'INTEGER' },
  { name: 'husband', type: 'INTEGER' }, { name: 'wife', type: 'INTEGER' }, { name: 'husband_prior', type: 'ENUM', labels: PRIOR }, { name: 'wife_prior', type: 'ENUM', labels: PRIOR },
];
export const MARRIAGES_SELECT = `${sqlId('H', 'code', 'serial')} AS marriage_id, ${sqlDate('day')} AS registration_date, ${sqlCode('code')} AS township_code,
  ${sqlDate('husband')} AS husband_birth_date, ${sqlDate('wife')} AS wife_birth_date,
  husband_prior, wife_prior`;

function prior(rng: Rng, age: number): PriorStatus {
  return rng.next() < 0.08 + 0.3 * Math.min(1, Math.max(0, (age - 40) / 30)) ? 'widowed' : 'divorced';
}

export function writeMarriages(w: StageWriter, ctx: Context): void {
  const c = w.cols;
  for (const t of ctx.townships) {
    const code = codeInt(t.code);
    const rng = new Rng(ctx.seed, STREAM.marriages, t.index);
    const base = basePopulation(t, ctx.scale, ctx.seed);
    let serial = 0;
    for (let y = 0; y < ctx.years; y++) {
      const year = ctx.fromYear + y;
      let pop = 0;
      if (y === 0) for (let s = 0; s < 2; s++) for (let a = 0; a < AGES; a++) pop += base[s]![a]!;
      else for (let s = 0; s < 2; s++) for (let a = 0; a < AGES; a++) pop += ctx.sim.pop[popIndex(ctx.sim, t.index, y - 1, s, a)]!;
      const n = rng.poisson((path(CRUDE_MARRIAGE_RATE, year) / 1000) * pop);
      const remShare = path(REMARRIAGE_SHARE, year);
      const excessF = path(FIRST_EXCESS_F, year);
      for (let j = 0; j < n; j++) {
        const day = dayInYearByMonth(rng, year, MONTHS, MONTHS_TOTAL);
        let wifeAge: number;
        let husbandAge: number;
        let wifePrior: PriorStatus = 'never_married';
        let husbandPrior: PriorStatus = 'never_married';
        if (rng.next() >= remShare) {
          wifeAge = 20 + rng.gammaInt(2, excessF);
          husbandAge = Math.max(22 + rng.next(), wifeAge + 2 + 1.8 * rng.normal());
        } else {
          const u = rng.next();
          if (u < 0.4) {
            wifeAge = 28 + rng.gammaInt(2, 12);
            husbandAge = Math.max(24, wifeAge + 3 + 3 * rng.normal());
            wifePrior = prior(rng, wifeAge);
            husbandPrior = prior(rng, husbandAge);
          } else if (u < 0.75) {
            husbandAge = 30 + rng.gammaInt(2, 12);
            wifeAge = Math.max(20 + rng.next(), husbandAge - 4 + 4 * rng.normal());
            husbandPrior = prior(rng, husbandAge);
          } else {
            wifeAge = 28 + rng.gammaInt(2, 11);
            husbandAge = Math.max(22 + rng.next(), wifeAge + 1 + 4 * rng.normal());
            wifePrior = prior(rng, wifeAge);
          }
        }
        const i = w.n;
        c[0]![i] = ++serial;
        c[1]![i] = day;
        c[2]![i] = code;
        c[3]![i] = day - Math.floor(husbandAge * 365.25);
        c[4]![i] = day - Math.floor(wifeAge * 365.25);
        c[5]![i] = PRIOR_CODE[husbandPrior];
        c[6]![i] = PRIOR_CODE[wifePrior];
        w.commit();
      }
    }
  }
}
