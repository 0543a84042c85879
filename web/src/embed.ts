/**
 * @module embed
 * Renders a Vega-Lite spec with vega-embed as SVG (crisp export, accessible, testable). Vega's
 * expression interpreter replaces its code generator, so the page runs under a strict CSP
 * (no `unsafe-eval`). The export menu (SVG, PNG) speaks Chinese; numbers use the zh-CN locale.
 * Vega, Vega-Lite and vega-embed are a chunk of their own, loaded with the first chart.
 */
import type { Result } from 'vega-embed';
import type { TopLevelSpec } from 'vega-lite';
import { ZH_FORMAT_LOCALE } from './format.ts';
import type { Lang } from './i18n/index.ts';

const MENU_ZH = {
  COMPILED_ACTION: '查看 Vega', EDITOR_ACTION: '在编辑器中打开', PNG_ACTION: '保存为 PNG 图片',
  SOURCE_ACTION: '查看源码', SVG_ACTION: '保存为 SVG 矢量图', CLICK_TO_VIEW_ACTIONS: '导出图片',
};
const MENU_EN = { CLICK_TO_VIEW_ACTIONS: 'Export image', PNG_ACTION: 'Save as PNG', SVG_ACTION: 'Save as SVG' };

type ChartLibs = typeof import('./chartLibs.ts');
let charts: Promise<ChartLibs> | null = null;

/** Starts (once) loading the chart libraries (chartLibs.ts); a page that draws charts calls it early. */
export function loadCharts(): Promise<ChartLibs> {
  if (charts === null) {
    charts = import('./chartLibs.ts');
    charts.catch(() => { charts = null; }); // a failed download is tried again at the next chart
  }
  return charts;
}

export async function renderChart(element: HTMLElement, spec: TopLevelSpec, lang: Lang, fileName: string): Promise<Result> {
  const { embed, expressionInterpreter } = await loadCharts();
  return embed(element, spec, {
    renderer: 'svg',
    ast: true,
    expr: expressionInterpreter,
    actions: { export: true, source: false, compiled: false, editor: false },
    downloadFileName: fileName,
    scaleFactor: 2,
    formatLocale: ZH_FORMAT_LOCALE,
    i18n: lang === 'zh' ? MENU_ZH : MENU_EN,
    tooltip: { theme: 'light' },
  });
}
