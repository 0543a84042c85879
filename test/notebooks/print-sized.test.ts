/**
 * A report chart's print shape (server/notebooks/charts.ts `printSized`): wider than 16:9 gets a
 * taller plot, taller than 4:3 a shorter one. The size is read from the laid-out view and a single
 * view is resized through its `height` signal, so each case is checked against the SVG itself and
 * against the resized spec compiled afresh: the same size and the same elements (Vega may list
 * re-laid-out ticks in another order and round a coordinate in the 14th digit).
 */
import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { printSized, specToSvg, svgSize, withReportConfig } from '../../server/notebooks/charts.ts';

const values = Array.from({ length: 12 }, (_, i) => ({ month: `2024-${String(i + 1).padStart(2, '0')}`, births: 80 + ((i * 37) % 50) }));

const line = (width: number, height: number): TopLevelSpec => withReportConfig({
  width, height, title: '分月出生人数', data: { values },
  mark: 'line', encoding: { x: { field: 'month', type: 'ordinal' }, y: { field: 'births', type: 'quantitative' } },
} as TopLevelSpec);

const twoViews: TopLevelSpec = withReportConfig({
  data: { values },
  hconcat: [
    { width: 260, height: 80, mark: 'bar', encoding: { x: { field: 'month', type: 'ordinal' }, y: { field: 'births', type: 'quantitative' } } },
    { width: 260, height: 80, mark: 'point', encoding: { x: { field: 'month', type: 'ordinal' }, y: { field: 'births', type: 'quantitative' } } },
  ],
} as TopLevelSpec);

/** The SVG's elements as a sorted list, coordinates rounded to 6 decimals. */
function elements(svg: string): string[] {
  return svg.replace(/-?\d+\.\d+/g, (n) => String(Number(Number(n).toFixed(6)))).replace(/></g, '>\n<').split('\n').sort();
}

describe('printSized', () => {
  it.each([
    ['a wide single view', line(560, 120), 16 / 9],
    ['a tall single view', line(300, 600), 4 / 3],
    ['two views side by side', twoViews, 16 / 9],
  ] as const)('%s comes out in print shape, drawn as its resized spec compiled afresh', async (_, spec, ratio) => {
    const sized = await printSized(spec);
    expect(svgSize(sized.svg)).toEqual({ width: sized.width, height: sized.height });
    expect(sized.width / sized.height).toBeCloseTo(ratio, 1);
    expect(Math.abs(sized.width / sized.height - ratio)).toBeLessThanOrEqual(0.02);
    const fresh = await specToSvg(sized.spec);
    expect(svgSize(fresh)).toEqual({ width: sized.width, height: sized.height });
    expect(elements(sized.svg)).toEqual(elements(fresh));
  });

  it('leaves a chart already in shape as it is', async () => {
    const spec = line(560, 285); // 616 × 349 with title and axes: 1.77
    const sized = await printSized(spec);
    expect(sized.spec).toBe(spec);
    expect(sized.svg).toBe(await specToSvg(spec));
  });
});
