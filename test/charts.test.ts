/**
 * Every chart builder of web/src/charts: built from small inputs, compiled with vega-lite's
 * compile() (no browser), and checked on the parts a planner relies on (the SRB band and
 * interval, the funnel's two limit lines, the pyramid's sides, the projection bands, the
 * CJK font). Also the CSV writer (BOM, quoting) and the number formats.
 */
import { describe, expect, it } from 'vitest';
import { compile, type TopLevelSpec } from 'vega-lite';
import { parse, View } from 'vega';
import type { Topology } from 'topojson-specification';
import { standardChart } from '../server/notebooks/chartKinds.ts';
import { parseSpec } from '../server/notebooks/spec.ts';
import { choroplethSpec, NAMED_UP_TO } from '../web/src/charts/choropleth.ts';
import { labelPoints, mercatorPlanar, mercatorY } from '../web/src/charts/geo.ts';
import { trendSpec } from '../web/src/charts/trend.ts';
import { srbSeriesSpec } from '../web/src/charts/srbSeries.ts';
import { beyondAxis, funnelSpec } from '../web/src/charts/funnel.ts';
import { pyramidSpec } from '../web/src/charts/pyramid.ts';
import { projectionSeriesSpec } from '../web/src/charts/projectionSeries.ts';
import { projectionPyramidSpec } from '../web/src/charts/projectionPyramid.ts';
import { barsSpec } from '../web/src/charts/bars.ts';
import { mapChartSpec } from '../web/src/charts/mapLayers.ts';
import { specToSvg } from '../server/notebooks/charts.ts';
import { intervalsSpec } from '../web/src/charts/intervals.ts';
import { exportCsv, exportTable } from '../web/src/exportRows.ts';
import { formatChange, formatValue, formatVsTarget, minusSign } from '../web/src/format.ts';
import { topology } from './fixtures/chartGallery.ts';

type Layer = { name?: string; layer?: Layer[]; mark?: unknown; encoding?: Record<string, unknown>; data?: { values?: unknown[] } };

/** Every named layer, depth first. */
function layers(spec: TopLevelSpec): Layer[] {
  const out: Layer[] = [];
  const walk = (l: Layer) => { out.push(l); (l.layer ?? []).forEach(walk); };
  walk(spec as unknown as Layer);
  return out;
}
const named = (spec: TopLevelSpec, name: string) => layers(spec).find((l) => l.name === name);
const markType = (l: Layer | undefined) => (typeof l?.mark === 'string' ? l.mark : (l?.mark as { type?: string } | undefined)?.type);

function compiles(spec: TopLevelSpec): void {
  const warnings: string[] = [];
  const logger = { level: () => logger, warn: (...m: unknown[]) => { warnings.push(m.join(' ')); return logger; }, info: () => logger, debug: () => logger, error: (...m: unknown[]) => { throw new Error(m.join(' ')); } };
  const vg = compile(spec, { logger: logger as never }).spec;
  expect(vg.marks?.length ?? 0).toBeGreaterThan(0);
  expect(warnings.filter((w) => !/Dropping|scale.*zero/i.test(w))).toEqual([]);
  expect((spec as { config?: { font?: string } }).config?.font).toMatch(/^"Noto Sans CJK SC"/);
}

type SceneNode = { marktype?: string; items?: SceneNode[] };
/** Rect marks drawn by a headless vega View (bars), counted through the scenegraph. */
function rectCount(view: View): number {
  const walk = (n: SceneNode): number => (n.items ?? []).reduce((sum, c) => sum + walk(c), n.marktype === 'rect' ? (n.items?.length ?? 0) : 0);
  return walk((view.scenegraph() as unknown as { root: SceneNode }).root);
}

const labelsTrend = { period: '时期', small: '样本量小' };

