/**
 * @module pages/structure
 * 人口结构: the pyramid at 31 December (single ages or 5-year groups), each bar stacked as
 * registered people living here + in-migrants (= resident population: registered − out + in),
 * a second year overlaid as an outline; the key structure figures of the year; and the trends
 * of the broad age groups and the school-age groups.
 * State: `township=all|code&year=&compareYear=|none&ages=5|single`.
 */
import { api, type IndicatorRow } from '../api.ts';
import { pyramidSpec, type OverlayRow, type PyramidRow } from '../charts/pyramid.ts';
import { trendSpec } from '../charts/trend.ts';
import { PALETTE } from '../charts/common.ts';
import { formatValue } from '../format.ts';
import { paren, t, tf, type Lang } from '../i18n/index.ts';
import { enumParam, intParam, type PageContext } from '../router.ts';
import { vitalPanels } from './structureVital.ts';
import { chartPanel, controls, errorMessage, h, panel, selectField } from '../ui.ts';
import { fileName, townshipName, townshipOptions, yearOptions } from './pageLabels.ts';
import { PART_COLORS } from '../charts/palette.ts';

/** Age labels youngest first, from the API's pyramid rows ('0'…'100+' or '0-4'…'100+'). */
export function ageOrder(rows: readonly IndicatorRow[]): string[] {
  const labels = [...new Set(rows.map((r) => String(r.age)))];
  return labels.sort((a, b) => parseInt(a, 10) - parseInt(b, 10));
}

/** Pyramid bars from the API rows: registered people living here (registered − out) and in-migrants. */
export function pyramidParts(rows: readonly IndicatorRow[], labels: { registered: string; migrant: string }): PyramidRow[] {
  return rows.flatMap((r) => {
    const sex = r.sex === 'M' ? 'M' : 'F';
    const age = String(r.age);
    const registered = Number(r.registered ?? 0) - Number(r.migrant_out ?? 0);
    return [
      { age, sex, part: labels.registered, value: Math.max(0, registered) },
      { age, sex, part: labels.migrant, value: Number(r.migrant_in ?? 0) },
    ];
  });
}

/** Resident population by age and sex: registered − out + in. */
export function residentRows(rows: readonly IndicatorRow[]): OverlayRow[] {
  return rows.map((r) => ({
    age: String(r.age), sex: r.sex === 'M' ? 'M' : 'F',
    value: Number(r.registered ?? 0) - Number(r.migrant_out ?? 0) + Number(r.migrant_in ?? 0),
  }));
}

function figures(lang: Lang, year: number, pop: IndicatorRow[], regPop: IndicatorRow[], migPop: IndicatorRow[], ages: IndicatorRow[], dep: IndicatorRow[], women: IndicatorRow[], school: IndicatorRow[]): HTMLElement {
  const v = (rows: IndicatorRow[], keep: (r: IndicatorRow) => boolean = () => true) => rows.find((r) => r.period === String(year) && keep(r))?.value ?? null;
  const items: [string, string][] = [
    [t('population', lang), formatValue(v(pop), 'persons')],
    [t('populationRegistered', lang), formatValue(v(regPop), 'persons')],
    [t('migrantIn', lang), formatValue(v(migPop), 'persons')],
    ['0–14', formatValue(v(ages, (r) => r.group === '0-14'), '%')],
    ['15–64', formatValue(v(ages, (r) => r.group === '15-64'), '%')],
    ['65+', formatValue(v(ages, (r) => r.group === '65+'), '%')],
    [`${t('dependency', lang)}${paren(t('dependencyTotal', lang), lang)}`, formatValue(v(dep, (r) => r.kind === 'total'), '%')],
    [`${t('dependency', lang)}${paren(t('dependencyYoung', lang), lang)}`, formatValue(v(dep, (r) => r.kind === 'young'), '%')],
    [`${t('dependency', lang)}${paren(t('dependencyOld', lang), lang)}`, formatValue(v(dep, (r) => r.kind === 'old'), '%')],
    [t('women1549', lang), formatValue(v(women), 'persons')],
    ...(['3-5', '6-11', '12-14', '15-17'] as const).map((g): [string, string] => [`${t('schoolAge', lang)} ${tf('agesOf', lang, { ages: g })}`, formatValue(v(school, (r) => r.group === g), 'persons')]),
  ];
  return h('dl', { class: 'kv', id: 'structure-figures' }, ...items.flatMap(([k, val]) => [h('dt', { text: k }), h('dd', { class: 'num', text: val })]));
}

