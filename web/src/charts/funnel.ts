/**
 * @module charts/funnel
 * Funnel plot: each township's SRB against its number of births, with the 95% (dashed) and
 * 99.8% (solid) control limits around the county ratio, so that small, noisy townships are
 * not mistaken for hot spots. Unbounded limits (null) are left out; the y axis spans 70–180 at
 * most, and a township beyond it is drawn on the edge (a triangle) with its ratio beside its name.
 *
 * @example
 * funnelSpec({ points, limits, center: 113.2, labels });
 */
import type { TopLevelSpec } from 'vega-lite';
import { SCHEMA, chartConfig, type Medium } from './common.ts';
import { MUTED, NORMAL_BAND_COLOR, TARGET_COLOR } from './palette.ts';

export interface FunnelPointRow { township: string; name: string; births: number; srb: number | null; funnel: string; funnelLabel: string; small: boolean }
export interface FunnelLimitRow { births: number; lo95: number; hi95: number | null; lo998: number; hi998: number | null }

export interface FunnelInput {
  points: readonly FunnelPointRow[];
  limits: readonly FunnelLimitRow[];
  center: number;
  band?: readonly [number, number];
  labels: { births: string; srb: string; limit95: string; limit998: string; center: string; name: string; funnel: string; limit: string; beyond: string };
  /** 'print' for reports and exported pictures (common.ts). */
  medium?: Medium;
  width?: number;
  height?: number;
}

const FUNNEL_COLORS = { domain: ['above998', 'above95', 'inside', 'below95', 'below998'], range: ['#a93226', '#e67e22', MUTED, '#5dade2', '#1f618d'] };

/** The y axis: the points and the county ±15, within 70–180 (a point beyond is drawn on the edge). */
export function funnelAxis(points: readonly Pick<FunnelPointRow, 'srb'>[], center: number): [number, number] {
  const srbs = points.map((p) => p.srb).filter((v): v is number => v !== null && Number.isFinite(v));
  return [
    Math.max(70, Math.floor((Math.min(center - 15, ...srbs) - 3) / 5) * 5),
    Math.min(180, Math.ceil((Math.max(center + 15, ...srbs) + 3) / 5) * 5),
  ];
}

/** The townships beyond the axis, which the page lists with their ratios under the plot. */
export function beyondAxis<P extends Pick<FunnelPointRow, 'srb'>>(points: readonly P[], center: number): P[] {
  const [lo, hi] = funnelAxis(points, center);
  return points.filter((p) => p.srb !== null && (p.srb < lo || p.srb > hi));
}

