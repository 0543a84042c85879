/**
 * @module pages/township/trends
 * One chart per indicator over the periods: birth rate, TFR, births, marriages, migrants and
 * the share 65+, the chosen townships (and the county, for rates) as lines.
 */
import { api, type IndicatorRow } from '../../api.ts';
import { trendSpec, type TrendRow } from '../../charts/trend.ts';
import { d3Format } from '../../format.ts';
import { paren, t, type Lang, type StringKey } from '../../i18n/index.ts';
import { chartPanel, type ChartPanel } from '../../ui.ts';
import { fileName, residenceLabel, townshipName } from '../pageLabels.ts';
import { smallCount, type TownshipState } from './state.ts';

interface Series {
  key: StringKey; indicator: string; unit: string; withCounty: boolean; usesResidence: boolean; yearOnly?: boolean; keep?: (r: IndicatorRow) => boolean; zero?: boolean;
  /** Over part of a year: a period rate (births in the month ÷ person-years of the year) or a rate per year (the TFR). */
  partYear?: 'period' | 'annual';
}

const SERIES: readonly Series[] = [
  { key: 'cbr', indicator: 'cbr', unit: '‰', withCounty: true, usesResidence: true, partYear: 'period' },
  { key: 'tfr', indicator: 'tfr', unit: 'ratio', withCounty: true, usesResidence: true, partYear: 'annual' },
  { key: 'birthsTrend', indicator: 'births', unit: 'persons', withCounty: false, usesResidence: true, zero: true },
  { key: 'marriagesTrend', indicator: 'marriages', unit: 'couples', withCounty: false, usesResidence: false, zero: true },
  { key: 'migrantTrend', indicator: 'migrant_stock', unit: 'persons', withCounty: false, usesResidence: false, zero: true },
  { key: 'share65', indicator: 'age_structure', unit: '%', withCounty: true, usesResidence: true, yearOnly: true, keep: (r) => r.group === '65+' },
];

function unitSuffix(unit: string, lang: Lang): string {
  if (unit === '‰' || unit === '%') return paren(unit, lang);
  if (unit === 'persons') return `${paren(t('persons', lang), lang)}`;
  if (unit === 'couples') return `${paren(t('couples', lang), lang)}`;
  return '';
}

async function fillTrend(p: ChartPanel, s: Series, state: TownshipState): Promise<void> {
  const { ctx: { meta }, lang, codes, from, to, granularity, residence, main, colors, townshipColors } = state;
  try {
    const answer = await api.indicator(s.indicator, {
      township: s.withCounty ? state.withAll(codes) : codes, from, to, period: s.yearOnly ? 'year' : granularity,
      ...(s.usesResidence ? { residence } : {}),
    });
    const rows = answer.rows.filter(s.keep ?? (() => true));
    if (rows.every((r) => r.value === null)) return p.empty();
    const trend: TrendRow[] = rows.map((r) => ({ period: r.period, series: townshipName(meta, r.township, lang), value: r.value, small: r.small }));
    await p.show({
      // counts are drawn for the townships only (the county's would flatten them): its legend entry goes too
      spec: trendSpec({ rows: trend, yTitle: `${t(s.key, lang)}${unitSuffix(s.unit, lang)}`, format: d3Format(s.unit), colors: s.withCounty ? colors : townshipColors, zero: s.zero, labels: { period: t('period', lang), small: t('smallWarning', lang) } }),
      // a year-end figure comes by year whatever the page's granularity: its file says so
      rows: state.named(rows), fileName: fileName(meta, s.indicator, main, s.yearOnly ? 'year' : granularity, from, to), lang, smallCount: smallCount(rows), unit: answer.unit,
    });
  } catch (e) {
    p.fail(e);
  }
}

export function trendPanels(state: TownshipState): { elements: HTMLElement[]; load: Promise<void> } {
  const { lang, residence, granularity } = state;
  const panels = SERIES.map((s) => {
    const title = `${t(s.key, lang)}${s.usesResidence && residence !== 'all' ? `${paren(residenceLabel(residence, lang), lang)}` : ''}`;
    const partYear = granularity !== 'year' && granularity !== 'statyear';
    // a month's birth rate (0.5‰) beside a month's TFR (1.0, a rate per year) needs saying which is which
    const note = s.yearOnly && granularity !== 'year' ? t('yearEndFigure', lang)
      : partYear && s.partYear ? t(s.partYear === 'period' ? 'periodRateNote' : 'annualRateNote', lang) : undefined;
    const p = chartPanel(`trend-${s.indicator}`, title, lang, note);
    return { element: p.element, load: fillTrend(p, s, state) };
  });
  return { elements: panels.map((p) => p.element), load: Promise.all(panels.map((p) => p.load)).then(() => undefined) };
}
