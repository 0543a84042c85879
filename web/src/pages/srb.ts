/**
 * @module pages/srb
 * 出生人口性别比: the SRB series of the county or a township with its 95% interval (raw Wilson
 * or smoothed empirical-Bayes), by birth order, against the 103–107 normal band; the township
 * ranking for the span; and the funnel plot (SRB against births with 95% / 99.8% control limits)
 * so small, noisy townships are not mistaken for hot spots.
 * State: `township=all|code&order=all|1|2|3+&estimate=raw|smoothed&granularity=&residence=&from=&to=`.
 */
import { api, type BirthOrder, type PeriodKind, type Residence, type SrbRankingRow } from '../api.ts';
import { beyondAxis, funnelSpec } from '../charts/funnel.ts';
import { srbSeriesSpec } from '../charts/srbSeries.ts';
import { formatDec, formatInt } from '../format.ts';
import { paren, t, type Lang } from '../i18n/index.ts';
import { enumParam, intParam, type PageContext } from '../router.ts';
import { chartPanel, controls, downloadButtons, errorMessage, h, panel, scopeNote, selectField, smallWarning, table } from '../ui.ts';
import { exportTable } from '../exportRows.ts';
import { flagWords, judgementText, srbListSpan } from '../../../common/srbWording.ts';
import {
  fileName, orderOptions, periodKindOptions, residenceOptions, seriesColors, townshipName, townshipOptions, yearOptions,
} from './pageLabels.ts';

const GRANULARITIES: readonly PeriodKind[] = ['year', 'statyear', 'half', 'quarter'];

export function funnelLabel(c: string, lang: Lang): string {
  return c === 'above998' || c === 'above95' || c === 'inside' || c === 'below95' || c === 'below998' || c === 'no_births' ? t(c, lang) : c;
}