describe('chart builders compile and draw what they promise', () => {
  it('map without boundaries: each bar\'s aria-label leads with its code, then name, value and a small count\'s warning', async () => {
    const rows = [{ township: '999901001', value: 1234, small: false }, { township: '999901201', value: 7, small: true }];
    const spec = mapChartSpec({ layer: 'births', values: { rows, unit: 'persons' }, nameOf: (c) => (c === '999901001' ? '城关街道' : '柳河乡'), topology: null, lang: 'zh' });
    const labels = [...(await specToSvg(spec)).matchAll(/<path aria-label="([^"]+)"[^>]*aria-roledescription="bar"/g)].map((m) => m[1]);
    expect(labels).toEqual(['999901001 城关街道: 1,234', '999901201 柳河乡: 7 ⚠ 样本量小']);
  });

  it('choropleth: one geoshape layer over the townships, names placed at centroids', () => {
    const spec = choroplethSpec({
      topology, rows: [{ township: '999901001', name: '城关街道', value: 1200 }, { township: '999901002', name: '青石镇', value: null }],
      valueTitle: '常住人口（人）', format: ',.0f', labels: { name: '名称', code: '代码' },
    });
    compiles(spec);
    expect(markType(named(spec, 'townships'))).toBe('geoshape');
    const points = labelPoints(topology);
    expect(points.map((p) => p.code)).toEqual(['999901001', '999901002']);
    expect(points[0]!.lon).toBeCloseTo(114.5, 6);
    expect(points[1]!.lon).toBeCloseTo(115.5, 6);
    expect(points[0]!.lat).toBeCloseTo(30.5, 6);
  });

  it('choropleth: drawn in the Mercator plane, projected before Vega (identity projection, north up)', () => {
    // y = ln tan(π/4 + φ/2), in degrees: 0 at the equator, 50.49899 at 45°N, 32.05174 at 30.5°N
    expect(mercatorY(0)).toBeCloseTo(0, 12);
    expect(mercatorY(45)).toBeCloseTo(50.49898671, 7);
    expect(mercatorY(30.5)).toBeCloseTo(32.05174072, 7);
    const planar = mercatorPlanar(topology);
    expect(planar.transform).toBeUndefined();
    const lonLat = labelPoints(topology);
    const projected = labelPoints(planar);
    // every arc point: same longitude, Mercator's northing of its latitude (so centroids move only north-south)
    expect(projected.map((p) => p.lon)).toEqual(lonLat.map((p) => expect.closeTo(p.lon, 9)));
    expect(planar.arcs.flat().every(([, y]) => y! > 30 && y! < 34)).toBe(true);
    const spec = choroplethSpec({ topology, rows: [{ township: '999901001', name: '城关街道', value: 1 }], valueTitle: 'x', labels: { name: 'n', code: 'c' } }) as { projection?: unknown };
    expect(spec.projection).toEqual({ type: 'identity', reflectY: true });
    const labels = named(spec as never, 'labels')?.data?.values as { lat: number }[];
    expect(labels[0]!.lat).toBeCloseTo(mercatorY(30.5), 6);
  });

  it('choropleth: names up to NAMED_UP_TO townships, none beyond (a province would be a blot)', () => {
    // n unit squares in a row, each its own arcs
    const squares = (n: number): Topology => ({
      type: 'Topology',
      objects: { townships: { type: 'GeometryCollection', geometries: Array.from({ length: n }, (_, i) => ({ type: 'Polygon' as const, arcs: [[i]], id: String(999901001 + i), properties: { code: String(999901001 + i) } })) } },
      arcs: Array.from({ length: n }, (_, i) => [[i, 0], [i + 1, 0], [i + 1, 1], [i, 1], [i, 0]]),
    });
    const spec = (n: number) => choroplethSpec({
      topology: squares(n), rows: Array.from({ length: n }, (_, i) => ({ township: String(999901001 + i), name: `乡${i}`, value: i })),
      valueTitle: '常住人口（人）', labels: { name: '名称', code: '代码' },
    });
    expect(named(spec(NAMED_UP_TO), 'labels')?.data?.values).toHaveLength(NAMED_UP_TO);
    expect(named(spec(NAMED_UP_TO + 1), 'labels')).toBeUndefined();
    // each name over a white outline of itself, drawn first (readable on the darkest townships)
    const layerNames = (spec(NAMED_UP_TO) as { layer: { name?: string }[] }).layer.map((l) => l.name);
    expect(layerNames).toEqual(['townships', 'halos', 'labels']);
    expect(named(spec(NAMED_UP_TO), 'halos')?.data?.values).toEqual(named(spec(NAMED_UP_TO), 'labels')?.data?.values);
    expect(named(spec(NAMED_UP_TO + 1), 'halos')).toBeUndefined();
    compiles(spec(NAMED_UP_TO + 1));
    // a township account asks about its own township: the map names it alone, not every code of the topology
    const own = choroplethSpec({ topology: squares(NAMED_UP_TO * 2), rows: [{ township: String(999901001 + 7), name: '乡7', value: 3 }], valueTitle: 'x', labels: { name: 'n', code: 'c' } });
    expect((named(own, 'labels')?.data?.values as { name: string }[]).map((p) => p.name)).toEqual(['乡7']);
  });

  it('choropleth: no legend when no township has a value (its scale would read NaN to NaN)', () => {
    const topology: Topology = {
      type: 'Topology', arcs: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]],
      objects: { townships: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[0]], id: '999901001', properties: { code: '999901001' } }] } },
    };
    const legendOf = (value: number | null) => {
      const spec = choroplethSpec({ topology, rows: [{ township: '999901001', name: '城关街道', value }], valueTitle: 'x', labels: { name: 'n', code: 'c' } });
      return (named(spec, 'townships') as unknown as { encoding: { color: { legend: unknown } } }).encoding.color.legend;
    };
    expect(legendOf(null)).toBeNull();
    // the title says what the map shows instead
    const empty = choroplethSpec({ topology, rows: [{ township: '999901001', name: '城关街道', value: null }], valueTitle: '计划生育率（户籍）', labels: { name: 'n', code: 'c' } }) as { title?: { text: string } };
    expect(empty.title?.text).toBe('计划生育率（户籍）');
    expect(legendOf(Number.NaN)).toBeNull();
    expect(legendOf(1.5)).toMatchObject({ orient: 'right' });
  });

  it('a report chart with limit shows the first rows and says how many it left out', () => {
    const rows = Array.from({ length: 50 }, (_, i) => ({ name: `乡${i}`, births: 1000 - i * 7 }));
    const spec = (n: number) => standardChart(parseSpec('kind: bars, data: towns, x: name, y: births, limit: 40\ntitle: 图14 各乡镇出生人数'), () => rows.slice(0, n));
    const cut = spec(50) as unknown as { title: { text: string; subtitle: string } };
    expect(cut.title).toEqual({ text: '图14 各乡镇出生人数', subtitle: '共50项，图中为前40项' });
    const bars = layers(spec(50)).flatMap((l) => l.data?.values ?? []) as { category?: string }[];
    expect(bars.map((b) => b.category)).toEqual(rows.slice(0, 40).map((r) => r.name)); // the 40 largest
    expect(spec(40).title).toBe('图14 各乡镇出生人数'); // nothing left out, nothing said
    expect(compile(spec(50)).spec.marks?.length).toBeGreaterThan(0);
  });

  it('trend: lines and points by series, hollow small points, target rules', () => {
    const spec = trendSpec({
      rows: [
        { period: '2023', series: '全县', value: 98.2, small: false, dash: '户籍' },
        { period: '2024', series: '全县', value: 99.1, small: false, dash: '户籍' },
        { period: '2024', series: '青石镇', value: 80, small: true, dash: '流动' },
      ],
      yTitle: '计划生育率（%）', format: ',.2f', dashTitle: '人口类别', targets: [{ value: 99, label: '户籍目标 99%' }, { value: 85, label: '流动目标 85%' }], labels: labelsTrend,
    });
    compiles(spec);
    expect(markType(named(spec, 'lines'))).toBe('line');
    expect(named(spec, 'targets')?.data?.values).toHaveLength(2);
    // the targets' labels right of the plot, not over the lines: the plot narrowed by the wider label
    // (户籍目标 99%: four CJK characters at 10 px, four others at 5 px, 8 px apart: 68 px)
    expect(named(spec, 'target-label-0')?.mark).toMatchObject({ x: 'width', align: 'left', dx: 4 });
    expect(named(spec, 'target-label-1')?.data?.values).toEqual([{ value: 85, label: '流动目标 85%' }]);
    expect((spec as { width: number }).width).toBe(520 - 68);
    expect((trendSpec({ rows: [], yTitle: 'y', format: ',.2f', labels: labelsTrend }) as { width: number }).width).toBe(520);
    // the dash order given is kept (registered solid in either language)
    const dashed = trendSpec({ rows: [{ period: '2024', series: 'A', value: 1, small: false, dash: 'Registered' }, { period: '2024', series: 'A', value: 2, small: false, dash: 'Migrant' }],
      yTitle: 'y', format: ',.2f', dashTitle: 'Residence', dashOrder: ['Registered', 'Migrant'], labels: { period: 'p', small: 's' } });
    expect(JSON.stringify(named(dashed, 'lines')?.encoding?.strokeDash)).toContain('"domain":["Registered","Migrant"]');
    // small points hollow, and only they carry the small-sample line in their tooltip
    expect(named(spec, 'points-small')?.encoding?.fill).toEqual({ value: '#ffffff' });
    expect(JSON.stringify(named(spec, 'points-small')?.encoding?.tooltip)).toContain('smallLabel');
    expect(JSON.stringify(named(spec, 'points')?.encoding?.tooltip)).not.toContain('smallLabel');
  });

  it('SRB series: the 103–107 normal band as a rect, an interval errorband, the ratio line', () => {
    const spec = srbSeriesSpec({
      rows: [
        { period: '2023', series: '全县', value: 109.3, lo: 103.2, hi: 115.7, births: 4686, small: false, flag: 'normal' },
        { period: '2024', series: '全县', value: 111.1, lo: 105.0, hi: 117.6, births: 4839, small: false, flag: 'normal' },
      ],
      band: [103, 107], yTitle: '性别比',
      labels: { period: '时期', lo: '下限', hi: '上限', births: '出生数', band: '正常范围 103–107', flag: '判断', flags: { high: '偏高', low: '偏低', normal: '区间与正常范围相交' } },
    });
    compiles(spec);
    const band = named(spec, 'normal-band');
    expect(markType(band)).toBe('rect');
    expect(band?.data?.values).toEqual([{ y: 103, y2: 107, label: '103–107' }]);
    expect(markType(named(spec, 'interval-band'))).toBe('errorband');
    expect(named(spec, 'interval-band')?.encoding).toMatchObject({ y: { field: 'lo' }, y2: { field: 'hi' } });
    expect(markType(named(spec, 'ratio-line'))).toBe('line');
  });

  it('funnel: 95% and 99.8% limit lines (upper and lower each), the county rule, one point per township', () => {
    const spec = funnelSpec({
      points: [
        { township: '999901103', name: '马桥镇', births: 1241, srb: 141.9, funnel: 'above998', funnelLabel: '高于99.8%限', small: false },
        { township: '999901001', name: '城关街道', births: 2294, srb: 105.6, funnel: 'inside', funnelLabel: '限内', small: false },
      ],
      limits: [
        { births: 10, lo95: 28.5, hi95: 526.3, lo998: 4.5, hi998: null },
        { births: 1000, lo95: 101, hi95: 126, lo998: 96, hi998: 133 },
        { births: 2300, lo95: 105, hi95: 121, lo998: 101, hi998: 125 },
      ],
      center: 113.2, band: [103, 107],
      labels: { births: '出生数', srb: '性别比', limit95: '95%控制限', limit998: '99.8%控制限', center: '全县', name: '名称', funnel: '漏斗位置', limit: '控制限', beyond: '超出坐标轴，画在边上' },
    });
    compiles(spec);
    const l95 = named(spec, 'limit-95');
    const l998 = named(spec, 'limit-998');
    expect(markType(l95)).toBe('line');
    expect(markType(l998)).toBe('line');
    expect(new Set((l95?.data?.values as { bound: string }[]).map((v) => v.bound))).toEqual(new Set(['lo', 'hi']));
    // the unbounded 99.8% upper limit at 10 births is left out, not drawn at infinity
    expect((l998?.data?.values as { value: number }[]).every((v) => Number.isFinite(v.value))).toBe(true);
    expect((l998?.data?.values as unknown[]).length).toBe(5);
    expect(markType(named(spec, 'center'))).toBe('rule');
    expect(named(spec, 'townships')?.data?.values).toHaveLength(2);
  });

  it('funnel: a township beyond the axis is drawn on its edge as a triangle, its ratio beside its name', () => {
    const spec = funnelSpec({
      points: [
        { township: '999901103', name: '三河镇', births: 44, srb: 238.46, funnel: 'above95', funnelLabel: '高于95%限', small: false },
        { township: '999901104', name: '石门镇', births: 30, srb: 50, funnel: 'below95', funnelLabel: '低于95%限', small: false },
        { township: '999901001', name: '城关街道', births: 2294, srb: 105.6, funnel: 'inside', funnelLabel: '限内', small: false },
      ],
      limits: [{ births: 1000, lo95: 101, hi95: 126, lo998: 96, hi998: 133 }],
      center: 113.2,
      labels: { births: '出生数', srb: '性别比', limit95: '95%', limit998: '99.8%', center: '全县', name: '名称', funnel: '漏斗位置', limit: '控制限', beyond: '超出坐标轴' },
    });
    compiles(spec);
    const points = named(spec, 'townships')?.data?.values as { name: string; srb: number; shown: number; edge: string; tag: string; funnelLabel: string }[];
    // the axis is capped at 70–180: 238.46 sits on 180 pointing up, 50 on 70 pointing down
    expect(points.map((p) => [p.name, p.shown, p.edge, p.tag])).toEqual([
      ['三河镇', 180, 'above', '三河镇 238.5'], ['石门镇', 70, 'below', '石门镇 50.0'], ['城关街道', 105.6, 'within', '城关街道']]);
    expect(points[0]!.funnelLabel).toBe('高于95%限（超出坐标轴）');
    expect(beyondAxis(points, 113.2).map((p) => p.name)).toEqual(['三河镇', '石门镇']);
  });

  it('SRB series: the tooltip says the flag in words; a ratio beyond the axis is written beside its point', () => {
    const spec = srbSeriesSpec({
      rows: [
        { period: '2023', series: '三河镇', value: 238.46, lo: 160, hi: 350, births: 44, small: true, flag: 'high' },
        { period: '2024', series: '三河镇', value: 112, lo: 90, hi: 140, births: 40, small: true, flag: 'normal' },
      ],
      yTitle: '性别比', band: [103, 107],
      labels: { period: '时期', lo: '下限', hi: '上限', births: '出生数', band: '正常范围', flag: '判断', flags: { high: '偏高', low: '偏低', normal: '区间与正常范围相交' } },
    });
    compiles(spec);
    const rows = named(spec, 'interval')?.data?.values as { flagLabel: string; beyond: boolean }[];
    expect(rows.map((r) => [r.flagLabel, r.beyond])).toEqual([['偏高', true], ['区间与正常范围相交', false]]);
    expect(JSON.stringify(named(spec, 'interval-band')?.encoding?.tooltip)).toContain('"title":"下限"');
    // the beyond-axis text layer writes the true value of exactly the rows beyond it
    expect(named(spec, 'beyond-axis')).toMatchObject({ transform: [{ filter: 'datum.beyond' }], encoding: { text: { field: 'value', format: '.1f' } } });
  });

  it('pyramid: men drawn to the left (negative), parts stacked, the comparison year as an outline', () => {
    const spec = pyramidSpec({
      rows: [
        { age: '0-4', sex: 'M', part: '户籍', value: 100 }, { age: '0-4', sex: 'M', part: '流入', value: 10 },
        { age: '0-4', sex: 'F', part: '户籍', value: 90 }, { age: '100+', sex: 'F', part: '户籍', value: 1 },
      ],
      ages: ['0-4', '100+'], parts: { domain: ['户籍', '流入'], range: ['#2f5d8a', '#e6a23c'] },
      overlay: { rows: [{ age: '0-4', sex: 'M', value: 120 }, { age: '0-4', sex: 'F', value: 115 }], label: '2014年' },
      labels: { male: '男', female: '女', age: '年龄', persons: '人', part: '类别' },
    });
    compiles(spec);
    const bars = named(spec, 'bars')?.data?.values as { sex: string; signed: number }[];
    expect(bars.filter((b) => b.sex === 'M').every((b) => b.signed < 0)).toBe(true);
    expect(bars.filter((b) => b.sex === 'F').every((b) => b.signed > 0)).toBe(true);
    expect(markType(named(spec, 'overlay'))).toBe('line');
  });

  it('projection series: uncertainty bands when given, none for a deterministic run', () => {
    const rows = [2024, 2025, 2026].map((year, i) => ({ year, series: '中方案', value: 1000 - i * 10, lo: 990 - i * 20, hi: 1010 + i, lo2: 995 - i * 15, hi2: 1005 }));
    const labels = { year: '年份', lo: '下限', hi: '上限', base: '基期年', history: '实际' };
    const banded = projectionSeriesSpec({ rows, yTitle: '总人口（人）', baseYear: 2024, labels, history: [{ year: 2020, value: 1010 }] });
    compiles(banded);
    expect(markType(named(banded, 'band'))).toBe('area');
    expect(markType(named(banded, 'band-inner'))).toBe('area');
    expect(named(banded, 'history')).toBeDefined();
    const plain = projectionSeriesSpec({ rows: rows.map(({ year, series, value }) => ({ year, series, value })), yTitle: '总人口', baseYear: 2024, labels });
    // persons are drawn from zero unless a chart asks otherwise
    expect(JSON.stringify(named(plain, 'series'))).toContain('"zero":true');
    compiles(plain);
    expect(named(plain, 'band')).toBeUndefined();
  });

  it('projection pyramid: a year slider bound to a parameter, bars filtered by it', () => {
    const spec = projectionPyramidSpec({
      rows: [2024, 2025].flatMap((year) => [{ year, age: '0', sex: 'M' as const, value: 5 }, { year, age: '0', sex: 'F' as const, value: 4 }, { year, age: '1+', sex: 'F' as const, value: 9 }]),
      years: [2024, 2025], ages: ['0', '1+'], labels: { male: '男', female: '女', age: '年龄', persons: '人', year: '年份' },
    });
    compiles(spec);
    const param = (spec as { params?: { name: string; bind?: { input?: string; min?: number; max?: number } }[] }).params?.[0];
    expect(param).toMatchObject({ name: 'pyramidYear', bind: { input: 'range', min: 2024, max: 2025 } });
    expect(JSON.stringify(named(spec, 'projected'))).toContain('datum.year === pyramidYear');
  });

  it('bars: one bar per category in the given order, a reference rule; stacked by group', async () => {
    // Ranked order, deliberately not the alphabetical or code order a scale would fall back to.
    const order = ['马桥镇', '杨家乡', '城关街道'];
    const spec = barsSpec({
      rows: [{ category: '马桥镇', value: 6.8, small: true, highlight: true }, { category: '杨家乡', value: 8.9, small: false }, { category: '城关街道', value: 7.4, small: false }],
      xTitle: '出生率（‰）', format: ',.2f', reference: { value: 6.67, label: '全县 6.67‰' }, labels: { category: '名称', small: '样本量小' },
    });
    compiles(spec);
    expect(named(spec, 'reference')).toBeDefined();
    const view = await new View(parse(compile(spec).spec), { renderer: 'none' }).runAsync();
    expect(view.scale('y').domain()).toEqual(order);
    expect(rectCount(view)).toBe(3);
    view.finalize();
    const stacked = barsSpec({
      rows: [{ category: '必填项目缺失', value: 3, group: '出生' }, { category: '必填项目缺失', value: 2, group: '流动人口' }],
      xTitle: '隔离行数', format: ',.0f', stack: true, labels: { category: '规则', small: '样本量小' },
    });
    compiles(stacked);
  });

  it('bars and intervals keep the given order of 1,500 townships (a province report; a list sort overflowed the stack)', async () => {
    // Given in descending code order, so neither the alphabetical fallback nor the data's order by name could pass.
    const names = Array.from({ length: 1500 }, (_, i) => `乡镇${String(1500 - i).padStart(4, '0')}`);
    const bars = barsSpec({ rows: names.map((category, i) => ({ category, value: i })), xTitle: '出生人数', format: ',.0f', labels: { category: '名称', small: '样本量小' } });
    const intervals = intervalsSpec({ rows: names.map((category, i) => ({ category, value: 105 + i / 100, lo: 100, hi: 120 })), xTitle: '性别比', labels: { category: '名称', lo: '下限', hi: '上限' } });
    for (const spec of [bars, intervals]) {
      const compiled = compile(spec).spec;
      // No expression grows with the data: a sort by list compiled to one 50,000-character
      // conditional, which the server's stack could not parse (the test workers' deeper stack could).
      const expressions: string[] = [];
      JSON.stringify(compiled, (k, v) => { if ((k === 'expr' || k === 'signal') && typeof v === 'string') expressions.push(v); return v; });
      expect(Math.max(...expressions.map((e) => e.length))).toBeLessThan(2000);
      const view = await new View(parse(compiled), { renderer: 'none' }).runAsync();
      expect(view.scale('y').domain()).toEqual(names);
      view.finalize();
    }
  });
});

