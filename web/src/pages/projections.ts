/**
 * @module pages/projections
 * 人口预测: a projection of the county or a township (`POST /api/projections`) from a base year
 * over 5–30 years under a scenario (low / medium / high / constant / zero migration / custom:
 * TFR and the year it is reached, base e0 by sex, e0 gain, SRB, migration multiplier),
 * deterministic or probabilistic (median with 80% and 95% bands): total population (with the
 * observed history), births, women 15–49, school ages, 0–14 / 15–64 / 65+, the pyramid stepped
 * by a year slider, low / medium / high compared (total and births, and a table of the final
 * year), the assumptions derived from the data, and the backtest accuracy (MAPE).
 * State: `scope=&baseYear=&horizon=&scenario=&variant=&tfr=&tfrYear=&e0m=&e0f=&e0Gain=&srb=&migration=`.
 */
import { api } from '../api.ts';
import { PALETTE } from '../charts/common.ts';
import { projectionPyramidSpec, type ProjectedAgeRow } from '../charts/projectionPyramid.ts';
import { projectionSeriesSpec, type ProjectionRow } from '../charts/projectionSeries.ts';
import { formatDec, formatInt } from '../format.ts';
import { t, tf, type Lang, type StringKey } from '../i18n/index.ts';
import {
  projectionApi, projectionView, SCENARIOS,
  type AssumptionsSummary, type BandSeries, type CustomAssumptions, type ProjectionRequest, type ProjectionView, type Scenario, type SeriesName, type Variant,
} from '../projection.ts';
import { enumParam, intParam, type PageContext } from '../router.ts';
import { chartPanel, controls, errorMessage, h, numberField, panel, scopeNote, selectField, table, type ChartPanel } from '../ui.ts';
import { fileName, townshipName, townshipOptions, yearOptions } from './shared.ts';
import { planningTablePanel } from './planningTable.ts';

const SCENARIO_KEYS: Record<Scenario, StringKey> = {
  low: 'scLow', medium: 'scMedium', high: 'scHigh', constant: 'scConstant', zero_migration: 'scZeroMigration', custom: 'scCustom',
};
const COMPARED: readonly Scenario[] = ['low', 'medium', 'high'];
const SCENARIO_COLORS = ['#2471a3', '#1d2733', '#c0392b'];

function optionalNumber(params: URLSearchParams, key: string, min: number, max: number): number | undefined {
  const raw = params.get(key);
  if (raw === null || raw === '') return undefined;
  const n = Number(raw);
  return Number.isFinite(n) && n >= min && n <= max ? n : undefined;
}

export interface SeriesKey { key: SeriesName & BandSeries; label: string }

/**
 * Rows of one or several series: the deterministic value, or for the probabilistic variant the
 * median with the 95% (lo–hi) and 80% (lo2–hi2) intervals and the deterministic value beside it.
 * Years without a value (flows in the base year) are left out.
 */
export function projectionRows(view: ProjectionView, keys: readonly SeriesKey[]): (ProjectionRow & { deterministic?: number | null })[] {
  return keys.flatMap(({ key, label }) => {
    const values = view.series[key];
    const band = view.bands[key];
    return view.years.flatMap((year, i) => {
      const det = values[i] ?? null;
      if (!band) return det === null ? [] : [{ year, series: label, value: det }];
      const median = band.p50[i] ?? null;
      if (median === null) return [];
      return [{ year, series: label, value: median, lo: band.p025[i] ?? null, hi: band.p975[i] ?? null, lo2: band.p10[i] ?? null, hi2: band.p90[i] ?? null, deterministic: det }];
    });
  });
}

function pyramidRows(view: ProjectionView): ProjectedAgeRow[] {
  return view.pyramids.flatMap((p) => p.ages.flatMap((age, i): ProjectedAgeRow[] => [
    { year: p.year, age, sex: 'M', value: p.male[i] ?? 0 }, { year: p.year, age, sex: 'F', value: p.female[i] ?? 0 },
  ]));
}

