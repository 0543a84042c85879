/**
 * @module generator/records-migrants
 * Individual migrant records (流动人口). In-migrants (`in`, hukou elsewhere) concentrate in
 * 街道 and industrial towns: their stock follows a target share of the registered population
 * that rises to 2015 and then levels off; out-migrants (`out`, hukou here) leave mostly from
 * 乡 and ordinary 镇. Each person gets an arrival date, an exponential duration (mean 7 / 8
 * years) and a departure date (null if still present on 31 Dec of toYear). People present at the
 * start (arrived before fromYear) are included. While writing, the woman-years of in-migrant
 * women aged 15..49 are accumulated per township and year: migrant births are drawn from them.
 *
 * Children born here to in-migrant mothers (births with mother_residence `migrant`) are
 * in-migrants too: `writeMigrantChild` adds one record per such birth (arrival = birth date,
 * never married, no certificate, origin drawn like the adults', departure after the family's
 * remaining stay, exponential with the adults' mean of 7 years).
 */
import type { Direction } from '../../contract/tables.ts';
import { codeInt, NULL_INT, sqlCode, sqlDate, sqlId, type StageColumn, type StageWriter } from './write.ts';
import { ageOn, daysInYear, yearOfDay, yearStart } from './dates.ts';
import { SEX_CODES, type Context } from './context.ts';
import { FERTILE_AGES, FERTILE_MIN } from './fit.ts';
import { path } from './policy.ts';
import { Rng } from '../../common/random.ts';
import { STREAM } from './streams.ts';
import type { Township } from './regions.ts';

const ORIGINS_IN = ['51', '41', '43', '42', '36', '52', '34', '50'] as const;
const ORIGIN_IN_WEIGHTS = [22, 18, 15, 12, 10, 9, 8, 6] as const;
const DESTINATIONS_OUT = ['44', '33', '32', '31', '11', '35', '42'] as const;
const DESTINATION_OUT_WEIGHTS = [35, 20, 15, 12, 6, 7, 5] as const;
const MEAN_STAY_DAYS: Record<Direction, number> = { in: 7 * 365.25, out: 8 * 365.25 };

/** Target stock as a share of the township's registered population at the end of `year`. */
export function migrantShare(t: Township, direction: Direction, year: number): number {
  let lo: number;
  let hi: number;
  if (direction === 'in') {
    [lo, hi] = t.kind === 'subdistrict' ? [0.04, 0.18] : t.kind === 'township' ? [0.005, 0.015] : t.industrial ? [0.05, 0.22] : [0.015, 0.05];
  } else {
    [lo, hi] = t.kind === 'township' ? [0.06, 0.18] : t.kind === 'subdistrict' ? [0.01, 0.03] : t.industrial ? [0.02, 0.05] : [0.04, 0.12];
  }
  const x = Math.min(1, Math.max(0, (year - 1998) / 17));
  const ramp = x * x * (3 - 2 * x);
  const dip = year >= 2020 ? 1 - 0.04 * Math.min(3, year - 2019) : 1;
  return (lo + (hi - lo) * ramp) * dip;
}

const DIRECTIONS = ['in', 'out'] as const;
const MARITAL = ['never_married', 'married', 'divorced', 'widowed'] as const;
type Marital = (typeof MARITAL)[number];
const MARITAL_CODE: Record<Marital, number> = { never_married: 0, married: 1, divorced: 2, widowed: 3 };
/** Province codes of origin (in) and destination (out): the staged ENUM's labels. */
const PLACES: readonly string[] = [...new Set<string>([...ORIGINS_IN, ...DESTINATIONS_OUT])];
const ORIGIN_CODE = ORIGINS_IN.map((p) => PLACES.indexOf(p));
const DESTINATION_CODE = DESTINATIONS_OUT.map((p) => PLACES.indexOf(p));

