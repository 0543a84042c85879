/**
 * @module pages/township/compliance
 * Compliance over the periods, registered and migrant (dashed), against their targets.
 */
import { api, type Residence } from '../../api.ts';
import { trendSpec, type TrendRow } from '../../charts/trend.ts';
import { paren, t } from '../../i18n/index.ts';
import { chartPanel } from '../../ui.ts';
import { fileName, residenceLabel, townshipName } from '../pageLabels.ts';
import { smallCount, type TownshipState } from './state.ts';

export function compliancePanel(state: TownshipState): { element: HTMLElement; load: Promise<void> } {
  const { ctx: { meta }, lang, codes, from, to, granularity, main, colors } = state;
  const chart = chartPanel('trend-compliance', t('complianceSplit', lang), lang);
  const load = (async () => {
    try {
      const [reg, mig] = await Promise.all((['registered', 'migrant'] as const).map((res) =>
        api.indicator('compliance', { township: state.withAll(codes), from, to, period: granularity, residence: res })));
      const rows = [...reg!.rows.map((r) => ({ ...r, residence: 'registered' })), ...mig!.rows.map((r) => ({ ...r, residence: 'migrant' }))];
      const trend: TrendRow[] = rows.map((r) => ({
        period: r.period, series: townshipName(meta, r.township, lang), value: r.value, small: r.small,
        dash: residenceLabel(r.residence as Residence, lang),
      }));
      const target = (res: 'registered' | 'migrant') => {
        const v = (res === 'registered' ? reg : mig)!.rows.find((r) => typeof r.target === 'number')?.target;
        return typeof v === 'number' ? [{ value: v, label: `${residenceLabel(res, lang)}${lang === 'zh' ? '' : ' '}${t('target', lang)} ${v}%` }] : [];
      };
      await chart.show({
        spec: trendSpec({
          rows: trend, yTitle: `${t('compliance', lang)}${paren('%', lang)}`, format: ',.2f', colors, dashTitle: t('residence', lang), dashOrder: [residenceLabel('registered', lang), residenceLabel('migrant', lang)],
          targets: [...target('registered'), ...target('migrant')], labels: { period: t('period', lang), small: t('smallWarning', lang) },
        }),
        rows: state.named(rows), fileName: fileName(meta, 'compliance', main, granularity, from, to), lang, smallCount: smallCount(rows),
      });
    } catch (e) {
      chart.fail(e);
    }
  })();
  return { element: chart.element, load };
}
