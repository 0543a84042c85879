/**
 * @module charts/bars
 * Bars, one per category (townships side by side, rules of the data-quality page, age groups),
 * optionally coloured by a second field and with reference rules (the county value, a target).
 * Categories keep the order given (e.g. ranked). Horizontal by default (long Chinese names read
 * best down the side); `vertical` stands them up (age groups, months).
 *
 * @example
 * barsSpec({ rows: [{ category: '青石镇', value: 8.1, small: false }], xTitle: '出生率（‰）', format: ',.2f', reference: { value: 7.1, label: '全县' } });
 */
import type { TopLevelSpec } from 'vega-lite';
import { SCHEMA, chartConfig, wholeNumbers, type Medium } from './common.ts';
import { FLAG_COLOR, INK, MUTED } from './palette.ts';

export interface BarRow {
  category: string; value: number | null; small?: boolean; group?: string; highlight?: boolean;
  /** The bar's aria-label in the drawn SVG instead of Vega-Lite's own (the map's bars lead with the township's code: the page finds the township under the pointer by it). */
  description?: string;
}
export interface BarReference { value: number; label: string }

export interface BarsInput {
  rows: readonly BarRow[];
  /** Title of the value axis. */
  xTitle: string;
  format: string;
  reference?: BarReference | readonly BarReference[];
  groupTitle?: string;
  colors?: { domain: string[]; range: string[] };
  /** Stack bars by group instead of one bar per category. */
  stack?: boolean;
  /** Categories along the bottom, values up. */
  vertical?: boolean;
  /** Title of the category axis (none by default: the names say it). */
  categoryTitle?: string;
  /** 'print' for reports and exported pictures (common.ts). */
  medium?: Medium;
  width?: number;
  /** Plot height of vertical bars (horizontal ones take a step per category). */
  height?: number;
  labels: { category: string; small: string };
}

export function barsSpec(input: BarsInput): TopLevelSpec {
  const categories = [...new Set(input.rows.map((r) => r.category))];
  const grouped = input.rows.some((r) => r.group !== undefined);
  const references = input.reference === undefined ? [] : Array.isArray(input.reference) ? input.reference : [input.reference as BarReference];
  const rowHeight = categories.length > 14 ? 16 : 22;
  // category and value channels: y and x lying down, x and y standing up
  const [cat, val, offset] = input.vertical ? (['x', 'y', 'xOffset'] as const) : (['y', 'x', 'yOffset'] as const);
  // Sorted by a rank field, not by the list of categories: Vega-Lite turns a list into one nested
  // conditional per category, which overflows the stack at 1,500 townships.
  const rank = new Map(categories.map((c, i) => [c, i]));
  const category = { field: 'category', type: 'nominal' as const, title: input.categoryTitle ?? null, sort: { field: 'rank', op: 'min' as const }, axis: input.vertical ? { labelAngle: 0 } : { labelLimit: 160 } };
  // whole-number formats get whole-number ticks (no 0 1 1 2 2 3 from ticks at halves)
  const value = { field: 'value', type: 'quantitative' as const, title: input.xTitle, axis: { format: input.format, ...(wholeNumbers(input.format) ? { tickMinStep: 1 } : {}) }, ...(input.stack ? { stack: 'zero' as const } : {}) };
  const color = grouped
    ? { field: 'group', type: 'nominal' as const, title: input.groupTitle ?? null, ...(input.colors ? { scale: { domain: input.colors.domain, range: input.colors.range } } : {}) }
    : { condition: { test: 'datum.highlight', value: FLAG_COLOR }, value: MUTED };
  const groupOffset = grouped && !input.stack ? { [offset]: { field: 'group', type: 'nominal' as const } } : {};
  const described = input.rows.some((r) => r.description !== undefined) ? { description: { field: 'description', type: 'nominal' as const } } : {};
  const valueLabel = input.vertical
    ? { type: 'text' as const, align: 'center' as const, baseline: 'bottom' as const, dy: -2, fontSize: 10, color: '#34495e' }
    : { type: 'text' as const, align: 'left' as const, dx: 3, fontSize: 10, color: '#34495e' };
  const referenceLabel = input.vertical
    ? { type: 'text' as const, align: 'right' as const, baseline: 'bottom' as const, dy: -2, x: 'width' as const, fontSize: 10, color: INK }
    : { type: 'text' as const, align: 'left' as const, baseline: 'top' as const, dx: 3, y: -12, fontSize: 10, color: INK };
  return {
    $schema: SCHEMA,
    width: input.width ?? 460,
    height: input.vertical ? input.height ?? 200 : { step: rowHeight },
    layer: [
      {
        name: 'bars',
        data: { values: input.rows.map((r) => ({ ...r, rank: rank.get(r.category), smallLabel: r.small ? '⚠' : '' })) },
        layer: [
          {
            mark: { type: 'bar' },
            encoding: {
              [cat]: category, [val]: value, color, ...groupOffset, ...described,
              opacity: { condition: { test: 'datum.small', value: 0.45 }, value: 1 },
              tooltip: [
                { field: 'category', type: 'nominal', title: input.labels.category },
                ...(grouped ? [{ field: 'group', type: 'nominal' as const, title: input.groupTitle ?? ' ' }] : []),
                { field: 'value', type: 'quantitative', title: input.xTitle, format: input.format },
                { field: 'smallLabel', type: 'nominal', title: input.labels.small },
              ],
            },
          },
          ...(input.stack ? [] : [{
            mark: valueLabel,
            encoding: { [cat]: category, [val]: value, ...groupOffset, text: { field: 'value', type: 'quantitative' as const, format: input.format } },
          }]),
        ],
      },
      ...(references.length ? [{
        name: 'reference',
        data: { values: references.map((r) => ({ ...r })) },
        layer: [
          { mark: { type: 'rule' as const, color: INK, strokeDash: [4, 3] }, encoding: { [val]: { field: 'value', type: 'quantitative' as const } } },
          { mark: referenceLabel, encoding: { [val]: { field: 'value', type: 'quantitative' as const }, text: { field: 'label', type: 'nominal' as const } } },
        ],
      }] : []),
    ],
    config: chartConfig(input.medium),
  } as TopLevelSpec;
}
