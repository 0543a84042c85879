/**
 * @module pages/projections/rows
 * Chart rows of a projection: series over the years (with bands for the probabilistic variant)
 * and the pyramid by age and sex.
 */
import type { ProjectedAgeRow } from '../../charts/projectionPyramid.ts';
import type { ProjectionRow } from '../../charts/projectionSeries.ts';
import type { BandSeries, ProjectionView, SeriesName } from '../../projection.ts';

export interface SeriesKey { key: SeriesName & BandSeries; label: string }

/**
 * Rows of one or several series: the deterministic value, or for the probabilistic variant the
 * median with the 95% (lo–hi) and 80% (lo2–hi2) intervals and the deterministic value beside it.
 * Years without a value (flows in the base year) are left out.
 */
export function projectionRows(view: ProjectionView, keys: readonly SeriesKey[]): (ProjectionRow & { deterministic?: number | null })[] {
  return keys.flatMap(({ key, label }) => {
    const values = view.series[key];
    const band = view.bands[key];
    return view.years.flatMap((year, i) => {
      const det = values[i] ?? null;
      if (!band) return det === null ? [] : [{ year, series: label, value: det }];
      const median = band.p50[i] ?? null;
      if (median === null) return [];
      return [{ year, series: label, value: median, lo: band.p025[i] ?? null, hi: band.p975[i] ?? null, lo2: band.p10[i] ?? null, hi2: band.p90[i] ?? null, deterministic: det }];
    });
  });
}

export function pyramidRows(view: ProjectionView): ProjectedAgeRow[] {
  return view.pyramids.flatMap((p) => p.ages.flatMap((age, i): ProjectedAgeRow[] => [
    { year: p.year, age, sex: 'M', value: p.male[i] ?? 0 }, { year: p.year, age, sex: 'F', value: p.female[i] ?? 0 },
  ]));
}
