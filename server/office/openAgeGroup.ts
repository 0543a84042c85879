/**
 * @module office/openAgeGroup
 * A population table whose oldest group ends below 100 (85岁及以上, 90+) — single ages or 5-year
 * groups — made the single ages to 100+ that the contract and the projection need. The group's
 * count is shared as the stationary population of the model life table (projection/mortality: the
 * Brass family at China's e0 for the table's year, by sex) aged from the group's first age:
 * L(x) = (l(x) + l(x+1)) / 2 for x < 100 and T(100) = l(100) / m(100) for 100+. Each part is rounded
 * and the parts add up to the group. Stored as a table would otherwise be read (85岁及以上 as age
 * 85), the whole group would be 85-year-olds: the projection would age them all together.
 *
 * @example
 * openAgeShares('F', 2024, 85); // 16 shares for 85 … 99 and 100+, summing to 1
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { MAX_AGE } from '../../contract/tables.ts';
import { runNamed } from '../db/namedQuery.ts';
import { BrassFamily, defaultE0, lxFromMx, standardMx } from '../projection/mortality.ts';
import { OfficeError } from './OfficeError.ts';

/** Below this the model would make too much of the table's old-age structure (65+, 80+). */
export const LOWEST_OPEN_AGE = 60;

/** Computed once per sex, year and first age: a 5-year table asks for every township's series. */
const sharesMemo = new Map<string, readonly number[]>();

/** Shares of ages from…99 and 100+ in the stationary population of the model life table, summing to 1. */
export function openAgeShares(sex: 'M' | 'F', year: number, from: number): readonly number[] {
  const key = `${sex}|${year}|${from}`;
  const known = sharesMemo.get(key);
  if (known) return known;
  const shares = stationaryShares(sex, year, from);
  sharesMemo.set(key, shares);
  return shares;
}

function stationaryShares(sex: 'M' | 'F', year: number, from: number): number[] {
  const which = sex === 'M' ? 'male' : 'female';
  const m = new BrassFamily(standardMx(which), which).withE0(defaultE0(year)[which]);
  const l = new Float64Array(MAX_AGE + 1);
  lxFromMx(m, which, l);
  const person = (x: number) => (x === MAX_AGE ? l[MAX_AGE]! / m[MAX_AGE]! : (l[x]! + l[x + 1]!) / 2);
  const years = Array.from({ length: MAX_AGE - from + 1 }, (_, k) => person(from + k));
  const total = years.reduce((a, b) => a + b, 0);
  return years.map((v) => v / total);
}

/** Refuses an open group too young to be shared out by a model. */
export function checkOpenAge(from: number, source: string): void {
  if (from < LOWEST_OPEN_AGE) {
    throw new OfficeError('values', `${source}：最高年龄组是“${from}岁及以上”，太低，无法分到各岁（需到 ${LOWEST_OPEN_AGE} 岁及以上或更高，最好到 ${MAX_AGE}岁及以上）`, source, 'age');
  }
}

/**
 * Writes `out`: the staged population file `file` with its open groups below 100 shared over the ages
 * to 100+ and its memo lines left out. Answers the shared groups' first ages; nothing is written when
 * the file has no open line below 100 (then `out` does not exist).
 */
export async function splitOpenAgeGroups(connection: DuckDBConnection, file: string, out: string, source: string): Promise<number[]> {
  const found = await runNamed(connection, 'office/population_open_groups', { file });
  if (found.length === 0) return [];
  // a memo line (其中 60岁及以上 beside the single ages) is left out by the split, not shared
  const groups = found.filter((g) => g.memo !== true);
  const params = { years: [] as number[], sexes: [] as string[], froms: [] as number[], ages: [] as number[], shares: [] as number[] };
  for (const g of groups) {
    const from = Number(g.age_from);
    checkOpenAge(from, source);
    openAgeShares(g.sex === 'M' ? 'M' : 'F', Number(g.year), from).forEach((share, k) => {
      params.years.push(Number(g.year));
      params.sexes.push(String(g.sex));
      params.froms.push(from);
      params.ages.push(from + k);
      params.shares.push(share);
    });
  }
  await runNamed(connection, 'office/population_split_open', { file, out, ...params });
  return [...new Set(groups.map((g) => Number(g.age_from)))].sort((a, b) => a - b);
}
