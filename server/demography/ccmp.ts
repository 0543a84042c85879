/**
 * @module demography/ccmp
 * The cohort-component projection: one step for one sex, and the loop over steps.
 *
 * Conventions (DESIGN.md, "Projection engine"; the same algebra as the UN's ccmppWPP
 * `project_ccmpp_z_by_z`, which reproduces Preston et al. 2001 Box 6.2 exactly):
 * - Age groups and the step have the same width n (1 or 5 years); the last group is open.
 * - Survivorship ratios s come from life-table L(x) (see `survivorship.ts`):
 *   end[i] = start[i−1]·s[i]; end[open] = (start[last closed] + start[open])·s[open].
 * - Net migrants M (counts over the step, by age group at the start of the step):
 *   `even` adds M/2 to each group at the start (these are exposed to the step's mortality and
 *   fertility and age with their group) and M/2 at the end; `end` adds all of M at the end.
 * - Births = n · Σ ASFR(x) · (W(x) at the start + W(x) at the end) / 2, where the women at the
 *   start include the start half of migrants and the women at the end are the survivors of the
 *   previous group plus the end half of migrants (with `end` timing: without migrants). This is
 *   Preston's (F_x + F_{x+n}·s_x)/2 formulation. The first group's ASFR must be 0.
 * - Births split by sex with SRB (males per female): female = B / (1 + SRB), male = B − female;
 *   they survive to the first group by s[0] = L(0) / (n·l(0)).
 * - Deaths = start population (with start-half migrants) − survivors, plus births − surviving births.
 * - A group that migration would make negative is set to 0 and the emigration recorded is
 *   reduced accordingly, so P(t+n) = P(t) + B − D + M holds exactly with the recorded M.
 *
 * @example
 * const result = project(inputs); // inputs from parseProjectionInput(...)
 * result.population.female.subarray(10 * A, 11 * A); // women by age after 10 steps
 */
import type { ProjectionInputs, ProjectionResult, Schedule } from './types.ts';

/** Slots of the accumulator a step fills for one sex (`acc`): deaths of the step, migrants applied. */
export const DEATHS = 0;
export const MIGRANTS = 1;

/**
 * Survive one sex over one step, leaving the first group for {@link addBirths}.
 * Writes `end` (A values) and returns deaths of the closed and open groups in `acc[DEATHS]` and
 * migrants applied in `acc[MIGRANTS]`. `startShare` / `endShare` are the shares of `mig` added at
 * the start / end (even: 0.5 / 0.5; end: 0 / 0, the end timing being applied after births
 * by {@link addEndMigrants}). `mig` may be undefined for a closed population.
 */
export function surviveStep(
  start: Float64Array,
  s: Float64Array,
  mig: Float64Array | undefined,
  startShare: number,
  endShare: number,
  adj: Float64Array,
  end: Float64Array,
  acc: Float64Array,
): void {
  surviveAt(start, 0, s, 0, mig, 0, startShare, endShare, adj, end, 0, start.length, acc);
}

/**
 * {@link surviveStep} on rows at offsets of longer arrays (`start` from `so`, `s` from `sOff`,
 * `mig` from `mOff`, `end` from `eo`; A groups): the loop over steps reads and writes its
 * population, survivorship and migration arrays in place, with no view made per step.
 */
