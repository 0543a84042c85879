/**
 * @module pages/assessment
 * 考核: every township scored under the county's scheme — a table sortable by any column (rank,
 * total, each item's score), each item's value with the counts behind it, its score, green/red for
 * met/not met, ⚠ for 单项预警, category badges, the veto and two-years-running marks; a click on a
 * township opens its page; the table downloads as CSV. A funnel plot per rate item shows whether
 * a miss is beyond chance. The "多指标对比" view is the same table without a scheme: the townships
 * side by side on the main indicators. State: `year=&window=year|statyear&view=scheme|plain`.
 */
import { auditExport } from '../api.ts';
import { assessmentApi, type ItemResult, type TownshipResult } from '../assessmentApi.ts';
import { rateFunnelSpec } from '../charts/rateFunnel.ts';
import { downloadBlob, downloadText, type CsvRow } from '../csv.ts';
import { columnsTable, exportCsv, exportXlsx } from '../exportRows.ts';
import { formatDec, formatInt, formatValue } from '../format.ts';
import { paren, t, tf, type Lang } from '../i18n/index.ts';
import { enumParam, intParam, type PageContext } from '../router.ts';
import { sortableTable, type SortColumn } from '../sortTable.ts';
import { chartPanel, controls, h, panel, scopeNote, selectField } from '../ui.ts';
import { fileName, yearOptions } from './pageLabels.ts';
import { renderPlainComparison } from './comparison.ts';

const RATE_ITEMS = new Set(['compliance_registered', 'compliance_migrant', 'certificate_rate', 'hospital_rate']);

function itemValue(i: ItemResult, lang: Lang): string {
  // the SRB item is judged on the smoothed ratio (a county account's view); a township account gets the raw one
  if (i.kind === 'srb') {
    if (i.value !== null) return `${formatDec(i.value)}${paren(t('smoothedShort', lang), lang)}`;
    return typeof i.fields.srb === 'number' ? `${formatDec(i.fields.srb)}${paren(t('rawShort', lang), lang)}` : '—';
  }
  if (i.value === null) return '—';
  if (i.kind === 'data_quality') return formatInt(i.value);
  if (i.kind === 'births_change') return `${i.value > 0 ? '+' : ''}${formatDec(i.value, 1)}%`;
  return formatValue(i.value, '%');
}

function itemCounts(i: ItemResult, lang: Lang): string {
  const f = i.fields;
  const n = (k: string) => (f[k] === null || f[k] === undefined ? '—' : formatInt(f[k]!));
  const [comma, semicolon] = lang === 'zh' ? ['，', '；'] : [', ', '; '];
  switch (i.kind) {
    case 'compliance_registered': case 'compliance_migrant': return `${n('compliant')}/${n('births')}`;
    case 'certificate_rate': return `${n('holders')}/${n('women')}`;
    case 'hospital_rate': return `${n('in_hospital')}/${n('births')}`;
    case 'srb': {
      const range = (lo: number | null | undefined, hi: number | null | undefined) => (lo != null && hi != null ? `${comma}${formatDec(lo)}–${formatDec(hi)}` : '');
      return i.value !== null
        ? `${t('detailBirths', lang)}${n('births')}${range(f.smoothed_lo, f.smoothed_hi)}${semicolon}${t('rawShort', lang)} ${f.srb == null ? '—' : formatDec(f.srb)}`
        : `${t('detailBirths', lang)}${n('births')}${range(f.lo, f.hi)}${semicolon}${t('smoothedCountyOnly', lang)}`;
    }
    case 'births_change': return `${n('births')}${paren(`${t('detailBefore', lang)}${n('previous')}`, lang)}`;
    case 'data_quality': return `${t('detailUnknown', lang)}${n('unknown_policy')}${comma}${t('detailQuarantined', lang)}${n('quarantined')}`;
    default: return '';
  }
}

function itemCell(i: ItemResult, lang: Lang): HTMLElement {
  return h('div', { class: 'item-cell' },
    h('span', { class: 'item-value', text: itemValue(i, lang) }),
    i.warn ? h('span', { class: 'warn-mark', title: t('warnItem', lang), text: ' ⚠' }) : null,
    h('br'), h('small', { class: 'muted', text: itemCounts(i, lang) }),
    h('br'), h('small', { class: 'item-score', text: `${t('scoreOf', lang)} ${formatDec(i.score)}/${i.weight}` }));
}