describe('CSV and number formats', () => {
  it('writes a UTF-8 BOM, Chinese headers, RFC 4180 quoting, rounded numbers, words for codes and the name beside the code', () => {
    const rows = [
      { township: '999901101', period: '2024', value: 98.69281045751634, numerator: 3955, small: true, residence: 'registered', note: 'a,"b"', none: null },
      { township: 'all', period: '2024', value: 687540.9085, numerator: 4839, small: false, residence: 'migrant', note: '=1+1', none: null },
    ];
    const pct = exportCsv(exportTable(rows.slice(0, 1), { unit: '%', lang: 'zh', names: () => '青石镇' }));
    expect(pct.startsWith('\uFEFF')).toBe(true);
    expect(pct.slice(1).split('\r\n')).toEqual(['乡镇代码,名称,时期,数值（%）,分子,样本量小,人口类别,note,none', '999901101,青石镇,2024,98.69,3955,是,户籍,"a,""b""",', '']);
    const persons = exportCsv(exportTable(rows.slice(1), { unit: 'persons', lang: 'zh', names: () => '?' }));
    // the county is 全县, whole persons, a formula-like text neutralised
    expect(persons.slice(1).split('\r\n')[1]).toBe("全县,?,2024,687541,4839,否,流动,'=1+1,");
    expect(exportTable(rows, { unit: '%', lang: 'en' }).rows[0]!.slice(-3, -1)).toEqual(['registered', 'a,"b"']);
    // the projection, compliance and structure downloads' own columns are named in Chinese too
    expect(exportTable([{ scope: 'all', target_rule: '≥ 99', share: 15.2, deaths: 3 }], { lang: 'zh' }).headers).toEqual(['范围', '目标', '占比（%）', '死亡数']);
    expect(exportTable([{ n: 3, met: true, tableLabel: '出生', ruleLabel: '重复' }], { lang: 'zh' }).headers).toEqual(['例数', '达到目标', '数据表', '规则']);
    // a value's unit in its header (the birth rate's ‰ was said nowhere in its file)
    expect(exportTable([{ value: 7.1, lo: 6.9, numerator: 40 }], { unit: '‰', lang: 'zh' }).headers).toEqual(['数值（‰）', '95%下限（‰）', '分子']);
    expect(exportTable([{ value: 1.1 }], { unit: 'children per woman', lang: 'en' }).headers).toEqual(['value (children per woman)']);
    // a TFR's births and women-years say that their ratio is not the TFR (a planner divided them)
    const tfr = exportTable([{ value: 1.1, numerator: 40, denominator: 2000.5 }], { unit: 'children per woman', lang: 'zh' });
    expect(tfr.headers).toEqual(['数值（个/妇女）', '出生数（各年龄合计）', '育龄妇女人年数（15–49岁；总和生育率为各年龄生育率之和，不等于两数之比）']);
    expect(exportTable([{ numerator: 40, denominator: 2000 }], { unit: '‰', lang: 'zh' }).headers).toEqual(['分子', '分母']);
    // projected persons are whole, a single age is a number, the county's scope reads 全县
    const pyramid = exportTable([{ scope: 'all', age: '37', value: 32.63 }, { scope: 'all', age: '100+', value: 4393.4 }], { unit: 'persons', lang: 'zh' });
    expect(exportCsv(pyramid).slice(1).split('\r\n').slice(1, 3)).toEqual(['全县,37,33', '全县,100+,4393']);
    expect(pyramid.rows[0]![1]).toBe(37);
  });

  it('writes a figure\'s minus as the pages do', () => {
    expect(minusSign('-1.192%')).toBe('−1.192%');
    expect(minusSign('-15～15%')).toBe('−15～15%');
    expect(minusSign('1.715%（-1.192%–4.708%）')).toBe('1.715%（−1.192%–4.708%）');
    expect(minusSign('2015-2024')).toBe('2015-2024'); // a span, not a minus
  });

  it('formats the Chinese statistical way', () => {
    expect(formatValue(6.6712, '‰')).toBe('6.67‰');
    expect(formatValue(4839, 'persons')).toBe('4,839');
    expect(formatValue(0.98, 'children per woman')).toBe('0.98');
    expect(formatValue(95.142, '%')).toBe('95.14%');
    expect(formatChange(0.22, null, '‰', 'zh')).toBe('+0.22个千分点');
    expect(formatChange(-326, -8.877, 'couples', 'zh')).toBe('−326（−8.88%）');
    expect(formatVsTarget(98.996, 99)).toBe('98.996%');
    expect(formatVsTarget(99.5, 99)).toBe('99.50%');
  });
});

