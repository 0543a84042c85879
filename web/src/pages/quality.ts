/**
 * @module pages/quality
 * 数据质量: for each imported table, rows read / accepted / quarantined by rule (rule names from
 * the export contract), the completeness of key fields (主要项目完整率 = 1 − missing_value ÷
 * rows read) and the logical-consistency rate (逻辑关系准确率 = 1 − other rules ÷ rows read),
 * per table and overall; then the same by township (pages/qualityTownships.ts).
 */
import type { Meta } from '../api.ts';
import { barsSpec } from '../charts/bars.ts';
import { PALETTE } from '../charts/common.ts';
import { RULES, TABLES, type RuleId, type TableName } from '../../../contract/tables.ts';
import { formatInt } from '../format.ts';
import { colon, t, type Lang } from '../i18n/index.ts';
import type { PageContext } from '../router.ts';
import { chartPanel, h, panel, scopeNote, table } from '../ui.ts';
import { fileName } from './pageLabels.ts';
import { renderTownshipQuality } from './qualityTownships.ts';

export interface TableQuality {
  table: string;
  label: string;
  read: number;
  accepted: number;
  quarantined: number;
  missing: number;
  other: number;
  /** 主要项目完整率, % (null when no rows were read). */
  completeness: number | null;
  /** 逻辑关系准确率, %. */
  consistency: number | null;
}

function isRule(id: string): id is RuleId {
  return Object.hasOwn(RULES, id);
}

function isTable(name: string): name is TableName {
  return Object.hasOwn(TABLES, name);
}

export function ruleLabel(id: string, lang: Lang): string {
  return isRule(id) ? RULES[id][lang] : id;
}

/** A name with its code in brackets as each language writes them: 出生（births）, townships (regions). */
export function withCode(label: string, code: string, lang: Lang): string {
  if (label === code) return label;
  return lang === 'zh' ? `${label}（${code}）` : `${label} (${code})`;
}

/** 出生（births） in Chinese; in English the name alone where it is the code: births, townships (regions). */
export function tableLabel(name: string, lang: Lang): string {
  return isTable(name) ? withCode(TABLES[name][lang], name, lang) : name;
}

/** Rates per table and overall from /api/meta. */
export function qualityRows(meta: Meta, lang: Lang): TableQuality[] {
  const names = [...new Set([...Object.keys(meta.rowsRead ?? {}), ...Object.keys(meta.rowCounts), ...Object.keys(meta.quarantine)])];
  const rate = (bad: number, read: number) => (read > 0 ? (1 - bad / read) * 100 : null);
  const rows = names.map((name): TableQuality => {
    const rules = meta.quarantine[name] ?? {};
    const quarantined = Object.values(rules).reduce((a, b) => a + b, 0);
    const accepted = meta.rowCounts[name] ?? 0;
    const read = meta.rowsRead?.[name] ?? accepted + quarantined;
    const missing = rules.missing_value ?? 0;
    const other = quarantined - missing;
    return { table: name, label: tableLabel(name, lang), read, accepted, quarantined, missing, other, completeness: rate(missing, read), consistency: rate(other, read) };
  });
  const sum = (k: 'read' | 'accepted' | 'quarantined' | 'missing' | 'other') => rows.reduce((a, r) => a + r[k], 0);
  const read = sum('read');
  rows.push({
    table: 'overall', label: t('overall', lang), read, accepted: sum('accepted'), quarantined: sum('quarantined'),
    missing: sum('missing'), other: sum('other'), completeness: rate(sum('missing'), read), consistency: rate(sum('other'), read),
  });
  return rows;
}

/** Rates near 100% need more than two decimals to show a few bad rows among many. */
function pct(v: number | null): string {
  if (v === null) return '—';
  if (v === 100) return '100.00%';
  return `${v >= 99.99 ? v.toFixed(4) : v.toFixed(2)}%`;
}

export async function renderQuality(root: HTMLElement, ctx: PageContext): Promise<void> {
  const { meta, lang } = ctx;
  root.append(h('h2', { class: 'page-title', text: `${t('quality', lang)} · ${meta.county.name}` }));
  if (!ctx.county) {
    root.append(panel('quality-tables', t('qualityTable', lang), scopeNote('quality-scope-note', t('countyOnlyQuality', lang))));
    return;
  }
  const rows = qualityRows(meta, lang);
  if (meta.ingestedAt) {
    const when = new Date(meta.ingestedAt);
    root.append(h('p', { class: 'note', text: `${t('ingestedAt', lang)}${colon(lang)}${Number.isNaN(when.getTime()) ? meta.ingestedAt : when.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-CA', { dateStyle: 'short', timeStyle: 'short' })}` }));
  }
  const tbl = table(
    [t('table', lang), t('rowsRead', lang), t('rowsAccepted', lang), t('rowsQuarantined', lang), t('completeness', lang), t('consistency', lang)],
    rows.map((r) => [r.label, formatInt(r.read), formatInt(r.accepted), formatInt(r.quarantined), pct(r.completeness), pct(r.consistency)]),
    new Set([1, 2, 3, 4, 5]),
  );
  tbl.id = 'quality-table';
  [...tbl.tBodies[0]!.rows].forEach((tr, i) => { tr.dataset.table = rows[i]!.table; if (rows[i]!.table === 'overall') tr.style.fontWeight = 'bold'; });
  root.append(panel('quality-tables', t('qualityTable', lang), h('p', { class: 'note', text: t('qualityNote', lang) }), tbl));

  const byRule = Object.entries(meta.quarantine).flatMap(([name, rules]) => Object.entries(rules).map(([rule, n]) => ({
    table: name, tableLabel: tableLabel(name, lang), rule, ruleLabel: ruleLabel(rule, lang), rows: n,
  })));
  const ruleTable = table(
    [t('table', lang), t('rule', lang), t('count', lang)],
    byRule.map((r) => [r.tableLabel, withCode(r.ruleLabel, r.rule, lang), formatInt(r.rows)]), new Set([2]),
  );
  ruleTable.id = 'quarantine-table';
  const chart = chartPanel('quarantine-chart', t('quarantineByRule', lang), lang);
  root.append(h('div', { class: 'grid-2 even' }, chart.element, panel('quarantine-rules', t('quarantineByRule', lang), byRule.length ? ruleTable : h('p', { class: 'empty', text: t('noQuarantine', lang) }))));
  const byTownship = renderTownshipQuality(root, meta, lang);
  if (!byRule.length) {
    chart.empty(t('noQuarantine', lang));
    await byTownship;
    return;
  }
  const tables = [...new Set(byRule.map((r) => r.tableLabel))];
  await byTownship;
  await chart.show({
    spec: barsSpec({
      rows: byRule.map((r) => ({ category: r.ruleLabel, value: r.rows, group: r.tableLabel })), stack: true,
      xTitle: t('rowsQuarantined', lang), format: ',.0f', groupTitle: t('table', lang), width: 380,
      colors: { domain: tables, range: tables.map((_, i) => PALETTE[i % PALETTE.length]!) },
      labels: { category: t('rule', lang), small: t('smallWarning', lang) },
    }),
    rows: byRule, fileName: fileName(meta, 'quarantine'), lang,
  });
}
