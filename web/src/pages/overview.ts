/**
 * @module pages/overview
 * 总览: for one calendar or statistical year, the headline figures with the change on the
 * previous period, the township map of a chosen indicator (click a township to open it), and
 * the townships to watch (elevated SRB, missed compliance targets). The panels live in
 * pages/overview/; this function reads the state and composes them.
 */
import type { MapPeriod } from '../charts/mapLayers.ts';
import { t } from '../i18n/index.ts';
import { enumParam, intParam, type PageContext } from '../router.ts';
import { controls, h, selectField } from '../ui.ts';
import { calloutsPanel } from './overview/callouts.ts';
import { headlinePanel } from './overview/headline.ts';
import { MAP_LAYERS, mapPanel, type MapLayerId } from './overview/map.ts';
import { townshipLinksPanel } from './overview/townshipLinks.ts';
import { periodLabel, yearOptions } from './pageLabels.ts';

export async function renderOverview(root: HTMLElement, ctx: PageContext): Promise<void> {
  const { meta, lang, params } = ctx;
  const year = intParam(params, 'year', meta.years.from, meta.years.to, meta.years.to);
  const period = enumParam<MapPeriod>(params, 'period', ['year', 'statyear'], 'year');
  const layer = enumParam<MapLayerId>(params, 'map', MAP_LAYERS, 'population');
  const periodText = period === 'year' ? String(year) : periodLabel(`SY${year}`, lang);

  if (!ctx.county) {
    // county overview figures are not open to a township account: say so, and point to what is
    root.append(h('h2', { class: 'page-title', text: t('overview', lang) }), townshipLinksPanel(ctx));
    return;
  }

  root.append(
    h('h2', { class: 'page-title', text: `${t('overview', lang)} · ${periodText}` }),
    controls(
      selectField('year', t('year', lang), yearOptions(meta.years.from, meta.years.to), String(year), (v) => ctx.set({ year: v })),
      selectField('period', t('periodKind', lang), [
        { value: 'year', label: t('periodYear', lang) }, { value: 'statyear', label: t('periodStatyear', lang) },
      ], period, (v) => ctx.set({ period: v })),
    ),
  );
  const headline = headlinePanel(ctx, year, period);
  const map = mapPanel(ctx, year, period, layer);
  const callouts = calloutsPanel(ctx, year, period);
  root.append(headline.element, h('div', { class: 'grid-2' }, map.element, callouts.element));
  await Promise.all([headline.load, map.load, callouts.load]);
}
