/**
 * @module office/graduate
 * A population table in 5-year age groups (0-4 … 95-99 and 100岁及以上, as census-style tables
 * give it, or up to an open group such as 85岁及以上) made single ages for the contract, with the
 * project's Sprague graduation (demography/graduation.ts) and, for an open group below 100, the
 * model life table's shares (office/openAgeGroup). Each group's single ages are rounded to whole
 * persons so that they still add up to the group exactly (largest remainders). The data-quality
 * page says the population was graduated.
 *
 * @example
 * const { grouped, openFrom } = await groupedAges(connection, '户籍人口.xlsx#Sheet1');
 * if (grouped) await graduatePopulation(connection, '户籍人口.xlsx#Sheet1', openFrom);
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { MAX_AGE } from '../../contract/tables.ts';
import { runNamed } from '../db/namedQuery.ts';
import { spragueSplit } from '../demography/graduation.ts';
import { OfficeError } from './OfficeError.ts';
import { checkOpenAge, openAgeShares } from './openAgeGroup.ts';

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

/**
 * Whether the current office file (office/source variables set) gives ages in 5-year groups, and the
 * first age of its open group: 100 (100岁及以上), or lower when the table says so (85岁及以上).
 */
export async function groupedAges(connection: DuckDBConnection, source: string): Promise<{ grouped: boolean; openFrom: number }> {
  const groups = Number((await runNamed(connection, 'office/population_grouped'))[0]?.groups ?? 0);
  if (groups === 0) return { grouped: false, openFrom: MAX_AGE };
  const [r] = await runNamed(connection, 'office/population_group_layout', { open_age: MAX_AGE });
  if (Number(r?.other ?? 0) > 0) {
    const example = r?.other_example === null || r?.other_example === undefined ? '（空）' : `“${String(r.other_example)}”`;
    throw new OfficeError('values',
      `${source}：年龄列中既有5岁组（如 0-4）又有单岁或无法识别的年龄（如 ${example}）；5岁组须一直分到最高年龄组（如“${MAX_AGE}岁及以上”“85岁及以上”），请统一为一种`, source, 'age');
  }
  const opens = (Array.isArray(r?.open_from) ? r.open_from : []).map(Number).sort((a, b) => a - b);
  if (opens.length > 1) {
    throw new OfficeError('values', `${source}：年龄列中有不止一个最高年龄组（${opens.map((a) => `${a}岁及以上`).join('、')}），请统一为一种`, source, 'age');
  }
  const openFrom = opens[0] ?? MAX_AGE;
  if (openFrom % 5 !== 0) throw new OfficeError('values', `${source}：最高年龄组“${openFrom}岁及以上”不是从5岁组的起点开始`, source, 'age');
  checkOpenAge(openFrom, source);
  return { grouped: true, openFrom };
}

/**
 * Reads the grouped counts, splits each (year, township, sex) into 0..100+ — the closed groups by
 * Sprague, an open group below 100 by the model life table (office/openAgeGroup) — and writes them.
 */
export async function graduatePopulation(connection: DuckDBConnection, source: string, openFrom: number): Promise<void> {
  const groups = openFrom / 5; // closed groups, then the open one
  const rows = await runNamed(connection, 'office/population_groups', { open_age: MAX_AGE });
  const series = new Map<string, { year: number; township: string; sex: string; groups: (number | null)[] }>();
  for (const r of rows) {
    const key = `${String(r.year)}|${String(r.township_code)}|${String(r.sex)}`;
    const s = series.get(key) ?? { year: Number(r.year), township: String(r.township_code), sex: String(r.sex), groups: Array<number | null>(groups + 1).fill(null) };
    const from = Number(r.age_from);
    if (from % 5 !== 0 || from > openFrom) throw new OfficeError('values', `${source}：年龄组 ${from} 起不是5岁组（0-4、5-9 … ${openFrom - 5}-${openFrom - 1}、${openFrom}岁及以上）`, source, 'age');
    s.groups[from / 5] = (s.groups[from / 5] ?? 0) + Number(r.n);
    series.set(key, s);
  }
  const out = { years: [] as number[], townships: [] as string[], sexes: [] as string[], ages: [] as number[], counts: [] as number[] };
  const push = (s: { year: number; township: string; sex: string }, age: number, count: number) => {
    out.years.push(s.year);
    out.townships.push(s.township);
    out.sexes.push(s.sex);
    out.ages.push(age);
    out.counts.push(count);
  };
  for (const s of series.values()) {
    const missing = s.groups.findIndex((g) => g === null);
    if (missing >= 0) {
      const label = missing === groups ? `${openFrom}岁及以上` : `${missing * 5}-${missing * 5 + 4}`;
      throw new OfficeError('values', `${source}：${s.year}年 ${s.township} ${s.sex === 'M' ? '男' : '女'} 缺少年龄组 ${label}`, source, 'age');
    }
    const single = spragueSplit(s.groups as number[]);
    for (let g = 0; g < groups; g++) {
      const ages = [0, 1, 2, 3, 4].map((j) => 5 * g + j);
      const whole = roundKeepingSum(ages.map((a) => single[a]!));
      ages.forEach((age, j) => push(s, age, whole[j]!));
    }
    const open = s.groups[groups]!;
    const shares = openFrom === MAX_AGE ? [1] : openAgeShares(s.sex === 'M' ? 'M' : 'F', s.year, openFrom);
    roundKeepingSum(shares.map((share) => share * open)).forEach((count, k) => push(s, openFrom + k, count));
  }
  await runNamed(connection, 'office/population_insert', { ...out, file: `${source}（5岁组分解为单岁）` });
}
