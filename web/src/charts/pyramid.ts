/**
 * @module charts/pyramid
 * Population pyramid: men to the left, women to the right, each bar stacked by its parts
 * (registered people living here + in-migrants = resident population); optionally a second
 * year drawn over it as an outline for comparison.
 *
 * @example
 * pyramidSpec({ rows: [{ age: '0-4', sex: 'M', part: '户籍', value: 9990 }], ages: ['0-4', …], overlay, labels });
 */
import type { TopLevelSpec } from 'vega-lite';
import { SCHEMA, chartConfig, type Medium } from './common.ts';
import { SEX_COLORS } from './palette.ts';

export interface PyramidRow { age: string; sex: 'M' | 'F'; part?: string; value: number }
export interface OverlayRow { age: string; sex: 'M' | 'F'; value: number }

export interface PyramidInput {
  rows: readonly PyramidRow[];
  /** Age labels youngest first ('0', '1', … '100+' or '0-4', … '100+'). */
  ages: readonly string[];
  /** Parts in stacking order (inner first) with colours; without parts the sexes take their colours. */
  parts?: { domain: string[]; range: string[] };
  overlay?: { rows: readonly OverlayRow[]; label: string };
  labels: { male: string; female: string; age: string; persons: string; part?: string };
  /** 'print' for reports and exported pictures (common.ts). */
  medium?: Medium;
  width?: number;
  height?: number;
}

export function pyramidSpec(input: PyramidInput): TopLevelSpec {
  const index = new Map(input.ages.map((a, i) => [a, i]));
  const parts = input.parts;
  const single = input.ages.length > 30;
  const y = {
    field: 'age', type: 'ordinal' as const, title: input.labels.age, sort: [...input.ages].reverse(),
    axis: single ? { labelExpr: "datum.value % 10 === 0 || datum.value === '100+' ? datum.value : ''", ticks: false } : {},
    scale: { paddingInner: single ? 0 : 0.08 },
  };
  const all = [...input.rows, ...(input.overlay?.rows ?? [])];
  const totals = new Map<string, number>();
  for (const r of input.rows) totals.set(`${r.sex}|${r.age}`, (totals.get(`${r.sex}|${r.age}`) ?? 0) + r.value);
  for (const r of input.overlay?.rows ?? []) totals.set(`o|${r.sex}|${r.age}`, r.value);
  const max = Math.max(1, ...totals.values(), ...all.map((r) => r.value));
  const x = {
    field: 'signed', type: 'quantitative' as const, title: `← ${input.labels.male}　${input.labels.persons}　${input.labels.female} →`,
    scale: { domain: [-max * 1.05, max * 1.05] },
    axis: { labelExpr: "format(abs(datum.value), ',')", tickCount: 6 },
  };
  return {
    $schema: SCHEMA,
    width: input.width ?? 520,
    height: input.height ?? (single ? 420 : 380),
    layer: [
      {
        name: 'bars',
        data: { values: input.rows.map((r) => ({ ...r, signed: r.sex === 'M' ? -r.value : r.value, order: parts ? parts.domain.indexOf(r.part ?? '') : 0, sexLabel: r.sex === 'M' ? input.labels.male : input.labels.female })) },
        mark: { type: 'bar', ...(single ? {} : { cornerRadius: 0 }) },
        encoding: {
          y, x: { ...x, stack: 'zero' },
          color: parts
            ? { field: 'part', type: 'nominal', title: null, scale: parts }
            : { field: 'sexLabel', type: 'nominal', title: null, legend: null, scale: { domain: [input.labels.male, input.labels.female], range: [SEX_COLORS.M, SEX_COLORS.F] } },
          order: { field: 'order', type: 'quantitative' },
          tooltip: [
            { field: 'sexLabel', type: 'nominal', title: ' ' },
            { field: 'age', type: 'ordinal', title: input.labels.age },
            ...(parts ? [{ field: 'part', type: 'nominal' as const, title: input.labels.part ?? ' ' }] : []),
            { field: 'value', type: 'quantitative', title: input.labels.persons, format: ',' },
          ],
        },
      },
      ...(input.overlay ? [{
        name: 'overlay',
        data: { values: input.overlay.rows.map((r) => ({ ...r, signed: r.sex === 'M' ? -r.value : r.value, i: index.get(r.age) ?? 0, series: input.overlay!.label })) },
        mark: { type: 'line' as const, color: '#111111', strokeWidth: 1.5, interpolate: 'linear' as const },
        encoding: {
          y, x,
          detail: { field: 'sex', type: 'nominal' as const },
          order: { field: 'i', type: 'quantitative' as const },
          strokeDash: { field: 'series', type: 'nominal' as const, title: null, scale: { range: [[4, 2]] } },
          tooltip: [
            { field: 'series', type: 'nominal' as const, title: ' ' },
            { field: 'age', type: 'ordinal' as const, title: input.labels.age },
            { field: 'value', type: 'quantitative' as const, title: input.labels.persons, format: ',' },
          ],
        },
      }] : []),
      {
        name: 'rule',
        data: { values: [{ signed: 0 }] },
        mark: { type: 'rule', color: '#ffffff', strokeWidth: 1 },
        encoding: { x: { field: 'signed', type: 'quantitative' } },
      },
    ],
    config: chartConfig(input.medium),
  };
}
