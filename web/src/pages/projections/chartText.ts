/**
 * @module pages/projections/chartText
 * What every projection chart shares: axis and legend labels, the y-axis title, and the file name
 * of its downloads.
 */
import { paren, t, type Lang, type StringKey } from '../../i18n/index.ts';
import type { PageContext } from '../../router.ts';
import { fileName } from '../pageLabels.ts';
import type { ProjectionState } from './state.ts';

export interface ChartText {
  labels: { year: string; lo: string; hi: string; base: string; history: string };
  yTitle(key: StringKey): string;
  file(what: string): string;
}

export function chartText(meta: PageContext['meta'], lang: Lang, state: ProjectionState): ChartText {
  const { scope, baseYear, horizon, scenario, variant } = state;
  return {
    labels: { year: t('projYear', lang), lo: t('lower95', lang), hi: t('upper95', lang), base: `${t('baseYear', lang)} ${baseYear}`, history: t('observed', lang) },
    yTitle: (key) => `${t(key, lang)}${paren(t('persons', lang), lang)}`,
    file: (what) => fileName(meta, 'projection', what, scope, baseYear, horizon, scenario, variant),
  };
}
