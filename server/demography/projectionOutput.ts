/**
 * @module demography/projectionOutput
 * The JSON output of a projection (docs/projection.md): years, population by age and sex
 * (one row per year, the start included), births, deaths and net migrants per step, and the
 * summary series of `derived.ts`. Pure: builds a plain object, the caller writes it.
 *
 * @example
 * const out = projectionOutput(parsed, project(parsed.inputs));
 * JSON.stringify(out);
 */
import { summarize, type ProjectionSummary } from './derived.ts';
import type { ParsedProjection } from './projectionInput.ts';
import type { ProjectionResult, SexPair } from './types.ts';

export interface ProjectionOutputJson {
  readonly name?: string;
  readonly ageWidth: number;
  readonly startYear: number;
  readonly steps: number;
  readonly migrationTiming: string;
  /** Start age of each group; the last is the open group. */
  readonly ages: number[];
  /** startYear, startYear + n, …: steps + 1 values. */
  readonly years: number[];
  /** Year of the start of each step (steps values), for births, deaths and migrants. */
  readonly stepYears: number[];
  readonly population: SexPair<number[][]>;
  readonly births: SexPair<number[]> & { readonly total: number[] };
  readonly deaths: SexPair<number[]> & { readonly total: number[] };
  readonly migrants: SexPair<number[]> & { readonly total: number[] };
  readonly summary: Record<keyof ProjectionSummary, number[]>;
}

const rows = (a: Float64Array, width: number): number[][] => {
  const out: number[][] = [];
  for (let i = 0; i < a.length; i += width) out.push(Array.from(a.subarray(i, i + width)));
  return out;
};

const withTotal = (p: SexPair<Float64Array>) => ({
  male: Array.from(p.male),
  female: Array.from(p.female),
  total: Array.from(p.male, (m, i) => m + p.female[i]!),
});

export function projectionOutput(parsed: ParsedProjection, r: ProjectionResult): ProjectionOutputJson {
  const n = r.ageWidth;
  const s = summarize(r);
  const summary = Object.fromEntries(
    Object.entries(s).map(([k, v]: [string, Float64Array]) => [k, Array.from(v)]),
  ) as Record<keyof ProjectionSummary, number[]>;
  return {
    ...(parsed.name === undefined ? {} : { name: parsed.name }),
    ageWidth: n,
    startYear: parsed.startYear,
    steps: r.steps,
    migrationTiming: parsed.inputs.migration === undefined ? 'none' : parsed.timing,
    ages: Array.from({ length: r.ageGroups }, (_, i) => i * n),
    years: Array.from({ length: r.steps + 1 }, (_, t) => parsed.startYear + t * n),
    stepYears: Array.from({ length: r.steps }, (_, t) => parsed.startYear + t * n),
    population: { male: rows(r.population.male, r.ageGroups), female: rows(r.population.female, r.ageGroups) },
    births: withTotal(r.births),
    deaths: withTotal(r.deaths),
    migrants: withTotal(r.migrants),
    summary,
  };
}
