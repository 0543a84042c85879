/**
 * @module exportRows
 * The rows behind a chart made fit for Excel and for a planner: Chinese column headers, numbers
 * rounded as the screen shows them (whole persons, two decimals for rates and ratios, one for
 * ages), coded values in words (户籍 / 流动, 偏高, 男 / 女, 中方案, 是 / 否), the township's name
 * beside its code, and file names that say what they hold (`城关街道_出生人数_2015-2024.csv`).
 * The same rows go to CSV and to XLSX.
 *
 * @example
 * const table = exportTable(rows, { unit: 'persons', lang: 'zh', names });
 */
import { JUDGEMENT_WORDS, type SrbJudgement } from '../../common/srbWording.ts';
import { csvLabel, formulaSafe, quoteCsv } from '../../common/csvField.ts';
import { csvHeader, paren, t, type Lang, type StringKey } from './i18n/index.ts';

export type ExportValue = string | number | null;
export interface ExportTable { headers: string[]; decimals: (number | undefined)[]; rows: ExportValue[][] }
export interface ExportOptions { unit?: string; lang: Lang; names?: (code: string) => string }

const WORDS: Record<string, Record<string, { zh: string; en: string }>> = {
  residence: { all: { zh: '全部', en: 'all' }, registered: { zh: '户籍', en: 'registered' }, migrant: { zh: '流动', en: 'migrant' } },
  sex: { M: { zh: '男', en: 'male' }, F: { zh: '女', en: 'female' }, T: { zh: '合计', en: 'both' } },
  flag: { high: { zh: '偏高', en: 'elevated' }, low: { zh: '偏低', en: 'low' }, normal: { zh: '未偏离', en: 'within' } },
  judgement: JUDGEMENT_WORDS as Record<SrbJudgement, { zh: string; en: string }>,
  scenario: {
    low: { zh: '低方案', en: 'low' }, medium: { zh: '中方案', en: 'medium' }, high: { zh: '高方案', en: 'high' }, constant: { zh: '不变方案', en: 'constant' },
    zero_migration: { zh: '零迁移方案', en: 'zero migration' }, custom: { zh: '自定义方案', en: 'custom' },
  },
  order: { all: { zh: '全部孩次', en: 'all orders' }, 1: { zh: '一孩', en: 'first' }, 2: { zh: '二孩', en: 'second' }, '3+': { zh: '三孩及以上', en: 'third+' } },
  direction: { in: { zh: '流入', en: 'in' }, out: { zh: '流出', en: 'out' } },
};
const FUNNEL_KEYS = new Set(['above998', 'above95', 'inside', 'below95', 'below998', 'no_births']);

/** Columns that count persons or events: whole numbers. */
const WHOLE = new Set(['births', 'male', 'female', 'deaths', 'rows', 'registered', 'migrant_in', 'migrant_out', 'unknown', 'noncompliant', 'rank', 'person_years', 'resident_mid', 'births_limit']);
const AGE_LIKE = new Set(['medianAge', 'meanAge']);
/** Columns in the unit of `value` (its interval bounds, the previous period, the deterministic value beside a median). */
const VALUE_LIKE = new Set(['value', 'previous', 'change', 'lo', 'hi', 'lo2', 'hi2', 'deterministic', 'numerator', 'denominator']);

function decimalsFor(key: string, unit: string | undefined, sample: number[]): number | undefined {
  if (sample.length === 0) return undefined;
  if (key === 'year' || key === 'age') return 0;
  if (WHOLE.has(key)) return 0;
  if (AGE_LIKE.has(key)) return 1;
  if (key === 'shrinkage') return 3;
  if (VALUE_LIKE.has(key)) {
    if (unit === 'persons' || unit === 'couples' || unit === 'births') return 0;
    if (unit === 'years') return 1;
  }
  return sample.every((n) => Number.isInteger(n)) ? 0 : 2;
}

function word(key: string, value: unknown, lang: Lang): ExportValue | undefined {
  if (typeof value === 'boolean') return value ? t('yesWord', lang) : t('noWord', lang);
  if (typeof value !== 'string') return undefined;
  const table = WORDS[key];
  if (table?.[value]) return table[value]![lang];
  if (key === 'funnel' && FUNNEL_KEYS.has(value)) return t(value as StringKey, lang);
  return undefined;
}

/** Keys in first-seen order, with `name` moved beside `township` (added from `names` when absent). */
function keysOf(rows: readonly Record<string, unknown>[], withNames: boolean): string[] {
  const keys: string[] = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!keys.includes(k)) keys.push(k);
  const hasTownship = keys.includes('township');
  const rest = keys.filter((k) => k !== 'name' && k !== 'smallLabel' && k !== 'dash');
  if (!hasTownship) return keys.includes('name') ? ['name', ...rest] : rest;
  const at = rest.indexOf('township');
  return (keys.includes('name') || withNames) ? [...rest.slice(0, at + 1), 'name', ...rest.slice(at + 1)] : rest;
}

