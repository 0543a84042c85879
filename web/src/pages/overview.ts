/**
 * @module pages/overview
 * 总览: for one calendar or statistical year, the headline figures with the change on the
 * previous period, the township map of a chosen indicator (click a township to open it), and
 * the townships to watch (elevated SRB, missed compliance targets).
 */
import { api, isApiFailure, type IndicatorRow, type PeriodKind, type SrbRow } from '../api.ts';
import { barsSpec } from '../charts/bars.ts';
import { choroplethSpec } from '../charts/choropleth.ts';
import { formatChange, formatDec, formatValue, formatVsTarget, d3Format } from '../format.ts';
import { t, tf, type Lang, type StringKey } from '../i18n/index.ts';
import { enumParam, intParam, type PageContext, type PageId } from '../router.ts';
import { card, chartPanel, controls, h, panel, scopeNote, selectField, errorMessage } from '../ui.ts';
import type { ColorScheme } from 'vega';
import { allCodes, fileName, periodLabel, townshipName, yearOptions } from './shared.ts';
import { judgementText, spanText, srbListRule, srbListSpan } from '../../../common/srbWording.ts';

export const MAP_LAYERS = ['population', 'population_registered', 'births', 'cbr', 'tfr', 'srb', 'compliance', 'migrant_stock', 'share65'] as const;
export type MapLayerId = (typeof MAP_LAYERS)[number];

const MAP_TITLES: Record<MapLayerId, StringKey> = {
  population: 'population', population_registered: 'populationRegistered', births: 'births', cbr: 'cbr', tfr: 'tfr',
  srb: 'srbSmoothed', compliance: 'compliance', migrant_stock: 'migrantStock', share65: 'share65',
};

interface MapValue { township: string; name: string; value: number | null; small: boolean }

