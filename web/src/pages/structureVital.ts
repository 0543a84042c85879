/**
 * @module pages/structureVital
 * Two panels of the 人口结构 page: the planning groups at the year's end (0–2 托育 … 60+, 80+,
 * persons and share, `age_groups`), and the natural change of the registered population over the
 * years (birth, death and natural growth rates, `cbr` registered / `cdr` / `ngr`) with the year's
 * life expectancy by sex and its 95% interval (`life_expectancy`).
 */
import { api } from '../api.ts';
import { trendSpec } from '../charts/trend.ts';
import { formatDec, formatInt } from '../format.ts';
import { paren, t, tf } from '../i18n/index.ts';
import type { PageContext } from '../router.ts';
import { chartPanel, downloadButtons, errorMessage, h, panel, table } from '../ui.ts';
import { exportTable } from '../exportRows.ts';
import { fileName } from './pageLabels.ts';
import { PLANNING_GROUPS } from '../../../common/planningGroups.ts';
import { VITAL_COLORS } from '../charts/palette.ts';

export function vitalPanels(ctx: PageContext, township: string, year: number, place: string): { elements: HTMLElement[]; load: Promise<void> } {
  const { meta, lang } = ctx;
  const groupsBody = h('div', { class: 'table-scroll', id: 'age-groups' }, h('p', { class: 'loading', text: t('loading', lang) }));
  const groupsTools = h('div', { class: 'chart-tools' });
  const groups = panel('age-groups-panel', `${t('planningGroups', lang)} · ${place} · ${tf('yearEnd', lang, { year })}`, groupsTools, groupsBody);
  const vital = chartPanel('vital-rates', t('vitalTitle', lang), lang,
    t('vitalNote', lang));
  const lifeBox = h('div', { id: 'life-expectancy' });
  vital.element.append(lifeBox);
  const load = (async () => {
    try {
      const rows = (await api.indicator('age_groups', { township, from: year, to: year, residence: 'all' })).rows;
      const label = (id: string) => PLANNING_GROUPS.find((g) => g.id === id)?.[lang] ?? id;
      const tbl = table([t('groupCol', lang), t('personsCol', lang), t('shareOfTotal', lang)],
        rows.map((r) => [label(String(r.group)), formatInt(r.value ?? 0), typeof r.share === 'number' ? formatDec(r.share) : '—']), new Set([1, 2]));
      tbl.id = 'age-groups-table';
      [...tbl.tBodies[0]!.rows].forEach((tr, i) => { tr.dataset.group = String(rows[i]!.group); });
      groupsBody.replaceChildren(tbl);
      groupsTools.replaceChildren(...downloadButtons('age-groups', () => exportTable(rows.map((r) => ({ ...r, group: label(String(r.group)) })), { unit: 'persons', lang, names: () => place }), fileName(meta, 'age_groups', township, year), lang));
    } catch (e) {
      groupsBody.replaceChildren(h('p', { class: 'error', role: 'alert', text: t('loadFailed', lang) + errorMessage(e) }));
    }
    try {
      const span = { township, from: Math.max(meta.years.from, year - 9), to: year };
      const [cbr, cdr, ngr, life] = await Promise.all([
        api.indicator('cbr', { ...span, residence: 'registered' }), api.indicator('cdr', span), api.indicator('ngr', span),
        api.indicator('life_expectancy', { township, from: year, to: year }),
      ]);
      const series = [[cbr, t('birthRate', lang)], [cdr, t('deathRate', lang)], [ngr, t('naturalGrowth', lang)]] as const;
      const rows = series.flatMap(([a, name]) => a.rows.map((r) => ({ period: r.period, series: name, value: r.value, small: r.small })));
      await vital.show({
        spec: trendSpec({ rows, yTitle: '‰', format: ',.2f', zero: true, width: 540, height: 220, colors: { domain: series.map((s) => s[1]), range: [...VITAL_COLORS] }, labels: { period: t('year', lang), small: t('smallWarning', lang) } }),
        rows: series.flatMap(([a, name]) => a.rows.map((r) => ({ ...r, series: name }))), unit: '‰', fileName: fileName(meta, 'deaths', township, span.from, span.to), lang,
        names: () => place,
      });
      const sexLabel = (s: string) => (s === 'M' ? t('male', lang) : s === 'F' ? t('female', lang) : t('bothSexes', lang));
      lifeBox.replaceChildren(h('p', { class: 'note', id: 'life-expectancy-text' }, `${tf('lifeExpectancyIn', lang, { year })}${life.rows.map((r) =>
        `${sexLabel(String(r.sex))} ${r.value === null ? '—' : formatDec(r.value, 1)}${paren(`${typeof r.lo === 'number' ? formatDec(r.lo, 1) : '—'}–${typeof r.hi === 'number' ? formatDec(r.hi, 1) : '—'}`, lang)}`).join(t('clauseSeparator', lang))}`));
    } catch (e) {
      vital.fail(e);
    }
  })();
  return { elements: [groups, vital.element], load };
}

