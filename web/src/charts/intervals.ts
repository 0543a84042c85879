/**
 * @module charts/intervals
 * A value with its 95% interval for each category, one row each in the order given (townships
 * ranked by their smoothed SRB), over the normal range as a shaded band; a flagged row is drawn
 * in the flag colour.
 *
 * @example
 * intervalsSpec({ rows: [{ category: '青石镇', value: 112.4, lo: 104.1, hi: 121.3, flag: 'high' }], band: [103, 107], xTitle: '出生人口性别比（95%区间）', labels });
 */
import type { TopLevelSpec } from 'vega-lite';
import { SCHEMA, chartConfig, type Medium } from './common.ts';
import { FLAG_COLOR, NORMAL_BAND_COLOR, SERIES_COLOR } from './palette.ts';

export interface IntervalRow { category: string; value: number | null; lo: number | null; hi: number | null; flag?: string | null }

export interface IntervalsInput {
  rows: readonly IntervalRow[];
  /** The normal range drawn behind the intervals, if any. */
  band?: readonly [number, number];
  xTitle: string;
  /** The `flag` value drawn in the flag colour. */
  flagged?: string;
  format?: string;
  labels: { category: string; lo: string; hi: string };
  /** 'print' for reports and exported pictures (common.ts). */
  medium?: Medium;
  width?: number;
}

export function intervalsSpec(input: IntervalsInput): TopLevelSpec {
  const format = input.format ?? ',.2f';
  // The order given, as a rank field (a list of 1,500 categories compiles to a nested conditional that overflows the stack).
  const y = { field: 'category', type: 'nominal' as const, title: null, sort: { field: 'rank', op: 'min' as const } };
  const x = { type: 'quantitative' as const, scale: { zero: false } };
  return {
    $schema: SCHEMA,
    width: input.width ?? 520,
    height: { step: 20 },
    layer: [
      ...(input.band ? [{
        name: 'normal-band',
        data: { values: [{ x: input.band[0], x2: input.band[1] }] },
        mark: { type: 'rect' as const, color: NORMAL_BAND_COLOR, opacity: 0.14 },
        encoding: { x: { field: 'x', ...x }, x2: { field: 'x2' } },
      }] : []),
      {
        name: 'intervals',
        data: { values: input.rows.map((r, rank) => ({ ...r, rank, flag: r.flag ?? null })) },
        layer: [
          { mark: { type: 'rule' as const, color: '#777777' }, encoding: { y, x: { field: 'lo', ...x, title: input.xTitle }, x2: { field: 'hi' } } },
          {
            mark: { type: 'point' as const, filled: true, size: 60 },
            encoding: {
              y, x: { field: 'value', ...x },
              color: { condition: { test: `datum.flag === ${JSON.stringify(input.flagged ?? 'high')}`, value: FLAG_COLOR }, value: SERIES_COLOR },
              tooltip: [
                { field: 'category', type: 'nominal' as const, title: input.labels.category },
                { field: 'value', type: 'quantitative' as const, title: input.xTitle, format },
                { field: 'lo', type: 'quantitative' as const, title: input.labels.lo, format },
                { field: 'hi', type: 'quantitative' as const, title: input.labels.hi, format },
              ],
            },
          },
        ],
      },
    ],
    config: chartConfig(input.medium),
  };
}