/** A value's unit as a column header says it (数值（‰）); none where the unit is not one word (a ratio). */
const UNIT_WORDS: Record<string, { zh: string; en: string }> = {
  '%': { zh: '%', en: '%' }, '‰': { zh: '‰', en: '‰' }, persons: { zh: '人', en: 'persons' }, births: { zh: '人', en: 'persons' },
  couples: { zh: '对', en: 'couples' }, years: { zh: '岁', en: 'years' }, 'children per woman': { zh: '个/妇女', en: 'children per woman' },
};
/** Columns in the value's unit, whose header says it. */
const IN_UNIT = new Set(['value', 'previous', 'lo', 'hi', 'lo2', 'hi2', 'deterministic']);

function headerOf(key: string, unit: string | undefined, lang: Lang): string {
  const word = unit ? UNIT_WORDS[unit]?.[lang] : undefined;
  // a TFR's parts say what they are: a planner dividing one by the other would not get the TFR
  const header = unit === 'children per woman' && (key === 'numerator' || key === 'denominator') ? csvHeader(`tfr_${key}`, lang) : csvHeader(key, lang);
  return word && IN_UNIT.has(key) ? `${header}${paren(word, lang)}` : header;
}

export function exportTable(rows: readonly Record<string, unknown>[], o: ExportOptions): ExportTable {
  const keys = keysOf(rows, o.names !== undefined);
  const decimals = keys.map((k) => decimalsFor(k, o.unit, rows.map((r) => r[k]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v))));
  const out = rows.map((r) => keys.map((k, i): ExportValue => {
    let v = r[k];
    if (k === 'name' && v === undefined && typeof r.township === 'string' && o.names) v = o.names(r.township);
    if ((k === 'township' || k === 'scope') && v === 'all') return t('countyInRows', o.lang);
    const w = word(k, v, o.lang);
    if (w !== undefined) return w;
    // a single age written as text ('37') is a number in the file (Excel sorts and sums it); 100+ and 0-4 stay text
    if (k === 'age' && typeof v === 'string' && /^\d{1,3}$/.test(v)) return Number(v);
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return null;
      const d = decimals[i];
      return d === undefined ? v : Number(v.toFixed(d));
    }
    return v === null || v === undefined ? null : String(v);
  }));
  return { headers: keys.map((k) => headerOf(k, o.unit, o.lang)), decimals, rows: out };
}

/** A table with the caller's own columns and headers (the 考核 and 多指标对比 tables), for the same CSV/XLSX writers. */
export function columnsTable(rows: readonly Record<string, unknown>[], columns: readonly { key: string; label: string; decimals?: number }[]): ExportTable {
  return {
    headers: columns.map((c) => c.label),
    decimals: columns.map((c) => c.decimals),
    rows: rows.map((r) => columns.map((c): ExportValue => {
      const v = r[c.key];
      if (typeof v === 'number') return Number.isFinite(v) ? (c.decimals === undefined ? v : Number(v.toFixed(c.decimals))) : null;
      return v === null || v === undefined ? null : String(v);
    })),
  };
}

/** RFC 4180 CSV with a BOM for Excel; numbers with their column's decimals; formula-like text neutralised, 3-5 written 3–5. */
export function exportCsv(table: ExportTable): string {
  const cell = (v: ExportValue, d: number | undefined) => {
    if (v === null) return '';
    return typeof v === 'number' ? quoteCsv(d === undefined ? String(v) : v.toFixed(d)) : csvLabel(v);
  };
  const lines = [table.headers.map((h) => cell(h, undefined)).join(','), ...table.rows.map((r) => r.map((v, i) => cell(v, table.decimals[i])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The same table as an XLSX workbook (exceljs, loaded only when a planner asks for one). */
export async function exportXlsx(table: ExportTable, sheet: string): Promise<Blob> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet(sheet.slice(0, 31).replace(/[\\/?*[\]:]/g, '_'));
  ws.addRow(table.headers).font = { bold: true };
  for (const r of table.rows) ws.addRow(r.map((v) => (typeof v === 'string' ? formulaSafe(v) : v)));
  table.decimals.forEach((d, i) => {
    if (d !== undefined) ws.getColumn(i + 1).numFmt = d === 0 ? '#,##0' : `#,##0.${'0'.repeat(d)}`;
    ws.getColumn(i + 1).width = Math.max(8, Math.min(30, [...table.headers[i]!].length * 2 + 2));
  });
  return new Blob([await book.xlsx.writeBuffer()], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}
