/**
 * @module charts/projectionPyramid
 * The projected pyramid stepped through the projection years with a slider (a Vega-Lite
 * parameter bound to a range input), the base year drawn as an outline for comparison.
 *
 * @example
 * projectionPyramidSpec({ rows: [{ year: 2030, age: '0-4', sex: 'M', value: 12000 }], years: [2024, 2054], ages, labels });
 */
import type { TopLevelSpec } from 'vega-lite';
import { SCHEMA, chartConfig, type Medium } from './common.ts';
import { FLAG_COLOR, INK, SEX_COLORS } from './palette.ts';

export interface ProjectedAgeRow { year: number; age: string; sex: 'M' | 'F'; value: number }

export interface ProjectionPyramidInput {
  rows: readonly ProjectedAgeRow[];
  /** First and last projection year. */
  years: readonly [number, number];
  step?: number;
  initialYear?: number;
  /** Age labels youngest first. */
  ages: readonly string[];
  labels: { male: string; female: string; age: string; persons: string; year: string };
  /** 'print' for reports and exported pictures (common.ts). */
  medium?: Medium;
  width?: number;
  height?: number;
}

export function projectionPyramidSpec(input: ProjectionPyramidInput): TopLevelSpec {
  const [first, last] = input.years;
  const single = input.ages.length > 30;
  const index = new Map(input.ages.map((a, i) => [a, i]));
  const max = Math.max(1, ...input.rows.map((r) => r.value));
  const values = input.rows.map((r) => ({ ...r, signed: r.sex === 'M' ? -r.value : r.value, i: index.get(r.age) ?? 0, sexLabel: r.sex === 'M' ? input.labels.male : input.labels.female }));
  const y = {
    field: 'age', type: 'ordinal' as const, title: input.labels.age, sort: [...input.ages].reverse(),
    axis: single ? { labelExpr: "datum.value % 10 === 0 || datum.value === '100+' ? datum.value : ''", ticks: false } : {},
    scale: { paddingInner: single ? 0 : 0.08 },
  };
  const x = {
    field: 'signed', type: 'quantitative' as const, title: `← ${input.labels.male}　${input.labels.persons}　${input.labels.female} →`,
    scale: { domain: [-max * 1.05, max * 1.05] }, axis: { labelExpr: "format(abs(datum.value), ',')", tickCount: 6 },
  };
  return {
    $schema: SCHEMA,
    width: input.width ?? 520,
    height: input.height ?? 400,
    data: { values },
    params: [{
      name: 'pyramidYear',
      value: input.initialYear ?? last,
      bind: { input: 'range', min: first, max: last, step: input.step ?? 1, name: `${input.labels.year} ` },
    }],
    layer: [
      {
        name: 'projected',
        transform: [{ filter: 'datum.year === pyramidYear' }],
        mark: { type: 'bar', color: FLAG_COLOR, opacity: 0.85 },
        encoding: {
          y, x,
          color: { field: 'sexLabel', type: 'nominal', title: null, scale: { domain: [input.labels.male, input.labels.female], range: [SEX_COLORS.M, SEX_COLORS.F] } },
          tooltip: [
            { field: 'year', type: 'quantitative', title: input.labels.year },
            { field: 'sexLabel', type: 'nominal', title: ' ' },
            { field: 'age', type: 'ordinal', title: input.labels.age },
            { field: 'value', type: 'quantitative', title: input.labels.persons, format: ',.0f' },
          ],
        },
      },
      {
        name: 'base-outline',
        transform: [{ filter: `datum.year === ${first}` }],
        mark: { type: 'line', color: '#111111', strokeWidth: 1.2, strokeDash: [4, 2] },
        encoding: { y, x, detail: { field: 'sex', type: 'nominal' }, order: { field: 'i', type: 'quantitative' } },
      },
      {
        name: 'year-label',
        data: { values: [{}] },
        mark: { type: 'text', align: 'right', baseline: 'top', x: 'width', y: 4, fontSize: 18, fontWeight: 'bold', color: INK, text: { expr: "toString(pyramidYear)" } },
      },
    ],
    config: chartConfig(input.medium),
  };
}
