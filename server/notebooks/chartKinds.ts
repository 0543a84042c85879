/**
 * @module notebooks/chartKinds
 * Standard chart kinds a chart block can name instead of writing Vega-Lite: `trend`, `bars`,
 * `pyramid`, `srb-band`, `intervals` and `projection-fan`. Each maps the block's options and the
 * named result's rows onto a builder of the chart library (web/src/charts), printed variant, so a
 * report's chart looks like the dashboard's. `data: a/b` draws several results as series of one
 * chart (the series field is `result`, named with `legend: a=…/b=…`).
 *
 * ```chart births_trend
 * kind: trend, data: births_trend, x: period, y: value, title: 出生人数, ytitle: 人
 * ```
 */
import type { TopLevelSpec } from 'vega-lite';
import { flagWords } from '../../common/srbWording.ts';
import { barsSpec } from '../../web/src/charts/bars.ts';
import { intervalsSpec } from '../../web/src/charts/intervals.ts';
import { paletteFor, SERIES_COLOR } from '../../web/src/charts/palette.ts';
import { projectionSeriesSpec } from '../../web/src/charts/projectionSeries.ts';
import { pyramidSpec } from '../../web/src/charts/pyramid.ts';
import { srbSeriesSpec } from '../../web/src/charts/srbSeries.ts';
import { trendSpec } from '../../web/src/charts/trend.ts';
import { SpecError, checkKeys, required, type SpecField } from './spec.ts';
import type { ResultRow } from './types.ts';

type Options = ReadonlyMap<string, SpecField>;

export const CHART_KINDS = ['trend', 'bars', 'pyramid', 'srb-band', 'intervals', 'projection-fan'] as const;
const COMMON = ['kind', 'data', 'title', 'subtitle', 'x', 'y', 'color', 'xtitle', 'ytitle', 'yformat', 'yzero', 'legend', 'width', 'height', 'rule', 'rulelabel', 'lo', 'hi', 'band', 'sort', 'limit'];

/** A4 content width at 96 dpi is about 640 px; charts leave room for the axis labels. */
export const DEFAULT_WIDTH = 560;
export const DEFAULT_HEIGHT = 200;
/** Numbers unless `yformat:` says otherwise: thousands grouped; 2 decimals at most (‰, %, ratios), no trailing zeros. */
function format(o: Options, values: readonly (number | null)[]): string {
  return opt(o, 'yformat') ?? (values.every((v) => v === null || Number.isInteger(v)) ? ',.0f' : ',.2~f');
}
const PRINT = 'print' as const;
const SMALL = '样本量小';

function opt(o: Options, key: string): string | undefined {
  const v = o.get(key)?.value;
  return v === undefined || v === '' ? undefined : v;
}

function size(o: Options, key: string, fallback: number): number {
  const v = opt(o, key);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new SpecError(`${key} must be a positive number, not "${v}"`, o.get(key)!.line);
  return n;
}

