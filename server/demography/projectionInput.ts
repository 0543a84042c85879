/**
 * @module demography/projectionInput
 * Validation of the JSON projection input (docs/projection.md) into engine inputs:
 * zod for the shape (keys, ageWidth, timing), explicit checks for every number
 * (`seriesReader.ts`), then life tables for m(x) mortality.
 *
 * @example
 * const r = parseProjectionInput(JSON.parse(text));
 * if (!r.ok) for (const e of r.errors) console.error(e.message);
 * else project(r.value.inputs);
 */
import { z } from 'zod';
import { mapSchedule, scheduleRow } from './schedule.ts';
import { pushIssue, readSeries } from './seriesReader.ts';
import { survivalFromMx } from './survivorship.ts';
import type { InputIssue, MigrationTiming, ProjectionInputs, Result, Schedule, Sex } from './types.ts';

const MortalitySchema = z.strictObject({
  mx: z.unknown().optional(),
  ax: z.unknown().optional(),
  sx: z.unknown().optional(),
});

export const ProjectionInputSchema = z.strictObject({
  name: z.string().optional(),
  ageWidth: z.union([z.literal(1), z.literal(5)], {
    error: 'ageWidth must be 1 (single years, annual steps) or 5 (5-year groups, 5-year steps)',
  }),
  startYear: z.number().int().min(1000).max(3000),
  steps: z.number().int().min(1).max(500),
  population: z.strictObject({ male: z.unknown(), female: z.unknown() }),
  fertility: z.strictObject({ asfr: z.unknown() }),
  mortality: z.strictObject({ male: MortalitySchema, female: MortalitySchema }),
  srb: z.unknown(),
  migration: z
    .strictObject({
      male: z.unknown(),
      female: z.unknown(),
      timing: z.enum(['even', 'end']).optional(),
    })
    .optional(),
});

export type ProjectionInputJson = z.infer<typeof ProjectionInputSchema>;

/** Validated input: engine arrays plus what the output needs. */
export interface ParsedProjection {
  readonly name?: string;
  readonly startYear: number;
  readonly timing: MigrationTiming;
  readonly inputs: ProjectionInputs;
}

/** Largest number of age groups accepted (single ages 0..130+). */
export const MAX_AGE_GROUPS = 131;

function zodPath(path: readonly PropertyKey[]): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s === '' ? String(p) : `.${String(p)}`;
  return s === '' ? '(input)' : s;
}

function zodIssues(error: z.ZodError): InputIssue[] {
  return error.issues.map((i) => {
    const path = zodPath(i.path);
    const missing = i.code === 'invalid_type' && i.message.includes('undefined');
    return { path, code: missing ? 'missing' : 'invalid_value', message: `${path}: ${i.message}` };
  });
}

/** Validate a parsed JSON value. */
export function parseProjectionInput(json: unknown): Result<ParsedProjection> {
  const shape = ProjectionInputSchema.safeParse(json);
  if (!shape.success) return { ok: false, errors: zodIssues(shape.error) };
  const j = shape.data;
  const n = j.ageWidth;
  const steps = j.steps;
  const issues: InputIssue[] = [];

  const male = j.population.male;
  const A = Array.isArray(male) ? male.length : 0;
  if (!Array.isArray(male) || A < 2 || A > MAX_AGE_GROUPS) {
    const message = `population.male: expected an array of 2 to ${MAX_AGE_GROUPS} age groups (${
      n === 1 ? 'single ages 0..100+: 101 values' : '5-year groups 0-4..85+ or ..100+: 18 or 21 values'
    })`;
    return { ok: false, errors: [{ path: 'population.male', code: 'wrong_length', message }] };
  }
  const ageWhat = `one per age group, ${n === 1 ? 'ages' : 'groups starting at'} 0..${(A - 1) * n}+ as in population.male`;
  const spec = { widths: [A], steps, rule: 'nonNegative' as const, what: ageWhat };
  const population = {
    male: readPopulation(j.population.male, 'population.male', spec, issues),
    female: readPopulation(j.population.female, 'population.female', spec, issues),
  };

  const asfr = readSeries(j.fertility.asfr, 'fertility.asfr', spec, issues);
  if (asfr !== undefined) {
    for (let t = 0; t < asfr.rows; t++) {
      const v = scheduleRow(asfr, t)[0]!;
      if (v !== 0) {
        const path = asfr.rows === 1 ? 'fertility.asfr[0]' : `fertility.asfr[${t}][0]`;
        pushIssue(issues, { path, code: 'invalid_value', message: `${path}: fertility of the first age group must be 0, got ${v}` });
      }
    }
  }

  const survival = {
    male: readMortality(j.mortality.male, 'male', n, A, steps, issues),
    female: readMortality(j.mortality.female, 'female', n, A, steps, issues),
  };

  const srb = readSrb(j.srb, steps, issues);

  let migration: ProjectionInputs['migration'];
  const timing: MigrationTiming = j.migration?.timing ?? 'even';
  if (j.migration !== undefined) {
    const mspec = { ...spec, rule: 'any' as const };
    const mm = readSeries(j.migration.male, 'migration.male', mspec, issues);
    const mf = readSeries(j.migration.female, 'migration.female', mspec, issues);
    if (mm !== undefined && mf !== undefined) migration = { male: mm, female: mf, timing };
  }

  if (issues.length > 0) return { ok: false, errors: issues };
  const inputs: ProjectionInputs = {
    ageWidth: n,
    ageGroups: A,
    steps,
    population: { male: population.male!, female: population.female! },
    survival: { male: survival.male!, female: survival.female! },
    asfr: asfr!,
    srb: srb!,
    ...(migration === undefined ? {} : { migration }),
  };
  return { ok: true, value: { ...(j.name === undefined ? {} : { name: j.name }), startYear: j.startYear, timing, inputs } };
}

