/**
 * @module pages/overview/headline
 * The headline cards of the county for one year: births, CBR, TFR, SRB (with its interval),
 * compliance by residence against its target, marriages, migrants, population and share 65+,
 * each with the change on the previous period.
 */
import { api, type IndicatorRow, type PeriodKind, type SrbRow } from '../../api.ts';
import { formatChange, formatDec, formatValue, formatVsTarget } from '../../format.ts';
import { paren, t, type Lang } from '../../i18n/index.ts';
import type { PageContext } from '../../router.ts';
import { card, errorMessage, h, panel } from '../../ui.ts';

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

export function headlinePanel(ctx: PageContext, year: number, period: PeriodKind): { element: HTMLElement; load: Promise<void> } {
  const { meta, lang } = ctx;
  const cards = h('div', { class: 'cards', id: 'headline', 'aria-busy': 'true' }, h('p', { class: 'loading', text: t('loading', lang) }));
  const changeLabel = t(period === 'year' ? 'vsPrevYear' : 'vsPrevStatyear', lang);
  const cmp = { township: 'all', from: year, to: year, period, compare: 'prev' as const };
  const structureYear = { township: 'all', from: year, to: year, compare: 'prev' as const };

  const load = (async () => {
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
        // the population it is of, beside 常住人口 and the structure page's registered rate: 户籍 + 流入
        headlineCard({ id: 'cbr', label: `${t('cbr', lang)}${paren(t('registeredPlusMigrant', lang), lang)}`, unit: '‰', row: first(cbr.rows) }, lang, changeLabel),
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

  return { element: panel('headline-panel', t('headline', lang), cards), load };
}