/** A cell as a number; null for missing or non-numeric cells (drawn as gaps). */
function numeric(v: unknown): number | null {
  if (v === null || v === undefined || v === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

/** `legend: M=男/F=女` renames series values; the names keep the order the option lists them in. */
function legendNames(o: Options): Map<string, string> {
  const text = opt(o, 'legend');
  if (!text) return new Map();
  const pairs = text.split('/').map((kv) => kv.split('='));
  if (pairs.some((p) => p.length !== 2)) throw new SpecError(`legend must look like M=男/F=女, not "${text}"`, o.get('legend')!.line);
  return new Map(pairs as [string, string][]);
}

/** Series in legend order (then as they appear), the lone series in the series colour. */
function seriesColors(names: readonly string[], legend: Map<string, string>): { domain: string[]; range: string[] } {
  const listed = [...legend.values()].filter((n) => names.includes(n));
  const domain = [...new Set([...listed, ...names])];
  return domain.length === 1 ? { domain, range: [SERIES_COLOR] } : paletteFor(domain);
}

/** `rule: 99/85, rulelabel: 户籍目标/流动目标`: reference lines with their labels. */
function rules(o: Options): { value: number; label: string }[] {
  const text = opt(o, 'rule');
  if (!text) return [];
  const values = text.split(/[,/]/).map(Number);
  if (values.some((v) => !Number.isFinite(v))) throw new SpecError(`rule must be numbers such as 99/85, not "${text}"`, o.get('rule')!.line);
  const labels = (opt(o, 'rulelabel') ?? '').split('/');
  return values.map((value, i) => ({ value, label: labels[i] ?? '' }));
}

/** `band: 103-107` (the default) or `band: none`. */
function normalBand(o: Options): [number, number] | undefined {
  const text = opt(o, 'band') ?? '103-107';
  if (text === 'none') return undefined;
  const m = /^(\d+(?:\.\d+)?)\s*[-–]\s*(\d+(?:\.\d+)?)$/.exec(text);
  if (!m) throw new SpecError(`band must look like 103-107, not "${text}"`, o.get('band')?.line ?? 0);
  return [Number(m[1]), Number(m[2])];
}

function limited(o: Options, rows: readonly ResultRow[]): readonly ResultRow[] {
  const limit = opt(o, 'limit');
  return limit === undefined ? rows : rows.slice(0, size(o, 'limit', rows.length));
}

const BUILDERS: Record<(typeof CHART_KINDS)[number], (o: Options, rows: readonly ResultRow[]) => TopLevelSpec> = {
  trend(o, rows) {
    const [x, y, color] = [opt(o, 'x') ?? 'period', opt(o, 'y') ?? 'value', opt(o, 'color')];
    const legend = legendNames(o);
    const lone = opt(o, 'ytitle') ?? y;
    const series = (r: ResultRow) => (color ? legend.get(String(r[color])) ?? String(r[color]) : lone);
    const data = rows.map((r) => ({ period: String(r[x]), series: series(r), value: numeric(r[y]), small: r.small === true }));
    return trendSpec({
      rows: data, yTitle: opt(o, 'ytitle') ?? '', xTitle: opt(o, 'xtitle'), format: format(o, data.map((r) => r.value)),
      colors: seriesColors(data.map((r) => r.series), legend), legend: color !== undefined,
      targets: rules(o), zero: opt(o, 'yzero') !== 'no',
      width: size(o, 'width', DEFAULT_WIDTH), height: size(o, 'height', DEFAULT_HEIGHT),
      labels: { period: opt(o, 'xtitle') ?? '时期', small: SMALL }, medium: PRINT,
    });
  },
  bars(o, rows) {
    const [x, y, color] = [required(o, 'x', 'a bars chart').value, opt(o, 'y') ?? 'value', opt(o, 'color')];
    const legend = legendNames(o);
    // many categories lie down, ranked by value; a few (or `sort: none`) stand up in the given order
    const horizontal = opt(o, 'sort') !== 'none' && rows.length > 8;
    const shown = limited(o, horizontal && !color ? [...rows].sort((a, b) => (numeric(b[y]) ?? -Infinity) - (numeric(a[y]) ?? -Infinity)) : rows);
    const data = shown.map((r) => ({
      category: String(r[x]), value: numeric(r[y]), small: r.small === true,
      ...(color ? { group: legend.get(String(r[color])) ?? String(r[color]) } : {}),
    }));
    return barsSpec({
      rows: data, xTitle: opt(o, 'ytitle') ?? '', categoryTitle: opt(o, 'xtitle'), format: format(o, data.map((r) => r.value)),
      vertical: !horizontal, reference: rules(o),
      ...(color ? { colors: seriesColors(data.map((r) => r.group!), legend) } : {}),
      width: size(o, 'width', DEFAULT_WIDTH), height: size(o, 'height', DEFAULT_HEIGHT),
      labels: { category: opt(o, 'xtitle') ?? '类别', small: SMALL }, medium: PRINT,
    });
  },
  pyramid(o, rows) {
    const [age, value, sex] = [opt(o, 'x') ?? 'age', opt(o, 'y') ?? 'value', opt(o, 'color') ?? 'sex'];
    const odd = rows.find((r) => r[sex] !== 'M' && r[sex] !== 'F');
    if (odd) throw new SpecError(`a pyramid needs ${sex} to be M or F, not "${String(odd[sex])}"`, o.get('color')?.line ?? 0);
    const ages = [...new Set(rows.map((r) => String(r[age])))].sort((a, b) => parseInt(a, 10) - parseInt(b, 10));
    return pyramidSpec({
      rows: rows.map((r) => ({ age: String(r[age]), sex: r[sex] as 'M' | 'F', value: numeric(r[value]) ?? 0 })), ages,
      labels: { male: '男', female: '女', age: opt(o, 'xtitle') ?? '年龄', persons: opt(o, 'ytitle') ?? '人' },
      width: size(o, 'width', DEFAULT_WIDTH), height: size(o, 'height', 320), medium: PRINT,
    });
  },
  'srb-band'(o, rows) {
    const [x, y, lo, hi] = [opt(o, 'x') ?? 'period', opt(o, 'y') ?? 'srb', opt(o, 'lo') ?? 'lo', opt(o, 'hi') ?? 'hi'];
    const band = normalBand(o);
    return srbSeriesSpec({
      rows: rows.map((r) => ({
        period: String(r[x]), series: '出生人口性别比', value: numeric(r[y]), lo: numeric(r[lo]), hi: numeric(r[hi]),
        births: numeric(r.births) ?? 0, small: r.small === true, flag: typeof r.flag === 'string' ? r.flag : null,
      })),
      band, legend: false, colors: { domain: ['出生人口性别比'], range: [SERIES_COLOR] }, yTitle: opt(o, 'ytitle') ?? '出生人口性别比（女=100）',
      labels: { period: '时期', lo: '95%下限', hi: '95%上限', births: '出生人数', band: band ? `正常范围 ${band.join('–')}` : '', flag: '判断', flags: flagWords('zh') },
      width: size(o, 'width', DEFAULT_WIDTH), height: size(o, 'height', DEFAULT_HEIGHT), medium: PRINT,
    });
  },
  intervals(o, rows) {
    const [cat, value, lo, hi] = [opt(o, 'y') ?? 'name', opt(o, 'x') ?? 'smoothed', opt(o, 'lo') ?? 'smoothed_lo', opt(o, 'hi') ?? 'smoothed_hi'];
    return intervalsSpec({
      rows: limited(o, rows).map((r) => ({ category: String(r[cat]), value: numeric(r[value]), lo: numeric(r[lo]), hi: numeric(r[hi]), flag: typeof r.flag === 'string' ? r.flag : null })),
      band: normalBand(o), xTitle: opt(o, 'xtitle') ?? '出生人口性别比（95%区间）',
      labels: { category: '乡镇（街道）', lo: '95%下限', hi: '95%上限' },
      width: size(o, 'width', DEFAULT_WIDTH), medium: PRINT,
    });
  },
  'projection-fan'(o, rows) {
    const [x, y, lo, hi] = [opt(o, 'x') ?? 'year', opt(o, 'y') ?? 'medium', opt(o, 'lo') ?? 'low', opt(o, 'hi') ?? 'high'];
    const series = legendNames(o).get(y) ?? (y === 'medium' ? '中方案' : y);
    const data = rows.map((r) => ({ year: Number(r[x]), series, value: numeric(r[y]) ?? 0, lo: numeric(r[lo]), hi: numeric(r[hi]) }));
    return projectionSeriesSpec({
      rows: data, yTitle: opt(o, 'ytitle') ?? '人', format: opt(o, 'yformat') ?? ',.0f', baseYear: Math.min(...data.map((r) => r.year)),
      colors: { domain: [series], range: [SERIES_COLOR] },
      labels: { year: opt(o, 'xtitle') ?? '年份', lo: '低方案', hi: '高方案', base: '基期', history: '实际' },
      width: size(o, 'width', DEFAULT_WIDTH), height: size(o, 'height', DEFAULT_HEIGHT), medium: PRINT,
    });
  },
};

/** The rows of `data:`; for several results, each row tagged with its result and `color:` defaulting to it. */
function gather(o: Options, rowsOf: (name: string) => readonly ResultRow[]): { o: Options; rows: readonly ResultRow[] } {
  const data = required(o, 'data', 'a chart block');
  const names = data.value.split('/').map((n) => n.trim());
  if (names.length === 1) return { o, rows: rowsOf(names[0]!) };
  const rows = names.flatMap((result) => rowsOf(result).map((r) => ({ ...r, result })));
  return { o: o.has('color') ? o : new Map([...o, ['color', { key: 'color', value: 'result', line: data.line, entries: [] }]]), rows };
}

/** The spec of a standard chart kind, from the block's options and the named results' rows. */
export function standardChart(options: Options, rowsOf: (name: string) => readonly ResultRow[]): TopLevelSpec {
  checkKeys(options, COMMON, 'a chart block');
  const { o, rows } = gather(options, rowsOf);
  const kind = required(o, 'kind', 'a chart block').value;
  const build = (BUILDERS as Record<string, (o: Options, rows: readonly ResultRow[]) => TopLevelSpec>)[kind];
  if (!build) throw new SpecError(`unknown chart kind "${kind}" (${CHART_KINDS.join(', ')})`, o.get('kind')!.line);
  const title = opt(o, 'title');
  const subtitle = [opt(o, 'subtitle'), cutNote(o, rows.length)].filter(Boolean).join('；') || undefined;
  return { ...build(o, rows), ...(title ? { title: subtitle ? { text: title, subtitle } : title } : {}) } as TopLevelSpec;
}

/**
 * What a reader must be told when `limit` leaves rows out (a province's 1,500 townships in a chart
 * of 40): how many there are and how many the chart shows, first in the order drawn.
 */
function cutNote(o: Options, total: number): string | undefined {
  if (opt(o, 'limit') === undefined) return undefined;
  const shown = Math.min(total, size(o, 'limit', total));
  return shown < total ? `共${total.toLocaleString('en-US')}项，图中为前${shown}项` : undefined;
}
