/**
 * @module pages/township
 * 乡镇（街道）: trends of one township against the county (births, birth rate, TFR, compliance
 * registered vs migrant with targets, SRB with interval, marriages, migrant stock, 65+ share),
 * other townships added side by side, and a period granularity switch (year / statistical year
 * / half / quarter / month). State: `township=code[,code…]&granularity=&residence=&from=&to=`.
 */
import { api, type IndicatorRow, type PeriodKind, type Residence } from '../api.ts';
import { barsSpec } from '../charts/bars.ts';
import { srbSeriesSpec } from '../charts/srbSeries.ts';
import { trendSpec, type TrendRow } from '../charts/trend.ts';
import { d3Format } from '../format.ts';
import { t, type Lang, type StringKey } from '../i18n/index.ts';
import { enumParam, intParam, townshipsParam, type PageContext } from '../router.ts';
import { chartPanel, checkboxGroup, controls, h, panel, scopeNote, selectField, type ChartPanel } from '../ui.ts';
import {
  allCodes, fileName, periodKindOptions, residenceLabel, residenceOptions, seriesColors, townshipName, townshipOptions, yearOptions,
} from './shared.ts';

const GRANULARITIES = ['year', 'statyear', 'half', 'stathalf', 'quarter', 'month'] as const satisfies readonly PeriodKind[];
type Granularity = (typeof GRANULARITIES)[number];
/** Default span by granularity: monthly series stay readable over three years. */
const DEFAULT_SPAN: Record<Granularity, number> = { year: 10, statyear: 10, half: 5, stathalf: 5, quarter: 5, month: 3 };

interface Series { key: StringKey; indicator: string; unit: string; withCounty: boolean; usesResidence: boolean; yearOnly?: boolean; keep?: (r: IndicatorRow) => boolean; zero?: boolean }

const SERIES: readonly Series[] = [
  { key: 'cbr', indicator: 'cbr', unit: '‰', withCounty: true, usesResidence: true },
  { key: 'tfr', indicator: 'tfr', unit: 'ratio', withCounty: true, usesResidence: true },
  { key: 'birthsTrend', indicator: 'births', unit: 'persons', withCounty: false, usesResidence: true, zero: true },
  { key: 'marriagesTrend', indicator: 'marriages', unit: 'couples', withCounty: false, usesResidence: false, zero: true },
  { key: 'migrantTrend', indicator: 'migrant_stock', unit: 'persons', withCounty: false, usesResidence: false, zero: true },
  { key: 'share65', indicator: 'age_structure', unit: '%', withCounty: true, usesResidence: true, yearOnly: true, keep: (r) => r.group === '65+' },
];

function unitSuffix(unit: string, lang: Lang): string {
  if (unit === '‰') return '（‰）';
  if (unit === '%') return '（%）';
  if (unit === 'persons') return `（${t('persons', lang)}）`;
  if (unit === 'couples') return `（${t('couples', lang)}）`;
  return '';
}