export async function renderStructure(root: HTMLElement, ctx: PageContext): Promise<void> {
  const { meta, lang, params } = ctx;
  const fallback = ctx.county ? 'all' : meta.townships[0]?.code ?? 'all';
  const township = enumParam(params, 'township', [...(ctx.county ? ['all'] : []), ...meta.townships.map((x) => x.code)], fallback);
  const year = intParam(params, 'year', meta.years.from, meta.years.to, meta.years.to);
  const cyRaw = params.get('compareYear');
  const compareYear = cyRaw === 'none' ? null : intParam(params, 'compareYear', meta.years.from, meta.years.to, Math.max(meta.years.from, year - 10));
  const ages = enumParam(params, 'ages', ['5', 'single'] as const, '5');
  const place = townshipName(meta, township, lang);

  root.append(
    h('h2', { class: 'page-title', text: `${t('structure', lang)} · ${place} · ${year}` }),
    controls(
      selectField('township', t('chooseTownship', lang), townshipOptions(meta, lang, ctx.county), township, (v) => ctx.set({ township: v === fallback ? undefined : v })),
      selectField('year', t('year', lang), yearOptions(meta.years.from, meta.years.to), String(year), (v) => ctx.set({ year: v })),
      selectField('compareYear', t('compareYear', lang), [{ value: 'none', label: t('none', lang) }, ...yearOptions(meta.years.from, meta.years.to)],
        compareYear === null ? 'none' : String(compareYear), (v) => ctx.set({ compareYear: v })),
      selectField('ages', t('ages', lang), [{ value: '5', label: t('ages5', lang) }, { value: 'single', label: t('agesSingle', lang) }], ages, (v) => ctx.set({ ages: v })),
    ),
  );
  const pyramidPanel = chartPanel('pyramid', `${t('pyramid', lang)} · ${place} · ${year}${compareYear !== null ? ` / ${compareYear}` : ''}`, lang,
    t('residentPyramidNote', lang));
  const figuresBox = h('div', {}, h('p', { class: 'loading', text: t('loading', lang) }));
  root.append(h('div', { class: 'grid-2' }, pyramidPanel.element, panel('structure-figures-panel', `${place} · ${tf('yearEnd', lang, { year })}`, figuresBox)));
  const agesPanel = chartPanel('age-structure', t('ageStructure', lang), lang);
  const schoolPanel = chartPanel('school-age', t('schoolAge', lang), lang);
  root.append(h('div', { class: 'grid-2 even' }, agesPanel.element, schoolPanel.element));
  const vital = vitalPanels(ctx, township, year, place);
  root.append(h('div', { class: 'grid-2 even' }, ...vital.elements));

  const scope = { township, ages: ages === '5' ? '5' as const : 'single' as const };
  const labels = { registered: t('registeredPresent', lang), migrant: t('migrantIn', lang) };

  const pyramidJob = (async () => {
    try {
      const [now, then] = await Promise.all([
        api.indicator('pyramid', { ...scope, from: year, to: year }),
        compareYear === null ? Promise.resolve(null) : api.indicator('pyramid', { ...scope, from: compareYear, to: compareYear }),
      ]);
      if (now.rows.length === 0) return pyramidPanel.empty();
      const order = ageOrder(now.rows);
      await pyramidPanel.show({
        spec: pyramidSpec({
          rows: pyramidParts(now.rows, labels), ages: order,
          parts: { domain: [labels.registered, labels.migrant], range: [...PART_COLORS] },
          overlay: then ? { rows: residentRows(then.rows), label: tf('residentsOf', lang, { year: compareYear ?? '' }) } : undefined,
          labels: { male: t('male', lang), female: t('female', lang), age: t('age', lang), persons: t('persons', lang), part: t('residence', lang) },
          width: 600, height: ages === 'single' ? 440 : 400,
        }),
        rows: [...now.rows, ...(then?.rows ?? [])].map((r) => ({ ...r, name: place })),
        fileName: fileName(meta, 'pyramid', township, year, compareYear ?? 'none', ages), lang, unit: 'persons',
        smallCount: township === 'all' ? 0 : now.rows.filter((r) => r.small).length,
      });
    } catch (e) {
      pyramidPanel.fail(e);
    }
  })();

  const span = { township, from: meta.years.from, to: meta.years.to };
  const figuresJob = (async () => {
    try {
      const [pop, regPop, migPop, ageRows, dep, women, school] = await Promise.all([
        api.indicator('population', { ...span, residence: 'all' }), api.indicator('population', { ...span, residence: 'registered' }),
        api.indicator('population', { ...span, residence: 'migrant' }), api.indicator('age_structure', span),
        api.indicator('dependency_ratio', { township, from: year, to: year }), api.indicator('women_15_49', { township, from: year, to: year }),
        api.indicator('school_age', span),
      ]);
      figuresBox.replaceChildren(figures(lang, year, pop.rows, regPop.rows, migPop.rows, ageRows.rows, dep.rows, women.rows, school.rows));
      const groupColors = (domain: string[]) => ({ domain, range: domain.map((_, i) => PALETTE[i % PALETTE.length]!) });
      await agesPanel.show({
        spec: trendSpec({
          rows: ageRows.rows.map((r) => ({ period: r.period, series: String(r.group), value: r.value, small: r.small })),
          yTitle: `${t('shareCol', lang)}${paren('%', lang)}`, format: ',.1f', colors: groupColors(['0-14', '15-64', '65+']), zero: true, width: 540, height: 220,
          labels: { period: t('year', lang), small: t('smallWarning', lang) },
        }),
        rows: ageRows.rows.map((r) => ({ ...r, name: place })), fileName: fileName(meta, 'age-structure', township), lang, unit: '%',
      });
      await schoolPanel.show({
        spec: trendSpec({
          rows: school.rows.map((r) => ({ period: r.period, series: tf('agesOf', lang, { ages: String(r.group) }), value: r.value, small: r.small })),
          yTitle: `${t('schoolAge', lang)}${paren(t('persons', lang), lang)}`, format: ',.0f', zero: true, width: 540, height: 220,
          colors: groupColors(['3-5', '6-11', '12-14', '15-17'].map((g) => tf('agesOf', lang, { ages: g }))),
          labels: { period: t('year', lang), small: t('smallWarning', lang) },
        }),
        rows: school.rows.map((r) => ({ ...r, name: place })), fileName: fileName(meta, 'school-age', township), lang, unit: 'persons',
        smallCount: school.rows.filter((r) => r.small).length,
      });
    } catch (e) {
      figuresBox.replaceChildren(h('p', { class: 'error', role: 'alert', text: t('loadFailed', lang) + errorMessage(e) }));
      agesPanel.fail(e);
      schoolPanel.fail(e);
    }
  })();

  await Promise.all([pyramidJob, figuresJob, vital.load]);
}
