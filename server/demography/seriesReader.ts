/**
 * @module demography/seriesReader
 * Explicit checks of the numeric arrays of the projection input (JSON): 1-D (constant over
 * the steps) or 2-D (one row per step), lengths, finiteness, sign and bounds, each problem
 * reported with its exact path, e.g. `mortality.female.sx[3][101]: survivorship 1.02 is above 1`.
 *
 * @example
 * const issues: InputIssue[] = [];
 * const s = readSeries(json.fertility.asfr, 'fertility.asfr', { widths: [101], steps: 30, rule: 'nonNegative' }, issues);
 */
import type { InputIssue, Schedule } from './types.ts';

export type ValueRule = 'nonNegative' | 'survivorship' | 'any';

export interface SeriesSpec {
  /** Allowed row lengths (e.g. [A] or [A, A + 1] for abridged m(x)). */
  readonly widths: readonly number[];
  readonly steps: number;
  readonly rule: ValueRule;
  /** Words for the length message, e.g. "one per age group". */
  readonly what?: string;
}

/** Stop collecting after this many issues: the first ones are enough to fix the file. */
export const MAX_ISSUES = 50;

export function pushIssue(issues: InputIssue[], issue: InputIssue): void {
  if (issues.length < MAX_ISSUES) issues.push(issue);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `the text ${JSON.stringify(v.length > 20 ? `${v.slice(0, 20)}…` : v)}`;
  return typeof v === 'object' ? 'an object' : String(v);
}

function checkValue(v: unknown, path: string, rule: ValueRule, issues: InputIssue[]): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    pushIssue(issues, { path, code: 'not_finite', message: `${path}: expected a finite number, got ${describe(v)}` });
    return NaN;
  }
  if (rule !== 'any' && v < 0) {
    pushIssue(issues, { path, code: 'negative', message: `${path}: ${v} is negative` });
  } else if (rule === 'survivorship' && v > 1) {
    pushIssue(issues, { path, code: 'above_one', message: `${path}: survivorship ${v} is above 1` });
  }
  return v;
}

function readRow(
  row: readonly unknown[],
  path: string,
  spec: SeriesSpec,
  issues: InputIssue[],
  out: Float64Array,
  offset: number,
): void {
  for (let i = 0; i < row.length; i++) out[offset + i] = checkValue(row[i], `${path}[${i}]`, spec.rule, issues);
}

function lengthIssue(path: string, got: number, spec: SeriesSpec): InputIssue {
  const expected = spec.widths.join(' or ');
  const what = spec.what === undefined ? '' : ` (${spec.what})`;
  return { path, code: 'wrong_length', message: `${path}: has ${got} values, expected ${expected}${what}` };
}

/**
 * Read a 1-D or 2-D numeric array. Returns undefined (and adds issues) when it is unusable.
 * A 2-D array must have exactly `steps` rows of one allowed width.
 */
export function readSeries(value: unknown, path: string, spec: SeriesSpec, issues: InputIssue[]): Schedule | undefined {
  if (value === undefined) {
    pushIssue(issues, { path, code: 'missing', message: `${path}: is missing` });
    return undefined;
  }
  if (!Array.isArray(value)) {
    pushIssue(issues, { path, code: 'invalid_shape', message: `${path}: expected an array, got ${describe(value)}` });
    return undefined;
  }
  const before = issues.length;
  if (value.length > 0 && Array.isArray(value[0])) {
    if (value.length !== spec.steps) {
      const code = value.length < spec.steps ? 'missing_steps' : 'wrong_length';
      const message =
        `${path}: has ${value.length} rows but steps is ${spec.steps}: ` +
        'give one row per step, or a single row (1-D array) used for every step';
      pushIssue(issues, { path, code, message });
      return undefined;
    }
    const width = (value[0] as unknown[]).length;
    if (!spec.widths.includes(width)) {
      pushIssue(issues, lengthIssue(`${path}[0]`, width, spec));
      return undefined;
    }
    const data = new Float64Array(value.length * width);
    value.forEach((r: unknown, t) => {
      const rp = `${path}[${t}]`;
      if (!Array.isArray(r)) {
        pushIssue(issues, { path: rp, code: 'invalid_shape', message: `${rp}: expected an array, got ${describe(r)}` });
      } else if (r.length !== width) {
        pushIssue(issues, lengthIssue(rp, r.length, { ...spec, widths: [width] }));
      } else {
        readRow(r, rp, spec, issues, data, t * width);
      }
    });
    return issues.length === before ? { width, rows: value.length, data } : undefined;
  }
  if (!spec.widths.includes(value.length)) {
    pushIssue(issues, lengthIssue(path, value.length, spec));
    return undefined;
  }
  const data = new Float64Array(value.length);
  readRow(value, path, spec, issues, data, 0);
  return issues.length === before ? { width: value.length, rows: 1, data } : undefined;
}
