/**
 * @module targets/file
 * The targets file in the export folder (`targets.csv`, Chinese headers): one target a row —
 * 指标 (a measure's name or id), 乡镇 (全县, a township's name or 9-digit code), 年度 (a year, or
 * empty for every year), 目标值 (`99`, `≥99%`, `≤107`, `103-107`) and optionally 方向 (不低于 /
 * 不高于 / 区间) and 上限. A row that cannot be read stops the import with the file, line and
 * column named: a wrong target must not silently become the default.
 *
 * The file is read by the office-file reader (office/tabular: CSV in UTF-8 or GB18030/GBK,
 * detected; .xlsx with its first sheet, date cells and a title row above the header handled) and
 * its headers compared as office/headers compares every office header (normaliseHeader).
 */
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { normaliseHeader } from '../office/headers.ts';
import { readWholeTable } from '../office/tabular.ts';
import type { Target } from './book.ts';
import { measureByName, targetValueProblem, type Direction } from './measures.ts';

export { findTargetsFile, TARGET_FILES } from './fileNames.ts';

export class TargetFileError extends Error {
  override readonly name = 'TargetFileError';
}

const HEADERS: Record<'measure' | 'scope' | 'year' | 'value' | 'direction' | 'upper', readonly string[]> = {
  measure: ['指标', '指标名称', '考核指标', '项目', 'indicator', 'measure'],
  scope: ['乡镇', '乡镇街道', '乡镇名称', '乡镇代码', '地区', '单位', '范围', '区划代码', 'township', 'scope'],
  year: ['年度', '年份', '年', 'year'],
  value: ['目标值', '目标', '指标值', '计划值', 'value', 'target'],
  direction: ['方向', '要求', '考核要求', '类型', 'direction'],
  upper: ['上限', '目标上限', 'upper'],
};
type Column = keyof typeof HEADERS;

const DIRECTION_WORDS: [RegExp, Direction][] = [
  [/^(不低于|不少于|以上|至少|≥|>=|at_least)$/i, 'at_least'],
  [/^(不高于|不超过|不多于|以下|至多|≤|<=|at_most)$/i, 'at_most'],
  [/^(区间|范围内|之间|between)$/i, 'between'],
];

function columnsOf(header: readonly string[], file: string): Map<Column, number> {
  const found = new Map<Column, number>();
  header.forEach((cell, i) => {
    const name = normaliseHeader(cell);
    for (const [column, names] of Object.entries(HEADERS) as [Column, readonly string[]][]) {
      if (!found.has(column) && names.some((n) => normaliseHeader(n) === name)) found.set(column, i);
    }
  });
  for (const column of ['measure', 'scope', 'value'] as const) {
    if (!found.has(column)) {
      throw new TargetFileError(`${file}：没有“${HEADERS[column][0]}”列（读到的列：${header.join('、')}；可用的列名：${HEADERS[column].join(' / ')}）`);
    }
  }
  return found;
}

/** `≥99%` → at least 99; `103-107` → between; a bare number takes the 方向 column or the measure's default direction. */
function parseValue(text: string, directionText: string, upperText: string, fallback: Direction, where: (col: string) => string): { direction: Direction; value: number; upper: number | null } {
  const cleaned = text.replace(/[%‰\s]/g, '').replace(/[－—–~～至]/g, '-');
  const band = /^(-?\d+(?:\.\d+)?)-(-?\d+(?:\.\d+)?)$/.exec(cleaned);
  if (band) {
    const [lo, hi] = [Number(band[1]), Number(band[2])];
    if (lo > hi) throw new TargetFileError(`${where('目标值')}：区间 ${text} 的下限大于上限`);
    return { direction: 'between', value: lo, upper: hi };
  }
  const prefixed = /^(≥|>=|≤|<=)?(-?\d+(?:\.\d+)?)$/.exec(cleaned);
  if (!prefixed) throw new TargetFileError(`${where('目标值')}：“${text}”不是目标值（例如 99、≥99%、≤107、103-107）`);
  const value = Number(prefixed[2]);
  let direction: Direction = prefixed[1] === '≥' || prefixed[1] === '>=' ? 'at_least' : prefixed[1] ? 'at_most' : fallback;
  if (!prefixed[1] && directionText) {
    const word = DIRECTION_WORDS.find(([re]) => re.test(directionText.trim()));
    if (!word) throw new TargetFileError(`${where('方向')}：“${directionText}”应为 不低于、不高于 或 区间`);
    direction = word[1];
  }
  if (direction !== 'between') return { direction, value, upper: null };
  const upper = Number(upperText.replace(/[%‰\s]/g, ''));
  if (!upperText || !Number.isFinite(upper) || upper < value) throw new TargetFileError(`${where('上限')}：区间目标需要不小于 ${value} 的上限，不能是“${upperText}”`);
  return { direction, value, upper };
}