/** The assumptions a planner checks, from the answer (server/projection/output.ts). */
function assumptionList(a: AssumptionsSummary, view: ProjectionView, lang: Lang): HTMLElement {
  const yearsText = (ys: readonly number[]) => (ys.length ? `${ys[0]}–${ys[ys.length - 1]}` : '—');
  const finalTfr = view.series.tfr.at(-1);
  const items: [string, string, string][] = [
    ['base', `${t('baseNote', lang)}（${a.baseYear}）`, tf('personsSpaced', lang, { n: formatInt(a.basePopulation.total) })],
    ['baseParts', t('asmOfWhich', lang), tf('baseParts', lang, { registered: formatInt(a.basePopulation.registered), in: formatInt(a.basePopulation.migrantsIn), out: formatInt(a.basePopulation.migrantsOut) })],
    ['tfr', tf('asmTfr', lang, { years: yearsText(a.fertility.years) }), formatDec(a.fertility.tfr)],
    ...(a.fertility.weightLevel < 1 ? [['tfrObserved', t('asmTfrObserved', lang), `${formatDec(a.fertility.tfrObserved)}（${t('asmWeight', lang)} ${formatDec(a.fertility.weightLevel)}）`] as [string, string, string]] : []),
    ['tfrFinal', `${t('asmTfrFinal', lang)}（${view.years.at(-1)}）`, finalTfr == null ? '—' : formatDec(finalTfr)],
    ['meanAge', t('asmMeanAge', lang), formatDec(a.fertility.meanAge, 1)],
    ['e0', t('asmE0', lang), `${formatDec(a.mortality.e0.male, 1)} / ${formatDec(a.mortality.e0.female, 1)}`],
    ['mortality', t('asmMortality', lang), a.mortality.source === 'deaths'
      ? `${t('asmRegisteredDeaths', lang)} ${yearsText(a.mortality.years)}（${tf('personsOf', lang, { n: formatInt(a.mortality.deaths) })}）${a.mortality.smr !== 1 ? `，SMR ${formatDec(a.mortality.smr)}` : ''}`
      : t('asmModelLifeTable', lang)],
    ['srb', t('asmSrb', lang), `${formatDec(a.srb.srb)}${a.srb.source === 'county' ? t('asmCountySrb', lang) : ''}`],
    ['migration', `${t('asmMigration', lang)}（${yearsText(a.migration.years)}）`, `${a.migration.total >= 0 ? '+' : '−'}${formatInt(Math.abs(a.migration.total))}`],
  ];
  return h('dl', { class: 'kv', id: 'projection-assumptions' },
    ...items.flatMap(([key, k, v]) => [h('dt', { text: k }), h('dd', { class: 'num', 'data-key': key, text: v })]));
}

