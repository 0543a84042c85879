/**
 * @module notebooks/charts
 * Server-side chart rendering: a Vega-Lite spec (a chart block's JSON, or a standard kind built by
 * the chart library) gets the library's printed config (Noto Sans CJK SC, white, a margin),
 * compiled with `vega-lite`, run in a `vega` View with renderer 'none', and serialised with
 * `view.toSVG()`. PNG: png.ts.
 *
 * Without a canvas, Vega estimates text width as 0.8 em per character, too narrow for Chinese;
 * `textMetrics.width` is replaced by an estimate that counts CJK characters as 1 em.
 *
 * @example
 * const svg = await specToSvg(withReportConfig(spec));
 * const png = await svgToPng(svg);
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { chartConfig } from '../../web/src/charts/common.ts';
import type { ResultRow } from './types.ts';

interface TextItem { fontSize?: number; text?: unknown }
interface TextMetrics { width: (item: TextItem, text: unknown) => number }

/** Em widths of Noto Sans CJK SC: CJK and full-width forms 1, digits ≈0.55, Latin ≈0.55, narrow marks ≈0.3. */
function emWidth(ch: string): number {
  const c = ch.codePointAt(0)!;
  if ((c >= 0x2e80 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xff60) || (c >= 0x3000 && c <= 0x303f)) return 1;
  if (' .,:;!|il1\'()[]'.includes(ch)) return 0.3;
  if (c >= 0x41 && c <= 0x5a) return 0.65;
  if (ch === '‰' || ch === '%' || ch === 'm' || ch === 'w' || ch === 'M' || ch === 'W') return 0.85;
  return 0.56;
}

export function estimateTextWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += emWidth(ch);
  return em * fontSize;
}

const metrics = (vega as unknown as { textMetrics: TextMetrics }).textMetrics;
metrics.width = (item, text) => estimateTextWidth(text == null ? '' : String(text).trim(), item.fontSize ?? 11);

/** Adds the chart library's printed config (web/src/charts/common.ts) under the spec's own (the spec wins where it sets something). */
export function withReportConfig(spec: TopLevelSpec): TopLevelSpec {
  const own = (spec as { config?: Record<string, unknown> }).config ?? {};
  const merged: Record<string, unknown> = { ...chartConfig('print') };
  for (const [k, v] of Object.entries(own)) {
    const base = merged[k];
    merged[k] = base && typeof base === 'object' && v && typeof v === 'object' ? { ...base, ...v } : v;
  }
  return { ...spec, config: merged } as TopLevelSpec;
}

/**
 * Replaces every `"data": {"name": "result"}` in a spec (top level, layers, concatenations) with
 * the result's rows. Throws naming an unknown result.
 */
export function bindData(spec: unknown, rowsOf: (name: string) => readonly ResultRow[]): unknown {
  if (Array.isArray(spec)) return spec.map((s) => bindData(s, rowsOf));
  if (!spec || typeof spec !== 'object') return spec;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(spec)) {
    if (k === 'data' && v && typeof v === 'object' && !Array.isArray(v) && typeof (v as { name?: unknown }).name === 'string') {
      const { name, ...rest } = v as { name: string };
      out[k] = { ...rest, values: rowsOf(name) };
    } else {
      out[k] = bindData(v, rowsOf);
    }
  }
  return out;
}

export async function specToSvg(spec: TopLevelSpec): Promise<string> {
  const view = viewOf(spec);
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** A headless Vega view of a Vega-Lite chart (not yet run). */
export function viewOf(spec: TopLevelSpec): vega.View {
  const compiled = compile(spec, { logger: vega.logger(vega.None) }).spec;
  return new vega.View(vega.parse(compiled), { renderer: 'none', logLevel: vega.Error });
}

/** Vega's own laid-out size (the one `toSVG` writes on the root element); its fields are not typed. */
interface LaidOut { _viewWidth?: number; _viewHeight?: number }

/** The size `view.toSVG()` would give, from the laid-out view, without writing the SVG. */
async function laidOutSize(view: vega.View): Promise<{ width: number; height: number }> {
  await view.runAsync();
  const { _viewWidth: w, _viewHeight: h } = view as unknown as LaidOut;
  if (typeof w !== 'number' || typeof h !== 'number') return svgSize(await view.toSVG());
  const p = view.padding() as { left: number; right: number; top: number; bottom: number };
  return { width: Math.max(0, w + p.left + p.right), height: Math.max(0, h + p.top + p.bottom) };
}

/** Width and height of a rendered SVG (its root element's attributes). */
export function svgSize(svg: string): { width: number; height: number } {
  const m = /<svg[^>]*?\swidth="([\d.]+)"[^>]*?\sheight="([\d.]+)"/.exec(svg);
  if (!m) throw new Error('the chart SVG has no width and height');
  return { width: Number(m[1]), height: Number(m[2]) };
}

/** Widest and tallest print shapes a chart may have: 16:9 and 4:3. */
const WIDEST = 16 / 9;
const TALLEST = 4 / 3;
const MIN_PLOT_HEIGHT = 160;

/** Adds `delta` to the plot height of a single or layered spec, or of every view of an hconcat. */
function withHeight(spec: TopLevelSpec, delta: number): TopLevelSpec | null {
  const s = spec as { height?: unknown; hconcat?: { height?: unknown }[] };
  if (typeof s.height === 'number') return { ...spec, height: Math.max(MIN_PLOT_HEIGHT, Math.round(s.height + delta)) } as TopLevelSpec;
  if (Array.isArray(s.hconcat) && s.hconcat.every((v) => typeof v.height === 'number')) {
    return { ...spec, hconcat: s.hconcat.map((v) => ({ ...v, height: Math.max(MIN_PLOT_HEIGHT, Math.round((v.height as number) + delta)) })) } as TopLevelSpec;
  }
  return null;
}

/**
 * Renders a chart in a print-friendly shape: a chart wider than 16:9 gets a taller plot until the
 * whole image (title, axes, legend) is 16:9; one taller than 4:3 gets a shorter plot, down to
 * 160 px. The width is the spec's. The view is laid out to measure it and written as SVG once; a
 * single view's new height is its `height` signal (no second compile), a concatenation's a new view.
 */
export async function printSized(spec: TopLevelSpec): Promise<{ svg: string; width: number; height: number; spec: TopLevelSpec }> {
  let current = spec;
  let view = viewOf(current);
  try {
    let size = await laidOutSize(view);
    // a new height can move axis labels and legends: measure again, at most twice more
    for (let pass = 0; pass < 3; pass++) {
      const ratio = size.width / size.height;
      const target = ratio > WIDEST + 0.01 ? size.width / WIDEST : ratio < TALLEST - 0.01 ? size.width / TALLEST : null;
      const resized = target === null ? null : withHeight(current, target - size.height);
      if (!resized) break;
      current = resized;
      const height = (current as { height?: unknown }).height;
      if (typeof height === 'number') view.height(height);
      else {
        view.finalize();
        view = viewOf(current);
      }
      size = await laidOutSize(view);
    }
    const svg = await view.toSVG();
    return { svg, ...svgSize(svg), spec: current };
  } finally {
    view.finalize();
  }
}
