/**
 * @module charts/common
 * What every chart spec shares: the schema, the CJK font (Vega measures text with it; the
 * default sans-serif measures Chinese too narrow), and a quiet report-like look.
 *
 * @example
 * const spec: TopLevelSpec = { ...chartBase(), mark: 'line', … };
 */
import type { Config } from 'vega-lite';

export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Noto Sans CJK SC first (Debian, server-side export), then the fonts of Windows and macOS office PCs. */
export const CHART_FONT = '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "Source Han Sans SC", sans-serif';

/** Series colours: the county in near-black, townships in a categorical palette. */
export const COUNTY_COLOR = '#1d2733';
export const PALETTE = ['#c0392b', '#2471a3', '#d68910', '#239b56', '#7d3c98', '#17a589', '#a04000', '#5d6d7e'];
export const RESIDENCE_COLORS = { registered: '#2471a3', migrant: '#d68910', all: '#1d2733' } as const;

export function chartConfig(): Config {
  return {
    font: CHART_FONT,
    view: { stroke: null },
    axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', gridColor: '#e8ecef', domainColor: '#9aa5b1', tickColor: '#9aa5b1' },
    legend: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', orient: 'bottom', direction: 'horizontal', labelLimit: 220 },
    title: { fontSize: 13, anchor: 'start', fontWeight: 'bold' },
    line: { strokeWidth: 2 },
    point: { size: 36 },
  };
}

/** The fields every builder's tooltip and CSV understands for a row marked small. */
export interface SmallFlag { small: boolean }

/** A d3 format that prints whole numbers (`,.0f`, `d`): its axis should tick at whole numbers only. */
export function wholeNumbers(format: string): boolean {
  return /(^|[^.\d])(\.0f|d)$/.test(format) || format === ',d';
}
