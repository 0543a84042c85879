/**
 * @module notebooks/chartKinds
 * Standard chart kinds a chart block can name instead of writing Vega-Lite: `trend`, `bars`,
 * `pyramid`, `srb-band`, `intervals` and `projection-fan`. Each is a typed builder from the
 * block's options to a Vega-Lite spec; the data is the named result's rows.
 *
 * ```chart births_trend
 * kind: trend, data: births_trend, x: period, y: value, title: 出生人数, ytitle: 人
 * ```
 */
import type { TopLevelSpec } from 'vega-lite';
import { SpecError, checkKeys, required, type SpecField } from './spec.ts';
import type { ResultRow } from './types.ts';

type Options = ReadonlyMap<string, SpecField>;
type Json = Record<string, unknown>;

export const CHART_KINDS = ['trend', 'bars', 'pyramid', 'srb-band', 'intervals', 'projection-fan'] as const;
const COMMON = ['kind', 'data', 'title', 'subtitle', 'x', 'y', 'color', 'xtitle', 'ytitle', 'yformat', 'yzero', 'legend', 'width', 'height', 'rule', 'rulelabel', 'lo', 'hi', 'band', 'sort', 'limit'];

/** A4 content width at 96 dpi is about 640 px; charts leave room for the axis labels. */
export const DEFAULT_WIDTH = 560;
export const DEFAULT_HEIGHT = 200;
export const PALETTE = ['#2f6fae', '#d9822b', '#3a9a5b', '#b8473f', '#7d5ba6', '#8c6d3f', '#cc6aa8', '#6b6b6b'];

function opt(o: Options, key: string): string | undefined {
  const v = o.get(key)?.value;
  return v === undefined || v === '' ? undefined : v;
}

function num(o: Options, key: string, fallback: number): number {
  const v = opt(o, key);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new SpecError(`${key} must be a positive number, not "${v}"`, o.get(key)!.line);
  return n;
}

/** `legend: M=男/F=女` renames series values (a calculate transform over the colour field). */
function legendMap(o: Options, field: string): Json[] {
  const text = opt(o, 'legend');
  if (!text) return [];
  const pairs = text.split('/').map((kv) => kv.split('='));
  if (pairs.some((p) => p.length !== 2)) throw new SpecError(`legend must look like M=男/F=女, not "${text}"`, o.get('legend')!.line);
  const expr = pairs.reduceRight((acc, [k, v]) => `datum[${JSON.stringify(field)}] === ${JSON.stringify(k)} ? ${JSON.stringify(v)} : ${acc}`, `datum[${JSON.stringify(field)}]`);
  return [{ calculate: expr, as: field }];
}

/** Series colours, in the order the `legend:` option lists them (not alphabetical). */
function colorEncoding(o: Options, field: string): Json {
  const labels = (opt(o, 'legend') ?? '').split('/').map((kv) => kv.split('=')[1]).filter((v): v is string => !!v);
  return { field, type: 'nominal', title: null, ...(labels.length ? { sort: labels } : {}), scale: { range: PALETTE } };
}

function rules(o: Options, orient: 'y' | 'x'): Json[] {
  const text = opt(o, 'rule');
  if (!text) return [];
  const values = text.split(/[,/]/).map(Number);
  if (values.some((v) => !Number.isFinite(v))) throw new SpecError(`rule must be numbers such as 99/85, not "${text}"`, o.get('rule')!.line);
  const labels = (opt(o, 'rulelabel') ?? '').split('/');
  const data = values.map((v, i) => ({ v, label: labels[i] ?? '' }));
  return [
    { data: { values: data }, mark: { type: 'rule', strokeDash: [4, 3], color: '#888' }, encoding: { [orient]: { field: 'v', type: 'quantitative' } } },
    { data: { values: data }, mark: { type: 'text', align: 'right', dy: -6, fontSize: 10, color: '#555' },
      encoding: orient === 'y' ? { y: { field: 'v', type: 'quantitative' }, x: { value: DEFAULT_WIDTH - 2 }, text: { field: 'label' } } : { x: { field: 'v', type: 'quantitative' }, y: { value: 8 }, text: { field: 'label' } } },
  ];
}