export const MIGRANTS_STAGE: readonly StageColumn[] = [
  { name: 'serial', type: 'INTEGER' }, { name: 'code', type: 'INTEGER' }, { name: 'direction', type: 'ENUM', labels: DIRECTIONS },
  { name: 'sex', type: 'ENUM', labels: SEX_CODES }, { name: 'birth', type: 'INTEGER' }, { name: 'arrival', type: 'INTEGER' },
  { name: 'departure', type: 'INTEGER', nullable: true }, { name: 'origin', type: 'ENUM', labels: PLACES },
  { name: 'marital', type: 'ENUM', labels: MARITAL }, { name: 'cert', type: 'BOOLEAN' },
];
export const MIGRANTS_SELECT = `${sqlId('L', 'code', 'serial')} AS migrant_id, ${sqlCode('code')} AS township_code,
  direction, sex, ${sqlDate('birth')} AS birth_date, ${sqlDate('arrival')} AS arrival_date, ${sqlDate('departure')} AS departure_date,
  origin AS origin_code, marital AS marital_status, cert AS has_certificate`;

export interface MigrantOutcome {
  /** Woman-years of in-migrant women aged 15..49: index (t · years + y) · 35 + age − 15. */
  readonly exposure: Float64Array;
  /** The first in-migrant row of township 0 (staged values), kept for defect injection. */
  sample: number[] | undefined;
  /** The last serial used in each township (children's records continue from it). */
  readonly serials: Int32Array;
  /** Records of children born here to in-migrant mothers. */
  children: number;
}

export function migrantOutcome(ctx: Context): MigrantOutcome {
  return { exposure: new Float64Array(ctx.townships.length * ctx.years * FERTILE_AGES), sample: undefined, serials: new Int32Array(ctx.townships.length), children: 0 };
}

function ageAtArrival(rng: Rng): number {
  const u = rng.next();
  if (u < 0.08) return rng.next() * 16;
  if (u < 0.9) return Math.min(59, 16 + rng.gammaInt(2, 9.5));
  return 40 + rng.next() * 25;
}

function maritalStatus(rng: Rng, age: number, sex: number, year: number): Marital {
  const centre = (sex === 0 ? 25.5 : 23.5) + 0.12 * (year - 2000);
  if (rng.next() < 1 / (1 + Math.exp((age - centre) / 1.8))) return 'never_married';
  const u = rng.next();
  if (u < 0.03 + 0.001 * (year - 2000)) return 'divorced';
  if (age > 45 && u < 0.1) return 'widowed';
  return 'married';
}

