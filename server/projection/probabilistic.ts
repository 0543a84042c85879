/**
 * @module projection/probabilistic
 * The probabilistic variant for one unit: N draws (default 1,000) of the TFR path (AR(1)
 * deviations around the scenario's path, ar1.ts) and of the migration multiplier (AR(1) on the
 * multiplier's relative deviation, φ = 0.8, σ from the annual net-migration totals, the
 * multiplier kept ≥ 0), each projected with the same precomputed survivorship (mortality is not
 * drawn). The answer is the 2.5 / 10 / 50 / 90 / 97.5 percentiles (95% and 80% intervals and
 * the median) of each summary series and year. Deterministic for a seed.
 *
 * @example
 * const r = projectDraws(inputs, estimateAr1(tfrs), migrationSigma(annual), 1000, 1);
 * r.bands.total.p50;
 */
import { DEFAULTS } from './constants.ts';
import type { Ar1 } from './ar1.ts';
import { Rng } from '../../common/random.ts';
import { asfrRow, survivalRow, type UnitInputs } from './scenario.ts';
import { StepScratch, stepUnit } from './step.ts';
import { AGES } from './types.ts';
import { BAND_SERIES, QUANTILES } from '../../contract/projection.ts';
import type { BandSeries, Band, DrawsSummary } from '../../contract/projection.ts';
export { BAND_SERIES, QUANTILES };
export type { BandSeries, Band };

export interface DrawsResult extends DrawsSummary {
  readonly bands: Record<BandSeries, Band>;
}

const K = BAND_SERIES.length;

/** Writes the band series of one year (single ages, both sexes) into `out[k]`. */
function record(m: Float64Array, f: Float64Array, births: number, out: Float64Array, stride: number, at: number): void {
  let total = 0;
  let young = 0;
  let old = 0;
  let women = 0;
  let s35 = 0;
  let s611 = 0;
  let s1214 = 0;
  let s1517 = 0;
  for (let a = 0; a < AGES; a++) {
    const p = m[a]! + f[a]!;
    total += p;
    if (a < 15) young += p;
    else if (a >= 65) old += p;
    if (a >= 15 && a <= 49) women += f[a]!;
    if (a >= 3 && a <= 5) s35 += p;
    else if (a >= 6 && a <= 11) s611 += p;
    else if (a >= 12 && a <= 14) s1214 += p;
    else if (a >= 15 && a <= 17) s1517 += p;
  }
  const v = [total, births, young, total - young - old, old, women, s35, s611, s1214, s1517];
  for (let k = 0; k < K; k++) out[k * stride + at] = v[k]!;
}

function quantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export function projectDraws(inp: UnitInputs, ar: Ar1, migSigma: number, draws: number, seed: number): DrawsResult {
  const T = inp.steps;
  const years = T + 1;
  const stride = years * draws;
  const values = new Float64Array(K * stride);
  const rng = new Rng(seed);
  const scratch = new StepScratch();
  const flows = new Float64Array(6);
  let curM = new Float64Array(AGES);
  let curF = new Float64Array(AGES);
  let nxtM = new Float64Array(AGES);
  let nxtF = new Float64Array(AGES);
  const phiM = DEFAULTS.migrationPhi;
  // The rows of every step, made once: every draw runs through them.
  const survM = Array.from({ length: T }, (_, t) => survivalRow(inp, t, 'male', new Float64Array(AGES)));
  const survF = Array.from({ length: T }, (_, t) => survivalRow(inp, t, 'female', new Float64Array(AGES)));
  const asfr = Array.from({ length: T }, (_, t) => asfrRow(inp, t, new Float64Array(AGES)));
  for (let d = 0; d < draws; d++) {
    curM.set(inp.base.male);
    curF.set(inp.base.female);
    record(curM, curF, NaN, values, stride, d);
    let dev = 0;
    let u = 0;
    for (let t = 0; t < T; t++) {
      dev = ar.phi * dev + ar.sigma * rng.normal();
      u = phiM * u + migSigma * rng.normal();
      const path = inp.tfr[t]!;
      const tfr = Math.max(DEFAULTS.tfrFloor, path + dev);
      const multiplier = Math.max(0, inp.migrationMultiplier * (1 + u));
      stepUnit(curM, curF, survM[t]!, survF[t]!, asfr[t]!, inp.srb[t]!,
        inp.migration?.male, inp.migration?.female, multiplier, nxtM, nxtF, scratch, flows, path > 0 ? tfr / path : 0);
      record(nxtM, nxtF, flows[0]! + flows[1]!, values, stride, (t + 1) * draws + d);
      [curM, nxtM] = [nxtM, curM];
      [curF, nxtF] = [nxtF, curF];
    }
  }
  const bands = {} as Record<BandSeries, Band>;
  BAND_SERIES.forEach((name, k) => {
    const band: Band = { p025: [], p10: [], p50: [], p90: [], p975: [] };
    for (let y = 0; y < years; y++) {
      const slice = values.slice(k * stride + y * draws, k * stride + (y + 1) * draws).sort();
      for (const [q, p] of Object.entries(QUANTILES) as [keyof typeof QUANTILES, number][]) {
        const v = quantile(slice, p);
        band[q].push(Number.isFinite(v) ? v : null);
      }
    }
    bands[name] = band;
  });
  return { draws, seed, tfr: ar, migration: { phi: phiM, sigma: migSigma }, bands };
}
