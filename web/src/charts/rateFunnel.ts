/**
 * @module charts/rateFunnel
 * Funnel plot for a rate item of the scorecard (compliance, certificate rate): each township's
 * rate against its number of events, with the 95% (dashed) and 99.8% (solid) limits around the
 * target p₀: p₀ ± z·√(p₀(1 − p₀)/n) (Spiegelhalter 2005, normal approximation). A township below
 * the lower limit misses the target by more than chance; one inside it may be unlucky.
 *
 * @example
 * rateFunnelSpec({ points, target: 99, labels });
 */
import type { TopLevelSpec } from 'vega-lite';
import { SCHEMA, chartConfig, type Medium } from './common.ts';
import { FLAG_COLOR, MET_COLOR, TARGET_COLOR } from './palette.ts';

export interface RatePoint { township: string; name: string; n: number; value: number | null; met: boolean | null }
export interface RateFunnelInput {
  points: readonly RatePoint[];
  /** The target in %. */
  target: number;
  labels: { n: string; value: string; limit95: string; limit998: string; target: string; name: string };
  /** 'print' for reports and exported pictures (common.ts). */
  medium?: Medium;
  width?: number;
  height?: number;
}

const Z95 = 1.959963984540054;
const Z998 = 3.090232306167813;

/** The lower and upper limits at n events, in % (clamped to 0–100). */
export function rateLimits(targetPct: number, n: number, z: number): [number, number] {
  const p = targetPct / 100;
  const se = Math.sqrt((p * (1 - p)) / n);
  return [Math.max(0, 100 * (p - z * se)), Math.min(100, 100 * (p + z * se))];
}

export function rateFunnelSpec(input: RateFunnelInput): TopLevelSpec {
  const shown = input.points.filter((p) => p.value !== null && p.n > 0);
  const maxN = Math.max(10, ...shown.map((p) => p.n));
  const grid: number[] = [];
  for (let k = 0; k <= 60; k++) grid.push(Math.max(1, Math.round(5 * (maxN / 5) ** (k / 60))));
  const lines = [...new Set(grid)].flatMap((n) => [[input.labels.limit95, Z95], [input.labels.limit998, Z998]].flatMap(([label, z]) => {
    const [lo, hi] = rateLimits(input.target, n, z as number);
    return [{ n, value: lo, limit: label, bound: `${label}-lo` }, { n, value: hi, limit: label, bound: `${label}-hi` }];
  }));
  const values = shown.map((p) => p.value as number);
  const yMin = Math.max(0, Math.floor(Math.min(input.target - 10, ...values) - 2));
  const y = { type: 'quantitative' as const, scale: { domain: [yMin, 100], zero: false }, title: input.labels.value };
  const x = { field: 'n', type: 'quantitative' as const, title: input.labels.n, scale: { domain: [0, maxN * 1.05], nice: false } };
  return {
    $schema: SCHEMA,
    width: input.width ?? 420,
    height: input.height ?? 260,
    layer: [
      {
        data: { values: lines },
        mark: { type: 'line', clip: true, color: '#34495e', strokeWidth: 1.1 },
        encoding: { x, y: { field: 'value', ...y }, detail: { field: 'bound', type: 'nominal' }, strokeDash: { field: 'limit', type: 'nominal', legend: null, scale: { domain: [input.labels.limit95, input.labels.limit998], range: [[5, 4], [1, 0]] } } },
      },
      {
        data: { values: [{ value: input.target, label: `${input.labels.target} ${input.target}%` }] },
        mark: { type: 'rule', color: TARGET_COLOR },
        encoding: { y: { field: 'value', ...y }, tooltip: { field: 'label', type: 'nominal' } },
      },
      {
        data: { values: shown.map((p) => ({ ...p, status: p.met === false ? 'miss' : 'met' })) },
        mark: { type: 'point', filled: true, size: 60, clip: true },
        encoding: {
          x, y: { field: 'value', ...y },
          color: { field: 'status', type: 'nominal', legend: null, scale: { domain: ['met', 'miss'], range: [MET_COLOR, FLAG_COLOR] } },
          tooltip: [
            { field: 'name', type: 'nominal', title: input.labels.name },
            { field: 'n', type: 'quantitative', title: input.labels.n, format: ',' },
            { field: 'value', type: 'quantitative', title: input.labels.value, format: ',.2f' },
          ],
        },
      },
    ],
    config: chartConfig(input.medium),
  };
}
