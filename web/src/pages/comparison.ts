/**
 * @module pages/comparison
 * The 考核 page's "多指标对比" view: every township side by side on the main indicators of one
 * year or statistical year (population, births, birth rate, TFR, compliance registered and
 * migrant, SRB, certificate rate, migrant stock), sortable by any column and downloadable —
 * instead of ticking every township on the township page.
 */
import { api, EACH_TOWNSHIP, auditExport, type IndicatorParams, type IndicatorRow } from '../api.ts';
import { downloadText } from '../csv.ts';
import { columnsTable, exportCsv } from '../exportRows.ts';
import { formatValue } from '../format.ts';
import { t, tf, type Lang, type StringKey } from '../i18n/index.ts';
import type { PageContext } from '../router.ts';
import { sortableTable, type SortColumn } from '../sortTable.ts';
import { h, panel } from '../ui.ts';
import { fileName, periodLabel } from './pageLabels.ts';

interface Column { key: string; label: StringKey; indicator: string; unit: string; params?: Partial<IndicatorParams>; yearEnd?: boolean }

const COLUMNS: readonly Column[] = [
  { key: 'population', label: 'populationRegistered', indicator: 'population', unit: 'persons', params: { residence: 'registered' }, yearEnd: true },
  { key: 'births', label: 'births', indicator: 'births', unit: 'persons' },
  { key: 'cbr', label: 'cbr', indicator: 'cbr', unit: '‰' },
  { key: 'tfr', label: 'tfr', indicator: 'tfr', unit: 'ratio' },
  { key: 'compliance_registered', label: 'complianceRegistered', indicator: 'compliance', unit: '%', params: { residence: 'registered' } },
  { key: 'compliance_migrant', label: 'complianceMigrant', indicator: 'compliance', unit: '%', params: { residence: 'migrant' } },
  { key: 'certificate_rate', label: 'certificateRate', indicator: 'certificate_rate', unit: '%' },
  { key: 'migrant_stock', label: 'migrantStock', indicator: 'migrant_stock', unit: 'persons' },
];

interface Line { township: string; name: string; values: Record<string, IndicatorRow | undefined> }

export async function renderPlainComparison(root: HTMLElement, ctx: PageContext, year: number, window: 'year' | 'statyear'): Promise<void> {
  const { meta, lang } = ctx;
  const answers = await Promise.all(COLUMNS.map((c) => api.indicator(c.indicator, { township: EACH_TOWNSHIP, from: year, to: year, period: c.yearEnd ? 'year' : window, ...c.params })));
  // each answer's first row per township, found by code (a province has 1,500 townships per column)
  const byTownship = answers.map((a) => {
    const rows = new Map<string, IndicatorRow>();
    for (const r of a.rows) if (!rows.has(r.township)) rows.set(r.township, r);
    return rows;
  });
  const lines: Line[] = meta.townships.map((x) => ({
    township: x.code, name: x.name,
    values: Object.fromEntries(COLUMNS.map((c, i) => [c.key, byTownship[i]!.get(x.code)])),
  }));
  const label = (c: Column, l: Lang) => {
    const unit = c.unit === '%' || c.unit === '‰' ? c.unit : '';
    return unit ? `${t(c.label, l)}${l === 'zh' ? `（${unit}）` : ` (${unit})`}` : t(c.label, l);
  };
  const columns: SortColumn<Line>[] = [
    {
      key: 'name', label: t('townshipCol', lang), sortBy: (r) => r.name,
      cell: (r) => {
        const a = h('a', { href: ctx.href('township', { township: r.township }), 'data-township': r.township, text: r.name });
        a.addEventListener('click', (ev) => { ev.preventDefault(); ctx.go('township', { township: r.township }); });
        return a;
      },
    },
    ...COLUMNS.map((c): SortColumn<Line> => ({
      key: c.key, label: label(c, lang), numeric: true, sortBy: (r) => r.values[c.key]?.value ?? null,
      cell: (r) => {
        const row = r.values[c.key];
        return h('span', { class: row?.small ? 'small-value' : undefined, title: row?.small ? t('smallWarning', lang) : undefined, text: formatValue(row?.value ?? null, c.unit) });
      },
      cellClass: (r) => (r.values[c.key]?.meets_target === false ? 'miss' : undefined),
    })),
  ];
  const period = window === 'year' ? String(year) : periodLabel(`SY${year}`, lang);
  const download = h('button', { type: 'button', id: 'comparison-csv', class: 'csv', text: t('downloadTable', lang) });
  download.addEventListener('click', () => {
    const rows = lines.map((r) => ({ township: r.township, name: r.name, ...Object.fromEntries(COLUMNS.map((c) => [c.key, r.values[c.key]?.value ?? null])) }));
    downloadText(exportCsv(columnsTable(rows, [{ key: 'township', label: t('townshipCode', lang) }, { key: 'name', label: t('townshipCol', lang) },
      ...COLUMNS.map((c) => ({ key: c.key, label: label(c, lang), decimals: c.unit === 'persons' ? 0 : 2 }))])),
      `${fileName(meta, 'townships', window === 'year' ? year : `SY${year}`)}.csv`);
    auditExport('comparison-table');
  });
  root.append(panel('comparison', `${t('viewPlain', lang)} · ${period}`,
    h('p', { class: 'note', text: tf('plainNote', lang, { period }) }),
    h('div', { class: 'chart-tools' }, download),
    h('div', { class: 'table-wide' }, sortableTable('comparison-table', columns, lines, (r) => ({ 'data-township': r.township })))));
}