export function funnelSpec(input: FunnelInput): TopLevelSpec {
  const [yMin, yMax] = funnelAxis(input.points, input.center);
  const maxBirths = Math.max(...input.points.map((p) => p.births), ...input.limits.map((l) => l.births), 10);
  const y = { type: 'quantitative' as const, scale: { domain: [yMin, yMax], zero: false } };
  // a township beyond the axis (a handful of births: 0 or 250) is drawn on its edge as a triangle
  // pointing out (its ratio in the tooltip and, when named, beside its name; the page lists them):
  // left out, it would hide the very townships to watch
  const points = input.points.map((p) => {
    const beyond = p.srb !== null && (p.srb > yMax || p.srb < yMin);
    const funnelLabel = beyond ? `${p.funnelLabel}（${input.labels.beyond}）` : p.funnelLabel;
    return {
      ...p, funnelLabel, shown: p.srb === null ? null : Math.min(yMax, Math.max(yMin, p.srb)),
      edge: !beyond ? 'within' : p.srb! > yMax ? 'above' : 'below',
      tag: beyond ? `${p.name} ${p.srb!.toFixed(1)}` : p.name,
      // what a screen reader says of a point (its drawn position and shape are not figures)
      aria: `${p.name}; ${input.labels.births}: ${p.births.toLocaleString('en')}; ${input.labels.srb}: ${p.srb === null ? '—' : p.srb.toFixed(2)}; ${funnelLabel}`,
    };
  });
  const x = { field: 'births', type: 'quantitative' as const, title: input.labels.births, scale: { domain: [0, maxBirths * 1.05], nice: false }, axis: { format: ',.0f' } };
  const long = (key: 'lo95' | 'hi95' | 'lo998' | 'hi998', limit: string, bound: string) =>
    input.limits.filter((l) => l[key] !== null).map((l) => ({ births: l.births, value: l[key] as number, limit, bound }));
  const line95 = [...long('lo95', input.labels.limit95, 'lo'), ...long('hi95', input.labels.limit95, 'hi')];
  const line998 = [...long('lo998', input.labels.limit998, 'lo'), ...long('hi998', input.labels.limit998, 'hi')];
  const limitLayer = (name: string, values: object[], dash: number[]) => ({
    name,
    data: { values },
    mark: { type: 'line' as const, clip: true, color: '#34495e', strokeWidth: 1.2, strokeDash: dash },
    encoding: {
      x, y: { field: 'value', ...y, title: input.labels.srb },
      detail: { field: 'bound', type: 'nominal' as const },
      tooltip: [{ field: 'limit', type: 'nominal' as const, title: input.labels.limit }, { field: 'births', type: 'quantitative' as const, title: input.labels.births, format: ',' }, { field: 'value', type: 'quantitative' as const, title: input.labels.srb, format: ',.2f' }],
    },
  });
  return {
    $schema: SCHEMA,
    width: input.width ?? 560,
    height: input.height ?? 320,
    layer: [
      ...(input.band ? [{
        name: 'normal-band',
        data: { values: [{ y: input.band[0], y2: input.band[1] }] },
        mark: { type: 'rect' as const, color: NORMAL_BAND_COLOR, opacity: 0.1 },
        encoding: { y: { field: 'y', ...y }, y2: { field: 'y2' } },
      }] : []),
      limitLayer('limit-95', line95, [5, 4]),
      limitLayer('limit-998', line998, []),
      {
        name: 'center',
        data: { values: [{ value: input.center, label: `${input.labels.center} ${input.center.toFixed(2)}` }] },
        mark: { type: 'rule' as const, color: TARGET_COLOR, strokeWidth: 1 },
        encoding: { y: { field: 'value', ...y }, tooltip: { field: 'label', type: 'nominal' as const } },
      },
      {
        name: 'townships',
        data: { values: points },
        layer: [
          {
            // not clipped: every point is within the axis (those beyond are drawn on its edge)
            mark: { type: 'point' as const, filled: true, size: 70, opacity: 0.9, stroke: '#ffffff', strokeWidth: 0.8 },
            encoding: {
              x, y: { field: 'shown', ...y },
              color: { field: 'funnel', type: 'nominal' as const, title: input.labels.funnel, scale: FUNNEL_COLORS, legend: null },
              shape: { field: 'edge', type: 'nominal' as const, scale: { domain: ['within', 'above', 'below'], range: ['circle', 'triangle-up', 'triangle-down'] }, legend: null },
              description: { field: 'aria', type: 'nominal' as const },
              tooltip: [
                { field: 'name', type: 'nominal' as const, title: input.labels.name },
                { field: 'births', type: 'quantitative' as const, title: input.labels.births, format: ',' },
                { field: 'srb', type: 'quantitative' as const, title: input.labels.srb, format: ',.2f' },
                { field: 'funnelLabel', type: 'nominal' as const, title: input.labels.funnel },
              ],
            },
          },
          {
            transform: [{ filter: "datum.funnel !== 'inside'" }],
            mark: { type: 'text' as const, align: 'left' as const, dx: 6, fontSize: 11 },
            encoding: { x, y: { field: 'shown', ...y }, text: { field: 'tag', type: 'nominal' as const } },
          },
        ],
      },
    ],
    config: chartConfig(input.medium),
  };
}
