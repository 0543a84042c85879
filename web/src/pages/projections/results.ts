/**
 * @module pages/projections/results
 * The projection's own results: the status line (base and final totals), the total population
 * (with the observed history) and births (with bands for the probabilistic variant), women
 * 15–49, school ages, broad age groups, and the pyramid stepped by a year slider.
 */
import { api } from '../../api.ts';
import { PALETTE, TARGET_COLOR } from '../../charts/palette.ts';
import { projectionPyramidSpec } from '../../charts/projectionPyramid.ts';
import { projectionSeriesSpec } from '../../charts/projectionSeries.ts';
import { formatDec, formatInt } from '../../format.ts';
import { paren, t, tf, type StringKey } from '../../i18n/index.ts';
import type { ProjectionView } from '../../projection.ts';
import type { PageContext } from '../../router.ts';
import { chartPanel, errorMessage, h, type ChartPanel } from '../../ui.ts';
import type { ChartText } from './chartText.ts';
import { projectionRows, pyramidRows, type SeriesKey } from './rows.ts';
import { scenarioLabel, type ProjectionState } from './state.ts';

export interface ResultPanels {
  status: HTMLElement;
  total: ChartPanel; births: ChartPanel; women: ChartPanel; school: ChartPanel; broad: ChartPanel; pyramid: ChartPanel;
  show(view: ProjectionView): Promise<void>;
  fail(e: unknown): void;
}

type History = { year: number; value: number }[];