function normalBand(o: Options, orient: 'y' | 'x'): Json[] {
  const text = opt(o, 'band') ?? '103-107';
  if (text === 'none') return [];
  const m = /^(\d+(?:\.\d+)?)\s*[-–]\s*(\d+(?:\.\d+)?)$/.exec(text);
  if (!m) throw new SpecError(`band must look like 103-107, not "${text}"`, o.get('band')?.line ?? 0);
  const [lo, hi] = [Number(m[1]), Number(m[2])];
  const enc = orient === 'y' ? { y: { datum: lo, type: 'quantitative' }, y2: { datum: hi } } : { x: { datum: lo, type: 'quantitative' }, x2: { datum: hi } };
  return [{ data: { values: [{}] }, mark: { type: 'rect', color: '#3a9a5b', opacity: 0.14 }, encoding: enc }];
}

function frame(o: Options, extra: Json): TopLevelSpec {
  const title = opt(o, 'title');
  const subtitle = opt(o, 'subtitle');
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: num(o, 'width', DEFAULT_WIDTH),
    height: num(o, 'height', DEFAULT_HEIGHT),
    ...(title ? { title: subtitle ? { text: title, subtitle } : title } : {}),
    ...extra,
  } as TopLevelSpec;
}

const axisY = (o: Options, field: string, fallback = ''): Json => ({
  field, type: 'quantitative', title: opt(o, 'ytitle') ?? fallback,
  ...(opt(o, 'yzero') === 'no' ? { scale: { zero: false } } : {}),
  ...(opt(o, 'yformat') ? { axis: { format: opt(o, 'yformat') } } : {}),
});

