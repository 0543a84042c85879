/**
 * @module charts/trend
 * Lines over periods, one per series (a township, the county, a residence group), with points
 * hollow where the row is marked small and an optional target rule (e.g. compliance 99%).
 * Periods are ordinal labels as the API gives them (`2024`, `SY2024`, `2024Q1`, `2024-01`).
 *
 * @example
 * trendSpec({ rows: [{ period: '2024', series: '全县', value: 7.1, small: false }], yTitle: '出生率（‰）', format: ',.2f' });
 */
import type { TopLevelSpec } from 'vega-lite';
import { SCHEMA, chartConfig, wholeNumbers, type Medium } from './common.ts';
import { TARGET_COLOR } from './palette.ts';

export interface TrendRow { period: string; series: string; value: number | null; small: boolean; dash?: string }

export interface TrendInput {
  rows: readonly TrendRow[];
  yTitle: string;
  format: string;
  /** Series in legend order with their colours. */
  colors?: { domain: string[]; range: string[] };
  seriesTitle?: string;
  /** False: no legend (a lone series named by the chart's title). */
  legend?: boolean;
  xTitle?: string;
  /** Dashed lines by a second field (e.g. residence) when set. */
  dashTitle?: string;
  /** The dash values in order, the first solid: the same line for the same series in either language (sorted, 户籍 came first in Chinese, Migrant in English). */
  dashOrder?: string[];
  targets?: readonly { value: number; label: string }[];
  zero?: boolean;
  /** 'print' for reports and exported pictures (common.ts). */
  medium?: Medium;
  width?: number;
  height?: number;
  labels: { period: string; small: string };
}

export function trendSpec(input: TrendInput): TopLevelSpec {
  // numbers within labels compare as numbers: 2月 before 10月 (a 1至N月 chart), 2024-03 as before
  const periods = [...new Set(input.rows.map((r) => r.period))].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const color = {
    field: 'series', type: 'nominal' as const, title: input.seriesTitle ?? null,
    ...(input.legend === false ? { legend: null } : {}),
    ...(input.colors ? { scale: { domain: input.colors.domain, range: input.colors.range } } : {}),
  };
  const dash = input.dashTitle ? { strokeDash: { field: 'dash', type: 'nominal' as const, title: input.dashTitle, ...(input.dashOrder ? { scale: { domain: input.dashOrder } } : {}) } } : {};
  const x = {
    field: 'period', type: 'ordinal' as const, title: input.xTitle ?? null, sort: periods,
    axis: { labelOverlap: 'parity' as const, labelAngle: periods.length > 14 ? -45 : 0, labelLimit: 80 },
  };
  const y = { field: 'value', type: 'quantitative' as const, title: input.yTitle, scale: { zero: input.zero ?? false }, axis: { format: input.format, ...(wholeNumbers(input.format) ? { tickMinStep: 1 } : {}) } };
  const tooltip = [
    { field: 'series', type: 'nominal' as const, title: input.seriesTitle ?? ' ' },
    ...(input.dashTitle ? [{ field: 'dash', type: 'nominal' as const, title: input.dashTitle }] : []),
    { field: 'period', type: 'ordinal' as const, title: input.labels.period },
    { field: 'value', type: 'quantitative' as const, title: input.yTitle, format: input.format },
  ];
  // the small-sample line only on the points it concerns (an empty line on every point read as a warning)
  const smallTooltip = [...tooltip, { field: 'smallLabel', type: 'nominal' as const, title: input.labels.small }];
  // the small layer only when a row is small (an empty layer makes Vega warn of an infinite extent)
  const anySmall = input.rows.some((r) => r.small);
  const points = (small: boolean) => ({
    name: small ? 'points-small' : 'points',
    transform: anySmall ? [{ filter: small ? 'datum.small' : '!datum.small' }] : [],
    mark: { type: 'point' as const, strokeWidth: 1.5, filled: false },
    encoding: {
      x, y, tooltip: small ? smallTooltip : tooltip,
      stroke: color,
      fill: small ? { value: '#ffffff' } : color,
      opacity: { value: 1 },
    },
  });
  return {
    $schema: SCHEMA,
    width: (input.width ?? 520) - targetLabelsWidth(input.targets ?? []),
    height: input.height ?? 240,
    data: { values: input.rows.map((r) => ({ ...r, dash: r.dash ?? '', smallLabel: r.small ? '⚠' : '' })) },
    layer: [
      ...(input.targets?.length ? [{
        name: 'targets',
        data: { values: input.targets.map((tg) => ({ ...tg })) },
        mark: { type: 'rule' as const, strokeDash: [4, 3], color: TARGET_COLOR },
        encoding: { y: { field: 'value', type: 'quantitative' as const } },
      }] : []),
      {
        name: 'lines',
        mark: { type: 'line' as const, interpolate: 'linear' as const },
        encoding: { x, y, color, ...dash, detail: { field: 'dash', type: 'nominal' as const } },
      },
      points(false),
      ...(anySmall ? [points(true)] : []),
      ...(input.targets ?? []).map((tg, i) => targetLabel(`target-label-${i}`, tg)),
    ],
    config: chartConfig(input.medium),
  };
}

/**
 * A target's label just right of the plot, level with its rule: inside the plot it ran through any
 * line near the target (a compliance of 99% under "户籍目标 99%"). The plot is narrowed by the
 * labels' width, so the chart keeps its size.
 */
function targetLabel(name: string, target: { value: number; label: string }) {
  return {
    name,
    data: { values: [{ ...target }] },
    mark: { type: 'text' as const, color: TARGET_COLOR, fontSize: 10, align: 'left' as const, baseline: 'middle' as const, x: 'width' as const, dx: 4 },
    encoding: { y: { field: 'value', type: 'quantitative' as const }, text: { field: 'label', type: 'nominal' as const } },
  };
}

/** About how wide the targets' labels are at fontSize 10 (a CJK character about 10 px, others 5). */
function targetLabelsWidth(targets: readonly { label: string }[]): number {
  const px = (text: string) => [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0xff ? 10 : 5), 0);
  return targets.length === 0 ? 0 : Math.max(...targets.map((tg) => px(tg.label))) + 8;
}
