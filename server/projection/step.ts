/**
 * @module projection/step
 * One annual step of one unit with the engine's own step functions (demography/ccmp.ts,
 * timing `even`), so a projection can be stopped after each year (to rake townships to the
 * county) or run many times without allocating (the probabilistic draws).
 *
 * @example
 * stepUnit(startM, startF, sM, sF, asfrRow, 1.06, migM, migF, 1, endM, endF, scratch, flows);
 */
import { addBirths, stepBirths, surviveStep } from '../demography/ccmp.ts';
import { AGES } from './types.ts';

/** Reusable buffers for {@link stepUnit}. */
export class StepScratch {
  readonly adjM = new Float64Array(AGES);
  readonly adjF = new Float64Array(AGES);
  readonly accM = new Float64Array(2);
  readonly accF = new Float64Array(2);
  readonly migM = new Float64Array(AGES);
  readonly migF = new Float64Array(AGES);
}

/** Births, deaths and net migrants applied in the step, by sex: [bM, bF, dM, dF, mM, mF]. */
export type StepFlows = Float64Array;

/**
 * Projects one year. `mig*` are net migrants by start age (undefined: closed), scaled by
 * `multiplier`; births are scaled by `fertility` (a TFR draw over the path's TFR). Writes the population at the end into `endM` / `endF` and the flows into `flows`.
 */
export function stepUnit(
  startM: Float64Array, startF: Float64Array, sM: Float64Array, sF: Float64Array,
  asfr: Float64Array, srb: number, migM: Float64Array | undefined, migF: Float64Array | undefined, multiplier: number,
  endM: Float64Array, endF: Float64Array, scratch: StepScratch, flows: StepFlows, fertility = 1,
): void {
  let mM: Float64Array | undefined;
  let mF: Float64Array | undefined;
  if (migM !== undefined && migF !== undefined && multiplier !== 0) {
    if (multiplier === 1) { mM = migM; mF = migF; }
    else {
      mM = scratch.migM; mF = scratch.migF;
      for (let a = 0; a < AGES; a++) { mM[a] = migM[a]! * multiplier; mF[a] = migF[a]! * multiplier; }
    }
  }
  const share = mM === undefined ? 0 : 0.5;
  surviveStep(startM, sM, mM, share, share, scratch.adjM, endM, scratch.accM);
  surviveStep(startF, sF, mF, share, share, scratch.adjF, endF, scratch.accF);
  const births = fertility * stepBirths(scratch.adjF, endF, asfr, 1);
  const bF = births / (1 + srb);
  const bM = births - bF;
  const d0M = addBirths(bM, sM[0]!, mM, share, endM, scratch.accM);
  const d0F = addBirths(bF, sF[0]!, mF, share, endF, scratch.accF);
  flows[0] = bM;
  flows[1] = bF;
  flows[2] = scratch.accM[0]! + d0M;
  flows[3] = scratch.accF[0]! + d0F;
  flows[4] = scratch.accM[1]!;
  flows[5] = scratch.accF[1]!;
}
