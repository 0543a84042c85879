/**
 * @module charts/srbSeries
 * Sex ratio at birth over periods: the 103–107 normal band as a shaded rect, each series'
 * 95% interval as an error band (raw Wilson or smoothed empirical-Bayes, as chosen), the ratio
 * as a line with points (hollow where births are few, red where the row is flagged).
 *
 * @example
 * srbSeriesSpec({ rows, band: [103, 107], labels, yTitle: '性别比（女=100）' });
 */
import type { TopLevelSpec } from 'vega-lite';
import { SCHEMA, chartConfig } from './common.ts';

export interface SrbSeriesRow {
  period: string; series: string; value: number | null; lo: number | null; hi: number | null;
  births: number; small: boolean; flag: string | null;
}

export interface SrbSeriesInput {
  rows: readonly SrbSeriesRow[];
  band: readonly [number, number];
  yTitle: string;
  colors?: { domain: string[]; range: string[] };
  labels: { period: string; lo: string; hi: string; births: string; band: string; flag: string };
  width?: number;
  height?: number;
}

export function srbSeriesSpec(input: SrbSeriesInput): TopLevelSpec {
  const periods = [...new Set(input.rows.map((r) => r.period))].sort();
  const scale = input.colors ? { domain: input.colors.domain, range: input.colors.range } : {};
  const x = { field: 'period', type: 'ordinal' as const, title: null, sort: periods, scale: { type: 'point' as const, padding: 0.5 }, axis: { labelOverlap: 'parity' as const, labelAngle: periods.length > 14 ? -45 : 0 } };
  const finite = input.rows.flatMap((r) => [r.lo, r.hi, r.value]).filter((v): v is number => v !== null && Number.isFinite(v));
  const lo = Math.max(60, Math.floor(Math.min(input.band[0] - 3, ...finite) / 5) * 5);
  const hi = Math.min(200, Math.ceil(Math.max(input.band[1] + 3, ...finite) / 5) * 5);
  const y = { type: 'quantitative' as const, scale: { domain: [lo, hi], zero: false, clamp: true } };
  return {
    $schema: SCHEMA,
    width: input.width ?? 560,
    height: input.height ?? 280,
    layer: [
      {
        name: 'normal-band',
        data: { values: [{ y: input.band[0], y2: input.band[1], label: input.band.join('–') }] },
        mark: { type: 'rect', color: '#2e8b57', opacity: 0.13 },
        encoding: { y: { field: 'y', ...y, title: input.yTitle }, y2: { field: 'y2' }, tooltip: { value: input.labels.band } },
      },
      {
        name: 'normal-band-label',
        data: { values: [{ y: input.band[1] }] },
        mark: { type: 'text', align: 'left', baseline: 'bottom', x: 2, dy: -1, color: '#2e8b57', fontSize: 10, text: input.labels.band },
        encoding: { y: { field: 'y', ...y } },
      },
      {
        name: 'interval',
        data: { values: input.rows.map((r) => ({ ...r })) },
        layer: [
          {
            name: 'interval-band',
            mark: { type: 'errorband', opacity: 0.18, borders: false },
            encoding: { x, y: { field: 'lo', ...y, title: input.yTitle }, y2: { field: 'hi' }, color: { field: 'series', type: 'nominal', title: null, scale, legend: { symbolOpacity: 1, symbolType: 'stroke', symbolStrokeWidth: 2 } } },
          },
          {
            name: 'ratio-line',
            mark: { type: 'line' },
            encoding: { x, y: { field: 'value', ...y }, color: { field: 'series', type: 'nominal', title: null, scale } },
          },
          {
            name: 'ratio-points',
            mark: { type: 'point', filled: false, size: 40, strokeWidth: 1.5 },
            encoding: {
              x, y: { field: 'value', ...y },
              stroke: { field: 'series', type: 'nominal', title: null, scale },
              shape: { condition: { test: "datum.flag === 'high'", value: 'triangle-up' }, value: 'circle' },
              fill: { condition: { test: 'datum.small', value: '#ffffff' }, field: 'series', type: 'nominal', title: null, scale },
              tooltip: [
                { field: 'series', type: 'nominal', title: ' ' },
                { field: 'period', type: 'ordinal', title: input.labels.period },
                { field: 'value', type: 'quantitative', title: input.yTitle, format: ',.2f' },
                { field: 'lo', type: 'quantitative', title: input.labels.lo, format: ',.2f' },
                { field: 'hi', type: 'quantitative', title: input.labels.hi, format: ',.2f' },
                { field: 'births', type: 'quantitative', title: input.labels.births, format: ',' },
                { field: 'flag', type: 'nominal', title: input.labels.flag },
              ],
            },
          },
        ],
      },
    ],
    config: chartConfig(),
  };
}
