/**
 * @module charts/common
 * What every chart spec shares, on screen and on paper: the schema, the one config (the CJK font —
 * Vega measures text with it, and the default sans-serif measures Chinese too narrow —, text
 * sizes, a quiet report-like look, numbers in the zh-CN locale) and the palette (palette.ts).
 * The printed variant names the one font the server draws with and adds what a page needs: a
 * white background, a margin and a bold title.
 *
 * @example
 * const spec: TopLevelSpec = { $schema: SCHEMA, mark: 'line', …, config: chartConfig() };
 */
import type { Config } from 'vega-lite';
import { MUTED } from './palette.ts';

export { COUNTY_COLOR, PALETTE, RESIDENCE_COLORS } from './palette.ts';

export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Noto Sans CJK SC first (Debian, server-side export), then the fonts of Windows and macOS office PCs. */
export const CHART_FONT = '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "Source Han Sans SC", sans-serif';
/** The face server-side export draws with (Debian's fonts-noto-cjk); an SVG names only what it used. */
export const PRINT_FONT = 'Noto Sans CJK SC';

/** Where a chart is drawn: in the dashboard, or in a report, an exported picture or a printed page. */
export type Medium = 'screen' | 'print';

/** Numbers as Chinese statistical reports print them (d3-format locale zh-CN). */
export const ZH_NUMBER_LOCALE: { decimal: string; thousands: string; grouping: number[]; currency: [string, string] } = {
  decimal: '.', thousands: ',', grouping: [3], currency: ['¥', ''],
};

export function chartConfig(medium: Medium = 'screen'): Config {
  const config: Config = {
    font: medium === 'print' ? PRINT_FONT : CHART_FONT,
    locale: { number: ZH_NUMBER_LOCALE },
    view: { stroke: null },
    axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', gridColor: '#e8ecef', domainColor: '#9aa5b1', tickColor: '#9aa5b1' },
    legend: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', orient: 'bottom', direction: 'horizontal', labelLimit: 220 },
    title: { fontSize: 13, anchor: 'start', fontWeight: 'bold', offset: 10, subtitleFontSize: 11, subtitleColor: MUTED },
    line: { strokeWidth: 2 },
    point: { size: 36 },
  };
  return medium === 'print' ? { ...config, background: '#ffffff', padding: 8, title: { ...config.title, fontSize: 14 } } : config;
}

/** The fields every builder's tooltip and CSV understands for a row marked small. */
export interface SmallFlag { small: boolean }

/** A d3 format that prints whole numbers (`,.0f`, `d`): its axis should tick at whole numbers only. */
export function wholeNumbers(format: string): boolean {
  return /(^|[^.\d])(\.0f|d)$/.test(format) || format === ',d';
}
