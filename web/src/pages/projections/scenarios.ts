/**
 * @module pages/projections/scenarios
 * Low, medium and high compared: total population and births over the years, and a table of
 * the final year (TFR, total, births, 0–14, share 65+).
 */
import { SCENARIO_COLORS } from '../../charts/palette.ts';
import { projectionSeriesSpec } from '../../charts/projectionSeries.ts';
import { formatDec, formatInt } from '../../format.ts';
import { paren, t, type Lang } from '../../i18n/index.ts';
import { projectionApi, projectionView, type ProjectionView, type Scenario } from '../../projection.ts';
import type { PageContext } from '../../router.ts';
import { chartPanel, errorMessage, h, panel, table, type ChartPanel } from '../../ui.ts';
import type { ChartText } from './chartText.ts';
import { projectionRows, type SeriesKey } from './rows.ts';
import { scenarioLabel, type ProjectionState } from './state.ts';

const COMPARED: readonly Scenario[] = ['low', 'medium', 'high'];

export interface ScenarioPanels {
  compare: ChartPanel;
  compareBirths: ChartPanel;
  table: HTMLElement;
  load: Promise<void>;
}

/** The final year of each compared scenario as a table, each cell tagged with its scenario and figure. */
function finalYearTable(views: readonly ProjectionView[], lang: Lang): HTMLTableElement {
  const figures = views.map((v, i) => {
    const n = v.years.length - 1;
    const total = v.series.total[n] ?? null;
    const old = v.series.age65plus[n] ?? null;
    return {
      scenario: COMPARED[i]!, label: scenarioLabel(COMPARED[i]!, lang), year: v.years[n]!, total, births: v.series.births[n] ?? null,
      age0to14: v.series.age0to14[n] ?? null, share65: total && old !== null ? (100 * old) / total : null, tfr: v.series.tfr[n] ?? null,
    };
  });
  const cell = (v: number | null, f: (n: number) => string = formatInt) => (v === null ? '—' : f(v));
  const tbl = table(
    [t('scenario', lang), t('scenarioTfr', lang), t('projTotal', lang), t('projBirths', lang), t('scenarioAge0to14', lang), t('scenarioShare65', lang)],
    figures.map((f) => [f.label, cell(f.tfr, (n) => formatDec(n)), cell(f.total), cell(f.births), cell(f.age0to14), cell(f.share65, (n) => `${formatDec(n, 1)}%`)]),
    new Set([1, 2, 3, 4, 5]),
  );
  tbl.id = 'scenario-table';
  const keys = ['tfr', 'total', 'births', 'age0to14', 'share65'];
  [...tbl.tBodies[0]!.rows].forEach((tr, i) => {
    tr.dataset.scenario = figures[i]!.scenario;
    [...tr.cells].slice(1).forEach((td, j) => { td.dataset.key = keys[j]!; });
  });
  return tbl;
}

export function scenarioPanels(ctx: PageContext, state: ProjectionState, text: ChartText): ScenarioPanels {
  const { lang } = ctx;
  const { scope, baseYear, horizon } = state;
  const compare = chartPanel('proj-compare', t('projCompare', lang), lang);
  const compareBirths = chartPanel('proj-compare-births', t('projCompareBirths', lang), lang);
  const box = h('div', { class: 'table-scroll' }, h('p', { class: 'loading', text: t('loading', lang) }));
  const tablePanel = panel('proj-scenarios', `${t('projScenarioTable', lang)}${paren(baseYear + horizon, lang)}`, box);
  tablePanel.classList.add('wide');

  const load = (async () => {
    try {
      const views = await Promise.all(COMPARED.map(async (s) => projectionView(await projectionApi.run({ scope, baseYear, horizon, scenario: s, variant: 'deterministic' }), scope)));
      const colors = { domain: COMPARED.map((s) => scenarioLabel(s, lang)), range: [...SCENARIO_COLORS] };
      const rowsOf = (key: SeriesKey['key']) => views.flatMap((v, i) => projectionRows(v, [{ key, label: scenarioLabel(COMPARED[i]!, lang) }]));
      const totals = rowsOf('total');
      const births = rowsOf('births');
      box.replaceChildren(finalYearTable(views, lang), h('p', { class: 'note', text: t('scenarioNote', lang) }));
      await Promise.all([
        compare.show({
          spec: projectionSeriesSpec({ rows: totals, yTitle: text.yTitle('projTotal'), baseYear, labels: text.labels, colors }),
          rows: totals.map((r) => ({ ...r, scope })), fileName: text.file('scenarios-total'), lang, unit: 'persons',
        }),
        compareBirths.show({
          spec: projectionSeriesSpec({ rows: births, yTitle: text.yTitle('projBirths'), baseYear, labels: text.labels, colors }),
          rows: births.map((r) => ({ ...r, scope })), fileName: text.file('scenarios-births'), lang, unit: 'persons',
        }),
      ]);
    } catch (e) {
      compare.fail(e);
      compareBirths.fail(e);
      box.replaceChildren(h('p', { class: 'error', role: 'alert', text: t('loadFailed', lang) + errorMessage(e) }));
    }
  })();

  return { compare, compareBirths, table: tablePanel, load };
}
