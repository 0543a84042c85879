/**
 * @module demography/types
 * Shared types of the projection engine: sexes, per-step schedules, engine inputs and
 * outputs, and the result type of validation. Pure types, no I/O.
 *
 * @example
 * const pair: SexPair<number> = { male: 1, female: 2 };
 */

export type Sex = 'male' | 'female';
export const SEXES: readonly Sex[] = ['male', 'female'];

/** Width of the age groups, equal to the time step of the projection, in years. */
export type AgeWidth = 1 | 5;

/**
 * When net migrants enter the population during a step:
 * `even` = half at the start (exposed to the step's mortality and fertility) and half at the end;
 * `end` = all at the end (no effect on the step's births and deaths).
 */
export type MigrationTiming = 'even' | 'end';

export interface SexPair<T> {
  readonly male: T;
  readonly female: T;
}

/**
 * A per-step input: either one row used for every step (`rows === 1`) or one row per step.
 * Rows are stored one after the other (row-major) in `data`.
 */
export interface Schedule {
  /** Values per row (age groups, or 1 for a scalar such as the SRB). */
  readonly width: number;
  /** 1 (constant) or the number of steps. */
  readonly rows: number;
  readonly data: Float64Array;
}

/** Everything the projection loop needs; every array is already validated. */
export interface ProjectionInputs {
  /** n: width of age groups and length of a step, in years. */
  readonly ageWidth: number;
  /** A: number of age groups, the last one open (open age = (A − 1)·n). */
  readonly ageGroups: number;
  readonly steps: number;
  /** Population at the start, by age group. */
  readonly population: SexPair<Float64Array>;
  /**
   * Survivorship ratios by age group (width A): s[0] births → first group,
   * s[i] group i−1 → group i, s[A−1] (last closed + open) → open.
   */
  readonly survival: SexPair<Schedule>;
  /** Births per woman per year by age group of the mother (width A). */
  readonly asfr: Schedule;
  /** Males per female birth (width 1). */
  readonly srb: Schedule;
  /** Net migrants over the step by age group (width A); absent = closed population. */
  readonly migration?: SexPair<Schedule> & { readonly timing: MigrationTiming };
}

/** Outputs of the projection loop. Per-age arrays are (steps + 1) rows of A values, row-major. */
export interface ProjectionResult {
  readonly ageWidth: number;
  readonly ageGroups: number;
  readonly steps: number;
  /** Population at the start of each step and at the end of the last: (steps + 1) × A. */
  readonly population: SexPair<Float64Array>;
  /** Births during each step, by sex of the child (length steps). */
  readonly births: SexPair<Float64Array>;
  /** Deaths during each step, all ages including births that die before the step ends. */
  readonly deaths: SexPair<Float64Array>;
  /**
   * Net migrants actually added during each step. Equal to the input unless a group would
   * have gone negative, in which case the emigration is limited to the people present.
   */
  readonly migrants: SexPair<Float64Array>;
}

/** One problem found in an input, for a planner: where, a stable code, and what is wrong. */
export interface InputIssue {
  /** Field path, e.g. `mortality.female.sx[3][101]`. */
  readonly path: string;
  readonly code: InputIssueCode;
  readonly message: string;
}

export type InputIssueCode =
  | 'invalid_shape'
  | 'missing'
  | 'wrong_length'
  | 'missing_steps'
  | 'not_finite'
  | 'negative'
  | 'above_one'
  | 'not_positive'
  | 'invalid_value';

/** The result of anything that can fail on bad input. */
export type Result<T, E = InputIssue> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: readonly E[] };
