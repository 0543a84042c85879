/**
 * @module generator/simulate
 * The cohort-level yearly simulation of the registered (户籍) population of each township, by
 * sex and single age 0..100+, with integer counts drawn from the seeded PRNG. For each year t:
 *
 *   1. each cohort aged a at the end of t−1 loses its deaths in t (binomial) and gains or loses
 *      registered moves (户籍迁移: out ~ binomial, in ~ Poisson) and becomes age a+1 (100+ open);
 *   2. registered births in t by mother's age (Poisson on ASFR × mean of the year-end counts of
 *      women), split by birth order and sex;
 *   3. age 0 at the end of t = births − their deaths in t ± moves of infants.
 *
 * So, exactly: pop(t, a+1) = pop(t−1, a) − deaths(t, cohort) + moves(t, a+1), and
 * pop(t, 0) = births(t) − infantDeaths(t) + moves(t, 0). The arrays returned here are what the
 * population, births and deaths tables are written from, one record per counted event.
 */
import type { RegionKind } from '../../contract/tables.ts';
import { FERTILE_AGES, FERTILE_MIN } from './fit.ts';
import { maleProbability, orderByAge } from './policy.ts';
import { Rng } from '../../common/random.ts';
import { STREAM } from './streams.ts';
import type { Township } from './regions.ts';
import { asfr, KIND_FACTORS, kindAgeTilt, mortalityRates, nationalAgeShares, tfr } from './schedules.ts';

export const AGES = 101;
/** Death slots per township-year-sex: 0 = infants born in the year, k + 1 = cohort aged k at the start. */
export const DEATH_SLOTS = AGES + 1;

export interface Simulation {
  readonly fromYear: number;
  readonly years: number;
  readonly townships: number;
  /** Year-end registered population: index popIndex(t, y, s, a); s 0 = M, 1 = F. */
  readonly pop: Int32Array;
  /** Registered deaths: index deathIndex(t, y, s, slot). */
  readonly deaths: Int32Array;
  /** Net registered moves by age at the end of the year: index popIndex(t, y, s, a). */
  readonly moves: Int32Array;
  /** Registered births: index birthIndex(t, y, motherAge − 15, order 0..2, sex). */
  readonly births: Int32Array;
}

export const popIndex = (sim: Simulation, t: number, y: number, s: number, a: number) => ((t * sim.years + y) * 2 + s) * AGES + a;
export const deathIndex = (sim: Simulation, t: number, y: number, s: number, slot: number) => ((t * sim.years + y) * 2 + s) * DEATH_SLOTS + slot;
export const birthIndex = (sim: Simulation, t: number, y: number, ai: number, k: number, s: number) => (((t * sim.years + y) * FERTILE_AGES + ai) * 3 + k) * 2 + s;

/** Registered-move rates by kind and age at the end of the year: [out, in]. */
export function moveRates(t: Township, age: number): [number, number] {
  if (age === 0) return [0.001, 0.001];
  const bump = Math.exp(-(((age - 22) / 5) ** 2));
  const kind: RegionKind = t.kind;
  if (kind === 'township') return [0.003 + 0.025 * bump, 0.001 + 0.002 * bump];
  if (kind === 'subdistrict') return [0.002 + 0.005 * bump, 0.003 + 0.014 * bump];
  return t.industrial ? [0.002 + 0.006 * bump, 0.003 + 0.01 * bump] : [0.002 + 0.01 * bump, 0.002 + 0.004 * bump];
}

interface YearSchedules {
  /** Per kind: cohort death probabilities [sex][slot]. */
  q: Record<RegionKind, [Float64Array, Float64Array]>;
  asfr: Record<RegionKind, Float64Array>;
  order: Record<RegionKind, Float64Array>;
  male: [Float64Array, Float64Array];
}

function yearSchedules(year: number): YearSchedules {
  const mx = [mortalityRates(year, 'male'), mortalityRates(year, 'female')] as const;
  const kinds = ['subdistrict', 'town', 'township'] as const;
  const q = {} as Record<RegionKind, [Float64Array, Float64Array]>;
  const as = {} as Record<RegionKind, Float64Array>;
  const order = {} as Record<RegionKind, Float64Array>;
  for (const kind of kinds) {
    const f = KIND_FACTORS[kind].mortality;
    q[kind] = [0, 1].map((s) => {
      const m = mx[s]!;
      const out = new Float64Array(DEATH_SLOTS);
      out[0] = 0.8 * m[0]! * f;
      out[1] = 1 - Math.exp(-(0.25 * m[0]! + 0.5 * m[1]!) * f);
      for (let k = 1; k < 100; k++) out[k + 1] = 1 - Math.exp(-((m[k]! + m[k + 1]!) / 2) * f);
      out[101] = 1 - Math.exp(-m[100]! * f);
      return out;
    }) as [Float64Array, Float64Array];
    as[kind] = asfr(year, tfr(year) * KIND_FACTORS[kind].fertility);
    order[kind] = orderByAge(year, kind, 'registered');
  }
  const male: [Float64Array, Float64Array] = [new Float64Array(3), new Float64Array(3)];
  for (let k = 0; k < 3; k++) {
    male[0][k] = maleProbability(year, k, false);
    male[1][k] = maleProbability(year, k, true);
  }
  return { q, asfr: as, order, male };
}

