/**
 * @module pages/overview/map
 * The township map of a chosen indicator for one year (ranked bars when no boundaries were
 * imported); clicking a township opens it.
 */
import type { ColorScheme } from 'vega';
import { api, EACH_TOWNSHIP, isApiFailure, type IndicatorRow, type PeriodKind } from '../../api.ts';
import { barsSpec } from '../../charts/bars.ts';
import { choroplethSpec } from '../../charts/choropleth.ts';
import { d3Format } from '../../format.ts';
import { t, type StringKey } from '../../i18n/index.ts';
import type { PageContext } from '../../router.ts';
import { chartPanel, h, selectField } from '../../ui.ts';
import { fileName, townshipName } from '../pageLabels.ts';

export const MAP_LAYERS = ['population', 'population_registered', 'births', 'cbr', 'tfr', 'srb', 'compliance', 'migrant_stock', 'share65'] as const;
export type MapLayerId = (typeof MAP_LAYERS)[number];

const MAP_TITLES: Record<MapLayerId, StringKey> = {
  population: 'population', population_registered: 'populationRegistered', births: 'births', cbr: 'cbr', tfr: 'tfr',
  srb: 'srbSmoothed', compliance: 'compliance', migrant_stock: 'migrantStock', share65: 'share65',
};

interface MapValue { township: string; name: string; value: number | null; small: boolean }

/** One value per township for the map layer, the year and the period kind. */
async function mapValues(layer: MapLayerId, year: number, period: PeriodKind): Promise<{ rows: MapValue[]; unit: string; raw: object[] }> {
  const q = { township: EACH_TOWNSHIP, from: year, to: year };
  const simple = (r: IndicatorRow): MapValue => ({ township: r.township, name: '', value: r.value, small: r.small });
  switch (layer) {
    case 'population_registered': {
      const m = await api.map('population', year);
      return { rows: m.rows.map((r) => ({ ...r, small: false })), unit: 'persons', raw: m.rows };
    }
    case 'population': {
      const a = await api.indicator('population', { ...q, residence: 'all' });
      return { rows: a.rows.map(simple), unit: a.unit, raw: a.rows };
    }
    case 'share65': {
      const a = await api.indicator('age_structure', q);
      const rows = a.rows.filter((r) => r.group === '65+');
      return { rows: rows.map(simple), unit: '%', raw: rows };
    }
    case 'srb': {
      const a = await api.srb({ ...q, period });
      return { rows: a.rows.map((r) => ({ township: r.township, name: '', value: r.smoothed, small: r.small })), unit: 'ratio', raw: a.rows };
    }
    default: {
      const a = await api.indicator(layer, { ...q, period });
      return { rows: a.rows.map(simple), unit: a.unit, raw: a.rows };
    }
  }
}

const SCHEMES: Partial<Record<MapLayerId, ColorScheme>> = { srb: 'reds', compliance: 'greens', tfr: 'purples', cbr: 'purples', share65: 'blues', migrant_stock: 'teals' };

export function mapPanel(ctx: PageContext, year: number, period: PeriodKind, layer: MapLayerId): { element: HTMLElement; load: Promise<void> } {
  const { meta, lang } = ctx;
  const chart = chartPanel('map', t('mapTitle', lang), lang, t('mapHint', lang));
  const mapControl = selectField('map-indicator', t('mapIndicator', lang), MAP_LAYERS.map((id) => ({ value: id, label: t(MAP_TITLES[id], lang) })), layer, (v) => ctx.set({ map: v }));
  chart.element.querySelector('.panel-head')?.after(h('div', { class: 'controls inline' }, mapControl));

  const load = (async () => {
    try {
      // Without township boundaries (none were imported) every township is still shown, as ranked bars.
      const noBoundaries = (e: unknown) => (isApiFailure(e) && e.status === 404 ? null : Promise.reject(e));
      const [topology, values] = await Promise.all([api.topology().catch(noBoundaries), mapValues(layer, year, period)]);
      const named = values.rows.map((r) => ({ ...r, name: townshipName(meta, r.township, lang) }));
      const title = t(MAP_TITLES[layer], lang);
      const unitText = values.unit === 'persons' ? `（${t('persons', lang)}）` : values.unit === '‰' ? '（‰）' : values.unit === '%' ? '（%）' : '';
      chart.element.dataset.layout = topology ? 'map' : 'bars';
      const result = await chart.show({
        spec: topology ? choroplethSpec({
          topology, rows: named, valueTitle: `${title}${unitText}`, format: d3Format(values.unit), scheme: SCHEMES[layer] ?? 'oranges',
          labels: { name: t('name', lang), code: t('code', lang) }, width: 520, height: 400,
        }) : barsSpec({
          rows: [...named].sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity)).map((r) => ({ category: r.name, value: r.value, small: r.small })),
          xTitle: `${title}${unitText}`, format: d3Format(values.unit), width: 420, labels: { category: t('name', lang), small: t('smallWarning', lang) },
        }),
        rows: values.raw.map((r) => ({ ...(r as Record<string, string | number | boolean | null>), name: townshipName(meta, (r as { township: string }).township, lang) })),
        fileName: fileName(meta, 'map', layer, period === 'year' ? year : `SY${year}`), lang,
        smallCount: named.filter((r) => r.small).length,
      });
      chart.element.dataset.layer = layer;
      chart.element.dataset.townships = String(named.length);
      result?.view.addEventListener('click', (_event, item) => {
        const datum = (item as { datum?: { code?: string; properties?: { code?: string } } } | null | undefined)?.datum;
        const code = datum?.code ?? datum?.properties?.code;
        if (code && meta.townships.some((x) => x.code === code)) ctx.go('township', { township: code });
      });
    } catch (e) {
      chart.fail(e);
    }
  })();

  return { element: chart.element, load };
}
