/**
 * @module charts/projectionSeries
 * Projected series over years, one line per series (an age group, a scenario), with uncertainty
 * bands (outer and optional inner interval) when the probabilistic variant is shown, and the
 * observed history before the base year as a grey line.
 *
 * @example
 * projectionSeriesSpec({ rows: [{ year: 2025, series: '中方案', value: 681000, lo: 675000, hi: 688000 }], yTitle: '人', baseYear: 2024, labels });
 */
import type { TopLevelSpec } from 'vega-lite';
import { SCHEMA, chartConfig, type Medium } from './common.ts';

export interface ProjectionRow { year: number; series: string; value: number; lo?: number | null; hi?: number | null; lo2?: number | null; hi2?: number | null }

export interface ProjectionSeriesInput {
  rows: readonly ProjectionRow[];
  yTitle: string;
  format?: string;
  baseYear: number;
  history?: readonly { year: number; value: number }[];
  colors?: { domain: string[]; range: string[] };
  labels: { year: string; lo: string; hi: string; base: string; history: string };
  zero?: boolean;
  /** 'print' for reports and exported pictures (common.ts). */
  medium?: Medium;
  width?: number;
  height?: number;
}

export function projectionSeriesSpec(input: ProjectionSeriesInput): TopLevelSpec {
  const format = input.format ?? ',.0f';
  const scale = input.colors ? { domain: input.colors.domain, range: input.colors.range } : {};
  const hasBand = input.rows.some((r) => r.lo !== undefined && r.lo !== null && r.hi !== undefined && r.hi !== null);
  const hasInner = input.rows.some((r) => r.lo2 !== undefined && r.lo2 !== null);
  const x = { field: 'year', type: 'quantitative' as const, title: input.labels.year, axis: { format: 'd', tickMinStep: 1 }, scale: { nice: false, zero: false } };
  // persons from zero unless asked otherwise: 2,045 and 2,075 women drawn as a deep V read as a collapse
  const y = { type: 'quantitative' as const, title: input.yTitle, scale: { zero: input.zero ?? true }, axis: { format } };
  const color = { field: 'series', type: 'nominal' as const, title: null, scale };
  const rows = input.rows.map((r) => ({ ...r }));
  return {
    $schema: SCHEMA,
    width: input.width ?? 520,
    height: input.height ?? 240,
    layer: [
      ...(hasBand ? [{
        name: 'band',
        data: { values: rows.filter((r) => r.lo !== null && r.lo !== undefined) },
        mark: { type: 'area' as const, opacity: 0.18 },
        encoding: { x, y: { field: 'lo', ...y }, y2: { field: 'hi' }, color: { ...color, legend: { symbolOpacity: 1 } } },
      }] : []),
      ...(hasInner ? [{
        name: 'band-inner',
        data: { values: rows.filter((r) => r.lo2 !== null && r.lo2 !== undefined) },
        mark: { type: 'area' as const, opacity: 0.25 },
        encoding: { x, y: { field: 'lo2', ...y }, y2: { field: 'hi2' }, color },
      }] : []),
      ...(input.history?.length ? [{
        name: 'history',
        data: { values: input.history.map((r) => ({ ...r, series: input.labels.history })) },
        mark: { type: 'line' as const, color: '#9aa5b1', strokeDash: [2, 2] },
        encoding: { x, y: { field: 'value', ...y }, tooltip: [{ field: 'year', type: 'quantitative' as const, title: input.labels.year }, { field: 'value', type: 'quantitative' as const, format, title: input.labels.history }] },
      }] : []),
      {
        name: 'base-year',
        data: { values: [{ year: input.baseYear, label: input.labels.base }] },
        layer: [
          { mark: { type: 'rule' as const, color: '#9aa5b1', strokeDash: [3, 3] }, encoding: { x } },
          // at the foot of the rule, clear of the lines (which start at the base year's value)
          { mark: { type: 'text' as const, align: 'left' as const, baseline: 'bottom' as const, dx: 3, dy: -2, y: 'height' as const, color: '#6b7785', fontSize: 10 }, encoding: { x, text: { field: 'label', type: 'nominal' as const } } },
        ],
      },
      {
        name: 'series',
        data: { values: rows },
        layer: [
          { mark: { type: 'line' as const }, encoding: { x, y: { field: 'value', ...y }, color } },
          {
            mark: { type: 'point' as const, filled: true, size: 14, opacity: 0.8 },
            encoding: {
              x, y: { field: 'value', ...y }, color,
              tooltip: [
                { field: 'series', type: 'nominal' as const, title: ' ' },
                { field: 'year', type: 'quantitative' as const, title: input.labels.year },
                { field: 'value', type: 'quantitative' as const, title: input.yTitle, format },
                ...(hasBand ? [{ field: 'lo', type: 'quantitative' as const, title: input.labels.lo, format }, { field: 'hi', type: 'quantitative' as const, title: input.labels.hi, format }] : []),
              ],
            },
          },
        ],
      },
    ],
    config: chartConfig(input.medium),
  };
}
