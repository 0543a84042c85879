/**
 * @module pages/projections/assumptions
 * The assumptions a planner checks, derived from the data: base population, TFR (own and after
 * shrinkage to the county), mean age at birth, e0, the mortality source, SRB and net migration.
 */
import { formatDec, formatInt } from '../../format.ts';
import { paren, t, tf, type Lang } from '../../i18n/index.ts';
import type { AssumptionsSummary, ProjectionView } from '../../projection.ts';
import { h } from '../../ui.ts';
import type { CustomFields } from './state.ts';

/**
 * The assumptions a planner checks, from the answer (contract/projection.ts); with a custom
 * scenario's values, those used instead, the data's own beside them (a printed custom projection
 * stated the data's SRB while projecting with the planner's).
 */
export function assumptionList(a: AssumptionsSummary, view: ProjectionView, lang: Lang, custom?: CustomFields): HTMLElement {
  const chosen = (value: string, derived: string) => `${value}${paren(tf('asmCustom', lang, { value: derived }), lang)}`;
  // the answer's e0 is already the custom one (its life tables are fitted to it); its SRB and migration are the data's
  const e0 = `${formatDec(a.mortality.e0.male, 1)} / ${formatDec(a.mortality.e0.female, 1)}${
    custom && (custom.e0m !== undefined || custom.e0f !== undefined) ? paren(t('asmCustomOnly', lang), lang) : ''}`;
  const signed = (n: number) => `${n >= 0 ? '+' : '−'}${formatInt(Math.abs(n))}`;
  const yearsText = (ys: readonly number[]) => (ys.length ? `${ys[0]}–${ys[ys.length - 1]}` : '—');
  const finalTfr = view.series.tfr.at(-1);
  const items: [string, string, string][] = [
    ['base', `${t('baseNote', lang)}${paren(a.baseYear, lang)}`, tf('personsSpaced', lang, { n: formatInt(a.basePopulation.total) })],
    ['baseParts', t('asmOfWhich', lang), tf('baseParts', lang, { registered: formatInt(a.basePopulation.registered), in: formatInt(a.basePopulation.migrantsIn), out: formatInt(a.basePopulation.migrantsOut) })],
    ['tfr', tf('asmTfr', lang, { years: yearsText(a.fertility.years) }), formatDec(a.fertility.tfr)],
    ...(a.fertility.weightLevel < 1 ? [['tfrObserved', t('asmTfrObserved', lang), `${formatDec(a.fertility.tfrObserved)}${paren(`${t('asmWeight', lang)} ${formatDec(a.fertility.weightLevel)}`, lang)}`] as [string, string, string]] : []),
    ['tfrFinal', `${t('asmTfrFinal', lang)}${paren(view.years.at(-1) ?? '', lang)}`, finalTfr == null ? '—' : formatDec(finalTfr)],
    ['meanAge', t('asmMeanAge', lang), formatDec(a.fertility.meanAge, 1)],
    ['e0', t('asmE0', lang), e0],
    ['mortality', t('asmMortality', lang), a.mortality.source === 'deaths'
      ? `${t('asmRegisteredDeaths', lang)} ${yearsText(a.mortality.years)}${paren(tf('personsOf', lang, { n: formatInt(a.mortality.deaths) }), lang)}${a.mortality.smr !== 1 ? `，SMR ${formatDec(a.mortality.smr)}` : ''}`
      : t('asmModelLifeTable', lang)],
    ['srb', t('asmSrb', lang), custom?.srb !== undefined ? chosen(formatDec(custom.srb), formatDec(a.srb.srb))
      : `${formatDec(a.srb.srb)}${a.srb.source === 'county' ? t('asmCountySrb', lang) : ''}`],
    ['migration', `${t('asmMigration', lang)}${paren(yearsText(a.migration.years), lang)}`, custom?.migration !== undefined
      ? `${signed(a.migration.total * custom.migration)}${paren(tf('asmCustomMigration', lang, { total: signed(a.migration.total), m: formatDec(custom.migration, 1) }), lang)}`
      : signed(a.migration.total)],
  ];
  return h('dl', { class: 'kv', id: 'projection-assumptions' },
    ...items.flatMap(([key, k, v]) => [h('dt', { text: k }), h('dd', { class: 'num', 'data-key': key, text: v })]));
}
