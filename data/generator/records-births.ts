/**
 * @module generator/records-births
 * One `births` row per simulated registered birth (mother_residence `registered`, the counts
 * of simulate.ts by mother's age, order and sex) plus births to in-migrant women (`migrant`,
 * Poisson on the migrant ASFR × their woman-years). Birth dates follow a mild seasonality; the
 * mother's birth date is drawn uniformly among the days that make her age at the birth exactly
 * the simulated single age; order, policy status, village, plurality and place of delivery
 * follow policy.ts. Written township by township (index.ts), so that each birth to an in-migrant
 * mother can add the child's in-migrant record (records-migrants.ts).
 */
import type { RegionKind, Residence } from '../../contract/tables.ts';
import { codeInt, sqlCode, sqlDate, sqlId, type StageColumn, type StageWriter } from './write.ts';
import { addYears } from './dates.ts';
import { BIRTH_MONTHS, BIRTH_MONTHS_TOTAL, dayInYearByMonth, SEX_CODES, type Context } from './context.ts';
import { FERTILE_AGES, FERTILE_MIN } from './fit.ts';
import { hospitalShare, maleProbability, orderByAge, policyProbabilities, twinShare } from './policy.ts';
import { Rng } from '../../common/random.ts';
import { STREAM } from './streams.ts';
import { asfr, MIGRANT_TFR_FACTOR, tfr } from './schedules.ts';
import { birthIndex } from './simulate.ts';
import type { Township } from './regions.ts';

const POLICY = ['compliant', 'noncompliant', 'unknown'] as const;
const RESIDENCE = ['registered', 'migrant'] as const;
const DELIVERY = ['hospital', 'other'] as const;

/** Staged births: village is the number within the township (1..999) or NULL_INT. */
export const BIRTHS_STAGE: readonly StageColumn[] = [
  { name: 'serial', type: 'INTEGER' }, { name: 'day', type: 'INTEGER' }, { name: 'code', type: 'INTEGER' },
  { name: 'sex', type: 'ENUM', labels: SEX_CODES }, { name: 'birth_order', type: 'UTINYINT' }, { name: 'mother', type: 'INTEGER', nullable: true },
  { name: 'residence', type: 'ENUM', labels: RESIDENCE }, { name: 'policy', type: 'ENUM', labels: POLICY }, { name: 'village', type: 'INTEGER', nullable: true },
  { name: 'plurality', type: 'UTINYINT' }, { name: 'delivery', type: 'ENUM', labels: DELIVERY },
];
/** Staged births columns written by defects.ts. */
export const BIRTH_COL = { serial: 0, day: 1, code: 2, mother: 5, village: 8 } as const;
export const BIRTHS_SELECT = `${sqlId('B', 'code', 'serial')} AS birth_id, ${sqlDate('day')} AS birth_date, ${sqlCode('code')} AS township_code,
  sex, birth_order::INTEGER AS birth_order, ${sqlDate('mother')} AS mother_birth_date, residence AS mother_residence, policy AS policy_status,
  (code::BIGINT * 1000 + village)::VARCHAR AS village_code, plurality::INTEGER AS plurality, delivery AS delivery_place`;

export interface YearTables {
  policy: Record<RegionKind, Record<Residence, [number, number, number][]>>;
  hospital: Record<Residence, number>;
  twins: number;
  migrantAsfr: Float64Array;
  migrantOrder: Record<RegionKind, Float64Array>;
  migrantMale: [Float64Array, Float64Array];
}

export function yearTables(year: number): YearTables {
  const kinds = ['subdistrict', 'town', 'township'] as const;
  const policy = {} as YearTables['policy'];
  const migrantOrder = {} as Record<RegionKind, Float64Array>;
  for (const k of kinds) {
    policy[k] = {
      registered: [0, 1, 2].map((o) => policyProbabilities(year, o, k, 'registered')),
      migrant: [0, 1, 2].map((o) => policyProbabilities(year, o, k, 'migrant')),
    };
    migrantOrder[k] = orderByAge(year, k, 'migrant');
  }
  const male = (hot: boolean) => Float64Array.from([0, 1, 2], (o) => maleProbability(year, o, hot));
  return {
    policy,
    hospital: { registered: hospitalShare(year, 'registered'), migrant: hospitalShare(year, 'migrant') },
    twins: twinShare(year),
    migrantAsfr: asfr(year, tfr(year) * MIGRANT_TFR_FACTOR),
    migrantOrder,
    migrantMale: [male(false), male(true)],
  };
}

