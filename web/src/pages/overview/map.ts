/**
 * @module pages/overview/map
 * The township map of a chosen indicator for one year (ranked bars when no boundaries were
 * imported). The server draws it (GET /api/map.svg: Vega over 1,500 polygons cost the page about
 * 250 ms); the page inserts the picture, and from the layer's values (the same answer the server
 * drew) gives the table download, a township's name and value on hover, and opens the township
 * that is clicked. Saving it as a picture loads Vega and draws it again, with its title.
 */
import { api, getJson, getText, isApiFailure } from '../../api.ts';
import { apiUrl } from '../../client.ts';
import { MAP_LAYERS, MAP_TITLES, layerRequest, layerValues, mapChartSpec, type LayerValues, type MapLayerId, type MapPeriod } from '../../charts/mapLayers.ts';
import { hasValue } from '../../charts/choropleth.ts';
import { formatValue } from '../../format.ts';
import { t } from '../../i18n/index.ts';
import type { PageContext } from '../../router.ts';
import { chartPanel, h, selectField } from '../../ui.ts';
import { fileName, townshipName } from '../pageLabels.ts';

export { MAP_LAYERS, type MapLayerId };

/** The code of the township under a map element: the polygons and name labels carry it as their aria-label, the bars (without boundaries) lead theirs with it. */
function codeAt(target: EventTarget | null): string | null {
  const item = target instanceof Element ? target.closest('.mark-shape path[aria-label], .mark-text text[aria-label], .mark-rect path[aria-label]') : null;
  return item?.getAttribute('aria-label')?.split(' ', 1)[0] ?? null;
}

/** A township's name and value beside the pointer, as Vega's tooltip showed it. */
function hoverTips(body: HTMLElement, text: (code: string) => string | null): void {
  const tip = h('div', { class: 'map-tip', role: 'tooltip', hidden: true });
  body.append(tip);
  body.addEventListener('pointermove', (ev) => {
    const code = codeAt(ev.target);
    const content = code === null ? null : text(code);
    if (content === null) { tip.hidden = true; return; }
    tip.textContent = content;
    const box = body.getBoundingClientRect();
    tip.style.left = `${ev.clientX - box.left + 12}px`;
    tip.style.top = `${ev.clientY - box.top + 12}px`;
    tip.hidden = false;
  });
  body.addEventListener('pointerleave', () => { tip.hidden = true; });
}

/** A saved map's title: 示范县2024年各乡镇（街道）总和生育率 / TFR by township, Demo County, 2024. */
export function mapImageTitle(county: string, layerTitle: string, year: number, period: MapPeriod, lang: 'zh' | 'en'): string {
  if (lang === 'zh') return `${county}${year}${period === 'year' ? '年' : '统计年度'}各乡镇（街道）${layerTitle}`;
  return `${layerTitle} by township, ${county}, ${period === 'year' ? year : `SY ${year}`}`;
}

export function mapPanel(ctx: PageContext, year: number, period: MapPeriod, layer: MapLayerId): { element: HTMLElement; load: Promise<void> } {
  const { meta, lang } = ctx;
  const chart = chartPanel('map', t('mapTitle', lang), lang, t('mapHint', lang));
  const mapControl = selectField('map-indicator', t('mapIndicator', lang), MAP_LAYERS.map((id) => ({ value: id, label: t(MAP_TITLES[id], lang) })), layer, (v) => ctx.set({ map: v }));
  chart.element.querySelector('.panel-head')?.after(h('div', { class: 'controls inline' }, mapControl));

  const load = (async () => {
    try {
      const picture = apiUrl(`/map.svg?${new URLSearchParams({ layer, year: String(year), period, lang })}`);
      const [svg, values] = await Promise.all([
        getText(picture),
        getJson<{ unit?: unknown; rows: Record<string, unknown>[] }>(apiUrl(layerRequest(layer, year, period))).then((a): LayerValues => layerValues(layer, a)),
      ]);
      const nameOf = (code: string) => townshipName(meta, code, lang);
      chart.showPicture({
        svg,
        // Without township boundaries (none were imported) the server drew ranked bars.
        spec: async () => mapChartSpec({ layer, values, nameOf, lang, topology: await api.topology().catch((e: unknown) => (isApiFailure(e) && e.status === 404 ? null : Promise.reject(e))) }),
        rows: values.raw.map((r) => ({ ...(r as Record<string, string | number | boolean | null>), name: nameOf(String(r.township)) })),
        // the value's unit in the file's header and rounding (a TFR's parts named for what they are)
        unit: values.unit,
        // the layer's own words (计划生育率（户籍）), as its legend says; the picture says where and when too
        fileName: fileName(meta, 'map', t(MAP_TITLES[layer], lang), period === 'year' ? year : `SY${year}`), lang,
        imageTitle: mapImageTitle(meta.county.name, t(MAP_TITLES[layer], lang), year, period, lang),
        smallCount: values.rows.filter((r) => r.small).length, smallMarked: false,
        noValueCount: values.rows.filter((r) => !hasValue(r.value)).length,
      });
      chart.element.dataset.layout = chart.body.querySelector('.mark-shape') ? 'map' : 'bars';
      chart.element.dataset.layer = layer;
      chart.element.dataset.townships = String(values.rows.length);
      const byCode = new Map(values.rows.map((r) => [r.township, r]));
      hoverTips(chart.body, (code) => {
        const row = byCode.get(code);
        if (!row) return null;
        const value = formatValue(row.value, values.unit);
        return lang === 'zh' ? `${nameOf(code)}（${code}）：${value}` : `${nameOf(code)} (${code}): ${value}`;
      });
      chart.body.addEventListener('click', (ev) => {
        const code = codeAt(ev.target);
        if (code && meta.townships.some((x) => x.code === code)) ctx.go('township', { township: code });
      });
    } catch (e) {
      chart.fail(e);
    }
  })();

  return { element: chart.element, load };
}