/** One value per township for the map layer, the year and the period kind. */
async function mapValues(layer: MapLayerId, year: number, period: PeriodKind, codes: string): Promise<{ rows: MapValue[]; unit: string; raw: object[] }> {
  const q = { township: codes, from: year, to: year };
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

interface Headline { id: string; label: string; unit: string; row: IndicatorRow | undefined }

function first(rows: IndicatorRow[], keep: (r: IndicatorRow) => boolean = () => true): IndicatorRow | undefined {
  return rows.filter(keep).at(-1);
}

function headlineCard(hd: Headline, lang: Lang, changeLabel: string): HTMLElement {
  const r = hd.row;
  return card({
    id: hd.id, label: hd.label, value: formatValue(r?.value ?? null, hd.unit), lang,
    change: r ? formatChange(r.change ?? null, r.change_pct ?? null, hd.unit, lang) : undefined, changeLabel,
    small: r?.small ?? false,
  });
}

export async function renderOverview(root: HTMLElement, ctx: PageContext): Promise<void> {
  const { meta, lang, params } = ctx;
  const year = intParam(params, 'year', meta.years.from, meta.years.to, meta.years.to);
  const period = enumParam<PeriodKind>(params, 'period', ['year', 'statyear'], 'year');
  const layer = enumParam<MapLayerId>(params, 'map', MAP_LAYERS, 'population');
  const codes = allCodes(meta);
  const periodText = period === 'year' ? String(year) : periodLabel(`SY${year}`, lang);

  if (!ctx.county) {
    // county overview figures are not open to a township account: say so, and point to what is
    root.append(h('h2', { class: 'page-title', text: t('overview', lang) }));
    const views: [PageId, StringKey, Record<string, string>][] = [
      ['township', 'township', {}], ['srb', 'srbPage', {}], ['structure', 'structure', {}], ['projections', 'projections', {}],
      ['reports', 'reports', { report: 'township-profile' }],
    ];
    const links = meta.townships.map((x) => h('li', { 'data-township': x.code },
      h('strong', { text: x.name }), '：',
      ...views.flatMap(([page, key, extra], i) => {
        const changes = { ...extra, [page === 'projections' ? 'scope' : 'township']: x.code };
        const a = h('a', { href: ctx.href(page, changes), text: t(key, lang), 'data-view': page });
        a.addEventListener('click', (ev) => { ev.preventDefault(); ctx.go(page, changes); });
        return i === 0 ? [a] : [' · ', a];
      })));
    root.append(panel('headline-panel', t('headline', lang), scopeNote('overview-scope-note', t('countyOnly', lang)),
      h('p', { text: t('yourTownships', lang) }), h('ul', { class: 'callouts', id: 'my-townships' }, ...links)));
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

  // headline cards
  const cards = h('div', { class: 'cards', id: 'headline', 'aria-busy': 'true' }, h('p', { class: 'loading', text: t('loading', lang) }));
  root.append(panel('headline-panel', t('headline', lang), cards));

  // map and callouts
  const mapPanel = chartPanel('map', t('mapTitle', lang), lang, t('mapHint', lang));
  const mapControl = selectField('map-indicator', t('mapIndicator', lang), MAP_LAYERS.map((id) => ({ value: id, label: t(MAP_TITLES[id], lang) })), layer, (v) => ctx.set({ map: v }));
  mapPanel.element.querySelector('.panel-head')?.after(h('div', { class: 'controls inline' }, mapControl));
  const calloutList = h('ul', { class: 'callouts', id: 'callout-list' }, h('li', { class: 'loading', text: t('loading', lang) }));
  const calloutRule = h('p', { class: 'note', id: 'callout-rule' });
  const calloutPanel = panel('callouts', t('callouts', lang), calloutRule, calloutList);
  root.append(h('div', { class: 'grid-2' }, mapPanel.element, calloutPanel));

  const changeLabel = t(period === 'year' ? 'vsPrevYear' : 'vsPrevStatyear', lang);
  const cmp = { township: 'all', from: year, to: year, period, compare: 'prev' as const };
  const structureYear = { township: 'all', from: year, to: year, compare: 'prev' as const };

  const fillCards = (async () => {
    try {
      const [births, cbr, tfr, compReg, compMig, marriages, stock, pop, ages, srb] = await Promise.all([
        api.indicator('births', cmp), api.indicator('cbr', cmp), api.indicator('tfr', cmp),
        api.indicator('compliance', { ...cmp, residence: 'registered' }), api.indicator('compliance', { ...cmp, residence: 'migrant' }),
        api.indicator('marriages', cmp), api.indicator('migrant_stock', cmp),
        api.indicator('population', structureYear), api.indicator('age_structure', structureYear),
        api.srb({ township: 'all', from: Math.max(meta.years.from, year - 1), to: year, period }),
      ]);
      const list: HTMLElement[] = [
        headlineCard({ id: 'births', label: t('births', lang), unit: births.unit, row: first(births.rows) }, lang, changeLabel),
        headlineCard({ id: 'cbr', label: t('cbr', lang), unit: '‰', row: first(cbr.rows) }, lang, changeLabel),
        headlineCard({ id: 'tfr', label: t('tfr', lang), unit: 'ratio', row: first(tfr.rows) }, lang, changeLabel),
        srbCard(srb.rows, lang, changeLabel),
        complianceCard('compliance-registered', t('complianceRegistered', lang), first(compReg.rows), lang, changeLabel),
        complianceCard('compliance-migrant', t('complianceMigrant', lang), first(compMig.rows), lang, changeLabel),
        headlineCard({ id: 'marriages', label: t('marriages', lang), unit: 'couples', row: first(marriages.rows) }, lang, changeLabel),
        headlineCard({ id: 'migrant-stock', label: t('migrantStock', lang), unit: 'persons', row: first(stock.rows) }, lang, changeLabel),
        headlineCard({ id: 'population', label: t('population', lang), unit: 'persons', row: first(pop.rows) }, lang, t('vsPrevYear', lang)),
        headlineCard({ id: 'share65', label: t('share65', lang), unit: '%', row: first(ages.rows, (r) => r.group === '65+') }, lang, t('vsPrevYear', lang)),
      ];
      cards.replaceChildren(...list);
    } catch (e) {
      cards.replaceChildren(h('p', { class: 'error', role: 'alert', text: t('loadFailed', lang) + errorMessage(e) }));
    } finally {
      cards.setAttribute('aria-busy', 'false');
    }
  })();

  const fillMap = (async () => {
    try {
      // Without township boundaries (none were imported) every township is still shown, as ranked bars.
      const noBoundaries = (e: unknown) => (isApiFailure(e) && e.status === 404 ? null : Promise.reject(e));
      const [topology, values] = await Promise.all([api.topology().catch(noBoundaries), mapValues(layer, year, period, codes)]);
      const named = values.rows.map((r) => ({ ...r, name: townshipName(meta, r.township, lang) }));
      const title = t(MAP_TITLES[layer], lang);
      const unitText = values.unit === 'persons' ? `（${t('persons', lang)}）` : values.unit === '‰' ? '（‰）' : values.unit === '%' ? '（%）' : '';
      mapPanel.element.dataset.layout = topology ? 'map' : 'bars';
      const result = await mapPanel.show({
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
      mapPanel.element.dataset.layer = layer;
      mapPanel.element.dataset.townships = String(named.length);
      result?.view.addEventListener('click', (_event, item) => {
        const datum = (item as { datum?: { code?: string; properties?: { code?: string } } } | null | undefined)?.datum;
        const code = datum?.code ?? datum?.properties?.code;
        if (code && meta.townships.some((x) => x.code === code)) ctx.go('township', { township: code });
      });
    } catch (e) {
      mapPanel.fail(e);
    }
  })();

  const fillCallouts = (async () => {
    try {
      // the elevated-SRB list: one definition on every page (common/srbWording.ts)
      const span = srbListSpan(year, meta.years.from);
      const [ranking, compReg, compMig] = await Promise.all([
        api.srbRanking({ from: span.from, to: span.to }),
        api.indicator('compliance', { township: codes, from: year, to: year, period, residence: 'registered' }),
        api.indicator('compliance', { township: codes, from: year, to: year, period, residence: 'migrant' }),
      ]);
      calloutRule.textContent = srbListRule(span.from, span.to, lang);
      const reasons = new Map<string, { text: string; small: boolean; kind: string }[]>();
      const add = (code: string, text: string, small: boolean, kind: string) => reasons.set(code, [...(reasons.get(code) ?? []), { text, small, kind }]);
      const d = (n: number | null) => (n === null ? '—' : formatDec(n));
      const spanLabel = spanText(span.from, span.to, lang);
      for (const r of ranking.townships) {
        if (r.judgement === 'high') add(r.township, tf('calloutSrbHigh', lang, { srb: d(r.srb), lo: d(r.lo), hi: d(r.hi), span: spanLabel }), r.small, 'srb-high');
        else if (r.funnel === 'above998' || r.funnel === 'above95') {
          add(r.township, tf('calloutSrbFunnel', lang, { srb: d(r.srb), judgement: judgementText(r.judgement, lang), limit: r.funnel === 'above998' ? '99.8%' : '95%', span: spanLabel }), r.small, 'srb-funnel');
        }
      }
      for (const [rows, res] of [[compReg.rows, 'resRegistered'], [compMig.rows, 'resMigrant']] as const) {
        for (const r of rows) {
          if (r.meets_target === false) {
            add(r.township, tf('calloutCompliance', lang, { res: t(res, lang), value: formatVsTarget(r.value, typeof r.target === 'number' ? r.target : null, r.numerator, r.denominator), target: String(r.target) }), r.small, 'compliance');
          }
        }
      }
      const order = meta.townships.map((x) => x.code).filter((c) => reasons.has(c))
        .sort((a, b) => (reasons.get(b)?.length ?? 0) - (reasons.get(a)?.length ?? 0));
      if (order.length === 0) {
        calloutList.replaceChildren(h('li', { class: 'empty', text: t('calloutsNone', lang) }));
        return;
      }
      calloutList.replaceChildren(...order.map((code) => {
        const link = h('a', { href: ctx.href('township', { township: code }), text: townshipName(meta, code, lang) });
        link.addEventListener('click', (ev) => { ev.preventDefault(); ctx.go('township', { township: code }); });
        return h('li', { 'data-township': code }, h('strong', {}, link),
          h('ul', {}, ...(reasons.get(code) ?? []).map((x) => h('li', { 'data-reason': x.kind }, x.text, x.small ? h('span', { class: 'small-badge inline', text: ` ⚠ ${t('smallWarning', lang)}` }) : null))));
      }));
    } catch (e) {
      calloutList.replaceChildren(h('li', { class: 'error', role: 'alert', text: t('loadFailed', lang) + errorMessage(e) }));
    }
  })();

  await Promise.all([fillCards, fillMap, fillCallouts]);
}

function srbCard(rows: SrbRow[], lang: Lang, changeLabel: string): HTMLElement {
  const cur = rows.at(-1);
  const prev = rows.length > 1 ? rows.at(-2) : undefined;
  const change = cur?.srb !== null && cur?.srb !== undefined && prev?.srb !== null && prev?.srb !== undefined ? cur.srb - prev.srb : null;
  return card({
    id: 'srb', label: t('srb', lang), value: formatValue(cur?.srb ?? null, 'ratio'), lang,
    sub: cur && cur.lo !== null && cur.hi !== null ? `${t('interval95', lang)} ${formatDec(cur.lo)}–${formatDec(cur.hi)}` : undefined,
    change: formatChange(change, null, 'ratio', lang), changeLabel,
    tone: cur?.flag === 'high' ? 'bad' : undefined, small: cur?.small ?? false,
  });
}

function complianceCard(id: string, label: string, row: IndicatorRow | undefined, lang: Lang, changeLabel: string): HTMLElement {
  const target = typeof row?.target === 'number' ? row.target : null;
  const meets = row?.meets_target;
  const value = formatVsTarget(row?.value, target, row?.numerator, row?.denominator);
  return card({
    id, label, value, lang,
    sub: target === null ? undefined : `${t('target', lang)} ${target}% · ${meets ? t('meetsTarget', lang) : t('missesTarget', lang)}`,
    change: row ? formatChange(row.change ?? null, null, '%', lang) : undefined, changeLabel,
    tone: meets === false ? 'bad' : meets === true ? 'good' : undefined, small: row?.small ?? false,
  });
}