function surviveAt(
  start: Float64Array, so: number, s: Float64Array, sOff: number, mig: Float64Array | undefined, mOff: number,
  startShare: number, endShare: number, adj: Float64Array, end: Float64Array, eo: number, A: number, acc: Float64Array,
): void {
  let appliedStart = 0;
  let appliedEnd = 0;
  let deaths = 0;
  // One pass: group i's start (with the start half of migrants) survives into group i + 1 and gets
  // its end half at once. Deaths, start and end migrants are three sums kept apart, so the loop's
  // additions do not wait on each other (the loop is bound by their latency, not by memory).
  const startMig = mig !== undefined && startShare !== 0;
  const endMig = mig !== undefined && endShare !== 0;
  if (startMig && endMig) {
    // Even timing (every projection of the app): the same arithmetic without the two tests in
    // the loop, each group's migrants read once — a quarter off the engine's time.
    let hm = startShare * mig[mOff]!;
    for (let i = 0; i < A - 2; i++) {
      const p = start[so + i]!;
      let a = p + hm;
      if (a < 0) a = 0;
      appliedStart += a - p;
      adj[i] = a;
      const e = a * s[sOff + i + 1]!;
      deaths += a - e;
      hm = startShare * mig[mOff + i + 1]!;
      let ee = e + endShare * mig[mOff + i + 1]!;
      if (ee < 0) ee = 0;
      appliedEnd += ee - e;
      end[eo + i + 1] = ee;
    }
    for (let i = A - 2; i < A; i++) {
      const p = start[so + i]!;
      let a = p + startShare * mig[mOff + i]!;
      if (a < 0) a = 0;
      appliedStart += a - p;
      adj[i] = a;
    }
  } else for (let i = 0; i < A; i++) {
    const p = start[so + i]!;
    let a = p;
    if (startMig) {
      a = p + startShare * mig[mOff + i]!;
      if (a < 0) a = 0;
      appliedStart += a - p;
    }
    adj[i] = a;
    if (i < A - 2) {
      const e = a * s[sOff + i + 1]!;
      deaths += a - e;
      let ee = e;
      if (endMig) {
        ee = e + endShare * mig[mOff + i + 1]!;
        if (ee < 0) ee = 0;
        appliedEnd += ee - e;
      }
      end[eo + i + 1] = ee;
    }
  }
  const pOpen = adj[A - 2]! + adj[A - 1]!;
  const eOpen = pOpen * s[sOff + A - 1]!;
  deaths += pOpen - eOpen;
  let eeOpen = eOpen;
  if (endMig) {
    eeOpen = eOpen + endShare * mig[mOff + A - 1]!;
    if (eeOpen < 0) eeOpen = 0;
    appliedEnd += eeOpen - eOpen;
  }
  end[eo + A - 1] = eeOpen;
  end[eo] = 0;
  const applied = appliedStart + appliedEnd;
  acc[DEATHS] = deaths;
  acc[MIGRANTS] = applied;
}

/** Total births of the step from women at the start (`adjF`) and at the end (`endF`, groups ≥ 1). */
export function stepBirths(adjF: Float64Array, endF: Float64Array, asfr: Float64Array, n: number): number {
  return birthsAt(adjF, endF, 0, asfr, 0, asfr.length, n);
}

/** {@link stepBirths} with `endF` from `eo` and the ASFR row from `fOff` (A groups). */
function birthsAt(adjF: Float64Array, endF: Float64Array, eo: number, asfr: Float64Array, fOff: number, A: number, n: number, lo = 1, hi = A): number {
  let b = 0;
  // Only the fertile groups, and no test for a zero rate within them: adding 0 leaves the sum
  // exactly as it was, and the test cost more than the multiplication.
  for (let i = lo; i < hi; i++) b += asfr[fOff + i]! * (adjF[i]! + endF[eo + i]!);
  return (n * b) / 2;
}

/**
 * Put the surviving births (and the first group's end-of-step migrants) into `end[0]`;
 * returns the deaths among births. `acc[MIGRANTS]` is increased by the migrants applied.
 */
export function addBirths(
  births: number,
  s0: number,
  mig: Float64Array | undefined,
  endShare: number,
  end: Float64Array,
  acc: Float64Array,
): number {
  return addBirthsAt(births, s0, mig, 0, endShare, end, 0, acc);
}

/** {@link addBirths} with the migrants' row from `mOff` and `end` from `eo`. */
function addBirthsAt(
  births: number, s0: number, mig: Float64Array | undefined, mOff: number, endShare: number, end: Float64Array, eo: number, acc: Float64Array,
): number {
  let e = births * s0;
  const deaths = births - e;
  if (mig !== undefined && endShare !== 0) {
    const before = e;
    e += endShare * mig[mOff]!;
    if (e < 0) e = 0;
    acc[MIGRANTS] = acc[MIGRANTS]! + (e - before);
  }
  end[eo] = e;
  return deaths;
}

/** `end` timing: add all migrants after births; returns the migrants applied. */
export function addEndMigrants(end: Float64Array, mig: Float64Array): number {
  return addEndMigrantsAt(end, 0, mig, 0, end.length);
}