export function resultPanels(ctx: PageContext, state: ProjectionState, text: ChartText): ResultPanels {
  const { meta, lang } = ctx;
  const { scope, baseYear, horizon, scenario, variant } = state;
  const status = h('div', { id: 'projection-status', class: 'panel status' }, h('p', { class: 'loading', text: t('loading', lang) }));
  const bandNote = variant === 'probabilistic' ? tf('bandNote', lang, { draws: '…' }) : undefined;
  const panels = {
    total: chartPanel('proj-total', t('projTotal', lang), lang, bandNote),
    births: chartPanel('proj-births', t('projBirths', lang), lang, bandNote),
    women: chartPanel('proj-women', t('projWomen', lang), lang),
    school: chartPanel('proj-school', t('projSchool', lang), lang),
    broad: chartPanel('proj-broad', t('projBroad', lang), lang),
    pyramid: chartPanel('proj-pyramid', t('projPyramid', lang), lang, t('pyramidBaseNote', lang)),
  };
  // how to choose the year is for the screen: the printed pyramid has no slider
  panels.pyramid.element.querySelector('.note')?.append(h('span', { class: 'no-print', text: t('projPyramidSlider', lang) }));

  // The server names the county scope 全县 (or 本辖区 for a township account's area): the county's own name reads in either language.
  const scopeName = (view: ProjectionView) => (view.scope === 'all' && ctx.county ? meta.county.name : view.name);

  const showSeries = async (p: ChartPanel, view: ProjectionView, keys: SeriesKey[], title: StringKey, history?: History) => {
    const rows = projectionRows(view, keys);
    if (!rows.length) return p.empty();
    const domain = keys.map((k) => k.label);
    await p.show({
      spec: projectionSeriesSpec({
        rows, yTitle: text.yTitle(title), baseYear: view.baseYear, history, labels: text.labels,
        colors: { domain, range: domain.length === 1 ? [TARGET_COLOR] : domain.map((_, i) => PALETTE[i % PALETTE.length]!) },
      }),
      rows: rows.map((r) => ({ ...r, scope, name: scopeName(view), scenario })), fileName: text.file(title), lang, unit: 'persons',
    });
  };

  const showStatus = (view: ProjectionView, lastYear: number) => {
    // the base population as derived (for a township the projection's first year is raked to the county's, within a person)
    const base = view.assumptions.basePopulation.total;
    const first = view.series.total[0] ?? null;
    const last = view.series.total.at(-1) ?? null;
    status.dataset.baseTotal = first === null ? '' : String(first);
    status.dataset.finalTotal = last === null ? '' : String(last);
    const change = last !== null && base > 0 ? (100 * (last - base)) / base : null;
    status.replaceChildren(h('p', {},
      tf('labelColon', lang, { label: `${scopeName(view)} · ${t('baseNote', lang)}${tf('inParens', lang, { text: view.baseYear })}` }),
      h('strong', { id: 'projection-base-total', class: 'big-number', 'data-value': base, text: formatInt(base) }),
      ` ${t('persons', lang)}${t('arrowTo', lang)}${tf('labelColon', lang, { label: tf('yearOf', lang, { year: lastYear }) })}`,
      h('strong', { id: 'projection-final-total', class: 'big-number', text: last === null ? '—' : formatInt(last) }),
      ` ${t('persons', lang)}`,
      change === null ? '' : h('span', { class: 'muted' }, tf('inParens', lang, { text: `${change >= 0 ? '+' : '−'}${formatDec(Math.abs(change), 1)}%` }))));
    if (view.draws !== null) {
      for (const p of [panels.total, panels.births]) {
        const note = p.element.querySelector('.note');
        if (note) note.textContent = tf('bandNote', lang, { draws: formatInt(view.draws) });
      }
    }
  };

  const observedHistory = async (): Promise<History> => {
    try {
      const pop = await api.indicator('population', { township: scope, from: Math.max(meta.years.from, baseYear - 15), to: baseYear, residence: 'all' });
      return pop.rows.filter((r) => r.value !== null).map((r) => ({ year: Number(r.period), value: r.value! }));
    } catch { return []; /* history is optional */ }
  };

  const showPyramid = async (view: ProjectionView, lastYear: number) => {
    const rows = pyramidRows(view);
    if (!rows.length) return panels.pyramid.empty();
    await panels.pyramid.show({
      spec: projectionPyramidSpec({
        rows, ages: view.pyramids[0]!.ages, years: [view.years[0]!, lastYear], initialYear: lastYear, width: 520, height: 380,
        labels: { male: t('male', lang), female: t('female', lang), age: t('age', lang), persons: t('persons', lang), year: t('projYear', lang) },
      }),
      rows: rows.map((r) => ({ ...r })), fileName: text.file('pyramid'), lang, unit: 'persons',
    });
  };

  const show = async (view: ProjectionView) => {
    const lastYear = view.years.at(-1) ?? baseYear + horizon;
    showStatus(view, lastYear);
    const history = await observedHistory();
    const label = `${scenarioLabel(scenario, lang)}${view.variant === 'probabilistic' ? `${paren(t('median', lang), lang)}` : ''}`;
    await Promise.all([
      showSeries(panels.total, view, [{ key: 'total', label }], 'projTotal', history),
      showSeries(panels.births, view, [{ key: 'births', label }], 'projBirths'),
      showSeries(panels.women, view, [{ key: 'women15to49', label: t('projWomen', lang) }], 'projWomen'),
      showSeries(panels.school, view, [
        { key: 'school3to5', label: t('school3to5', lang) }, { key: 'school6to11', label: t('school6to11', lang) },
        { key: 'school12to14', label: t('school12to14', lang) }, { key: 'school15to17', label: t('school15to17', lang) },
      ], 'projSchool'),
      showSeries(panels.broad, view, [
        { key: 'age0to14', label: '0–14' }, { key: 'age15to64', label: '15–64' }, { key: 'age65plus', label: '65+' },
      ], 'projBroad'),
      showPyramid(view, lastYear),
    ]);
  };

  const fail = (e: unknown) => {
    status.replaceChildren(h('p', { class: 'error', role: 'alert', text: t('loadFailed', lang) + errorMessage(e) }));
    for (const p of Object.values(panels)) p.fail(e);
  };

  return { status, ...panels, show, fail };
}
