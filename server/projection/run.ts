/**
 * @module projection/run
 * Deterministic projection of several units, with the townships controlled to the county.
 *
 * Control (raking): the county and every township are projected with their own assumptions,
 * one year at a time. After each year, for every sex and single age, the townships' populations
 * are multiplied by county / Σ townships (proportional raking to the county's margin), so they
 * add up to the county exactly; the next year starts from the raked populations. (If the
 * townships have nobody of an age and sex the county has, the county's people are shared by the
 * townships' total populations.) Births and deaths by sex are raked the same way, and each
 * township's net migrants are the balance P(t+1) − P(t) − B + D, so that the balance holds for
 * every township and their migrants add up to the county's.
 *
 * @example
 * const results = projectUnits([countyInputs, ...townshipInputs], true);
 * results.get('all')!.population.male; // (steps + 1) × 101
 */
import type { ProjectionResult } from '../demography/types.ts';
import { StepScratch, stepUnit } from './step.ts';
import { AGES, type SexAges } from './types.ts';
import type { UnitInputs } from './scenario.ts';

interface State {
  readonly inputs: UnitInputs;
  readonly popM: Float64Array;
  readonly popF: Float64Array;
  readonly births: SexAges;
  readonly deaths: SexAges;
  readonly migrants: SexAges;
}

function newState(inputs: UnitInputs): State {
  const T = inputs.steps;
  const popM = new Float64Array((T + 1) * AGES);
  const popF = new Float64Array((T + 1) * AGES);
  popM.set(inputs.base.male);
  popF.set(inputs.base.female);
  const pair = () => ({ male: new Float64Array(T), female: new Float64Array(T) });
  return { inputs, popM, popF, births: pair(), deaths: pair(), migrants: pair() };
}

function step(st: State, t: number, scratch: StepScratch, flows: Float64Array): void {
  const inp = st.inputs;
  const row = (a: Float64Array) => a.subarray(t * AGES, (t + 1) * AGES);
  stepUnit(
    st.popM.subarray(t * AGES, (t + 1) * AGES), st.popF.subarray(t * AGES, (t + 1) * AGES),
    row(inp.survival.male), row(inp.survival.female), row(inp.asfr), inp.srb[t]!,
    inp.migration?.male, inp.migration?.female, inp.migrationMultiplier,
    st.popM.subarray((t + 1) * AGES, (t + 2) * AGES), st.popF.subarray((t + 1) * AGES, (t + 2) * AGES), scratch, flows,
  );
  st.births.male[t] = flows[0]!;
  st.births.female[t] = flows[1]!;
  st.deaths.male[t] = flows[2]!;
  st.deaths.female[t] = flows[3]!;
  st.migrants.male[t] = flows[4]!;
  st.migrants.female[t] = flows[5]!;
}

const sum = (a: Float64Array) => { let s = 0; for (let i = 0; i < a.length; i++) s += a[i]!; return s; };

/** Rakes the townships' population of row `r` (year index) to the county's, by sex and age. */
function rakeRow(county: State, towns: readonly State[], r: number): void {
  const from = r * AGES;
  for (const key of ['popM', 'popF'] as const) {
    const c = county[key];
    // Hoisted once: the inner loops run over every township for every age.
    const rows = towns.map((s) => s[key]);
    const totals = rows.map((row) => sum(row.subarray(from, from + AGES)));
    const grand = totals.reduce((a, b) => a + b, 0);
    for (let a = from; a < from + AGES; a++) {
      let S = 0;
      for (let i = 0; i < rows.length; i++) S += rows[i]![a]!;
      const target = c[a]!;
      if (S > 0) {
        const f = target / S;
        for (let i = 0; i < rows.length; i++) rows[i]![a]! *= f;
      } else {
        for (let i = 0; i < rows.length; i++) rows[i]![a] = grand > 0 ? (target * totals[i]!) / grand : target / rows.length;
      }
    }
  }
}

function rake(county: State, towns: readonly State[], t: number): void {
  const from = (t + 1) * AGES;
  rakeRow(county, towns, t + 1);
  for (const sex of ['male', 'female'] as const) {
    const pops = towns.map((s) => (sex === 'male' ? s.popM : s.popF));
    const births = towns.map((s) => s.births[sex]);
    const deaths = towns.map((s) => s.deaths[sex]);
    for (const [flows, target] of [[births, county.births[sex][t]!], [deaths, county.deaths[sex][t]!]] as const) {
      let S = 0;
      for (const f of flows) S += f[t]!;
      for (const f of flows) f[t] = S > 0 ? (f[t]! * target) / S : target / flows.length;
    }
    // Each township's net migrants are its balance after raking, so its accounts close exactly.
    towns.forEach((s, i) => {
      const pop = pops[i]!;
      let before = 0;
      let after = 0;
      for (let a = 0; a < AGES; a++) {
        before += pop[t * AGES + a]!;
        after += pop[from + a]!;
      }
      s.migrants[sex][t] = after - before - births[i]![t]! + deaths[i]![t]!;
    });
  }
}

/**
 * Projects every unit. With `control`, the unit whose scope is `all` is the county and all
 * others are its townships, raked to it after every year.
 */
export function projectUnits(units: readonly UnitInputs[], control: boolean): Map<string, ProjectionResult> {
  const states = units.map(newState);
  const county = states.find((s) => s.inputs.scope === 'all');
  const towns = states.filter((s) => s.inputs.scope !== 'all');
  const steps = units[0]?.steps ?? 0;
  const scratch = new StepScratch();
  const flows = new Float64Array(6);
  // Base cells clamped at 0 in a township can leave the base a little above the county's.
  if (control && county !== undefined && towns.length > 0) rakeRow(county, towns, 0);
  for (let t = 0; t < steps; t++) {
    for (const s of states) step(s, t, scratch, flows);
    if (control && county !== undefined && towns.length > 0) rake(county, towns, t);
  }
  const out = new Map<string, ProjectionResult>();
  for (const s of states) {
    out.set(s.inputs.scope, {
      ageWidth: 1, ageGroups: AGES, steps,
      population: { male: s.popM, female: s.popF },
      births: s.births, deaths: s.deaths, migrants: s.migrants,
    });
  }
  return out;
}
