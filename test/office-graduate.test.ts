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
import { openAgeShares } from '../server/office/openAgeGroup.ts';
import { prepareOffice, stageOffice } from '../server/office/normalise.ts';
import { planOffice } from '../server/office/plan.ts';
import { ingest } from '../server/ingest/ingest.ts';
import { startServer } from '../server/server.ts';
import { suggestTiny, writeCorrectedProfile, writeTinyOffice } from './fixtures/tinyOffice.ts';
import { tempDir, withDbFile, withMemoryDb } from './helpers.ts';

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
      // 21 groups × 2 sexes = 42 lines in the file, 2 × 101 single ages after
      expect(await stagePopulation(c, dir)).toEqual({ graduated: true, openAgeFrom: [], linesAdded: 0, emptyFiles: [], files: [path.join(dir, 'x.renkou-work', 'population.0.parquet')], lines: 42 });
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
    // 读取 is the file's 2 townships × 21 groups × 2 sexes = 84 lines; they became 2 × 2 × 101 records
    expect(report.tables.find((t) => t.table === 'population')).toMatchObject({ graduated: true, rowsRead: 84, records: 404, rowsAccepted: 404 });
    const server = await startServer({ dbPath, port: 0, usersFile: path.join(folder, 'no-users.json'), auditFile: path.join(folder, 'audit.log') });
    try {
      expect(((await (await fetch(`${server.url}/api/meta`)).json()) as { populationGraduated: boolean }).populationGraduated).toBe(true);
      expect(((await (await fetch(`${server.url}/api/meta`)).json()) as { populationOpenAgeFrom: number[] }).populationOpenAgeFrom).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('counts a wide 5-year table by its lines: 2 years × 21 groups, 男 and 女 on each line, an empty line left out', async () => {
    const wide = tempDir('graduate-wide');
    const lines = ['年度,乡镇（街道）代码,年龄,男,女'];
    for (const year of [2023, 2024]) for (let g = 0; g <= 20; g++) lines.push(`${year},999901001,${g === 20 ? '100岁及以上' : `${5 * g}-${5 * g + 4}`},${200 - 9 * g},${210 - 9 * g}`);
    lines.push(',,,,');
    writeFileSync(path.join(wide, '户籍人口.csv'), `${lines.join('\n')}\n`);
    await withMemoryDb(async (c) => {
      expect((await stagePopulation(c, wide)).lines).toBe(42);
      expect(Number((await c.runAndReadAll('SELECT count(*) FROM src')).getRows()[0]![0])).toBe(2 * 2 * 101);
    });
  });

  it('shares an open group below 100 (85岁及以上) over 85 … 100+ by the model life table, keeping its total', async () => {
    // 5-year groups to 85+ (graduated), and single ages to 85+ (as written), in two folders
    const grouped = tempDir('graduate-85');
    const lines = ['年度,乡镇（街道）代码,性别,年龄,人数'];
    for (let g = 0; g < 17; g++) lines.push(`2024,999901001,男,${5 * g}-${5 * g + 4}岁,${1000 - 40 * g}`);
    lines.push('2024,999901001,男,85岁及以上,4321', '2024,999901001,男,合计,99999'); // a total line: left out, not a mixed table
    writeFileSync(path.join(grouped, '户籍人口.csv'), `${lines.join('\n')}\n`);
    const single = tempDir('single-85');
    const ages = ['年度,乡镇（街道）代码,年龄,男,女'];
    for (let a = 0; a < 85; a++) ages.push(`2024,999901001,${a === 0 ? '不满1岁' : a},${100 + a},${200 + a}`);
    ages.push('2024,999901001,85+,2500,3700', '2024,999901001,合计,1,1');
    writeFileSync(path.join(single, '户籍人口.csv'), `${ages.join('\n')}\n`);
    for (const [folder, sex, open, below] of [[grouped, 'M', 4321, 360], [single, 'F', 3700, 1410]] as const) {
      await withMemoryDb(async (c) => {
        expect((await stagePopulation(c, folder)).openAgeFrom).toEqual([85]);
        const rows = (await c.runAndReadAll(`SELECT age, count FROM src WHERE sex = '${sex}' AND age IS NOT NULL AND age <= 100 ORDER BY age`)).getRowObjectsJson() as { age: number; count: number }[];
        const old = rows.filter((r) => r.age >= 85);
        expect(old.map((r) => r.age)).toEqual(Array.from({ length: 16 }, (_, k) => 85 + k));
        expect(old.reduce((a, r) => a + r.count, 0)).toBe(open); // the group's total, exactly
        // the ages under it as they were: 80–84 hold their group (1000 − 40·16) or their single ages (Σ 200 + 80 … 84)
        expect(rows.filter((r) => r.age >= 80 && r.age < 85).reduce((a, r) => a + r.count, 0)).toBe(below);
        // a stationary population: fewer at each older age to 99 (100+ is open), each 4–30% fewer than the one before up to 95
        for (let k = 1; k < 11; k++) expect(old[k]!.count / old[k - 1]!.count).toBeGreaterThan(0.7);
        for (let k = 1; k < 15; k++) expect(old[k]!.count).toBeLessThanOrEqual(old[k - 1]!.count);
        // its mean age: 85 plus about e85 (China 2020: 6–7 years), less half a year
        const mean = old.reduce((a, r) => a + r.count * (r.age + 0.5), 0) / open;
        expect(mean).toBeGreaterThan(89);
        expect(mean).toBeLessThan(92.5);
      });
    }
    // imported, /api/meta says so for the quality page's note
    await writeTinyOffice(grouped);
    writeFileSync(path.join(grouped, '户籍人口.csv'), `${lines.join('\n')}\n`);
    writeCorrectedProfile(grouped, await suggestTiny(grouped));
    const dbPath = path.join(grouped, 'tiny.duckdb');
    const report = await ingest({ source: grouped, dbPath, today: '2026-11-23', keepVersions: 0 });
    expect(report.tables.find((t) => t.table === 'population')).toMatchObject({ graduated: true, openAgeFrom: [85] });
    const server = await startServer({ dbPath, port: 0, usersFile: path.join(grouped, 'no-users.json'), auditFile: path.join(grouped, 'audit.log') });
    try {
      expect(((await (await fetch(`${server.url}/api/meta`)).json()) as { populationOpenAgeFrom: number[] }).populationOpenAgeFrom).toEqual([85]);
    } finally {
      await server.close();
    }
    const shares = openAgeShares('F', 2024, 85);
    expect(shares).toHaveLength(16);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(openAgeShares('M', 2024, 100)).toEqual([1]);
  });

  it('quarantines a bad 85+ line as its parts, and leaves out a 其中 60岁及以上 memo beside the single ages', async () => {
    const folder = tempDir('open-age-import');
    await writeTinyOffice(folder);
    const lines = ['年度,乡镇（街道）代码,年龄,男,女'];
    for (const town of ['999901001', '999901201']) {
      for (let a = 0; a < 85; a++) lines.push(`2024,${town},${a},10,10`);
      lines.push(`2024,${town},85岁及以上,160,320`);
    }
    lines.push('2024,999901999,85岁及以上,16,16'); // a township not in the regions file
    writeFileSync(path.join(folder, '户籍人口.csv'), `${lines.join('\n')}\n`);
    writeCorrectedProfile(folder, await suggestTiny(folder));
    const dbPath = path.join(folder, 'tiny.duckdb');
    const report = await ingest({ source: folder, dbPath, today: '2026-11-23', keepVersions: 0 });
    // 2 townships × (85 ages + 16 shared parts) × 2 sexes accepted; the bad line's 16 parts × 2 sexes quarantined, once each
    expect(report.tables.find((t) => t.table === 'population')).toMatchObject({ rowsRead: 173, rowsAccepted: 404, quarantined: { unknown_township: 32 }, openAgeFrom: [85] });
    await withDbFile(dbPath, async (c) => {
      expect((await c.runAndReadAll("SELECT sex::VARCHAR AS sex, sum(count)::INTEGER AS n FROM population WHERE age >= 85 GROUP BY ALL ORDER BY ALL")).getRowObjectsJson())
        .toEqual([{ sex: 'F', n: 640 }, { sex: 'M', n: 320 }]);
    });

    // single ages 0 … 100+ with a 其中 line: the memo is no more people
    const memo = ['年度,乡镇（街道）代码,年龄,男,女'];
    for (const town of ['999901001', '999901201']) {
      for (let a = 0; a <= 100; a++) memo.push(`2024,${town},${a === 100 ? '100岁及以上' : a},10,10`);
      memo.push(`2024,${town},60岁及以上,410,410`);
    }
    writeFileSync(path.join(folder, '户籍人口.csv'), `${memo.join('\n')}\n`);
    const again = await ingest({ source: folder, dbPath, today: '2026-11-23', keepVersions: 0 });
    expect(again.tables.find((t) => t.table === 'population')).toMatchObject({ rowsRead: 204, rowsAccepted: 404, quarantined: {}, totalLines: 2 });
    expect(again.tables.find((t) => t.table === 'population')!.openAgeFrom).toBeUndefined();
  });

  it('adds a 5-year table\'s village lines as a single-age table\'s: subtotals, 小计 and exact copies left out', async () => {
    const villages = tempDir('graduate-villages');
    const lines = ['年度,统计用区划代码,村（居）委会,性别,年龄,人数'];
    for (let g = 0; g <= 20; g++) {
      const label = g === 20 ? '100岁及以上' : `${5 * g}-${5 * g + 4}`;
      lines.push(`2024,999901001001,东村,男,${label},40`, `2024,999901001002,西村,男,${label},30`,
        `2024,999901001000,,男,${label},70`, `2024,999901001,小计,男,${label},70`);
    }
    lines.push(lines[1]!); // 东村's 0-4 pasted twice
    writeFileSync(path.join(villages, '户籍人口.csv'), `${lines.join('\n')}\n`);
    await withMemoryDb(async (c) => {
      expect((await stagePopulation(c, villages)).graduated).toBe(true);
      const rows = (await c.runAndReadAll('SELECT age, count FROM src ORDER BY age')).getRowObjectsJson() as { age: number; count: number }[];
      for (let g = 0; g < 20; g++) expect(rows.slice(5 * g, 5 * g + 5).reduce((a, r) => a + r.count, 0), `group ${g}`).toBe(70);
      expect(rows[100]).toEqual({ age: 100, count: 70 });
    });
  });

  it('refuses an open group too low to share out, and two open groups in one table', async () => {
    const low = tempDir('graduate-55');
    const lines = ['年度,乡镇（街道）代码,性别,年龄,人数'];
    for (let g = 0; g < 11; g++) lines.push(`2024,999901001,男,${5 * g}-${5 * g + 4}岁,100`);
    lines.push('2024,999901001,男,55岁及以上,40');
    writeFileSync(path.join(low, '户籍人口.csv'), `${lines.join('\n')}\n`);
    await withMemoryDb((c) => expect(stagePopulation(c, low)).rejects.toThrow(
      '户籍人口.csv：最高年龄组是“55岁及以上”，太低，无法分到各岁（需到 60 岁及以上或更高，最好到 100岁及以上）'));
    writeFileSync(path.join(low, '户籍人口.csv'), `${[...lines.slice(0, -1), '2024,999901001,男,55-59,1', '2024,999901001,男,60岁及以上,4', '2024,999901001,男,100岁及以上,4'].join('\n')}\n`);
    await withMemoryDb((c) => expect(stagePopulation(c, low)).rejects.toThrow(
      '户籍人口.csv：年龄列中有不止一个最高年龄组（60岁及以上、100岁及以上），请统一为一种'));
  });
});
