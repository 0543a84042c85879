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
import { scheduleRow } from './schedule.ts';
import type { ProjectionInputs, ProjectionResult, Schedule } from './types.ts';

/**
 * Survive one sex over one step, leaving the first group for {@link addBirths}.
 * Writes `end` (A values) and returns deaths of the closed and open groups in `acc[0]` and
 * migrants applied in `acc[1]`. `startShare` / `endShare` are the shares of `mig` added at
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
  const A = start.length;
  let applied = 0;
  let deaths = 0;
  for (let i = 0; i < A; i++) {
    let a = start[i]!;
    if (mig !== undefined && startShare !== 0) {
      a += startShare * mig[i]!;
      if (a < 0) a = 0;
      applied += a - start[i]!;
    }
    adj[i] = a;
  }
  for (let i = 1; i < A - 1; i++) {
    const p = adj[i - 1]!;
    const e = p * s[i]!;
    deaths += p - e;
    end[i] = e;
  }
  const pOpen = adj[A - 2]! + adj[A - 1]!;
  const eOpen = pOpen * s[A - 1]!;
  deaths += pOpen - eOpen;
  end[A - 1] = eOpen;
  end[0] = 0;
  if (mig !== undefined && endShare !== 0) {
    for (let i = 1; i < A; i++) {
      let e = end[i]! + endShare * mig[i]!;
      if (e < 0) e = 0;
      applied += e - end[i]!;
      end[i] = e;
    }
  }
  acc[0] = deaths;
  acc[1] = applied;
}

/** Total births of the step from women at the start (`adjF`) and at the end (`endF`, groups ≥ 1). */
export function stepBirths(adjF: Float64Array, endF: Float64Array, asfr: Float64Array, n: number): number {
  let b = 0;
  for (let i = 1; i < asfr.length; i++) {
    const f = asfr[i]!;
    if (f !== 0) b += f * (adjF[i]! + endF[i]!);
  }
  return (n * b) / 2;
}

/**
 * Put the surviving births (and the first group's end-of-step migrants) into `end[0]`;
 * returns the deaths among births. `acc[1]` is increased by the migrants applied.
 */
export function addBirths(
  births: number,
  s0: number,
  mig: Float64Array | undefined,
  endShare: number,
  end: Float64Array,
  acc: Float64Array,
): number {
  let e = births * s0;
  const deaths = births - e;
  if (mig !== undefined && endShare !== 0) {
    const before = e;
    e += endShare * mig[0]!;
    if (e < 0) e = 0;
    acc[1] = acc[1]! + (e - before);
  }
  end[0] = e;
  return deaths;
}

/** `end` timing: add all migrants after births; returns the migrants applied. */
export function addEndMigrants(end: Float64Array, mig: Float64Array): number {
  let applied = 0;
  for (let i = 0; i < end.length; i++) {
    let e = end[i]! + mig[i]!;
    if (e < 0) e = 0;
    applied += e - end[i]!;
    end[i] = e;
  }
  return applied;
}

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
  const row = (s: Schedule | undefined, t: number) => (s === undefined ? undefined : scheduleRow(s, t));

  for (let t = 0; t < T; t++) {
    const startM = popM.subarray(t * A, (t + 1) * A);
    const startF = popF.subarray(t * A, (t + 1) * A);
    const endM = popM.subarray((t + 1) * A, (t + 2) * A);
    const endF = popF.subarray((t + 1) * A, (t + 2) * A);
    const sM = scheduleRow(inp.survival.male, t);
    const sF = scheduleRow(inp.survival.female, t);
    const mM = row(migration?.male, t);
    const mF = row(migration?.female, t);

    surviveStep(startM, sM, mM, startShare, endShare, adjM, endM, accM);
    surviveStep(startF, sF, mF, startShare, endShare, adjF, endF, accF);

    const births = stepBirths(adjF, endF, scheduleRow(inp.asfr, t), n);
    const srb = scheduleRow(inp.srb, t)[0]!;
    const bF = births / (1 + srb);
    const bM = births - bF;
    const d0M = addBirths(bM, sM[0]!, mM, endShare, endM, accM);
    const d0F = addBirths(bF, sF[0]!, mF, endShare, endF, accF);
    if (migration !== undefined && !even) {
      accM[1] = accM[1]! + addEndMigrants(endM, mM!);
      accF[1] = accF[1]! + addEndMigrants(endF, mF!);
    }
    birthsM[t] = bM;
    birthsF[t] = bF;
    deathsM[t] = accM[0]! + d0M;
    deathsF[t] = accF[0]! + d0F;
    migM[t] = accM[1]!;
    migF[t] = accF[1]!;
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