function readPopulation(
  v: unknown,
  path: string,
  spec: { widths: number[]; steps: number; rule: 'nonNegative'; what: string },
  issues: InputIssue[],
): Float64Array | undefined {
  if (Array.isArray(v) && v.length > 0 && Array.isArray(v[0])) {
    pushIssue(issues, { path, code: 'invalid_shape', message: `${path}: the base population is one 1-D array (one value per age group)` });
    return undefined;
  }
  return readSeries(v, path, spec, issues)?.data;
}

function readSrb(v: unknown, steps: number, issues: InputIssue[]): Schedule | undefined {
  let s: Schedule | undefined;
  if (typeof v === 'number') {
    s = readSeries([v], 'srb', { widths: [1], steps, rule: 'nonNegative' }, issues);
  } else if (Array.isArray(v) && Array.isArray(v[0])) {
    pushIssue(issues, { path: 'srb', code: 'invalid_shape', message: 'srb: expected a number or a 1-D array with one value per step' });
  } else {
    const r = readSeries(v, 'srb', { widths: [steps], steps: -1, rule: 'nonNegative', what: 'one per step, or a single number' }, issues);
    s = r === undefined ? undefined : { width: 1, rows: steps, data: r.data };
  }
  if (s === undefined) return undefined;
  const before = issues.length;
  s.data.forEach((x, i) => {
    if (!(x > 0)) {
      const path = typeof v === 'number' ? 'srb' : `srb[${i}]`;
      pushIssue(issues, { path, code: 'not_positive', message: `${path}: the sex ratio at birth must be above 0 (males per female birth, e.g. 1.06), got ${x}` });
    }
  });
  return issues.length === before ? s : undefined;
}

function readMortality(
  m: z.infer<typeof MortalitySchema>,
  sex: Sex,
  n: number,
  A: number,
  steps: number,
  issues: InputIssue[],
): Schedule | undefined {
  const base = `mortality.${sex}`;
  if ((m.mx === undefined) === (m.sx === undefined)) {
    const message = `${base}: give either mx (central death rates) or sx (survivorship ratios), not ${m.mx === undefined ? 'neither' : 'both'}`;
    pushIssue(issues, { path: base, code: 'invalid_shape', message });
    return undefined;
  }
  if (m.sx !== undefined) {
    if (m.ax !== undefined) {
      pushIssue(issues, { path: `${base}.ax`, code: 'invalid_shape', message: `${base}.ax: a(x) only goes with mx` });
    }
    const what = 'sx[0] births → first group, sx[i] group i−1 → i, last = (last closed + open) → open';
    return readSeries(m.sx, `${base}.sx`, { widths: [A], steps, rule: 'survivorship', what }, issues);
  }
  const widths = n === 5 ? [A, A + 1] : [A];
  const what = n === 5 ? 'one per age group, or abridged 0, 1-4, 5-9, …, open' : 'one per age group';
  const mx = readSeries(m.mx, `${base}.mx`, { widths, steps, rule: 'nonNegative', what }, issues);
  const ax = m.ax === undefined ? undefined : readSeries(m.ax, `${base}.ax`, { widths, steps, rule: 'nonNegative', what: 'same layout as mx' }, issues);
  if (mx === undefined || (m.ax !== undefined && ax === undefined)) return undefined;
  if (ax !== undefined && ax.width !== mx.width) {
    pushIssue(issues, { path: `${base}.ax`, code: 'wrong_length', message: `${base}.ax: has ${ax.width} values per row, mx has ${mx.width}` });
    return undefined;
  }
  const before = issues.length;
  for (let t = 0; t < mx.rows; t++) {
    const open = scheduleRow(mx, t)[mx.width - 1]!;
    if (!(open > 0)) {
      const path = `${base}.mx${mx.rows === 1 ? '' : `[${t}]`}[${mx.width - 1}]`;
      pushIssue(issues, { path, code: 'not_positive', message: `${path}: the open age group's death rate must be above 0, got ${open}` });
    }
  }
  if (issues.length > before) return undefined;
  const rows = ax !== undefined && ax.rows > mx.rows ? ax.rows : mx.rows;
  const source: Schedule = rows === mx.rows ? mx : { width: mx.width, rows, data: expandRows(mx, rows) };
  let t = 0;
  return mapSchedule(source, (row) => {
    const axRow = ax === undefined ? undefined : scheduleRow(ax, t);
    t++;
    return survivalFromMx(row, n, A, sex, axRow);
  });
}

function expandRows(s: Schedule, rows: number): Float64Array {
  const out = new Float64Array(rows * s.width);
  for (let t = 0; t < rows; t++) out.set(scheduleRow(s, t), t * s.width);
  return out;
}
