/**
 * @module pages/projections/method
 * The method panel: how the projection works, the assumptions of this run, and the backtest.
 */
import { t } from '../../i18n/index.ts';
import type { ProjectionView } from '../../projection.ts';
import type { PageContext } from '../../router.ts';
import { h, panel } from '../../ui.ts';
import { assumptionList } from './assumptions.ts';
import { backtestBox } from './backtest.ts';
import type { CustomFields } from './state.ts';

export interface MethodPanel {
  element: HTMLElement;
  showAssumptions(view: ProjectionView): void;
  /** The run failed: no assumptions to show (the status line says why). */
  clearAssumptions(): void;
  load: Promise<void>;
}

/** `custom`: the custom scenario's values, shown in the assumptions instead of the data's own. */
export function methodPanel(ctx: PageContext, custom?: CustomFields): MethodPanel {
  const { lang } = ctx;
  const assumptionsBox = h('div', {}, h('p', { class: 'loading', text: t('loading', lang) }));
  const backtest = backtestBox(ctx);
  const element = panel('proj-method', t('projMethod', lang), h('div', { class: 'method-cols' },
    h('div', {}, h('p', { class: 'note', text: t('projMethodText', lang) }), h('h3', { text: t('assumptions', lang) }), assumptionsBox),
    h('div', {}, h('h3', { text: t('backtest', lang) }), backtest.element)));
  element.classList.add('wide');
  return {
    element,
    showAssumptions: (view) => assumptionsBox.replaceChildren(assumptionList(view.assumptions, view, lang, custom)),
    clearAssumptions: () => assumptionsBox.replaceChildren(),
    load: backtest.load,
  };
}
