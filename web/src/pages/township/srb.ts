/**
 * @module pages/township/srb
 * The sex ratio at birth with its 95% interval: the township(s) against the county.
 */
import { flagWords } from '../../../../common/srbWording.ts';
import { api } from '../../api.ts';
import { srbSeriesSpec } from '../../charts/srbSeries.ts';
import { paren, t } from '../../i18n/index.ts';
import { chartPanel } from '../../ui.ts';
import { fileName, townshipName } from '../pageLabels.ts';
import type { TownshipState } from './state.ts';

export function srbPanel(state: TownshipState): { element: HTMLElement; load: Promise<void> } {
  const { ctx, lang, codes, from, to, granularity, residence, main, colors } = state;
  const { meta } = ctx;
  const chart = chartPanel('trend-srb', `${t('srb', lang)}${paren(t('interval95', lang), lang)}`, lang);
  const load = (async () => {
    try {
      const srbPeriod = granularity === 'statyear' ? 'statyear' : 'year';
      const answer = await api.srb({ township: ctx.county ? `all,${codes}` : codes, from, to, period: srbPeriod, residence });
      const rows = answer.rows.map((r) => ({ period: r.period, series: townshipName(meta, r.township, lang), value: r.srb, lo: r.lo, hi: r.hi, births: r.births, small: r.small, flag: r.flag }));
      await chart.show({
        spec: srbSeriesSpec({
          rows, band: answer.band, yTitle: t('srbShort', lang), colors,
          labels: { period: t('period', lang), lo: `${t('interval95', lang)}↓`, hi: `${t('interval95', lang)}↑`, births: t('birthsCount', lang), band: t('normalBand', lang), flag: t('flag', lang), flags: flagWords(lang) },
        }),
        rows: state.named(answer.rows), fileName: fileName(meta, 'srb', main, srbPeriod, from, to), lang, smallCount: answer.rows.filter((r) => r.small).length,
      });
    } catch (e) {
      chart.fail(e);
    }
  })();
  return { element: chart.element, load };
}
