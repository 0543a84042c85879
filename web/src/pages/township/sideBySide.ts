/**
 * @module pages/township/sideBySide
 * All townships side by side in the last period (birth rate): the chosen ones highlighted,
 * the county as a rule.
 */
import { api, EACH_TOWNSHIP } from '../../api.ts';
import { barsSpec } from '../../charts/bars.ts';
import { paren, t } from '../../i18n/index.ts';
import { chartPanel } from '../../ui.ts';
import { fileName, townshipName } from '../pageLabels.ts';
import { smallCount, type TownshipState } from './state.ts';

export function sideBySidePanel(state: TownshipState): { element: HTMLElement; load: Promise<void> } {
  const { ctx: { meta }, lang, townships, to, granularity, residence } = state;
  const chart = chartPanel('side-by-side', `${t('sideBySide', lang)}${lang === 'zh' ? '：' : ': '}${t('cbr', lang)}`, lang);
  chart.element.classList.add('wide');
  const load = (async () => {
    try {
      const answer = await api.indicator('cbr', { township: `${EACH_TOWNSHIP},all`, from: to, to, period: granularity === 'statyear' ? 'statyear' : 'year', residence });
      const county = answer.rows.find((r) => r.township === 'all');
      const rows = answer.rows.filter((r) => r.township !== 'all').sort((a, b) => (b.value ?? -1) - (a.value ?? -1));
      const chosenSet = new Set(townships);
      await chart.show({
        spec: barsSpec({
          rows: rows.map((r) => ({ category: townshipName(meta, r.township, lang), value: r.value, small: r.small, highlight: chosenSet.has(r.township) })),
          xTitle: `${t('cbr', lang)}${paren('‰', lang)} · ${rows[0]?.period ?? to}`, format: ',.2f', width: 900,
          reference: county?.value != null ? { value: county.value, label: `${t('county', lang)} ${county.value.toFixed(2)}‰` } : undefined,
          labels: { category: t('name', lang), small: t('smallWarning', lang) },
        }),
        rows: state.named(answer.rows), fileName: fileName(meta, 'cbr-townships', to), lang, smallCount: smallCount(rows),
      });
    } catch (e) {
      chart.fail(e);
    }
  })();
  return { element: chart.element, load };
}