export interface Places {
  /** Township code → name. */
  readonly names: ReadonlyMap<string, string>;
}

/** Targets from the file's rows (the first row is the header). */
export function parseTargets(rows: readonly (readonly string[])[], file: string, places: Places): Target[] {
  if (rows.length === 0) throw new TargetFileError(`${file}：文件为空（需要表头行：指标、乡镇、年度、目标值）`);
  const columns = columnsOf(rows[0]!, file);
  const byName = new Map([...places.names].map(([code, name]) => [name, code]));
  const seen = new Map<string, number>();
  const cell = (row: readonly string[], c: Column) => (columns.has(c) ? (row[columns.get(c)!] ?? '').trim() : '');
  return rows.slice(1).map((row, i) => {
    const line = i + 2;
    const where = (col: string) => `${file} 第 ${line} 行“${col}”列`;
    const measure = measureByName(cell(row, 'measure'));
    if (!measure) throw new TargetFileError(`${where('指标')}：不认识的指标“${cell(row, 'measure')}”`);
    const scopeText = cell(row, 'scope');
    const scope = ['全县', '全区', '全市', '合计', 'all', ''].includes(scopeText) ? 'all'
      : /^\d{9}$/.test(scopeText) && places.names.has(scopeText) ? scopeText : byName.get(scopeText);
    if (!scope) throw new TargetFileError(`${where('乡镇')}：“${scopeText}”既不是全县，也不是本县的乡镇（名称或9位代码）`);
    const yearText = cell(row, 'year').replace(/年$/, '');
    const year = yearText === '' ? null : Number(yearText);
    if (year !== null && !(Number.isInteger(year) && year >= 1990 && year <= 2100)) throw new TargetFileError(`${where('年度')}：“${yearText}”不是年份`);
    const rule = parseValue(cell(row, 'value'), cell(row, 'direction'), cell(row, 'upper'), measure.fallback?.direction ?? 'at_least', where);
    const outside = targetValueProblem(measure, rule.value, rule.upper);
    if (outside) throw new TargetFileError(`${where('目标值')}：${outside}`);
    const key = `${measure.id}|${scope}|${year}`;
    if (seen.has(key)) throw new TargetFileError(`${where('指标')}：同一目标（${measure.name.zh}，${scopeText || '全县'}，${year ?? '每年'}）在第 ${seen.get(key)} 行已有`);
    seen.set(key, line);
    return { measure: measure.id, scope, year, ...rule, source: 'file', by: `${path.basename(file)}:${line}` };
  });
}

/** A targets file has a row per measure, township and year: far fewer than this. */
const MAX_TARGET_ROWS = 100_000;

/** Reads and checks the targets file; `work` is the import's work folder (a GB18030 file is decoded there). */
export async function readTargetsFile(connection: DuckDBConnection, file: string, work: string, places: Places): Promise<Target[]> {
  const rows = await readWholeTable(connection, path.dirname(file), path.basename(file), work, MAX_TARGET_ROWS);
  return parseTargets(rows, file, places);
}