export async function renderAssessment(root: HTMLElement, ctx: PageContext): Promise<void> {
  const { meta, lang, params } = ctx;
  const year = intParam(params, 'year', meta.years.from, meta.years.to, meta.years.to);
  const window = enumParam(params, 'window', ['year', 'statyear'] as const, 'year');
  const view = enumParam(params, 'view', ['scheme', 'plain'] as const, 'scheme');
  root.append(
    h('h2', { class: 'page-title', text: `${t('assessmentTitle', lang)} · ${year}` }),
    controls(
      selectField('year', t('year', lang), yearOptions(meta.years.from, meta.years.to), String(year), (v) => ctx.set({ year: v })),
      selectField('window', t('window', lang), [{ value: 'year', label: t('windowYear', lang) }, { value: 'statyear', label: t('windowStatyear', lang) }], window, (v) => ctx.set({ window: v })),
      selectField('view', t('view', lang), [{ value: 'scheme', label: t('viewScheme', lang) }, { value: 'plain', label: t('viewPlain', lang) }], view, (v) => ctx.set({ view: v })),
    ),
  );
  if (view === 'plain') return renderPlainComparison(root, ctx, year, window);

  const answer = await assessmentApi.assessment(year, window);
  const towns = answer.townships;
  const open = (code: string) => ctx.go('township', { township: code });
  const columns: SortColumn<TownshipResult>[] = [
    { key: 'rank', label: t('rankCol', lang), numeric: true, cell: (r) => String(r.rank), sortBy: (r) => -r.rank },
    {
      key: 'name', label: t('townshipCol', lang), sortBy: (r) => r.name,
      cell: (r) => {
        const a = h('a', { href: ctx.href('township', { township: r.township }), 'data-township': r.township, text: r.name });
        a.addEventListener('click', (ev) => { ev.preventDefault(); open(r.township); });
        return a;
      },
    },
    { key: 'total', label: t('totalCol', lang), numeric: true, cell: (r) => formatDec(r.total), sortBy: (r) => r.total },
    {
      key: 'category', label: t('categoryCol', lang), sortBy: (r) => r.category_name,
      cell: (r) => h('span', {},
        h('span', { class: `badge cat-${r.category}`, text: r.category_name }),
        r.veto ? h('span', { class: 'badge cat-veto', title: r.veto_reasons.join('；'), text: t('vetoed', lang) }) : null,
        r.bottom_two_years ? h('span', { class: 'badge cat-two-years', text: t('twoYears', lang) }) : null),
    },
    ...answer.scheme.items.map((item): SortColumn<TownshipResult> => {
      const of = (r: TownshipResult) => r.items.find((i) => i.id === item.id)!;
      return {
        key: item.id, label: `${item.name}${paren(item.weight, lang)}`, numeric: true,
        cell: (r) => itemCell(of(r), lang), sortBy: (r) => of(r).score,
        // red: points lost; amber: the target is missed but within chance (full marks); green: met
        cellClass: (r) => (of(r).score < of(r).weight ? 'miss' : of(r).met === false ? 'chance' : 'met'),
      };
    }),
  ];
  const tbl = sortableTable('assessment-table', columns, towns, (r) => ({ 'data-township': r.township, 'data-category': r.category }));
  const download = h('button', { type: 'button', id: 'assessment-csv', class: 'csv', text: t('downloadTable', lang) });
  const exported = () => columnsTable(csvRows(towns, lang), csvColumns(answer.scheme.items, lang));
  download.addEventListener('click', () => {
    downloadText(exportCsv(exported()), `${fileName(meta, 'assessment', answer.window.label)}.csv`);
    auditExport('assessment-table');
  });
  // the same table as a workbook, numbers as number cells: offices rank townships in Excel
  const workbook = h('button', { type: 'button', id: 'assessment-xlsx', class: 'csv', text: t('downloadTableXlsx', lang) });
  workbook.addEventListener('click', () => {
    void exportXlsx(exported(), t('assessmentPage', lang)).then((blob) => downloadBlob(blob, `${fileName(meta, 'assessment', answer.window.label)}.xlsx`));
    auditExport('assessment-table');
  });
  root.append(panel('assessment', `${answer.scheme.name}${paren(`${answer.window.first_day}—${answer.window.last_day}`, lang)}`,
    h('p', { class: 'note', text: t('schemeNote', lang) }),
    ctx.county ? null : scopeNote('assessment-scope', t('countyOnly', lang)),
    h('div', { class: 'chart-tools' }, download, workbook),
    h('div', { class: 'table-wide' }, tbl)));

  const grid = h('div', { class: 'grid-charts' });
  root.append(grid);
  await Promise.all(answer.scheme.items.filter((i) => RATE_ITEMS.has(i.kind)).map(async (item) => {
    const p = chartPanel(`funnel-${item.id}`, tf('funnelRate', lang, { item: item.name }), lang, t('funnelRateNote', lang));
    grid.append(p.element);
    const items = towns.map((r) => ({ r, i: r.items.find((x) => x.id === item.id)! }));
    const target = items.find((x) => x.i.target !== null)?.i.target;
    if (target === undefined || target === null) return p.empty();
    const points = items.map(({ r, i }) => ({ township: r.township, name: r.name, n: i.fields.births ?? i.fields.women ?? 0, value: i.value, met: i.met }));
    await p.show({
      spec: rateFunnelSpec({ points, target, labels: { n: item.kind === 'certificate_rate' ? t('womenCount', lang) : t('birthsCount', lang), value: `${item.name}${paren('%', lang)}`, limit95: '95%', limit998: '99.8%', target: t('targetRule', lang), name: t('name', lang) } }),
      rows: points, fileName: fileName(meta, 'funnel', item.id, answer.window.label), lang,
    });
  }));
}

