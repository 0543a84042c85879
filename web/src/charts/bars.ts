/**
 * @module charts/bars
 * Horizontal bars, one per category (townships side by side, rules of the data-quality page),
 * optionally coloured by a second field and with a reference rule (the county value, a target).
 * Categories keep the order given (e.g. ranked).
 *
 * @example
 * barsSpec({ rows: [{ category: '青石镇', value: 8.1, small: false }], xTitle: '出生率（‰）', format: ',.2f', reference: { value: 7.1, label: '全县' } });
 */
import type { TopLevelSpec } from 'vega-lite';
import { SCHEMA, chartConfig, wholeNumbers } from './common.ts';

export interface BarRow { category: string; value: number | null; small?: boolean; group?: string; highlight?: boolean }

export interface BarsInput {
  rows: readonly BarRow[];
  xTitle: string;
  format: string;
  reference?: { value: number; label: string };
  groupTitle?: string;
  colors?: { domain: string[]; range: string[] };
  /** Stack bars by group instead of one bar per category. */
  stack?: boolean;
  width?: number;
  labels: { category: string; small: string };
}

export function barsSpec(input: BarsInput): TopLevelSpec {
  const categories = [...new Set(input.rows.map((r) => r.category))];
  const rowHeight = categories.length > 14 ? 16 : 22;
  const y = { field: 'category', type: 'nominal' as const, title: null, sort: categories, axis: { labelLimit: 160 } };
  // whole-number formats get whole-number ticks (no 0 1 1 2 2 3 from ticks at halves)
  const x = { field: 'value', type: 'quantitative' as const, title: input.xTitle, axis: { format: input.format, ...(wholeNumbers(input.format) ? { tickMinStep: 1 } : {}) }, ...(input.stack ? { stack: 'zero' as const } : {}) };
  const color = input.rows.some((r) => r.group !== undefined)
    ? { field: 'group', type: 'nominal' as const, title: input.groupTitle ?? null, ...(input.colors ? { scale: { domain: input.colors.domain, range: input.colors.range } } : {}) }
    : { condition: { test: 'datum.highlight', value: '#c0392b' }, value: '#5d6d7e' };
  return {
    $schema: SCHEMA,
    width: input.width ?? 460,
    height: { step: rowHeight },
    layer: [
      {
        name: 'bars',
        data: { values: input.rows.map((r) => ({ ...r, smallLabel: r.small ? '⚠' : '' })) },
        layer: [
          {
            mark: { type: 'bar' },
            encoding: {
              y, x, color,
              ...(input.stack ? {} : { yOffset: input.rows.some((r) => r.group !== undefined) ? { field: 'group', type: 'nominal' as const } : undefined }),
              opacity: { condition: { test: 'datum.small', value: 0.45 }, value: 1 },
              tooltip: [
                { field: 'category', type: 'nominal', title: input.labels.category },
                ...(input.rows.some((r) => r.group !== undefined) ? [{ field: 'group', type: 'nominal' as const, title: input.groupTitle ?? ' ' }] : []),
                { field: 'value', type: 'quantitative', title: input.xTitle, format: input.format },
                { field: 'smallLabel', type: 'nominal', title: input.labels.small },
              ],
            },
          },
          ...(input.stack ? [] : [{
            mark: { type: 'text' as const, align: 'left' as const, dx: 3, fontSize: 10, color: '#34495e' },
            encoding: {
              y, x,
              ...(input.rows.some((r) => r.group !== undefined) ? { yOffset: { field: 'group', type: 'nominal' as const } } : {}),
              text: { field: 'value', type: 'quantitative' as const, format: input.format },
            },
          }]),
        ],
      },
      ...(input.reference ? [{
        name: 'reference',
        data: { values: [{ ...input.reference }] },
        layer: [
          { mark: { type: 'rule' as const, color: '#1d2733', strokeDash: [4, 3] }, encoding: { x: { field: 'value', type: 'quantitative' as const } } },
          { mark: { type: 'text' as const, align: 'left' as const, baseline: 'top' as const, dx: 3, y: -12, fontSize: 10, color: '#1d2733' }, encoding: { x: { field: 'value', type: 'quantitative' as const }, text: { field: 'label', type: 'nominal' as const } } },
        ],
      }] : []),
    ],
    config: chartConfig(),
  };
}
