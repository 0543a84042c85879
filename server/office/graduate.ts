/**
 * @module office/graduate
 * A population table in 5-year age groups (0-4 … 95-99 and 100岁及以上, as census-style tables
 * give it) made single ages for the contract, with the project's Sprague graduation
 * (demography/graduation.ts). Each group's single ages are rounded to whole persons so that
 * they still add up to the group exactly (largest remainders). The data-quality page says the
 * population was graduated.
 *
 * @example
 * if (await isGrouped(connection)) await graduatePopulation(connection, '户籍人口.xlsx#Sheet1');
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { MAX_AGE } from '../../contract/tables.ts';
import { runNamed } from '../db/namedQuery.ts';
import { spragueSplit } from '../demography/graduation.ts';
import { OfficeError } from './OfficeError.ts';

const GROUPS = MAX_AGE / 5; // 20 closed groups, then the open one

/** Whole numbers summing to Math.round(Σ values), each the floor or ceiling of its value. */
export function roundKeepingSum(values: readonly number[]): number[] {
  const total = Math.round(values.reduce((a, b) => a + b, 0));
  const floors = values.map((v) => Math.floor(v));
  let left = total - floors.reduce((a, b) => a + b, 0);
  const order = values.map((v, i) => [v - Math.floor(v), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    floors[i]!++;
    left--;
  }
  return floors;
}

/** True when the current office file (office/source variables set) gives ages in 5-year groups. */
export async function isGrouped(connection: DuckDBConnection, source: string): Promise<boolean> {
  const [r] = await runNamed(connection, 'office/population_grouped', { open_age: MAX_AGE });
  const groups = Number(r?.groups ?? 0);
  if (groups > 0 && Number(r?.other ?? 0) > 0) {
    const example = r?.other_example === null || r?.other_example === undefined ? '（空）' : `“${String(r.other_example)}”`;
    throw new OfficeError('values',
      `${source}：年龄列中既有5岁组（如 0-4）又有单岁或无法识别的年龄（如 ${example}）；5岁组须一直分到“${MAX_AGE}岁及以上”，请统一为一种`, source, 'age');
  }
  return groups > 0;
}

/** Reads the grouped counts, splits each (year, township, sex) into 0..100+, and adds them to office_rows. */
export async function graduatePopulation(connection: DuckDBConnection, source: string): Promise<void> {
  const rows = await runNamed(connection, 'office/population_groups', { open_age: MAX_AGE });
  const series = new Map<string, { year: number; township: string; sex: string; groups: (number | null)[] }>();
  for (const r of rows) {
    const key = `${String(r.year)}|${String(r.township_code)}|${String(r.sex)}`;
    const s = series.get(key) ?? { year: Number(r.year), township: String(r.township_code), sex: String(r.sex), groups: Array<number | null>(GROUPS + 1).fill(null) };
    const from = Number(r.age_from);
    if (from % 5 !== 0 || from > MAX_AGE) throw new OfficeError('values', `${source}：年龄组 ${from} 起不是5岁组（0-4、5-9 … 95-99、100岁及以上）`, source, 'age');
    s.groups[from / 5] = (s.groups[from / 5] ?? 0) + Number(r.n);
    series.set(key, s);
  }
  const out = { years: [] as number[], townships: [] as string[], sexes: [] as string[], ages: [] as number[], counts: [] as number[] };
  for (const s of series.values()) {
    const missing = s.groups.findIndex((g) => g === null);
    if (missing >= 0) {
      const label = missing === GROUPS ? `${MAX_AGE}岁及以上` : `${missing * 5}-${missing * 5 + 4}`;
      throw new OfficeError('values', `${source}：${s.year}年 ${s.township} ${s.sex === 'M' ? '男' : '女'} 缺少年龄组 ${label}`, source, 'age');
    }
    const single = spragueSplit(s.groups as number[]);
    for (let g = 0; g <= GROUPS; g++) {
      const ages = g === GROUPS ? [MAX_AGE] : [0, 1, 2, 3, 4].map((j) => 5 * g + j);
      const whole = g === GROUPS ? [s.groups[g]!] : roundKeepingSum(ages.map((a) => single[a]!));
      ages.forEach((age, j) => {
        out.years.push(s.year);
        out.townships.push(s.township);
        out.sexes.push(s.sex);
        out.ages.push(age);
        out.counts.push(whole[j]!);
      });
    }
  }
  await runNamed(connection, 'office/population_insert', { ...out, file: `${source}（5岁组分解为单岁）` });
}