export async function renderSrb(root: HTMLElement, ctx: PageContext): Promise<void> {
  const { meta, lang, params } = ctx;
  const fallback = ctx.county ? 'all' : meta.townships[0]?.code ?? 'all';
  const township = enumParam(params, 'township', [...(ctx.county ? ['all'] : []), ...meta.townships.map((x) => x.code)], fallback);
  const order = enumParam<BirthOrder>(params, 'order', ['all', '1', '2', '3+'], 'all');
  // smoothing shrinks toward the county's level, which a township account may not see: raw only
  const estimate = ctx.county ? enumParam(params, 'estimate', ['raw', 'smoothed'] as const, 'smoothed') : 'raw';
  const granularity = enumParam<PeriodKind>(params, 'granularity', GRANULARITIES, 'year');
  const residence = enumParam<Residence>(params, 'residence', ['all', 'registered', 'migrant'], 'all');
  const to = intParam(params, 'to', meta.years.from, meta.years.to, meta.years.to);
  const from = intParam(params, 'from', meta.years.from, to, Math.max(meta.years.from, to - 9));
  // the elevated-SRB list's span, the same on every page (common/srbWording.ts)
  const rankFrom = srbListSpan(to, meta.years.from).from;

  root.append(
    h('h2', { class: 'page-title', text: `${t('srbPage', lang)} · ${townshipName(meta, township, lang)}` }),
    controls(
      selectField('township', t('chooseTownship', lang), townshipOptions(meta, lang, ctx.county), township, (v) => ctx.set({ township: v === fallback ? undefined : v })),
      selectField('order', t('birthOrder', lang), orderOptions(lang), order, (v) => ctx.set({ order: v === 'all' ? undefined : v })),
      selectField('estimate', t('estimate', lang), [...(ctx.county ? [{ value: 'smoothed', label: t('smoothed', lang) }] : []), { value: 'raw', label: t('raw', lang) }], estimate, (v) => ctx.set({ estimate: v })),
      selectField('granularity', t('granularity', lang), periodKindOptions(GRANULARITIES, lang), granularity, (v) => ctx.set({ granularity: v })),
      selectField('residence', t('residence', lang), residenceOptions(lang), residence, (v) => ctx.set({ residence: v })),
      selectField('from', t('from', lang), yearOptions(meta.years.from, to), String(from), (v) => ctx.set({ from: v })),
      selectField('to', t('to', lang), yearOptions(meta.years.from, meta.years.to), String(to), (v) => ctx.set({ to: v, from: Math.min(from, Number(v)) })),
    ),
  );

  const seriesPanel = chartPanel('srb-series', `${t('srbSeries', lang)} · ${estimate === 'raw' ? t('raw', lang) : t('smoothed', lang)}`, lang,
    t('srbSeriesNote', lang));
  seriesPanel.element.classList.add('wide');
  const funnelPanel = chartPanel('srb-funnel', `${t('funnelTitle', lang)} · ${rankFrom}–${to}`, lang, t('funnelNote', lang));
  const rankingBody = h('div', { class: 'table-scroll' }, h('p', { class: 'loading', text: t('loading', lang) }));
  const rankingTools = h('div', { class: 'chart-tools' });
  const rankingPanel = panel('srb-ranking', `${t('ranking', lang)} · ${rankFrom}–${to}`, rankingBody);
  rankingPanel.querySelector('h2')?.after(rankingTools);
  if (!ctx.county) {
    // the ranking and funnel across townships are county-wide views
    root.append(seriesPanel.element, panel('srb-ranking', `${t('ranking', lang)} · ${t('funnelTitle', lang)}`, scopeNote('srb-ranking-note', t('countyOnlyRanking', lang))));
  } else {
    root.append(seriesPanel.element, h('div', { class: 'grid-2 even' }, funnelPanel.element, rankingPanel));
  }

  const series = (async () => {
    try {
      const areas = township === 'all' ? 'all' : ctx.county ? `all,${township}` : township;
      const answer = await api.srb({ township: areas, from, to, period: granularity, residence, order });
      const names = answer.rows.map((r) => townshipName(meta, r.township, lang));
      const rows = answer.rows.map((r, i) => ({
        period: r.period, series: names[i]!, births: r.births, small: r.small, flag: r.flag,
        value: estimate === 'raw' ? r.srb : r.smoothed, lo: estimate === 'raw' ? r.lo : r.smoothed_lo, hi: estimate === 'raw' ? r.hi : r.smoothed_hi,
      }));
      if (rows.every((r) => r.value === null)) return seriesPanel.empty();
      const seriesSpec = (width: number, height: number) => srbSeriesSpec({
        rows, band: answer.band, yTitle: `${t('srbShort', lang)}${paren(t('femaleIs100', lang), lang)}`,
        colors: seriesColors([...new Set(names)], t('county', lang)), width, height,
        labels: { period: t('period', lang), lo: `${t('interval95', lang)}↓`, hi: `${t('interval95', lang)}↑`, births: t('birthsCount', lang), band: t('normalBand', lang), flag: t('flag', lang), flags: flagWords(lang) },
      });
      await seriesPanel.show({
        // the page's full width on screen; an A4 page's width in print (scaled down, its labels were unreadable)
        spec: seriesSpec(1180, 260), printSpec: seriesSpec(600, 260),
        rows: answer.rows.map((r) => ({ ...r, name: townshipName(meta, r.township, lang) })),
        fileName: fileName(meta, 'srb', township, order.replace('+', 'plus'), granularity, from, to), lang,
        smallCount: answer.rows.filter((r) => r.small).length,
      });
    } catch (e) {
      seriesPanel.fail(e);
    }
  })();

  const ranking = (async () => {
    if (!ctx.county) return;
    try {
      const r = await api.srbRanking({ from: rankFrom, to, residence, order });
      const center = r.county.srb ?? 107;
      await funnelPanel.show({
        spec: funnelSpec({
          points: r.townships.map((x) => ({ township: x.township, name: x.name, births: x.births, srb: x.srb, funnel: x.funnel, funnelLabel: funnelLabel(x.funnel, lang), small: x.small })),
          limits: r.funnel, center, band: [103, 107], width: 520, height: 330,
          labels: {
            births: t('birthsCount', lang), srb: t('srbShort', lang), limit95: t('limit95', lang), limit998: t('limit998', lang),
            center: t('countyRatio', lang), name: t('name', lang), funnel: t('funnelClass', lang), limit: t('controlLimit', lang), beyond: t('beyondAxis', lang),
          },
        }),
        rows: r.funnel.map((f) => ({ ...f })), fileName: fileName(meta, 'srb-funnel', order.replace('+', 'plus'), rankFrom, to), lang,
      });
      funnelPanel.element.dataset.points = String(r.townships.length);
      rankingBody.replaceChildren(
        h('p', { class: 'note', id: 'srb-list-rule', text: lang === 'zh' ? r.rule.zh : r.rule.en }),
        rankingTable(r.townships, lang, (code) => ctx.set({ township: code })));
      const funnelNote = funnelPanel.element.querySelector('.note');
      const outside = beyondAxis(r.townships, center).map((x) => `${x.name} ${formatDec(x.srb, 1)}`).join(lang === 'zh' ? '、' : ', ');
      const beyond = outside ? `${lang === 'zh' ? '' : ' '}${t('funnelBeyond', lang)}${outside}${lang === 'zh' ? '。' : '.'}` : '';
      if (funnelNote) funnelNote.textContent = `${t('funnelNote', lang)}${lang === 'zh' ? r.rule.funnel.zh : ` ${r.rule.funnel.en}`}${beyond}`;
      const smallRows = r.townships.filter((x) => x.small).length;
      if (smallRows) rankingBody.prepend(smallWarning(smallRows, 5, lang));
      const csvRows = r.townships.map((x) => ({ ...x }));
      rankingTools.replaceChildren(...downloadButtons('srb-ranking', () => exportTable(csvRows, { unit: 'ratio', lang }), fileName(meta, 'srb-ranking', order.replace('+', 'plus'), rankFrom, to), lang));
      rankingPanel.dataset.rows = String(csvRows.length);
    } catch (e) {
      funnelPanel.fail(e);
      rankingBody.replaceChildren(h('p', { class: 'error', role: 'alert', text: t('loadFailed', lang) + errorMessage(e) }));
    }
  })();

  await Promise.all([series, ranking]);
}