export interface BirthsOutcome {
  /** Up to three registered birth rows (staged values, from different townships), kept for defect injection. */
  readonly samples: number[][];
  migrantBirths: number;
  /** The year tables, computed once per run. */
  readonly tables: YearTables[];
}

export function birthsOutcome(ctx: Context): BirthsOutcome {
  return { samples: [], migrantBirths: 0, tables: Array.from({ length: ctx.years }, (_, y) => yearTables(ctx.fromYear + y)) };
}

/**
 * The births of one township, year by year: registered births, then births to in-migrant
 * women; `onMigrantBirth(day, sex)` is called for each of the latter.
 */
export function writeBirths(w: StageWriter, ctx: Context, t: Township, exposure: Float64Array, outcome: BirthsOutcome, onMigrantBirth: (day: number, sex: number) => void): void {
  const c = w.cols;
  const code = codeInt(t.code);
  const rng = new Rng(ctx.seed, STREAM.births, t.index);
  const mrng = new Rng(ctx.seed, STREAM.migrantBirths, t.index);
  let serial = 0;
  for (let y = 0; y < ctx.years; y++) {
    const year = ctx.fromYear + y;
    const tb = outcome.tables[y]!;
    const emit = (r: Rng, residence: Residence, motherAge: number, order: number, sex: number): number => {
      const day = dayInYearByMonth(r, year, BIRTH_MONTHS, BIRTH_MONTHS_TOTAL);
      const lo = addYears(day, -(motherAge + 1)) + 1;
      const hi = addYears(day, -motherAge);
      const mother = lo + r.int(hi - lo + 1);
      const pol = tb.policy[t.kind][residence][order]!;
      const i = w.n;
      c[0]![i] = ++serial;
      c[1]![i] = day;
      c[2]![i] = code;
      c[3]![i] = sex;
      c[4]![i] = order + 1;
      c[5]![i] = mother;
      c[6]![i] = residence === 'registered' ? 0 : 1;
      c[7]![i] = r.pick(pol, 1);
      c[8]![i] = 1 + r.int(t.villages);
      c[9]![i] = r.next() < tb.twins ? 2 : 1;
      c[10]![i] = r.next() < tb.hospital[residence] ? 0 : 1;
      if (serial === 1 && residence === 'registered' && outcome.samples.length < 3) outcome.samples.push(w.row(i));
      w.commit();
      return day;
    };
    for (let ai = 0; ai < FERTILE_AGES; ai++) {
      for (let k = 0; k < 3; k++) {
        for (let s = 0; s < 2; s++) {
          const n = ctx.sim.births[birthIndex(ctx.sim, t.index, y, ai, k, s)]!;
          for (let j = 0; j < n; j++) emit(rng, 'registered', FERTILE_MIN + ai, k, s);
        }
      }
    }
    const male = tb.migrantMale[t.hotspot ? 1 : 0];
    const ord = tb.migrantOrder[t.kind];
    for (let ai = 0; ai < FERTILE_AGES; ai++) {
      const e = exposure[(t.index * ctx.years + y) * FERTILE_AGES + ai]!;
      const B = mrng.poisson(tb.migrantAsfr[ai]! * e);
      for (let j = 0; j < B; j++) {
        const k = mrng.pick(ord.subarray(ai * 3, ai * 3 + 3), 1);
        const sex = mrng.next() < male[k]! ? 0 : 1;
        onMigrantBirth(emit(mrng, 'migrant', FERTILE_MIN + ai, k, sex), sex);
        outcome.migrantBirths++;
      }
    }
  }
}