export async function renderTownship(root: HTMLElement, ctx: PageContext): Promise<void> {
  const { meta, lang, params } = ctx;
  const chosen = townshipsParam(params, 'township', meta);
  const townships = chosen.length ? chosen : [meta.townships[0]!.code];
  const main = townships[0]!;
  const granularity = enumParam<Granularity>(params, 'granularity', GRANULARITIES, 'year');
  const residence = enumParam<Residence>(params, 'residence', ['all', 'registered', 'migrant'], 'all');
  const to = intParam(params, 'to', meta.years.from, meta.years.to, meta.years.to);
  const from = intParam(params, 'from', meta.years.from, to, Math.max(meta.years.from, to - DEFAULT_SPAN[granularity] + 1));
  const codes = townships.join(',');
  const countyName = t('county', lang);
  const names = [...(ctx.county ? [countyName] : []), ...townships.map((c) => townshipName(meta, c, lang))];
  /** The county line beside the townships, for accounts that may see it. */
  const withAll = (list: string) => (ctx.county ? `${list},all` : list);
  const others = meta.townships.filter((x) => x.code !== main);
  const colors = seriesColors(names, countyName);
  const townshipColors = seriesColors(names.filter((n) => n !== countyName), countyName);

  root.append(
    h('h2', { class: 'page-title', text: `${townships.slice(0, 4).map((c) => townshipName(meta, c, lang)).join(lang === 'zh' ? '、' : ', ')}${townships.length > 4 ? ' …' : ''} · ${from}–${to}` }),
    controls(
      selectField('township', t('chooseTownship', lang), townshipOptions(meta, lang), main, (v) => ctx.set({ township: [v, ...townships.slice(1).filter((c) => c !== v)].join(',') })),
      selectField('granularity', t('granularity', lang), periodKindOptions(GRANULARITIES, lang), granularity, (v) => ctx.set({ granularity: v, from: undefined })),
      selectField('residence', t('residence', lang), residenceOptions(lang), residence, (v) => ctx.set({ residence: v })),
      selectField('from', t('from', lang), yearOptions(meta.years.from, to), String(from), (v) => ctx.set({ from: v })),
      selectField('to', t('to', lang), yearOptions(meta.years.from, meta.years.to), String(to), (v) => ctx.set({ to: v, from: Math.min(from, Number(v)) })),
    ),
    ...(others.length ? [controls(checkboxGroup('compare', t('compareWith', lang),
      others.map((x) => ({ value: x.code, label: x.name })),
      new Set(townships.slice(1)), (values) => ctx.set({ township: [main, ...values].join(',') })))] : []),
  );

  const grid = h('div', { class: 'grid-charts' });
  root.append(grid);
  const jobs: Promise<void>[] = [];
  const small = (rows: readonly IndicatorRow[]) => rows.filter((r) => r.small).length;
  const named = (rows: readonly IndicatorRow[]) => rows.map((r) => ({ ...r, name: townshipName(meta, r.township, lang) }));

  for (const s of SERIES) {
    const title = `${t(s.key, lang)}${s.usesResidence && residence !== 'all' ? `（${residenceLabel(residence, lang)}）` : ''}`;
    const note = s.yearOnly && granularity !== 'year' ? (lang === 'zh' ? '年末时点指标，按年显示。' : 'A 31 December figure: shown by year.') : undefined;
    const p = chartPanel(`trend-${s.indicator}`, title, lang, note);
    grid.append(p.element);
    jobs.push(fillTrend(p, s));
  }

  async function fillTrend(p: ChartPanel, s: Series): Promise<void> {
    try {
      const answer = await api.indicator(s.indicator, {
        township: s.withCounty ? withAll(codes) : codes, from, to, period: s.yearOnly ? 'year' : granularity,
        ...(s.usesResidence ? { residence } : {}),
      });
      const rows = answer.rows.filter(s.keep ?? (() => true));
      if (rows.every((r) => r.value === null)) return p.empty();
      const trend: TrendRow[] = rows.map((r) => ({ period: r.period, series: townshipName(meta, r.township, lang), value: r.value, small: r.small }));
      await p.show({
        // counts are drawn for the townships only (the county's would flatten them): its legend entry goes too
        spec: trendSpec({ rows: trend, yTitle: `${t(s.key, lang)}${unitSuffix(s.unit, lang)}`, format: d3Format(s.unit), colors: s.withCounty ? colors : townshipColors, zero: s.zero, labels: { period: t('period', lang), small: t('smallWarning', lang) } }),
        rows: named(rows), fileName: fileName(meta, s.indicator, main, granularity, from, to), lang, smallCount: small(rows),
      });
    } catch (e) {
      p.fail(e);
    }
  }

  // compliance: registered and migrant, against their targets
  const compliancePanel = chartPanel('trend-compliance', t('complianceSplit', lang), lang);
  grid.prepend(compliancePanel.element);
  jobs.push((async () => {
    try {
      const [reg, mig] = await Promise.all((['registered', 'migrant'] as const).map((res) =>
        api.indicator('compliance', { township: withAll(codes), from, to, period: granularity, residence: res })));
      const rows = [...reg!.rows.map((r) => ({ ...r, residence: 'registered' })), ...mig!.rows.map((r) => ({ ...r, residence: 'migrant' }))];
      const trend: TrendRow[] = rows.map((r) => ({
        period: r.period, series: townshipName(meta, r.township, lang), value: r.value, small: r.small,
        dash: residenceLabel(r.residence as Residence, lang),
      }));
      const target = (res: 'registered' | 'migrant') => {
        const v = (res === 'registered' ? reg : mig)!.rows.find((r) => typeof r.target === 'number')?.target;
        return typeof v === 'number' ? [{ value: v, label: `${residenceLabel(res, lang)}${t('target', lang)} ${v}%` }] : [];
      };
      await compliancePanel.show({
        spec: trendSpec({
          rows: trend, yTitle: `${t('compliance', lang)}（%）`, format: ',.2f', colors, dashTitle: t('residence', lang),
          targets: [...target('registered'), ...target('migrant')], labels: { period: t('period', lang), small: t('smallWarning', lang) },
        }),
        rows: named(rows), fileName: fileName(meta, 'compliance', main, granularity, from, to), lang, smallCount: small(rows),
      });
    } catch (e) {
      compliancePanel.fail(e);
    }
  })());

  // SRB with interval: the township(s) against the county
  const srbPanel = chartPanel('trend-srb', `${t('srb', lang)}（${t('interval95', lang)}）`, lang);
  grid.prepend(srbPanel.element);
  jobs.push((async () => {
    try {
      const srbPeriod = granularity === 'statyear' ? 'statyear' : 'year';
      const answer = await api.srb({ township: ctx.county ? `all,${codes}` : codes, from, to, period: srbPeriod, residence });
      const rows = answer.rows.map((r) => ({ period: r.period, series: townshipName(meta, r.township, lang), value: r.srb, lo: r.lo, hi: r.hi, births: r.births, small: r.small, flag: r.flag }));
      await srbPanel.show({
        spec: srbSeriesSpec({
          rows, band: answer.band, yTitle: t('srbShort', lang), colors,
          labels: { period: t('period', lang), lo: `${t('interval95', lang)}↓`, hi: `${t('interval95', lang)}↑`, births: t('birthsCount', lang), band: t('normalBand', lang), flag: t('flag', lang) },
        }),
        rows: named(answer.rows), fileName: fileName(meta, 'srb', main, srbPeriod, from, to), lang, smallCount: answer.rows.filter((r) => r.small).length,
      });
    } catch (e) {
      srbPanel.fail(e);
    }
  })());

  if (!ctx.county) {
    grid.append(panel('side-by-side', t('sideBySide', lang), scopeNote('side-by-side-note', t('countyOnlySideBySide', lang))));
    await Promise.all(jobs);
    return;
  }
  // all townships side by side in the last period: the chosen ones highlighted, the county as a rule
  const barsPanel = chartPanel('side-by-side', `${t('sideBySide', lang)}：${t('cbr', lang)}`, lang);
  barsPanel.element.classList.add('wide');
  grid.append(barsPanel.element);
  jobs.push((async () => {
    try {
      const answer = await api.indicator('cbr', { township: `${allCodes(meta)},all`, from: to, to, period: granularity === 'statyear' ? 'statyear' : 'year', residence });
      const county = answer.rows.find((r) => r.township === 'all');
      const rows = answer.rows.filter((r) => r.township !== 'all').sort((a, b) => (b.value ?? -1) - (a.value ?? -1));
      const chosenSet = new Set(townships);
      await barsPanel.show({
        spec: barsSpec({
          rows: rows.map((r) => ({ category: townshipName(meta, r.township, lang), value: r.value, small: r.small, highlight: chosenSet.has(r.township) })),
          xTitle: `${t('cbr', lang)}（‰）· ${rows[0]?.period ?? to}`, format: ',.2f', width: 900,
          reference: county?.value != null ? { value: county.value, label: `${t('county', lang)} ${county.value.toFixed(2)}‰` } : undefined,
          labels: { category: t('name', lang), small: t('smallWarning', lang) },
        }),
        rows: named(answer.rows), fileName: fileName(meta, 'cbr-townships', to), lang, smallCount: small(rows),
      });
    } catch (e) {
      barsPanel.fail(e);
    }
  })());

  await Promise.all(jobs);
}