function rankingTable(rows: readonly SrbRankingRow[], lang: Lang, open: (code: string) => void): HTMLTableElement {
  const d = (n: number | null) => (n === null ? '—' : formatDec(n));
  const tbl = table(
    [t('rank', lang), t('name', lang), t('birthsCount', lang), t('raw', lang), t('interval95', lang), t('smoothedCol', lang), t('flag', lang), t('funnelClass', lang)],
    rows.map((r) => {
      const link = h('a', { href: `?page=srb&township=${r.township}`, text: r.name });
      link.addEventListener('click', (ev) => { ev.preventDefault(); open(r.township); });
      return [String(r.rank), link, formatInt(r.births), d(r.srb), `${d(r.lo)}–${d(r.hi)}`, d(r.smoothed),
        `${judgementText(r.judgement, lang)}${r.small ? ' ⚠' : ''}`, funnelLabel(r.funnel, lang)];
    }),
    new Set([0, 2, 3, 5]),
  );
  tbl.id = 'srb-ranking-table';
  [...tbl.tBodies[0]!.rows].forEach((tr, i) => {
    if (rows[i]?.flag === 'high' || rows[i]?.funnel === 'above998') tr.classList.add('flag-high');
    tr.dataset.township = rows[i]?.township ?? '';
    tr.dataset.judgement = rows[i]?.judgement ?? '';
  });
  return tbl;
}
