/**
 * @module pages/projections/assumptions
 * The assumptions a planner checks, derived from the data: base population, TFR (own and after
 * shrinkage to the county), mean age at birth, e0, the mortality source, SRB and net migration.
 */
import { formatDec, formatInt } from '../../format.ts';
import { paren, t, tf, type Lang } from '../../i18n/index.ts';
import type { AssumptionsSummary, ProjectionView } from '../../projection.ts';
import { h } from '../../ui.ts';

/** The assumptions a planner checks, from the answer (contract/projection.ts). */
export function assumptionList(a: AssumptionsSummary, view: ProjectionView, lang: Lang): HTMLElement {
  const yearsText = (ys: readonly number[]) => (ys.length ? `${ys[0]}–${ys[ys.length - 1]}` : '—');
  const finalTfr = view.series.tfr.at(-1);
  const items: [string, string, string][] = [
    ['base', `${t('baseNote', lang)}${paren(a.baseYear, lang)}`, tf('personsSpaced', lang, { n: formatInt(a.basePopulation.total) })],
    ['baseParts', t('asmOfWhich', lang), tf('baseParts', lang, { registered: formatInt(a.basePopulation.registered), in: formatInt(a.basePopulation.migrantsIn), out: formatInt(a.basePopulation.migrantsOut) })],
    ['tfr', tf('asmTfr', lang, { years: yearsText(a.fertility.years) }), formatDec(a.fertility.tfr)],
    ...(a.fertility.weightLevel < 1 ? [['tfrObserved', t('asmTfrObserved', lang), `${formatDec(a.fertility.tfrObserved)}${paren(`${t('asmWeight', lang)} ${formatDec(a.fertility.weightLevel)}`, lang)}`] as [string, string, string]] : []),
    ['tfrFinal', `${t('asmTfrFinal', lang)}${paren(view.years.at(-1) ?? '', lang)}`, finalTfr == null ? '—' : formatDec(finalTfr)],
    ['meanAge', t('asmMeanAge', lang), formatDec(a.fertility.meanAge, 1)],
    ['e0', t('asmE0', lang), `${formatDec(a.mortality.e0.male, 1)} / ${formatDec(a.mortality.e0.female, 1)}`],
    ['mortality', t('asmMortality', lang), a.mortality.source === 'deaths'
      ? `${t('asmRegisteredDeaths', lang)} ${yearsText(a.mortality.years)}${paren(tf('personsOf', lang, { n: formatInt(a.mortality.deaths) }), lang)}${a.mortality.smr !== 1 ? `，SMR ${formatDec(a.mortality.smr)}` : ''}`
      : t('asmModelLifeTable', lang)],
    ['srb', t('asmSrb', lang), `${formatDec(a.srb.srb)}${a.srb.source === 'county' ? t('asmCountySrb', lang) : ''}`],
    ['migration', `${t('asmMigration', lang)}${paren(yearsText(a.migration.years), lang)}`, `${a.migration.total >= 0 ? '+' : '−'}${formatInt(Math.abs(a.migration.total))}`],
  ];
  return h('dl', { class: 'kv', id: 'projection-assumptions' },
    ...items.flatMap(([key, k, v]) => [h('dt', { text: k }), h('dd', { class: 'num', 'data-key': key, text: v })]));
}
