/**
 * @module projection/rakedUnits
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
import { asfrRow, survivalRow, type UnitInputs } from './scenario.ts';

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

/** Per-step rows made just before a unit's step (survivorship, ASFR), reused by every unit. */
class RowScratch {
  readonly sM = new Float64Array(AGES);
  readonly sF = new Float64Array(AGES);
  readonly asfr = new Float64Array(AGES);
}

function step(st: State, t: number, rows: RowScratch, scratch: StepScratch, flows: Float64Array): void {
  const inp = st.inputs;
  const at = t * AGES;
  stepUnit(
    st.popM.subarray(at, at + AGES), st.popF.subarray(at, at + AGES),
    survivalRow(inp, t, 'male', rows.sM), survivalRow(inp, t, 'female', rows.sF), asfrRow(inp, t, rows.asfr), inp.srb[t]!,
    inp.migration?.male, inp.migration?.female, inp.migrationMultiplier,
    st.popM.subarray(at + AGES, at + 2 * AGES), st.popF.subarray(at + AGES, at + 2 * AGES), scratch, flows,
  );
  st.births.male[t] = flows[0]!;
  st.births.female[t] = flows[1]!;
  st.deaths.male[t] = flows[2]!;
  st.deaths.female[t] = flows[3]!;
  st.migrants.male[t] = flows[4]!;
  st.migrants.female[t] = flows[5]!;
}

/**
 * The raking of the townships to the county, one year-end row at a time. Township rows are
 * added into the age sums right after their step (while still in cache), then multiplied by
 * county / sum in one pass over each township's 101 contiguous ages (never age by age across
 * 1,500 arrays). Sums run in township order; each township's totals before and after the step
 * are kept for its migrant balance.
 */
class Raker {
  private readonly sums: SexAges = { male: new Float64Array(AGES), female: new Float64Array(AGES) };
  /** Each township's total by sex at the row being raked (before raking), and at the previous row (raked). */
  private readonly totals: SexAges;
  private readonly previous: SexAges;

  constructor(private readonly county: State, private readonly towns: readonly State[]) {
    this.totals = { male: new Float64Array(towns.length), female: new Float64Array(towns.length) };
    this.previous = { male: new Float64Array(towns.length), female: new Float64Array(towns.length) };
  }

  /** Rakes the base row (cells clamped at 0 in a township can leave it a little above the county's). */
  rakeBase(): void {
    this.begin();
    for (let i = 0; i < this.towns.length; i++) this.add(i, 0);
    this.apply(0);
    this.keepTotals();
  }

  /** Starts the sums of a row. */
  begin(): void {
    this.sums.male.fill(0);
    this.sums.female.fill(0);
  }

  /** Adds township `i`'s row `r` (year index) into the sums. */
  add(i: number, r: number): void {
    const st = this.towns[i]!;
    this.totals.male[i] = addRow(this.sums.male, st.popM, r * AGES);
    this.totals.female[i] = addRow(this.sums.female, st.popF, r * AGES);
  }

  /** Rakes row `r` of every township to the county's, by sex and age (all townships must have been added). */
  apply(r: number): void {
    for (const sex of ['male', 'female'] as const) {
      const key = sex === 'male' ? 'popM' : 'popF';
      const c = this.county[key];
      const from = r * AGES;
      const factor = this.sums[sex];
      const totals = this.totals[sex];
      let grand = 0;
      for (let i = 0; i < this.towns.length; i++) grand += totals[i]!;
      for (let a = 0; a < AGES; a++) factor[a] = factor[a]! > 0 ? c[from + a]! / factor[a]! : NaN; // NaN: nobody of that age
      for (let i = 0; i < this.towns.length; i++) {
        const row = this.towns[i]![key];
        let raked = 0;
        for (let a = 0; a < AGES; a++) {
          const f = factor[a]!;
          const v = Number.isNaN(f)
            ? (grand > 0 ? (c[from + a]! * totals[i]!) / grand : c[from + a]! / this.towns.length)
            : row[from + a]! * f;
          row[from + a] = v;
          raked += v;
        }
        totals[i] = raked;
      }
    }
  }

  /**
   * After `apply(t + 1)`: rakes the births and deaths of step `t` to the county's, and sets each
   * township's net migrants to its balance P(t+1) − P(t) − B + D, so its accounts close exactly.
   */
  closeStep(t: number): void {
    for (const sex of ['male', 'female'] as const) {
      rakeFlow(this.towns, 'births', sex, t, this.county.births[sex][t]!);
      rakeFlow(this.towns, 'deaths', sex, t, this.county.deaths[sex][t]!);
      const after = this.totals[sex];
      const before = this.previous[sex];
      for (let i = 0; i < this.towns.length; i++) {
        const st = this.towns[i]!;
        st.migrants[sex][t] = after[i]! - before[i]! - st.births[sex][t]! + st.deaths[sex][t]!;
      }
    }
    this.keepTotals();
  }

  /** The raked totals of the current row become the next step's starting totals. */
  private keepTotals(): void {
    this.previous.male.set(this.totals.male);
    this.previous.female.set(this.totals.female);
  }
}

/** Adds `row` (101 ages from `from`) into `sums`; returns the row's total. */
function addRow(sums: Float64Array, row: Float64Array, from: number): number {
  let total = 0;
  for (let a = 0; a < AGES; a++) {
    const v = row[from + a]!;
    sums[a] += v;
    total += v;
  }
  return total;
}

/** Rakes flows of step `t` (births or deaths of one sex) to the county's total. */
function rakeFlow(towns: readonly State[], kind: 'births' | 'deaths', sex: 'male' | 'female', t: number, target: number): void {
  let S = 0;
  for (let i = 0; i < towns.length; i++) S += towns[i]![kind][sex][t]!;
  for (let i = 0; i < towns.length; i++) {
    const f = towns[i]![kind][sex];
    f[t] = S > 0 ? (f[t]! * target) / S : target / towns.length;
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
  const rows = new RowScratch();
  const flows = new Float64Array(6);
  const raker = control && county !== undefined && towns.length > 0 ? new Raker(county, towns) : null;
  raker?.rakeBase();
  for (let t = 0; t < steps; t++) {
    if (county !== undefined) step(county, t, rows, scratch, flows);
    raker?.begin();
    for (let i = 0; i < towns.length; i++) {
      step(towns[i]!, t, rows, scratch, flows);
      raker?.add(i, t + 1);
    }
    raker?.apply(t + 1);
    raker?.closeStep(t);
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
