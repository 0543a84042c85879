/**
 * @module charts/srbSeries
 * Sex ratio at birth over periods: the 103–107 normal band as a shaded rect, each series'
 * 95% interval as an error band (raw Wilson or smoothed empirical-Bayes, as chosen), the ratio
 * as a line with points (hollow where births are few, a triangle where the row is flagged high);
 * a ratio beyond the axis is drawn at its edge with its value written beside it.
 *
 * @example
 * srbSeriesSpec({ rows, band: [103, 107], labels, yTitle: '性别比（女=100）' });
 */
import type { TopLevelSpec } from 'vega-lite';
import { SCHEMA, chartConfig, type Medium } from './common.ts';
import { NORMAL_BAND_COLOR } from './palette.ts';

export interface SrbSeriesRow {
  period: string; series: string; value: number | null; lo: number | null; hi: number | null;
  births: number; small: boolean; flag: string | null;
}

export interface SrbSeriesInput {
  rows: readonly SrbSeriesRow[];
  /** The normal range as a shaded band (103–107); none when left out. */
  band?: readonly [number, number];
  /** False: no legend (a lone series named by the chart's title). */
  legend?: boolean;
  yTitle: string;
  colors?: { domain: string[]; range: string[] };
  labels: { period: string; lo: string; hi: string; births: string; band: string; flag: string; flags: Record<'high' | 'low' | 'normal', string> };
  /** 'print' for reports and exported pictures (common.ts). */
  medium?: Medium;
  width?: number;
  height?: number;
}

export function srbSeriesSpec(input: SrbSeriesInput): TopLevelSpec {
  const periods = [...new Set(input.rows.map((r) => r.period))].sort();
  const scale = input.colors ? { domain: input.colors.domain, range: input.colors.range } : {};
  const band = input.band;
  const series = { field: 'series', type: 'nominal' as const, title: null, scale, ...(input.legend === false ? { legend: null } : {}) };
  const x = { field: 'period', type: 'ordinal' as const, title: null, sort: periods, scale: { type: 'point' as const, padding: 0.5 }, axis: { labelOverlap: 'parity' as const, labelAngle: periods.length > 14 ? -45 : 0 } };
  const finite = input.rows.flatMap((r) => [r.lo, r.hi, r.value]).filter((v): v is number => v !== null && Number.isFinite(v));
  // the y axis always takes in the normal range, drawn or not, so ratios are seen against it
  const [normalLo, normalHi] = band ?? [103, 107];
  const lo = Math.max(60, Math.floor(Math.min(normalLo - 3, ...finite) / 5) * 5);
  const hi = Math.min(200, Math.ceil(Math.max(normalHi + 3, ...finite) / 5) * 5);
  const y = { type: 'quantitative' as const, scale: { domain: [lo, hi], zero: false, clamp: true } };
  // a ratio beyond the axis (a township's 0 or 250) is drawn at its edge with its value written beside it
  const rows = input.rows.map((r) => ({
    ...r,
    flagLabel: r.flag === 'high' || r.flag === 'low' || r.flag === 'normal' ? input.labels.flags[r.flag] : null,
    beyond: r.value !== null && (r.value > hi || r.value < lo),
  }));
  return {
    $schema: SCHEMA,
    width: input.width ?? 560,
    height: input.height ?? 280,
    layer: [
      ...(band ? [
        {
          name: 'normal-band',
          data: { values: [{ y: band[0], y2: band[1], label: band.join('–') }] },
          mark: { type: 'rect' as const, color: NORMAL_BAND_COLOR, opacity: 0.13 },
          encoding: { y: { field: 'y', ...y, title: input.yTitle }, y2: { field: 'y2' }, tooltip: { value: input.labels.band } },
        },
        {
          name: 'normal-band-label',
          data: { values: [{ y: band[1] }] },
          mark: { type: 'text' as const, align: 'left' as const, baseline: 'bottom' as const, x: 2, dy: -1, color: NORMAL_BAND_COLOR, fontSize: 10, text: input.labels.band },
          encoding: { y: { field: 'y', ...y } },
        },
      ] : []),
      {
        name: 'interval',
        data: { values: rows },
        layer: [
          {
            name: 'interval-band',
            mark: { type: 'errorband', opacity: 0.18, borders: false },
            encoding: {
              x, y: { field: 'lo', ...y, title: input.yTitle }, y2: { field: 'hi' },
              color: { ...series, ...(input.legend === false ? {} : { legend: { symbolOpacity: 1, symbolType: 'stroke' as const, symbolStrokeWidth: 2 } }) },
              tooltip: [
                { field: 'series', type: 'nominal', title: ' ' },
                { field: 'period', type: 'ordinal', title: input.labels.period },
                { field: 'lo', type: 'quantitative', title: input.labels.lo, format: ',.2f' },
                { field: 'hi', type: 'quantitative', title: input.labels.hi, format: ',.2f' },
              ],
            },
          },
          {
            name: 'ratio-line',
            mark: { type: 'line' },
            encoding: { x, y: { field: 'value', ...y }, color: series },
          },
          {
            name: 'ratio-points',
            mark: { type: 'point', filled: false, size: 40, strokeWidth: 1.5 },
            encoding: {
              x, y: { field: 'value', ...y },
              stroke: series,
              shape: { condition: { test: "datum.flag === 'high'", value: 'triangle-up' }, value: 'circle' },
              fill: { condition: { test: 'datum.small', value: '#ffffff' }, ...series },
              tooltip: [
                { field: 'series', type: 'nominal', title: ' ' },
                { field: 'period', type: 'ordinal', title: input.labels.period },
                { field: 'value', type: 'quantitative', title: input.yTitle, format: ',.2f' },
                { field: 'lo', type: 'quantitative', title: input.labels.lo, format: ',.2f' },
                { field: 'hi', type: 'quantitative', title: input.labels.hi, format: ',.2f' },
                { field: 'births', type: 'quantitative', title: input.labels.births, format: ',' },
                { field: 'flagLabel', type: 'nominal', title: input.labels.flag },
              ],
            },
          },
          {
            name: 'beyond-axis',
            transform: [{ filter: 'datum.beyond' }],
            mark: { type: 'text', fontSize: 10, dx: 4, align: 'left', baseline: 'middle' },
            encoding: {
              x, y: { field: 'value', ...y }, color: series,
              text: { field: 'value', type: 'quantitative', format: '.1f' },
            },
          },
        ],
      },
    ],
    config: chartConfig(input.medium),
  };
}
