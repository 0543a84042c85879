/**
 * @module pages/projections/backtest
 * How well the method would have projected the last years (MAPE of the county total and of the
 * townships' age groups); county accounts only.
 */
import { formatDec } from '../../format.ts';
import { t, tf } from '../../i18n/index.ts';
import { projectionApi } from '../../projection.ts';
import type { PageContext } from '../../router.ts';
import { errorMessage, h, scopeNote } from '../../ui.ts';

export function backtestBox(ctx: PageContext): { element: HTMLElement; load: Promise<void> } {
  const { meta, lang } = ctx;
  const element = h('div', { id: 'backtest', class: 'muted' }, h('p', { text: t('loading', lang) }));
  const load = (async () => {
    if (!ctx.county) {
      element.replaceChildren(scopeNote('backtest-note', t('countyOnlyBacktest', lang)));
      return;
    }
    const btBase = Math.max(meta.years.from, meta.years.to - 10);
    try {
      const bt = await projectionApi.backtest(btBase, meta.years.to);
      const pct = (v: number | null | undefined, signed: boolean) => (typeof v === 'number' && Number.isFinite(v) ? `${signed && v >= 0 ? '+' : ''}${formatDec(v)}%` : '—');
      element.classList.remove('muted');
      element.replaceChildren(h('p', {},
        tf('labelColon', lang, { label: tf('backtestText', lang, { base: bt.baseYear, to: bt.to }) }),
        h('strong', { class: 'big-number', id: 'backtest-mape', text: pct(bt.horizon.mape.total, false) }),
        h('br'),
        h('span', { class: 'note', id: 'backtest-county', text: `${tf('backtestDetail', lang, { county: pct(bt.horizon.county.total, true) })}${tf('backtestTownships', lang, { young: pct(bt.horizon.mape.age0to14, false), old: pct(bt.horizon.mape.age65plus, false) })}` })));
      element.dataset.mape = String(bt.horizon.mape.total);
    } catch (e) {
      element.replaceChildren(h('p', { class: 'error', text: t('loadFailed', lang) + errorMessage(e) }));
    }
  })();
  return { element, load };
}