export async function renderProjections(root: HTMLElement, ctx: PageContext): Promise<void> {
  const { meta, lang, params } = ctx;
  const known = new Set(meta.townships.map((x) => x.code));
  const fallbackScope = ctx.county ? 'all' : meta.townships[0]?.code ?? 'all';
  const scope = known.has(params.get('scope') ?? '') ? params.get('scope')! : fallbackScope;
  const baseYear = intParam(params, 'baseYear', meta.years.from, meta.years.to, meta.years.to);
  const horizon = intParam(params, 'horizon', 5, 30, 20);
  const scenario = enumParam<Scenario>(params, 'scenario', SCENARIOS, 'medium');
  const variant = enumParam<Variant>(params, 'variant', ['deterministic', 'probabilistic'], 'deterministic');
  const custom = {
    tfr: optionalNumber(params, 'tfr', 0.3, 6), tfrYear: optionalNumber(params, 'tfrYear', baseYear + 1, baseYear + horizon),
    e0m: optionalNumber(params, 'e0m', 30, 95), e0f: optionalNumber(params, 'e0f', 30, 98), e0Gain: optionalNumber(params, 'e0Gain', 0, 0.5),
    srb: optionalNumber(params, 'srb', 90, 130), migration: optionalNumber(params, 'migration', 0, 5),
  };
  const place = townshipName(meta, scope, lang);
  const scenarioLabel = (s: Scenario) => t(SCENARIO_KEYS[s], lang);

  // the end year of the plan, any year 5–30 years on (2035 from a 2024 base is 11 years)
  const horizonOptions = Array.from({ length: 26 }, (_, i) => i + 5).map((n) => ({ value: String(n), label: tf('yearOf', lang, { year: baseYear + n }) }));
  const form = controls(
    selectField('scope', t('scope', lang), townshipOptions(meta, lang, ctx.county), scope, (v) => ctx.set({ scope: v === fallbackScope ? undefined : v })),
    selectField('baseYear', t('baseYear', lang), yearOptions(Math.max(meta.years.from, meta.years.to - 15), meta.years.to), String(baseYear), (v) => ctx.set({ baseYear: v })),
    selectField('horizon', t('horizon', lang), horizonOptions, String(horizon), (v) => ctx.set({ horizon: v })),
    selectField('scenario', t('scenario', lang), SCENARIOS.map((s) => ({ value: s, label: scenarioLabel(s) })), scenario, (v) => ctx.set({ scenario: v })),
    selectField('variant', t('variant', lang), [{ value: 'deterministic', label: t('deterministic', lang) }, { value: 'probabilistic', label: t('probabilistic', lang) }], variant, (v) => ctx.set({ variant: v })),
  );
  const customInputs: Partial<Record<keyof typeof custom, HTMLInputElement>> = {};
  if (scenario === 'custom') {
    const field = (key: keyof typeof custom, label: StringKey, attrs: { min: number; max: number; step: number }) => {
      const el = numberField(key, t(label, lang), custom[key], attrs, (v) => ctx.set({ [key]: v }));
      const input = el.querySelector('input');
      if (input) customInputs[key] = input;
      return el;
    };
    form.append(
      field('tfr', 'customTfr', { min: 0.3, max: 6, step: 0.05 }),
      field('tfrYear', 'customTfrYear', { min: baseYear + 1, max: baseYear + horizon, step: 1 }),
      field('e0m', 'customE0Male', { min: 30, max: 95, step: 0.5 }),
      field('e0f', 'customE0Female', { min: 30, max: 98, step: 0.5 }),
      field('e0Gain', 'customE0Gain', { min: 0, max: 0.5, step: 0.05 }),
      field('srb', 'customSrb', { min: 90, max: 130, step: 0.5 }),
      field('migration', 'customMigration', { min: 0, max: 5, step: 0.1 }),
      h('p', { class: 'note custom-hint', text: t('customHint', lang) }),
    );
  }
  root.append(h('h2', { class: 'page-title', text: `${t('projections', lang)} · ${place} · ${baseYear}–${baseYear + horizon} · ${scenarioLabel(scenario)}${variant === 'probabilistic' ? ` · ${t('probabilisticShort', lang)}` : ''}` }), form);

  const status = h('div', { id: 'projection-status', class: 'panel status' }, h('p', { class: 'loading', text: t('loading', lang) }));
  root.append(status);
  const grid = h('div', { class: 'grid-charts' });
  root.append(grid);
  const bandNote = variant === 'probabilistic' ? tf('bandNote', lang, { draws: '…' }) : undefined;
  const panels = {
    total: chartPanel('proj-total', t('projTotal', lang), lang, bandNote),
    births: chartPanel('proj-births', t('projBirths', lang), lang, bandNote),
    women: chartPanel('proj-women', t('projWomen', lang), lang),
    school: chartPanel('proj-school', t('projSchool', lang), lang),
    broad: chartPanel('proj-broad', t('projBroad', lang), lang),
    pyramid: chartPanel('proj-pyramid', t('projPyramid', lang), lang, t('pyramidBaseNote', lang)),
    compare: chartPanel('proj-compare', t('projCompare', lang), lang),
    compareBirths: chartPanel('proj-compare-births', t('projCompareBirths', lang), lang),
  };
  const scenarioBox = h('div', { class: 'table-scroll' }, h('p', { class: 'loading', text: t('loading', lang) }));
  const scenarioPanel = panel('proj-scenarios', `${t('projScenarioTable', lang)}（${baseYear + horizon}）`, scenarioBox);
  scenarioPanel.classList.add('wide');
  const assumptionsBox = h('div', {}, h('p', { class: 'loading', text: t('loading', lang) }));
  const backtestBox = h('div', { id: 'backtest', class: 'muted' }, h('p', { text: t('loading', lang) }));
  const methodPanel = panel('proj-method', t('projMethod', lang), h('div', { class: 'method-cols' },
    h('div', {}, h('p', { class: 'note', text: t('projMethodText', lang) }), h('h3', { text: t('assumptions', lang) }), assumptionsBox),
    h('div', {}, h('h3', { text: t('backtest', lang) }), backtestBox)));
  methodPanel.classList.add('wide');
  const planning = planningTablePanel(ctx, scope, baseYear);
  grid.append(planning.element, panels.total.element, panels.births.element, panels.compare.element, panels.compareBirths.element, scenarioPanel,
    panels.pyramid.element, panels.broad.element, panels.women.element, panels.school.element, methodPanel);

  const customBody = async (): Promise<CustomAssumptions | undefined> => {
    if (scenario !== 'custom') return undefined;
    const c: CustomAssumptions = {};
    if (custom.tfr !== undefined) c.tfr = custom.tfr;
    if (custom.tfrYear !== undefined && custom.tfr !== undefined) c.tfrYear = custom.tfrYear;
    if (custom.e0Gain !== undefined) c.e0Gain = custom.e0Gain;
    if (custom.srb !== undefined) c.srb = custom.srb;
    if (custom.migration !== undefined) c.migrationMultiplier = custom.migration;
    if (custom.e0m !== undefined || custom.e0f !== undefined) {
      // the API takes both sexes: the one left empty keeps the value derived from the data
      const derived = custom.e0m === undefined || custom.e0f === undefined ? (await projectionApi.assumptions('all', baseYear)).mortality.e0 : null;
      c.e0 = { male: custom.e0m ?? derived!.male, female: custom.e0f ?? derived!.female };
    }
    return c;
  };

  const yTitle = (key: StringKey) => `${t(key, lang)}（${t('persons', lang)}）`;
  const labels = { year: t('projYear', lang), lo: t('lower95', lang), hi: t('upper95', lang), base: `${t('baseYear', lang)} ${baseYear}`, history: t('observed', lang) };
  const file = (what: string) => fileName(meta, 'projection', what, scope, baseYear, horizon, scenario, variant);

  const showSeries = async (p: ChartPanel, view: ProjectionView, keys: SeriesKey[], title: StringKey, history?: { year: number; value: number }[]) => {
    const rows = projectionRows(view, keys);
    if (!rows.length) return p.empty();
    const domain = keys.map((k) => k.label);
    await p.show({
      spec: projectionSeriesSpec({
        rows, yTitle: yTitle(title), baseYear: view.baseYear, history, labels, zero: false,
        colors: { domain, range: domain.length === 1 ? ['#8c1c13'] : domain.map((_, i) => PALETTE[i % PALETTE.length]!) },
      }),
      rows: rows.map((r) => ({ ...r, scope, name: view.name, scenario })), fileName: file(title), lang, unit: 'persons',
    });
  };

  const main = (async () => {
    let view: ProjectionView;
    try {
      const c = await customBody();
      const request: ProjectionRequest = { scope, baseYear, horizon, scenario, variant, ...(c ? { custom: c } : {}) };
      view = projectionView(await projectionApi.run(request), scope);
    } catch (e) {
      status.replaceChildren(h('p', { class: 'error', role: 'alert', text: t('loadFailed', lang) + errorMessage(e) }));
      for (const p of [panels.total, panels.births, panels.women, panels.school, panels.broad, panels.pyramid]) p.fail(e);
      assumptionsBox.replaceChildren();
      return;
    }
    // the base population as derived (for a township the projection's first year is raked to the county's, within a person)
    const base = view.assumptions.basePopulation.total;
    const first = view.series.total[0] ?? null;
    const last = view.series.total.at(-1) ?? null;
    const lastYear = view.years.at(-1) ?? baseYear + horizon;
    status.dataset.baseTotal = first === null ? '' : String(first);
    status.dataset.finalTotal = last === null ? '' : String(last);
    const change = last !== null && base > 0 ? (100 * (last - base)) / base : null;
    status.replaceChildren(h('p', {},
      `${view.name} · ${t('baseNote', lang)}（${view.baseYear}）：`, h('strong', { id: 'projection-base-total', class: 'big-number', 'data-value': base, text: formatInt(base) }),
      ` ${t('persons', lang)}　→　${tf('yearOf', lang, { year: lastYear })}：`, h('strong', { id: 'projection-final-total', class: 'big-number', text: last === null ? '—' : formatInt(last) }),
      ` ${t('persons', lang)}`,
      change === null ? '' : h('span', { class: 'muted' }, `（${change >= 0 ? '+' : '−'}${formatDec(Math.abs(change), 1)}%）`)));
    assumptionsBox.replaceChildren(assumptionList(view.assumptions, view, lang));
    if (view.draws !== null) {
      for (const p of [panels.total, panels.births]) {
        const note = p.element.querySelector('.note');
        if (note) note.textContent = tf('bandNote', lang, { draws: formatInt(view.draws) });
      }
    }
    // the derived assumptions as placeholders of the custom fields
    const a = view.assumptions;
    const placeholders: Partial<Record<keyof typeof custom, string>> = {
      tfr: formatDec(a.fertility.tfr), tfrYear: String(baseYear + horizon), e0m: formatDec(a.mortality.e0.male, 1), e0f: formatDec(a.mortality.e0.female, 1),
      e0Gain: '0.15', srb: formatDec(a.srb.srb, 1), migration: '1',
    };
    for (const [k, input] of Object.entries(customInputs)) input.placeholder = placeholders[k as keyof typeof custom] ?? '';

    let history: { year: number; value: number }[] = [];
    try {
      const pop = await api.indicator('population', { township: scope, from: Math.max(meta.years.from, baseYear - 15), to: baseYear, residence: 'all' });
      history = pop.rows.filter((r) => r.value !== null).map((r) => ({ year: Number(r.period), value: r.value! }));
    } catch { /* history is optional */ }

    const label = `${scenarioLabel(scenario)}${view.variant === 'probabilistic' ? `（${t('median', lang)}）` : ''}`;
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
      (async () => {
        const rows = pyramidRows(view);
        if (!rows.length) return panels.pyramid.empty();
        await panels.pyramid.show({
          spec: projectionPyramidSpec({
            rows, ages: view.pyramids[0]!.ages, years: [view.years[0]!, lastYear], initialYear: lastYear, width: 520, height: 380,
            labels: { male: t('male', lang), female: t('female', lang), age: t('age', lang), persons: t('persons', lang), year: t('projYear', lang) },
          }),
          rows: rows.map((r) => ({ ...r })), fileName: file('pyramid'), lang,
        });
      })(),
    ]);
  })();

  const compare = (async () => {
    try {
      const views = await Promise.all(COMPARED.map(async (s) => projectionView(await projectionApi.run({ scope, baseYear, horizon, scenario: s, variant: 'deterministic' }), scope)));
      const colors = { domain: COMPARED.map(scenarioLabel), range: SCENARIO_COLORS };
      const rowsOf = (key: SeriesKey['key']) => views.flatMap((v, i) => projectionRows(v, [{ key, label: scenarioLabel(COMPARED[i]!) }]));
      const totals = rowsOf('total');
      const births = rowsOf('births');
      const figures = views.map((v, i) => {
        const n = v.years.length - 1;
        const total = v.series.total[n] ?? null;
        const old = v.series.age65plus[n] ?? null;
        return {
          scenario: COMPARED[i]!, label: scenarioLabel(COMPARED[i]!), year: v.years[n]!, total, births: v.series.births[n] ?? null,
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
      scenarioBox.replaceChildren(tbl, h('p', { class: 'note', text: t('scenarioNote', lang) }));
      await Promise.all([
        panels.compare.show({
          spec: projectionSeriesSpec({ rows: totals, yTitle: yTitle('projTotal'), baseYear, labels, colors }),
          rows: totals.map((r) => ({ ...r, scope })), fileName: file('scenarios-total'), lang,
        }),
        panels.compareBirths.show({
          spec: projectionSeriesSpec({ rows: births, yTitle: yTitle('projBirths'), baseYear, labels, colors }),
          rows: births.map((r) => ({ ...r, scope })), fileName: file('scenarios-births'), lang,
        }),
      ]);
    } catch (e) {
      panels.compare.fail(e);
      panels.compareBirths.fail(e);
      scenarioBox.replaceChildren(h('p', { class: 'error', role: 'alert', text: t('loadFailed', lang) + errorMessage(e) }));
    }
  })();

  const backtest = (async () => {
    if (!ctx.county) {
      backtestBox.replaceChildren(scopeNote('backtest-note', t('countyOnlyBacktest', lang)));
      return;
    }
    const btBase = Math.max(meta.years.from, meta.years.to - 10);
    try {
      const bt = await projectionApi.backtest(btBase, meta.years.to);
      const pct = (v: number | null | undefined, signed: boolean) => (typeof v === 'number' && Number.isFinite(v) ? `${signed && v >= 0 ? '+' : ''}${formatDec(v)}%` : '—');
      backtestBox.classList.remove('muted');
      backtestBox.replaceChildren(h('p', {},
        tf('backtestText', lang, { base: bt.baseYear, to: bt.to }), '：',
        h('strong', { class: 'big-number', id: 'backtest-mape', text: pct(bt.horizon.mape.total, false) }),
        h('br'),
        h('span', { class: 'note', id: 'backtest-county', text: `${tf('backtestDetail', lang, { county: pct(bt.horizon.county.total, true) })}${tf('backtestTownships', lang, { young: pct(bt.horizon.mape.age0to14, false), old: pct(bt.horizon.mape.age65plus, false) })}` })));
      backtestBox.dataset.mape = String(bt.horizon.mape.total);
    } catch (e) {
      backtestBox.replaceChildren(h('p', { class: 'error', text: t('loadFailed', lang) + errorMessage(e) }));
    }
  })();

  await Promise.all([main, compare, backtest, planning.load]);
}