/** Base population at 31 Dec of fromYear − 1 for one township: [male 0..100, female 0..100]. */
export function basePopulation(t: Township, scale: number, seed: number): [Int32Array, Int32Array] {
  const rng = new Rng(seed, STREAM.basePopulation, t.index);
  const [m, f] = nationalAgeShares();
  const jitter = [0, 1, 2, 3].map(() => 1 + 0.06 * (rng.next() - 0.5));
  const weights = [m, f].map((sh) => {
    const w = new Float64Array(AGES);
    for (let a = 0; a < AGES; a++) w[a] = sh[a]! * kindAgeTilt(t.kind, a) * jitter[Math.min(3, Math.floor(a / 25))]!;
    return w;
  });
  let total = 0;
  for (const w of weights) for (let a = 0; a < AGES; a++) total += w[a]!;
  const target = t.basePop * scale;
  return weights.map((w) => {
    const out = new Int32Array(AGES);
    for (let a = 0; a < AGES; a++) {
      const x = (w[a]! / total) * target;
      out[a] = Math.floor(x) + (rng.next() < x - Math.floor(x) ? 1 : 0);
    }
    return out;
  }) as [Int32Array, Int32Array];
}

export function simulate(townships: readonly Township[], fromYear: number, toYear: number, scale: number, seed: number): Simulation {
  const years = toYear - fromYear + 1;
  const T = townships.length;
  const sim: Simulation = {
    fromYear, years, townships: T,
    pop: new Int32Array(T * years * 2 * AGES),
    deaths: new Int32Array(T * years * 2 * DEATH_SLOTS),
    moves: new Int32Array(T * years * 2 * AGES),
    births: new Int32Array(T * years * FERTILE_AGES * 3 * 2),
  };
  const schedules = Array.from({ length: years }, (_, y) => yearSchedules(fromYear + y));
  for (const t of townships) {
    const rng = new Rng(seed, STREAM.simulation, t.index);
    let prev = basePopulation(t, scale, seed);
    const rates = Array.from({ length: AGES }, (_, a) => moveRates(t, a));
    for (let y = 0; y < years; y++) {
      const sc = schedules[y]!;
      const next: [Int32Array, Int32Array] = [new Int32Array(AGES), new Int32Array(AGES)];
      for (let s = 0; s < 2; s++) {
        const q = sc.q[t.kind][s]!;
        const p = prev[s]!;
        const n = next[s]!;
        for (let k = 0; k <= 100; k++) {
          const N = p[k]!;
          const D = rng.binomial(N, q[k + 1]!);
          const to = k === 100 ? 100 : k + 1;
          const [rOut, rIn] = rates[to]!;
          const out = rng.binomial(N - D, rOut);
          const inn = rng.poisson(N * rIn);
          n[to]! += N - D - out + inn;
          sim.moves[popIndex(sim, t.index, y, s, to)]! += inn - out;
          sim.deaths[deathIndex(sim, t.index, y, s, k + 1)] = D;
        }
      }
      // births by mother's age, order and sex
      const as = sc.asfr[t.kind];
      const ord = sc.order[t.kind];
      const male = sc.male[t.hotspot ? 1 : 0];
      const bySex = [0, 0];
      for (let i = 0; i < FERTILE_AGES; i++) {
        const a = FERTILE_MIN + i;
        const exposure = (prev[1][a]! + next[1][a]!) / 2;
        const B = rng.poisson(as[i]! * exposure);
        if (B === 0) continue;
        const p1 = ord[i * 3]!;
        const p2 = ord[i * 3 + 1]!;
        const n1 = rng.binomial(B, p1);
        const n2 = p1 < 1 ? rng.binomial(B - n1, p2 / (1 - p1)) : 0;
        const counts = [n1, n2, B - n1 - n2];
        for (let k = 0; k < 3; k++) {
          const boys = rng.binomial(counts[k]!, male[k]!);
          sim.births[birthIndex(sim, t.index, y, i, k, 0)] = boys;
          sim.births[birthIndex(sim, t.index, y, i, k, 1)] = counts[k]! - boys;
          bySex[0]! += boys;
          bySex[1]! += counts[k]! - boys;
        }
      }
      for (let s = 0; s < 2; s++) {
        const B = bySex[s]!;
        const D = rng.binomial(B, sc.q[t.kind][s]![0]!);
        const [rOut, rIn] = rates[0]!;
        const out = rng.binomial(B - D, rOut);
        const inn = rng.poisson(B * rIn);
        next[s]![0] = B - D - out + inn;
        sim.moves[popIndex(sim, t.index, y, s, 0)] = inn - out;
        sim.deaths[deathIndex(sim, t.index, y, s, 0)] = D;
      }
      for (let s = 0; s < 2; s++) sim.pop.set(next[s]!, popIndex(sim, t.index, y, s, 0));
      prev = next;
    }
  }
  return sim;
}