/** The adult (and pre-existing) migrant records of one township, in and out. */
export function writeMigrants(w: StageWriter, ctx: Context, t: Township, outcome: MigrantOutcome): void {
  const c = w.cols;
  const start = yearStart(ctx.fromYear);
  const code = codeInt(t.code);
  let serial = 0;
  for (const direction of ['in', 'out'] as const) {
    const rng = new Rng(ctx.seed, direction === 'in' ? STREAM.migrantsIn : STREAM.migrantsOut, t.index);
    const ref = t.basePop * ctx.scale;
    const meanStay = MEAN_STAY_DAYS[direction];
    const leaving = new Int32Array(ctx.years + 1);
    const emit = (arrival: number, departure: number, year: number) => {
      const sex = rng.next() < 0.55 ? 0 : 1;
      const age = ageAtArrival(rng);
      const birth = arrival - Math.floor(age * 365.25) - rng.int(365);
      const i = w.n;
      c[0]![i] = ++serial;
      c[1]![i] = code;
      c[2]![i] = direction === 'in' ? 0 : 1;
      c[3]![i] = sex;
      c[4]![i] = birth;
      c[5]![i] = arrival;
      c[6]![i] = departure > ctx.endDay ? NULL_INT : departure;
      c[7]![i] = direction === 'in' ? ORIGIN_CODE[rng.pick(ORIGIN_IN_WEIGHTS, 100)]! : DESTINATION_CODE[rng.pick(DESTINATION_OUT_WEIGHTS, 100)]!;
      c[8]![i] = MARITAL_CODE[maritalStatus(rng, ageOn(birth, arrival), sex, year)];
      c[9]![i] = rng.next() < (direction === 'in' ? path([[2000, 0.8], [2015, 0.9]], year) : path([[2000, 0.72], [2015, 0.85]], year)) ? 1 : 0;
      if (outcome.sample === undefined && direction === 'in') outcome.sample = w.row(i);
      w.commit();
      if (direction === 'in' && sex === 1) addExposure(outcome.exposure, ctx, t.index, birth, arrival, departure);
    };
    // the stock present at the start: arrived up to 15 years before, memoryless remaining stay
    const initial = Math.round(migrantShare(t, direction, ctx.fromYear - 1) * ref);
    for (let j = 0; j < initial; j++) {
      const arrival = start - 1 - Math.min(15 * 365, Math.floor(rng.exponential(meanStay)));
      const departure = start + Math.floor(rng.exponential(meanStay));
      const dy = yearOfDay(departure) - ctx.fromYear;
      if (dy < ctx.years) leaving[dy]!++;
      emit(arrival, departure, yearOfDay(arrival));
    }
    let present = initial;
    for (let y = 0; y < ctx.years; y++) {
      const year = ctx.fromYear + y;
      const ys = yearStart(year);
      const yn = daysInYear(year);
      present -= leaving[y]!;
      const target = migrantShare(t, direction, year) * ref;
      const sameYearLeave = 1 - (meanStay / yn) * (1 - Math.exp(-yn / meanStay));
      const arrivals = rng.poisson(Math.max(0, target - present) / (1 - sameYearLeave));
      for (let j = 0; j < arrivals; j++) {
        const arrival = ys + rng.int(yn);
        const departure = arrival + 30 + Math.floor(rng.exponential(meanStay));
        const dy = yearOfDay(departure) - ctx.fromYear;
        if (dy === y) present--;
        else if (dy < ctx.years) leaving[dy]!++;
        present++;
        emit(arrival, departure, year);
      }
    }
  }
  outcome.serials[t.index] = serial;
}

/**
 * The in-migrant record of a child born on `day` in township t to an in-migrant mother: the
 * family's origin distribution, and the family's remaining stay (exponential, mean 7 years, as
 * for the adults; at least one day). `rng` is the township's STREAM.migrantChildren stream.
 */
export function writeMigrantChild(w: StageWriter, ctx: Context, t: Township, outcome: MigrantOutcome, rng: Rng, day: number, sex: number): void {
  const c = w.cols;
  const departure = day + 1 + Math.floor(rng.exponential(MEAN_STAY_DAYS.in));
  const i = w.n;
  c[0]![i] = ++outcome.serials[t.index]!;
  c[1]![i] = codeInt(t.code);
  c[2]![i] = 0;
  c[3]![i] = sex;
  c[4]![i] = day;
  c[5]![i] = day;
  c[6]![i] = departure > ctx.endDay ? NULL_INT : departure;
  c[7]![i] = ORIGIN_CODE[rng.pick(ORIGIN_IN_WEIGHTS, 100)]!;
  c[8]![i] = MARITAL_CODE.never_married;
  c[9]![i] = 0;
  w.commit();
  outcome.children++;
}

/** Add the woman-years spent in each calendar year at ages 15..49 (age at mid-year). */
function addExposure(exposure: Float64Array, ctx: Context, t: number, birth: number, arrival: number, departure: number): void {
  const y0 = Math.max(ctx.fromYear, yearOfDay(arrival));
  const y1 = Math.min(ctx.toYear, yearOfDay(Math.min(departure, ctx.endDay)));
  for (let year = y0; year <= y1; year++) {
    const ys = yearStart(year);
    const yn = daysInYear(year);
    const age = ageOn(birth, ys + 182);
    if (age < FERTILE_MIN || age >= FERTILE_MIN + FERTILE_AGES) continue;
    const days = Math.min(departure, ys + yn) - Math.max(arrival, ys);
    if (days > 0) exposure[(t * ctx.years + (year - ctx.fromYear)) * FERTILE_AGES + age - FERTILE_MIN]! += days / yn;
  }
}
