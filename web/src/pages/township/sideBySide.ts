/**
 * @module pages/township/sideBySide
 * All townships side by side in the last whole year or statistical year (birth rate; a month's
 * or quarter's township rates are too noisy): the chosen ones highlighted, the county as a rule.
 */
import { api, EACH_TOWNSHIP } from '../../api.ts';
import { barsSpec } from '../../charts/bars.ts';
import { colon, paren, t, tf } from '../../i18n/index.ts';
import { chartPanel } from '../../ui.ts';
import { fileName, townshipName } from '../pageLabels.ts';
import { smallCount, type TownshipState } from './state.ts';

export function sideBySidePanel(state: TownshipState): { element: HTMLElement; load: Promise<void> } {
  const { ctx: { meta }, lang, townships, to, granularity, residence } = state;
  const whole = granularity === 'statyear' ? 'statyear' : 'year';
  // the whole (statistical) year however fine the page's periods: said in the title, not "the latest period"
  const span = whole === 'statyear' ? (lang === 'zh' ? `${to}统计年度` : `stat. year ${to}`) : (lang === 'zh' ? `${to}年` : String(to));
  const title = `${t('sideBySide', lang)}${colon(lang)}${t('cbr', lang)}${granularity === whole ? paren(span, lang) : paren(tf('sideBySideWhole', lang, { span }), lang)}`;
  const chart = chartPanel('side-by-side', title, lang);
  chart.element.classList.add('wide');
  const load = (async () => {
    try {
      const answer = await api.indicator('cbr', { township: `${EACH_TOWNSHIP},all`, from: to, to, period: whole, residence });
      const county = answer.rows.find((r) => r.township === 'all');
      const rows = answer.rows.filter((r) => r.township !== 'all').sort((a, b) => (b.value ?? -1) - (a.value ?? -1));
      const chosenSet = new Set(townships);
      await chart.show({
        spec: barsSpec({
          rows: rows.map((r) => ({ category: townshipName(meta, r.township, lang), value: r.value, small: r.small, highlight: chosenSet.has(r.township) })),
          xTitle: `${t('cbr', lang)}${paren('‰', lang)} · ${rows[0]?.period ?? to}`, format: ',.2f', width: barsWidth(),
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

/**
 * The bars' width: 900 px, less on a narrower window, so the chart, its names and its values fit
 * the page (at 1,024 px the page scrolled sideways by 16 px). About 190 px go to names, values and margins.
 */
function barsWidth(): number {
  return Math.max(420, Math.min(900, document.documentElement.clientWidth - 190));
}
