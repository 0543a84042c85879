/**
 * A population table in 5-year groups (0-4 … 95-99, 100岁及以上) becomes single ages 0..100: each
 * group's single ages add up to the group exactly, each is the Sprague value rounded up or down,
 * and rounding keeps totals (hand-worked: 1.4, 1.4, 1.2 → 2, 1, 1).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { TABLES } from '../contract/tables.ts';
import { spragueSplit } from '../server/demography/graduation.ts';
import { roundKeepingSum } from '../server/office/graduate.ts';
import { prepareOffice, stageOffice } from '../server/office/normalise.ts';
import { planOffice } from '../server/office/plan.ts';
import { ingest } from '../server/ingest/ingest.ts';
import { startServer } from '../server/server.ts';
import { suggestTiny, writeCorrectedProfile, writeTinyOffice } from './fixtures/tinyOffice.ts';
import { tempDir, withMemoryDb } from './helpers.ts';

/** Plans the folder's office files and stages its population table into `src`, as an import does. */
async function stagePopulation(c: DuckDBConnection, folder: string) {
  const work = path.join(folder, 'x.renkou-work');
  const plan = await planOffice(c, folder, work);
  await prepareOffice(c, {}, 's');
  return stageOffice(c, TABLES.population, plan!.byTable.population!, work, plan!.copies);
}

describe('5-year population groups', () => {
  const dir = tempDir('graduate');

  it('rounds keeping the sum', () => {
    expect(roundKeepingSum([1.4, 1.4, 1.2])).toEqual([2, 1, 1]);
    expect(roundKeepingSum([0.5, 0.5])).toEqual([1, 0]);
    expect(roundKeepingSum([3, 7])).toEqual([3, 7]);
  });

  it('graduates each sex to single ages that add up to every group', async () => {
    const groups = [600, 620, 700, 760, 800, 820, 780, 760, 740, 700, 650, 600, 520, 430, 330, 230, 140, 70, 30, 10, 3];
    const lines = ['年度,乡镇（街道）代码,性别,年龄,人数'];
    groups.forEach((n, g) => {
      const label = g === 20 ? '100岁及以上' : `${5 * g}-${5 * g + 4}岁`;
      lines.push(`2024,999901001,男,${label},${n}`, `2024,999901001,女,${label},${n + 10}`);
    });
    writeFileSync(path.join(dir, '户籍人口.csv'), `${lines.join('\n')}\n`);
    await withMemoryDb(async (c) => {
      expect(await stagePopulation(c, dir)).toEqual({ graduated: true, emptyFiles: [], files: [path.join(dir, 'x.renkou-work', 'population.0.parquet')] });
      const rows = (await c.runAndReadAll('SELECT sex, age, count FROM src ORDER BY sex, age')).getRowObjectsJson() as { sex: string; age: number; count: number }[];
      expect(rows).toHaveLength(2 * 101);
      for (const [sex, shift] of [['M', 0], ['F', 10]] as const) {
        const mine = rows.filter((r) => r.sex === sex);
        const want = groups.map((n) => n + shift);
        const single = spragueSplit(want);
        for (let g = 0; g < 20; g++) {
          const part = mine.slice(5 * g, 5 * g + 5);
          expect(part.reduce((a, r) => a + r.count, 0), `${sex} group ${g}`).toBe(want[g]);
          part.forEach((r, j) => expect(Math.abs(r.count - single[5 * g + j]!)).toBeLessThan(1));
        }
        expect(mine[100]).toEqual({ sex, age: 100, count: want[20] });
      }
    });
  });

  it('is said by /api/meta after the import, for the quality page\'s note', async () => {
    const folder = tempDir('graduate-meta');
    await writeTinyOffice(folder);
    const lines = ['年度,乡镇（街道）代码,性别,年龄,人数'];
    for (const township of ['999901001', '999901201']) {
      for (let g = 0; g <= 20; g++) for (const sex of ['男', '女']) lines.push(`2024,${township},${sex},${g === 20 ? '100岁及以上' : `${5 * g}-${5 * g + 4}`},${100 - 4 * g}`);
    }
    writeFileSync(path.join(folder, '户籍人口.csv'), `${lines.join('\n')}\n`);
    writeCorrectedProfile(folder, await suggestTiny(folder));
    const dbPath = path.join(folder, 'tiny.duckdb');
    const report = await ingest({ source: folder, dbPath, today: '2026-11-23', keepVersions: 0 });
    expect(report.tables.find((t) => t.table === 'population')).toMatchObject({ graduated: true, rowsAccepted: 2 * 2 * 101 });
    const server = await startServer({ dbPath, port: 0, usersFile: path.join(folder, 'no-users.json'), auditFile: path.join(folder, 'audit.log') });
    try {
      expect(((await (await fetch(`${server.url}/api/meta`)).json()) as { populationGraduated: boolean }).populationGraduated).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('refuses groups that stop short of the open age, naming the age that does not fit', async () => {
    const short = tempDir('graduate-85');
    const lines = ['年度,乡镇（街道）代码,性别,年龄,人数'];
    for (let g = 0; g < 17; g++) lines.push(`2024,999901001,男,${5 * g}-${5 * g + 4}岁,100`);
    lines.push('2024,999901001,男,85岁及以上,40');
    writeFileSync(path.join(short, '户籍人口.csv'), `${lines.join('\n')}\n`);
    await withMemoryDb((c) => expect(stagePopulation(c, short)).rejects.toThrow(
      '户籍人口.csv：年龄列中既有5岁组（如 0-4）又有单岁或无法识别的年龄（如 “85岁及以上”）；5岁组须一直分到“100岁及以上”，请统一为一种'));
  });
});
