/**
 * @module pages/planningTable
 * The planning table on the 人口预测 page (`GET /api/projections/table`): chosen years × low /
 * medium / high (and the page's custom scenario, when it shows one) × the planning groups (total, births, 0–2 托育, school ages, women 15–49,
 * 15–59 / 15–64, 60+, 65+, 80+) in whole persons, the base year as observed, the first-year
 * births explained, and downloads as CSV, XLSX and Word that hold the same table.
 * State: `tableYears=2025,2030,2035&tableScenarios=low,medium,high`.
 */
import { getJson } from '../api.ts';
import { formatInt } from '../format.ts';
import { t, tf, type Lang } from '../i18n/index.ts';
import type { PageContext } from '../router.ts';
import { checkboxGroup, controls, errorMessage, h, panel, table } from '../ui.ts';
import { TABLE_SCENARIOS as SCENARIOS, type PlanningTable } from '../../../contract/projection.ts';
import type { CustomAssumptions } from '../projection.ts';
import { defaultTableYears } from '../../../common/planningGroups.ts';

const SCENARIO_LABEL: Record<string, { zh: string; en: string }> = {
  low: { zh: '低方案', en: 'low' }, medium: { zh: '中方案', en: 'medium' }, high: { zh: '高方案', en: 'high' }, custom: { zh: '自定义方案', en: 'custom' },
  constant: { zh: '不变方案', en: 'constant' }, zero_migration: { zh: '零迁移方案', en: 'zero migration' }, observed: { zh: '实际', en: 'observed' },
};


/** The years as typed: separated by commas (also ，、；) or spaces, full-width digits too. */
function typedYears(raw: string | null): number[] {
  return (raw ?? '').normalize('NFKC').split(/[\s,，、;；]+/).filter(Boolean).map(Number);
}

function yearsParam(raw: string | null, base: number): number[] {
  const list = typedYears(raw).filter((y) => Number.isInteger(y) && y >= base && y <= base + 30);
  return list.length ? [...new Set(list)].sort((a, b) => a - b) : defaultTableYears(base);
}

/** The custom assumptions as the table's query takes them (names of the projections page's link). */
function customQuery(c: CustomAssumptions): Record<string, string> {
  const q: Record<string, string> = {};
  if (c.tfr !== undefined) q.tfr = String(c.tfr);
  if (c.tfrYear !== undefined) q.tfrYear = String(c.tfrYear);
  if (c.e0) { q.e0m = String(c.e0.male); q.e0f = String(c.e0.female); }
  if (c.e0Gain !== undefined) q.e0Gain = String(c.e0Gain);
  if (c.srb !== undefined) q.srb = String(c.srb);
  if (c.migrationMultiplier !== undefined) q.migration = String(c.migrationMultiplier);
  return q;
}

/** `custom`: the page's custom scenario (its assumptions, resolved), offered as a column; none when the page shows another. */
export function planningTablePanel(ctx: PageContext, scope: string, baseYear: number, custom?: Promise<CustomAssumptions | undefined>): { element: HTMLElement; load: Promise<void> } {
  const { lang, params } = ctx;
  const offered = SCENARIOS.filter((s) => s !== 'custom' || custom !== undefined);
  const years = yearsParam(params.get('tableYears'), baseYear);
  // what was typed but cannot be projected is said, not dropped without a word
  const outside = typedYears(params.get('tableYears')).filter((y) => !years.includes(y));
  const chosen = (params.get('tableScenarios') ?? 'low,medium,high').split(',').filter((s): s is (typeof SCENARIOS)[number] => (offered as readonly string[]).includes(s));
  const scenarios = chosen.length ? chosen : ['low', 'medium', 'high'];
  const yearsInput = h('input', { id: 'table-years', name: 'table-years', type: 'text', value: years.join(','), inputmode: 'numeric', size: 22 });
  // the years as typed go to the URL: those outside the projection's span are then named below
  yearsInput.addEventListener('change', () => ctx.set({ tableYears: typedYears(yearsInput.value).filter(Number.isInteger).join(',') || undefined }));
  const query = new URLSearchParams({ scope, baseYear: String(baseYear), years: years.join(','), scenarios: scenarios.join(','), lang });
  const url = (format: string) => `/api/projections/table?${query.toString()}&format=${format}`;
  const links = (['csv', 'xlsx', 'docx'] as const).map((f) => h('a', { class: 'csv', href: url(f), download: '', 'data-download': f, text: `${t('download', lang)} ${f === 'docx' ? 'Word' : f.toUpperCase()}` }));
  const downloads = h('div', { class: 'chart-tools no-print' }, ...links);
  const body = h('div', { class: 'table-scroll', id: 'planning-table-body' }, h('p', { class: 'loading', text: t('planningComputing', lang) }));
  const jump = h('p', { class: 'note', id: 'planning-jump' });
  const note = h('p', { class: 'note', id: 'planning-note' });
  const element = panel('planning-table', t('planningTitle', lang),
    controls(
      h('label', { class: 'field', for: 'table-years' }, h('span', { text: t('planningYears', lang) }), yearsInput),
      checkboxGroup('table-scenarios', t('planningScenarios', lang), offered.map((s) => ({ value: s, label: SCENARIO_LABEL[s]![lang] })), new Set(scenarios),
        (values) => ctx.set({ tableScenarios: values.length ? values.join(',') : undefined })),
    ),
    outside.length > 0 ? h('p', { class: 'error', id: 'planning-years-outside', role: 'status',
      text: tf('planningYearsOutside', lang, { years: outside.join('、'), from: baseYear, to: baseYear + 30 }) }) : null,
    downloads, body, jump, note);
  element.classList.add('wide');
  const load = (async () => {
    try {
      const assumptions = scenarios.includes('custom') && custom ? await custom : undefined;
      if (assumptions) {
        for (const [k, v] of Object.entries(customQuery(assumptions))) query.set(k, v);
        links.forEach((a) => { a.href = url(a.dataset.download!); });
      }
      const answer = await getJson<PlanningTable>(url('json'));
      body.replaceChildren(renderTable(answer, lang));
      jump.textContent = answer.jumpOff ? answer.jumpOff.text[lang] : '';
      note.textContent = answer.notes[lang];
      element.dataset.rows = String(answer.rows.length);
    } catch (e) {
      body.replaceChildren(h('p', { class: 'error', role: 'alert', text: t('planningFailed', lang) + errorMessage(e) }));
    }
  })();
  return { element, load };
}

function renderTable(answer: PlanningTable, lang: Lang): HTMLTableElement {
  const head = answer.columns.map((c) => `${tf('yearOf', lang, { year: c.year })} ${SCENARIO_LABEL[c.scenario]![lang]}`);
  const tbl = table([t('planningGroup', lang), ...head],
    answer.rows.map((r) => [r[lang], ...r.values.map((v) => (v === null ? '—' : formatInt(v)))]),
    new Set(head.map((_, i) => i + 1)));
  tbl.id = 'planning-table-grid';
  [...tbl.tBodies[0]!.rows].forEach((tr, i) => { tr.dataset.group = answer.rows[i]!.group; });
  [...tbl.tHead!.rows[0]!.cells].slice(1).forEach((th, i) => { th.dataset.year = String(answer.columns[i]!.year); th.dataset.scenario = answer.columns[i]!.scenario; });
  return tbl;
}