function addEndMigrantsAt(end: Float64Array, eo: number, mig: Float64Array, mOff: number, A: number): number {
  let applied = 0;
  for (let i = 0; i < A; i++) {
    const before = end[eo + i]!;
    let e = before + mig[mOff + i]!;
    if (e < 0) e = 0;
    applied += e - before;
    end[eo + i] = e;
  }
  return applied;
}

/** The groups from the first to the last with a non-zero rate in any row (group 0 excluded: its rate is 0). */
function fertileGroups(asfr: Schedule): { lo: number; hi: number } {
  let lo = asfr.width;
  let hi = 1;
  for (let r = 0; r < asfr.rows; r++) {
    for (let i = 1; i < asfr.width; i++) {
      if (asfr.data[r * asfr.width + i] !== 0) {
        if (i < lo) lo = i;
        if (i + 1 > hi) hi = i + 1;
      }
    }
  }
  return lo < hi ? { lo, hi } : { lo: 1, hi: 1 };
}

/** Offset of the row that applies at `step` in a schedule's data. */
const rowAt = (s: Schedule, step: number) => (s.rows === 1 ? 0 : step) * s.width;

/** Run the projection over all steps. */
export function project(inp: ProjectionInputs): ProjectionResult {
  const A = inp.ageGroups;
  const n = inp.ageWidth;
  const T = inp.steps;
  const popM = new Float64Array((T + 1) * A);
  const popF = new Float64Array((T + 1) * A);
  popM.set(inp.population.male.subarray(0, A));
  popF.set(inp.population.female.subarray(0, A));
  const birthsM = new Float64Array(T);
  const birthsF = new Float64Array(T);
  const deathsM = new Float64Array(T);
  const deathsF = new Float64Array(T);
  const migM = new Float64Array(T);
  const migF = new Float64Array(T);
  const adjM = new Float64Array(A);
  const adjF = new Float64Array(A);
  const accM = new Float64Array(2);
  const accF = new Float64Array(2);
  const migration = inp.migration;
  const even = migration !== undefined && migration.timing === 'even';
  const startShare = even ? 0.5 : 0;
  const endShare = even ? 0.5 : 0;
  const survM = inp.survival.male;
  const survF = inp.survival.female;
  const mMig = migration?.male.data;
  const fMig = migration?.female.data;

  const fertile = fertileGroups(inp.asfr);
  for (let t = 0; t < T; t++) {
    const at = t * A;
    const next = at + A;
    const sM = rowAt(survM, t);
    const sF = rowAt(survF, t);
    const mM = migration === undefined ? 0 : rowAt(migration.male, t);
    const mF = migration === undefined ? 0 : rowAt(migration.female, t);

    surviveAt(popM, at, survM.data, sM, mMig, mM, startShare, endShare, adjM, popM, next, A, accM);
    surviveAt(popF, at, survF.data, sF, fMig, mF, startShare, endShare, adjF, popF, next, A, accF);

    const births = birthsAt(adjF, popF, next, inp.asfr.data, rowAt(inp.asfr, t), inp.asfr.width, n, fertile.lo, fertile.hi);
    const srb = inp.srb.data[rowAt(inp.srb, t)]!;
    const bF = births / (1 + srb);
    const bM = births - bF;
    const d0M = addBirthsAt(bM, survM.data[sM]!, mMig, mM, endShare, popM, next, accM);
    const d0F = addBirthsAt(bF, survF.data[sF]!, fMig, mF, endShare, popF, next, accF);
    if (migration !== undefined && !even) {
      accM[MIGRANTS] = accM[MIGRANTS]! + addEndMigrantsAt(popM, next, mMig!, mM, A);
      accF[MIGRANTS] = accF[MIGRANTS]! + addEndMigrantsAt(popF, next, fMig!, mF, A);
    }
    birthsM[t] = bM;
    birthsF[t] = bF;
    deathsM[t] = accM[DEATHS]! + d0M;
    deathsF[t] = accF[DEATHS]! + d0F;
    migM[t] = accM[MIGRANTS]!;
    migF[t] = accF[MIGRANTS]!;
  }
  return {
    ageWidth: n,
    ageGroups: A,
    steps: T,
    population: { male: popM, female: popF },
    births: { male: birthsM, female: birthsF },
    deaths: { male: deathsM, female: deathsF },
    migrants: { male: migM, female: migF },
  };
}
