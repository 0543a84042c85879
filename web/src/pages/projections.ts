/**
 * @module pages/projections
 * 人口预测: a projection of the county or a township (`POST /api/projections`) from a base year
 * over 5–30 years under a scenario (low / medium / high / constant / zero migration / custom:
 * TFR and the year it is reached, base e0 by sex, e0 gain, SRB, migration multiplier),
 * deterministic or probabilistic (median with 80% and 95% bands): total population (with the
 * observed history), births, women 15–49, school ages, 0–14 / 15–64 / 65+, the pyramid stepped
 * by a year slider, low / medium / high compared (total and births, and a table of the final
 * year), the assumptions derived from the data, and the backtest accuracy (MAPE).
 * The panels live in pages/projections/; this function reads the state and composes them.
 * State: `scope=&baseYear=&horizon=&scenario=&variant=&tfr=&tfrYear=&e0m=&e0f=&e0Gain=&srb=&migration=`.
 */
import { t } from '../i18n/index.ts';
import type { PageContext } from '../router.ts';
import { h } from '../ui.ts';
import { planningTablePanel } from './planningTable.ts';
import { chartText } from './projections/chartText.ts';
import { projectionForm } from './projections/form.ts';
import { methodPanel } from './projections/method.ts';
import { customBody, runProjection } from './projections/request.ts';
import { resultPanels } from './projections/results.ts';
import { scenarioPanels } from './projections/scenarios.ts';
import { readProjectionState, scenarioLabel } from './projections/state.ts';

export async function renderProjections(root: HTMLElement, ctx: PageContext): Promise<void> {
  const { meta, lang } = ctx;
  const state = readProjectionState(ctx);
  const { scope, baseYear, horizon, scenario, variant } = state;
  const form = projectionForm(ctx, state);
  const title = `${t('projections', lang)} · ${state.place} · ${baseYear}–${baseYear + horizon} · ${scenarioLabel(scenario, lang)}${variant === 'probabilistic' ? ` · ${t('probabilisticShort', lang)}` : ''}`;
  root.append(h('h2', { class: 'page-title', text: title }), form.element);

  const text = chartText(meta, lang, state);
  const results = resultPanels(ctx, state, text);
  const scenarios = scenarioPanels(ctx, state, text);
  const method = methodPanel(ctx, scenario === 'custom' ? state.custom : undefined);
  // a custom scenario on the page is offered to the planning table too, with the same assumptions
  const planning = planningTablePanel(ctx, scope, baseYear, scenario === 'custom' ? customBody(state) : undefined);
  root.append(results.status, h('div', { class: 'grid-charts' },
    planning.element, results.total.element, results.births.element, scenarios.compare.element, scenarios.compareBirths.element, scenarios.table,
    results.pyramid.element, results.broad.element, results.women.element, results.school.element, method.element));

  const main = runProjection(state).then(
    async (view) => {
      method.showAssumptions(view);
      form.showDerived(view);
      await results.show(view);
    },
    (e: unknown) => {
      results.fail(e);
      method.clearAssumptions();
    },
  );
  await Promise.all([main, scenarios.load, method.load, planning.load]);
}