/** The unit of an item's value, as the downloaded table's header says it (the page shows it in each cell). */
function itemUnit(kind: string, lang: Lang): string {
  switch (kind) {
    case 'srb': return t('unitSrbSmoothed', lang);
    case 'data_quality': return t('unitCases', lang);
    case 'births_change': return t('unitChangePct', lang);
    default: return '%';
  }
}

/** Columns of the downloaded scorecard: each value with its unit, each score with its full marks. */
function csvColumns(items: readonly { id: string; kind: string; name: string; weight: number }[], lang: Lang) {
  const fullMarks = (n: number) => paren(tf('fullMarks', lang, { n: String(n) }), lang);
  return [
    { key: 'rank', label: t('rankCol', lang) }, { key: 'township', label: t('townshipCode', lang) }, { key: 'name', label: t('townshipCol', lang) },
    { key: 'total', label: `${t('totalCol', lang)}${fullMarks(items.reduce((sum, i) => sum + i.weight, 0))}`, decimals: 2 },
    { key: 'category', label: t('categoryCol', lang) }, { key: 'veto', label: t('vetoed', lang) },
    { key: 'two_years', label: t('twoYears', lang) },
    ...items.flatMap((i) => [
      // a count of cases is whole; a change in births one decimal, as the page shows it
      { key: `${i.id}_value`, label: `${i.name}${paren(itemUnit(i.kind, lang), lang)}`, decimals: i.kind === 'data_quality' ? 0 : i.kind === 'births_change' ? 1 : 2 },
      ...(i.kind === 'srb' ? [{ key: `${i.id}_raw`, label: `${i.name}${paren(t('unitSrbRaw', lang), lang)}`, decimals: 2 }] : []),
      { key: `${i.id}_score`, label: `${tf('itemScore', lang, { item: i.name })}${fullMarks(i.weight)}`, decimals: 2 },
      { key: `${i.id}_warn`, label: `${i.name}${t('warnItem', lang)}` },
    ]),
  ];
}

function csvRows(towns: readonly TownshipResult[], lang: Lang): CsvRow[] {
  const yes = t('yesWord', lang);
  return towns.map((r) => ({
    rank: r.rank, township: r.township, name: r.name, total: r.total, category: r.category_name,
    veto: r.veto ? yes : '', two_years: r.bottom_two_years ? yes : '',
    ...Object.fromEntries(r.items.flatMap((i) => [[`${i.id}_value`, i.value], [`${i.id}_raw`, i.fields.srb ?? null], [`${i.id}_score`, i.score], [`${i.id}_warn`, i.warn ? yes : '']])),
  }));
}
