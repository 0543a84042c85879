/**
 * Maps drawn again from a kept Vega view (workers/mapViews.ts) are the maps drawn from scratch:
 * the same SVG for the same values (but the legend gradient's running id, which differs between
 * any two drawings), one view built per kind of map, one drawing at a time per view, a view that
 * failed let go, and at most `limit` views kept.
 */
import { describe, expect, it } from 'vitest';
import type { Topology } from 'topojson-specification';
import { mapChartSpec, mapTakesNewValues, mapTownshipValues, type MapChartInput } from '../web/src/charts/mapLayers.ts';
import { NAMED_UP_TO, NO_VALUE_GREY } from '../web/src/charts/choropleth.ts';
import { specToSvg, viewOf } from '../server/notebooks/charts.ts';
import { MapViews } from '../server/workers/mapViews.ts';

const N = NAMED_UP_TO + 20;
const code = (i: number) => String(999901001 + i);
/** N unit squares in a 10-wide grid, each its own arcs. */
const topology: Topology = {
  type: 'Topology',
  objects: { townships: { type: 'GeometryCollection', geometries: Array.from({ length: N }, (_, i) => ({ type: 'Polygon' as const, arcs: [[i]], id: code(i), properties: { code: code(i) } })) } },
  arcs: Array.from({ length: N }, (_, i) => {
    const [x, y] = [i % 10, Math.floor(i / 10)];
    return [[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]];
  }),
};

function input(values: (i: number) => number | null, layer: MapChartInput['layer'] = 'tfr', n = N): MapChartInput {
  return {
    layer, lang: 'zh', topology, nameOf: (c) => `乡${c.slice(-3)}`,
    values: { unit: 'children per woman', rows: Array.from({ length: n }, (_, i) => ({ township: code(i), value: values(i), small: i % 7 === 0 })) },
  };
}

/** The SVG without the legend gradient's running id. */
const same = (svg: string) => svg.replace(/gradient_\d+/g, 'gradient');
const fillOf = (svg: string, township: string) => new RegExp(`aria-label="${township}"[^>]*?fill="([^"]+)"`).exec(svg)?.[1];

async function drawKept(views: MapViews, i: MapChartInput, built: { n: number }): Promise<string> {
  return views.draw(`${i.layer} ${i.values.unit} ${i.lang}`, () => { built.n++; return viewOf(mapChartSpec(i)); }, mapTownshipValues(i));
}

describe('map views kept between drawings', () => {
  it('draws the map of new values as a drawing from scratch does, building the view once', async () => {
    const views = new MapViews();
    const built = { n: 0 };
    const low = input((i) => 1 + i / 100);
    const high = input((i) => (i === 5 ? null : 3 - i / 100));
    for (const i of [low, high, low]) expect(same(await drawKept(views, i, built))).toBe(same(await specToSvg(mapChartSpec(i))));
    expect(built.n).toBe(1);
    // the values did change the picture: township 0 lowest in one, highest in the other; 5 without a value is grey
    const [a, b] = [await drawKept(views, low, built), await drawKept(views, high, built)];
    expect(fillOf(a, code(0))).not.toBe(fillOf(b, code(0)));
    expect(fillOf(b, code(5))).toBe(NO_VALUE_GREY);
    views.clear();
  });

  it('draws one map at a time per view: two at once each get their own values', async () => {
    const views = new MapViews();
    const built = { n: 0 };
    const [a, b] = [input((i) => i), input((i) => N - i)];
    const [svgA, svgB] = await Promise.all([drawKept(views, a, built), drawKept(views, b, built)]);
    expect(same(svgA)).toBe(same(await specToSvg(mapChartSpec(a))));
    expect(same(svgB)).toBe(same(await specToSvg(mapChartSpec(b))));
    expect(built.n).toBe(1);
    views.clear();
  });

  it('keeps at most `limit` views, the least recently drawn let go first', async () => {
    const views = new MapViews(2);
    const built = { n: 0 };
    const values = (i: number) => i;
    for (const layer of ['tfr', 'cbr', 'tfr', 'births'] as const) await drawKept(views, input(values, layer), built);
    expect(views.size).toBe(2);
    expect(built.n).toBe(3); // tfr, cbr, births; tfr's second drawing reused its view
    await drawKept(views, input(values, 'tfr'), built); // kept (drawn after cbr)
    expect(built.n).toBe(3);
    await drawKept(views, input(values, 'cbr'), built); // let go when births came
    expect(built.n).toBe(4);
    views.clear();
    expect(views.size).toBe(0);
  });

  it('lets a view that failed to draw go, and builds a new one for the next drawing', async () => {
    const views = new MapViews();
    let builds = 0;
    const ok = input((i) => i);
    // a chart without the values' dataset: giving it values fails
    const broken = () => { builds++; return viewOf({ data: { values: [{ x: 1 }] }, mark: 'point', encoding: { x: { field: 'x', type: 'quantitative' } } }); };
    await expect(views.draw('k', broken, mapTownshipValues(ok))).rejects.toThrow(/township_values/);
    await expect(views.draw('k', broken, mapTownshipValues(ok))).rejects.toThrow(/township_values/);
    expect(builds).toBe(2);
    expect(views.size).toBe(0);
  });

  it('only maps whose chart changes through its values are kept: not named ones (≤ NAMED_UP_TO), not the ranked bars', () => {
    expect(mapTakesNewValues(input((i) => i))).toBe(true);
    expect(mapTakesNewValues(input((i) => i, 'tfr', NAMED_UP_TO))).toBe(false);
    expect(mapTakesNewValues({ ...input((i) => i), topology: null })).toBe(false);
    expect(mapTakesNewValues(input(() => null))).toBe(false); // no legend then: another chart
  });
});
