/**
 * Validation of the JSON projection input: every rule names the field and index.
 */
import { describe, expect, it } from 'vitest';
import { parseProjectionInput } from '../../server/demography/projectionInput.ts';
import { scheduleRow } from '../../server/demography/schedule.ts';

const A = 101;
const asfr: number[] = Array.from({ length: A }, (_, i) => (i >= 15 && i < 50 ? 0.05 : 0));
const valid = () => ({
  ageWidth: 1,
  startYear: 2024,
  steps: 5,
  population: { male: new Array(A).fill(100), female: new Array(A).fill(100) },
  fertility: { asfr },
  mortality: { male: { mx: new Array(A).fill(0.01) }, female: { sx: new Array(A).fill(0.99) } },
  srb: 1.06,
  migration: { male: new Array(A).fill(1), female: new Array(A).fill(-1), timing: 'end' },
});

type Json = ReturnType<typeof valid> & Record<string, unknown>;

const errorsOf = (mutate: (j: Json) => void) => {
  const j = valid() as Json;
  mutate(j);
  const r = parseProjectionInput(j);
  if (r.ok) throw new Error('expected a validation failure');
  return r.errors;
};

describe('parseProjectionInput', () => {
  it('accepts a valid input and builds the life table from mx', () => {
    const r = parseProjectionInput(valid());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.timing).toBe('end');
    expect(r.value.inputs.ageGroups).toBe(A);
    expect(scheduleRow(r.value.inputs.survival.male, 0)[50]).toBeCloseTo(1 - 0.01 / 1.005, 10);
    expect(scheduleRow(r.value.inputs.srb, 3)[0]).toBe(1.06);
  });

  it('names the field and index of a survivorship above 1 in a 2-D array', () => {
    const errors = errorsOf((j) => {
      const rows = Array.from({ length: 5 }, () => new Array(A).fill(0.99));
      rows[3]![100] = 1.02;
      j.mortality.female = { sx: rows };
    });
    expect(errors).toEqual([
      { path: 'mortality.female.sx[3][100]', code: 'above_one', message: 'mortality.female.sx[3][100]: survivorship 1.02 is above 1' },
    ]);
  });

  it('reports wrong lengths, negatives, non-numbers and missing steps', () => {
    const errors = errorsOf((j) => {
      j.population.female = new Array(100).fill(1);
      j.migration.male = [[1, 2]];
      j.fertility.asfr = asfr.map((v, i) => (i === 20 ? -0.1 : i === 21 ? ('x' as unknown as number) : v));
      j.mortality.male = { mx: [new Array(A).fill(0.01)] };
    });
    const paths = errors.map((e) => `${e.code} ${e.path}`);
    expect(paths).toContain('wrong_length population.female');
    expect(paths).toContain('missing_steps migration.male');
    expect(paths).toContain('negative fertility.asfr[20]');
    expect(paths).toContain('not_finite fertility.asfr[21]');
    expect(paths).toContain('missing_steps mortality.male.mx');
    expect(errors.find((e) => e.path === 'migration.male')?.message).toMatch(/has 1 rows but steps is 5/);
  });

  it('rejects an unknown ageWidth, unknown keys and a missing field with their names', () => {
    const errors = errorsOf((j) => {
      (j as Record<string, unknown>).ageWidth = 3;
      (j as Record<string, unknown>).fertilty = {};
      delete (j as Record<string, unknown>).startYear;
    });
    const paths = errors.map((e) => e.path);
    expect(paths).toContain('ageWidth');
    expect(paths).toContain('startYear');
    expect(errors.find((e) => e.path === 'ageWidth')?.message).toMatch(/must be 1 .* or 5/);
    expect(errors.some((e) => e.message.includes('fertilty'))).toBe(true);
  });

  it('needs exactly one of mx and sx, a positive open-group mx and SRB, and no fertility at age 0', () => {
    const errors = errorsOf((j) => {
      j.mortality.male = { mx: [...new Array(A - 1).fill(0.01), 0] };
      (j.mortality as Record<string, unknown>).female = {};
      j.srb = [1.05, 1.05, 0, 1.05, 1.05] as unknown as number;
      j.fertility.asfr = asfr.map((v, i) => (i === 0 ? 0.1 : v));
    });
    const paths = errors.map((e) => `${e.code} ${e.path}`);
    expect(paths).toEqual(
      expect.arrayContaining(['not_positive mortality.male.mx[100]', 'invalid_shape mortality.female', 'not_positive srb[2]', 'invalid_value fertility.asfr[0]']),
    );
  });

  it('5-year groups accept abridged mx (0, 1-4, 5-9, …) with one more value', () => {
    const j = {
      ...valid(),
      ageWidth: 5,
      population: { male: new Array(18).fill(100), female: new Array(18).fill(100) },
      fertility: { asfr: new Array(18).fill(0) },
      mortality: { male: { mx: new Array(19).fill(0.01) }, female: { mx: new Array(18).fill(0.01) } },
      migration: undefined,
    };
    const r = parseProjectionInput(j);
    expect(r.ok).toBe(true);
  });
});