const BUILDERS: Record<(typeof CHART_KINDS)[number], (o: Options, rows: readonly ResultRow[]) => TopLevelSpec> = {
  trend(o, rows) {
    const x = opt(o, 'x') ?? 'period';
    const y = opt(o, 'y') ?? 'value';
    const color = opt(o, 'color');
    const series: Json = color ? { color: colorEncoding(o, color) } : {};
    return frame(o, {
      data: { values: rows },
      transform: color ? legendMap(o, color) : [],
      layer: [
        { mark: { type: 'line', point: true, strokeWidth: 2, ...(color ? {} : { color: PALETTE[0] }) },
          encoding: { x: { field: x, type: 'ordinal', title: opt(o, 'xtitle') ?? null, axis: { labelAngle: 0 } }, y: axisY(o, y), ...series } },
        ...rules(o, 'y'),
      ],
    });
  },
  bars(o, rows) {
    const x = required(o, 'x', 'a bars chart').value;
    const y = opt(o, 'y') ?? 'value';
    const color = opt(o, 'color');
    const horizontal = (opt(o, 'sort') ?? '') !== 'none' && rows.length > 8;
    const limit = opt(o, 'limit') ? Number(opt(o, 'limit')) : undefined;
    const cat: Json = { field: x, type: 'nominal', title: opt(o, 'xtitle') ?? null, sort: opt(o, 'sort') === 'none' ? null : horizontal ? '-x' : null, axis: { labelAngle: 0 } };
    const val = axisY(o, y);
    return frame(o, {
      data: { values: limit ? rows.slice(0, limit) : rows },
      transform: color ? legendMap(o, color) : [],
      layer: [
        { mark: { type: 'bar', ...(color ? {} : { color: PALETTE[0] }) },
          encoding: { ...(horizontal ? { y: cat, x: val } : { x: cat, y: val }),
            ...(color ? { color: colorEncoding(o, color), ...(horizontal ? {} : { xOffset: { field: color } }) } : {}) } },
        ...rules(o, horizontal ? 'x' : 'y'),
      ],
      ...(horizontal ? { height: Math.max(DEFAULT_HEIGHT, rows.length * 18) } : {}),
    });
  },
  pyramid(o, rows) {
    const age = opt(o, 'x') ?? 'age';
    const value = opt(o, 'y') ?? 'value';
    const sex = opt(o, 'color') ?? 'sex';
    const ages = [...new Set(rows.map((r) => String(r[age])))].sort((a, b) => parseInt(b, 10) - parseInt(a, 10));
    // Both halves on one scale, so the sexes compare; labels in 万 above 10,000.
    const max = Math.max(1, ...rows.map((r) => Number(r[value]) || 0));
    const axis = { labelExpr: "datum.value >= 10000 ? format(datum.value / 10000, '~g') + '万' : format(datum.value, ',')", tickCount: 5 };
    const half = (s: 'M' | 'F'): Json => ({
      width: num(o, 'width', DEFAULT_WIDTH) / 2 - 30,
      transform: [{ filter: `datum[${JSON.stringify(sex)}] === '${s}'` }],
      title: { text: s === 'M' ? '男' : '女', fontSize: 12, fontWeight: 'normal' },
      mark: { type: 'bar', color: s === 'M' ? PALETTE[0] : PALETTE[3] },
      encoding: {
        y: { field: age, type: 'ordinal', sort: ages, axis: s === 'M' ? null : { title: null, orient: 'left' } },
        x: { field: value, type: 'quantitative', title: opt(o, 'ytitle') ?? '人', scale: { domain: [0, max], nice: true, ...(s === 'M' ? { reverse: true } : {}) }, axis },
      },
    });
    const title = opt(o, 'title');
    const height = num(o, 'height', 320);
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      ...(title ? { title } : {}),
      data: { values: rows },
      spacing: 4,
      hconcat: [half('M'), half('F')].map((h) => ({ ...h, height })),
      config: { view: { stroke: null } },
    } as TopLevelSpec;
  },
  'srb-band'(o, rows) {
    const x = opt(o, 'x') ?? 'period';
    const y = opt(o, 'y') ?? 'srb';
    const lo = opt(o, 'lo') ?? 'lo';
    const hi = opt(o, 'hi') ?? 'hi';
    const enc = { x: { field: x, type: 'ordinal', title: opt(o, 'xtitle') ?? null, axis: { labelAngle: 0 } } };
    return frame(o, {
      data: { values: rows },
      layer: [
        ...normalBand(o, 'y'),
        { mark: { type: 'area', color: PALETTE[0], opacity: 0.18 }, encoding: { ...enc, y: { field: lo, type: 'quantitative', scale: { zero: false }, title: opt(o, 'ytitle') ?? '出生人口性别比（女=100）' }, y2: { field: hi } } },
        { mark: { type: 'line', point: true, color: PALETTE[0], strokeWidth: 2 }, encoding: { ...enc, y: { field: y, type: 'quantitative' } } },
      ],
    });
  },
  intervals(o, rows) {
    const cat = opt(o, 'y') ?? 'name';
    const value = opt(o, 'x') ?? 'smoothed';
    const lo = opt(o, 'lo') ?? 'smoothed_lo';
    const hi = opt(o, 'hi') ?? 'smoothed_hi';
    const limit = opt(o, 'limit') ? Number(opt(o, 'limit')) : rows.length;
    const shown = rows.slice(0, limit);
    const y = { field: cat, type: 'nominal', sort: null, title: null };
    return frame(o, {
      data: { values: shown },
      height: Math.max(120, shown.length * 20),
      layer: [
        ...normalBand(o, 'x'),
        { mark: { type: 'rule', color: '#777' }, encoding: { y, x: { field: lo, type: 'quantitative', scale: { zero: false }, title: opt(o, 'xtitle') ?? '出生人口性别比（95%区间）' }, x2: { field: hi } } },
        { mark: { type: 'point', filled: true, size: 60 }, encoding: { y, x: { field: value, type: 'quantitative' },
          color: { condition: { test: "datum.flag === 'high'", value: PALETTE[3] }, value: PALETTE[0] } } },
      ],
    });
  },
  'projection-fan'(o, rows) {
    const x = opt(o, 'x') ?? 'year';
    const y = opt(o, 'y') ?? 'medium';
    const lo = opt(o, 'lo') ?? 'low';
    const hi = opt(o, 'hi') ?? 'high';
    const enc = { x: { field: x, type: 'ordinal', title: null, axis: { labelAngle: 0, labelOverlap: true } } };
    return frame(o, {
      data: { values: rows },
      layer: [
        { mark: { type: 'area', color: PALETTE[0], opacity: 0.2 }, encoding: { ...enc, y: { field: lo, type: 'quantitative', scale: { zero: false }, title: opt(o, 'ytitle') ?? '人' }, y2: { field: hi } } },
        { mark: { type: 'line', color: PALETTE[0], strokeWidth: 2 }, encoding: { ...enc, y: { field: y, type: 'quantitative' } } },
      ],
    });
  },
};

/** The spec of a standard chart kind, from the block's options and the named result's rows. */
export function standardChart(o: Options, rows: readonly ResultRow[]): TopLevelSpec {
  checkKeys(o, COMMON, 'a chart block');
  const kind = required(o, 'kind', 'a chart block').value;
  const build = (BUILDERS as Record<string, (o: Options, rows: readonly ResultRow[]) => TopLevelSpec>)[kind];
  if (!build) throw new SpecError(`unknown chart kind "${kind}" (${CHART_KINDS.join(', ')})`, o.get('kind')!.line);
  return build(o, rows);
}
