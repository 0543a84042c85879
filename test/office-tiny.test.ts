/**
 * A small office export end to end without the browser: with one header no system uses (生日),
 * `ingest` refuses to guess and names the column it could not place and `renkou map`; after the
 * planner maps it in renkou-mapping.yaml, the import takes every row but the one with a wrong
 * check digit, and the figures are the hand-counted ones; a targets workbook beside the tables
 * (title row, header variants) is read as targets, not taken for a table.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ingest } from '../server/ingest/ingest.ts';
import { Database } from '../server/db/Database.ts';
import { isIngestError } from '../server/ingest/IngestError.ts';
import { lossMessages } from '../server/ingest/previousImport.ts';
import { yearRanges } from '../contract/imports.ts';
import { RULES } from '../contract/tables.ts';
import { profilePath, writeProfile } from '../server/office/profile.ts';
import { profileEntries } from '../server/office/suggest.ts';
import { checkChar, suggestTiny, TINY_OFFICE, writeCorrectedProfile, writeTinyOffice } from './fixtures/tinyOffice.ts';
import { tempDir, withDbFile } from './helpers.ts';

describe('a small office export', () => {
  const dir = tempDir('tiny-office');
  const db = path.join(dir, 'tiny.duckdb');

  it('stops without a mapping, naming what it could not place', async () => {
    await writeTinyOffice(dir);
    const error = await ingest({ source: dir, dbPath: db, today: '2026-11-23' }).catch((e: unknown) => e);
    expect(isIngestError(error) && error.code).toBe('mapping_needed');
    expect(String((error as Error).message)).toMatch(/出生医学证明\.csv：找不到这些必需列：birth_date（出生日期）/);
    expect(String((error as Error).message)).toContain('renkou map');
  });

  it('imports what the corrected profile says, with the hand-counted figures', async () => {
    const found = await suggestTiny(dir);
    writeProfile(dir, profileEntries(found.map((f) => f.suggestion)));
    const text = readFileSync(profilePath(dir), 'utf8');
    expect(text).toMatch(/生日: ignore # 未能识别/);
    writeFileSync(profilePath(dir), text.replace('生日: ignore', '生日: birth_date'));
    const square = (x: number) => ({ type: 'Polygon', coordinates: [[[x, 30], [x, 30.1], [x + 0.1, 30.1], [x + 0.1, 30], [x, 30]]] });
    writeFileSync(path.join(dir, '乡镇边界.geojson'), JSON.stringify({ type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { 统计用区划代码: '999901001000', 名称: '城关街道' }, geometry: square(114) },
      { type: 'Feature', properties: { 统计用区划代码: '999901201000', 名称: '黄坡乡' }, geometry: square(114.1) },
    ] }));
    // A targets workbook beside the tables, as an office keeps it: a title row, header variants, numbers as number cells.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('2024年目标');
    ws.addRow(['2024年人口计生目标']);
    ws.addRow(['指 标', '乡镇（街道）', '年 份', '目标值', '方向', '上 限']);
    ws.addRow(['户籍人口出生政策符合率', '黄坡乡', 2024, 98.5, '不低于', null]);
    ws.addRow(['出生人口性别比', '全县', null, 103, '区间', 107]);
    writeFileSync(path.join(dir, 'targets.xlsx'), Buffer.from(await wb.xlsx.writeBuffer())); // see fixtures/tinyOffice.ts
    const report = await ingest({ source: dir, dbPath: db, today: '2026-11-23', keepVersions: 0 });
    expect(report.mappingFromProfile).toBe(true);
    const byTable = Object.fromEntries(report.tables.map((t) => [t.table, { accepted: t.rowsAccepted, quarantined: t.quarantined }]));
    expect(byTable).toMatchObject(TINY_OFFICE.expected);
    expect(byTable.regions).toEqual({ accepted: 2, quarantined: {} });

    const check = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
    const c = await check.connect();
    const rows = async (sql: string) => (await c.runAndReadAll(sql)).getRowObjectsJson();
    expect(await rows('SELECT code, county_code, kind FROM regions ORDER BY code')).toEqual([
      { code: '999901001', county_code: '999901', kind: 'subdistrict' }, { code: '999901201', county_code: '999901', kind: 'township' }]);
    expect(await rows("SELECT strftime(birth_date, '%Y-%m-%d') AS b, strftime(mother_birth_date, '%Y-%m-%d') AS m, sex::VARCHAR AS sex, mother_residence::VARCHAR AS mother_residence, policy_status::VARCHAR AS policy_status FROM births ORDER BY 1")).toEqual([
      { b: '2024-03-05', m: '1995-05-01', sex: 'M', mother_residence: 'registered', policy_status: 'compliant' },
      { b: '2024-06-01', m: '1990-01-15', sex: 'F', mother_residence: 'migrant', policy_status: 'noncompliant' },
      { b: '2024-07-10', m: '1998-07-07', sex: 'M', mother_residence: 'registered', policy_status: 'unknown' },
    ]);
    expect(await rows("SELECT table_name, rule, file, file_row::INTEGER AS row, record::JSON->>'birth_id' AS id FROM quarantine")).toEqual([
      { table_name: 'births', rule: 'id_check_digit', file: '出生医学证明.csv', row: 5, id: TINY_OFFICE.spoiledBirth }]);
    expect(await rows('SELECT age, sex::VARCHAR AS sex, count FROM population WHERE year = 2024 AND township_code = \'999901001\' ORDER BY age, sex')).toEqual([
      { age: 0, sex: 'F', count: 12 }, { age: 0, sex: 'M', count: 10 }, { age: 1, sex: 'F', count: 12 }, { age: 1, sex: 'M', count: 10 },
      { age: 100, sex: 'F', count: 12 }, { age: 100, sex: 'M', count: 10 }]);
    expect(await rows("SELECT direction::VARCHAR AS direction, sex::VARCHAR AS sex, origin_code, strftime(birth_date, '%Y-%m-%d') AS b, has_certificate, marital_status::VARCHAR AS marital_status FROM migrants ORDER BY b")).toEqual([
      { direction: 'out', sex: 'M', origin_code: '44', b: '1988-08-08', has_certificate: true, marital_status: 'married' }, // L101
      { direction: 'in', sex: 'M', origin_code: '51', b: '1990-01-01', has_certificate: true, marital_status: 'married' }, // L001
      { direction: 'in', sex: 'F', origin_code: '51', b: '1992-02-02', has_certificate: false, marital_status: 'never_married' }, // L002
    ]);
    expect(await rows("SELECT strftime(registration_date, '%Y-%m-%d') AS d, township_code::VARCHAR AS township_code, husband_prior::VARCHAR AS husband_prior, wife_prior::VARCHAR AS wife_prior FROM marriages ORDER BY 1")).toEqual([
      { d: '2024-02-14', township_code: '999901001', husband_prior: 'never_married', wife_prior: 'never_married' },
      { d: '2024-05-20', township_code: '999901201', husband_prior: 'divorced', wife_prior: 'divorced' },
    ]);
    expect(await rows('SELECT measure, scope, year, direction, value, upper, source_line FROM targets ORDER BY measure')).toEqual([
      { measure: 'compliance_registered', scope: '999901201', year: 2024, direction: 'at_least', value: 98.5, upper: null, source_line: 'targets.xlsx:2' },
      { measure: 'srb', scope: 'all', year: null, direction: 'between', value: 103, upper: 107, source_line: 'targets.xlsx:3' },
    ]);
    const [asset] = await rows("SELECT content FROM assets WHERE name = 'regions.topojson'");
    const topo = JSON.parse(String(asset!.content)) as { type: string; objects: { regions: { geometries: { id: string }[] } } };
    expect(topo.type).toBe('Topology');
    expect(topo.objects.regions.geometries.map((g) => g.id)).toEqual(['999901001', '999901201']);
    c.closeSync();
    check.closeSync();
  });

  it('reads each migrant\'s direction from a 流向 column: a blank one is missing, not the direction the headers suggest', async () => {
    const one = tempDir('tiny-office-direction');
    await writeTinyOffice(one);
    rmSync(path.join(one, '流入人口.csv'));
    rmSync(path.join(one, '流出人口.csv'));
    const id = (body: string) => body + checkChar(body);
    // one file for both directions; its 流入时间 header alone would say 流入 (in)
    writeFileSync(path.join(one, '流动人口.csv'), [
      '流动人口编号,流向,公民身份号码,流入时间,离开时间,现居住地乡镇（街道）代码,户籍地区划代码,婚姻状况,是否持证',
      `L001,流入,${id('51010219900101003')},20200105,,999901001,510000,20,是`,
      `L002,,${id('51010219920202004')},20210310,,999901201,510000,10,否`,
      `L101,流出,${id('99990119880808005')},2019-02-01,,999901201,440000,20,是`,
    ].join('\r\n') + '\r\n');
    const found = await suggestTiny(one);
    expect(found.find((f) => f.suggestion.source === '流动人口.csv')!.suggestion.direction).toBeNull();
    writeCorrectedProfile(one, found);
    const report = await ingest({ source: one, dbPath: path.join(one, 'tiny.duckdb'), today: '2026-11-23', keepVersions: 0 });
    expect(report.tables.find((t) => t.table === 'migrants')).toMatchObject({ rowsRead: 3, rowsAccepted: 2, quarantined: { missing_value: 1 } });
  });

  it('leaves out the empty rows Excel saves (,,,,), keeping the number each row has in its file', async () => {
    const blank = tempDir('tiny-office-blank');
    await writeTinyOffice(blank);
    const gb = (name: string, edit: (lines: string[]) => string[]) => {
      const file = path.join(blank, name);
      const lines = iconv.decode(readFileSync(file), 'gb18030').split('\r\n');
      writeFileSync(file, iconv.encode(edit(lines).join('\r\n'), 'gb18030'));
    };
    const commas = (n: number) => ','.repeat(n - 1);
    // births: an empty row under C2024002 and two under the table; the spoiled birth moves from row 5 to 6 (the header is row 1)
    gb('出生医学证明.csv', (l) => [...l.slice(0, 3), commas(10), ...l.slice(3, -1), commas(10), commas(10), '']);
    // population (wide by sex): one empty row among the rows
    gb('户籍人口.csv', (l) => [...l.slice(0, 5), commas(5), ...l.slice(5)]);
    writeFileSync(path.join(blank, '区划.csv'), readFileSync(path.join(blank, '区划.csv'), 'utf8') + ',\r\n');
    // marriages (Excel): sheet row 4 left empty, and a row with a wrong check character on row 5
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(blank, '婚姻登记.xlsx'));
    const sheet = book.getWorksheet('婚姻登记')!;
    const spoiled = ['J2024003', new Date(Date.UTC(2024, 6, 1)), '999901001000', '陈刚', '999901199001010011', '10', '林芳', '999901199202020022', '10'];
    sheet.getRow(5).values = spoiled;
    sheet.getRow(5).commit();
    writeFileSync(path.join(blank, '婚姻登记.xlsx'), Buffer.from(await book.xlsx.writeBuffer())); // see fixtures/tinyOffice.ts
    writeCorrectedProfile(blank, await suggestTiny(blank));
    const dbPath = path.join(blank, 'tiny.duckdb');
    const report = await ingest({ source: blank, dbPath, today: '2026-11-23', keepVersions: 0 });
    const by = Object.fromEntries(report.tables.map((t) => [t.table, { read: t.rowsRead, accepted: t.rowsAccepted, quarantined: t.quarantined, blank: t.blankRows ?? 0 }]));
    expect(by.births).toEqual({ read: 4, accepted: 3, quarantined: { id_check_digit: 1 }, blank: 3 });
    expect(by.population).toEqual({ read: 12, accepted: 24, quarantined: {}, blank: 1 }); // 12 lines, 男 and 女 on each
    expect(by.regions).toEqual({ read: 2, accepted: 2, quarantined: {}, blank: 1 });
    // the sheet's empty row 4 is kept as an empty line: the spoiled marriage is named on its own row, 5
    expect(by.marriages).toEqual({ read: 3, accepted: 2, quarantined: { id_check_digit: 1 }, blank: 1 });
    await withDbFile(dbPath, async (c) => {
      expect((await c.runAndReadAll("SELECT table_name, file, file_row::INTEGER AS row, coalesce(record::JSON->>'birth_id', record::JSON->>'marriage_id') AS id FROM quarantine ORDER BY 1")).getRowObjectsJson()).toEqual([
        { table_name: 'births', file: '出生医学证明.csv', row: 6, id: TINY_OFFICE.spoiledBirth },
        { table_name: 'marriages', file: '婚姻登记.xlsx#婚姻登记', row: 5, id: 'J2024003' },
      ]);
    });
  });

  it('leaves out a file the mapping lists under ignore: another system\'s list beside the exports', async () => {
    const extra = tempDir('tiny-office-ignore');
    await writeTinyOffice(extra);
    writeFileSync(path.join(extra, '低保对象名册.csv'), '姓名,身份证号码,金额\r\n张三,110101199003071234,300\r\n');
    const found = await suggestTiny(extra);
    expect(found.find((f) => f.suggestion.source === '低保对象名册.csv')!.suggestion.problems).toEqual([
      expect.stringMatching(/^低保对象名册\.csv：无法判断是哪张表.*请设为不导入（映射文件中列入 ignore）/)]);
    // a misspelt entry leaves the file unplaced: the stop names the entry that matched nothing
    writeCorrectedProfile(extra, found, ['低保对象名册.cvs']);
    const stopped = await ingest({ source: extra, dbPath: path.join(extra, 'tiny.duckdb'), today: '2026-11-23', keepVersions: 0 }).catch((e: unknown) => e);
    expect(String((stopped as Error).message)).toContain('\n- 映射文件 ignore: 中的“低保对象名册.cvs”在文件夹中没有这个文件或工作表（名字写错了？');
    writeCorrectedProfile(extra, found, ['低保对象名册.csv']);
    expect(readFileSync(profilePath(extra), 'utf8')).toMatch(/^ignore:\n {2}- 低保对象名册\.csv$/m);
    const report = await ingest({ source: extra, dbPath: path.join(extra, 'tiny.duckdb'), today: '2026-11-23', keepVersions: 0 });
    expect(report.mapping.find((m) => m.source === '低保对象名册.csv')).toMatchObject({ ignored: true, table: null, problems: [] });
    expect(report.tables.find((t) => t.table === 'births')).toMatchObject({ rowsAccepted: TINY_OFFICE.expected.births.accepted });
  });

  it('notes a file that lacks a column another file of its table has: its records will have none', async () => {
    const extra = tempDir('tiny-office-missing-column');
    await writeTinyOffice(extra);
    // last year's births, exported with 分娩地点; this year's file has no such column
    writeFileSync(path.join(extra, '出生医学证明2023.csv'), [
      '出生医学证明编号,性别,生日,孩次,母亲身份证号,户籍性质,政策属性,分娩地点,乡镇（街道）代码',
      `C2023001,1,2023-05-05,1,99990119950501002${checkChar('99990119950501002')},户籍,政策内,医院,999901001`,
    ].join('\r\n') + '\r\n');
    const found = await suggestTiny(extra);
    expect(found.find((f) => f.suggestion.source === '出生医学证明.csv')!.suggestion.notes).toEqual([
      '出生医学证明.csv：没有“分娩地点”列（delivery_place），出生医学证明2023.csv 有：这个文件的记录将没有分娩地点']);
    expect(found.find((f) => f.suggestion.source === '出生医学证明2023.csv')!.suggestion.notes).toBeUndefined();
    // an in-file and an out-file of migrants are not compared with each other
    expect(found.filter((f) => f.suggestion.table === 'migrants').map((f) => f.suggestion.notes)).toEqual([undefined, undefined]);
  });

  it('names a file with a header and no rows under it, and reads the table from the others', async () => {
    const extra = tempDir('tiny-office-header-only');
    await writeTinyOffice(extra);
    const inFile = readFileSync(path.join(extra, '流入人口.csv'));
    // the header line alone, bytes as the office saved them: a month with no in-migrants
    writeFileSync(path.join(extra, '流入人口2.csv'), inFile.subarray(0, inFile.indexOf(0x0a) + 1));
    writeCorrectedProfile(extra, await suggestTiny(extra));
    const report = await ingest({ source: extra, dbPath: path.join(extra, 'tiny.duckdb'), today: '2026-11-23', keepVersions: 0 });
    expect(report.tables.find((t) => t.table === 'migrants')).toMatchObject({ files: 3, rowsRead: 3, rowsAccepted: 3, emptyFiles: ['流入人口2.csv'] });
    expect(report.tables.filter((t) => t.emptyFiles).map((t) => t.table)).toEqual(['migrants']);
  });

  it('reads 年度 written 2024年, and names the column when a whole table cannot be read', async () => {
    const extra = tempDir('tiny-office-years');
    await writeTinyOffice(extra);
    const file = path.join(extra, '户籍人口.csv');
    const rewrite = (edit: (year: string) => string) => {
      const lines = iconv.decode(readFileSync(file), 'gb18030').split('\r\n');
      writeFileSync(file, iconv.encode(lines.map((l, i) => (i === 0 || l === '' ? l : l.replace(/^[^,]+/, edit))).join('\r\n'), 'gb18030'));
    };
    rewrite((y) => `${y}年`);
    writeCorrectedProfile(extra, await suggestTiny(extra));
    const dbPath = path.join(extra, 'tiny.duckdb');
    const read = await ingest({ source: extra, dbPath, today: '2026-11-23', keepVersions: 0, dryRun: true });
    expect(read.tables.find((t) => t.table === 'population')).toMatchObject({ rowsAccepted: 24, quarantined: {} });
    rewrite((y) => (y === '2023年' ? '二〇二三' : '二〇二四'));
    const dry = await ingest({ source: extra, dbPath, today: '2026-11-23', keepVersions: 0, dryRun: true });
    expect(dry.tables.find((t) => t.table === 'population')!.wouldStop).toBe(
      '户籍人口.csv：户籍人口（年末）表的 12 行（24 条记录）全部违反规则（unreadable_value 24；无法识别取值的列：年份（year）24 条记录），没有可导入的数据；请按这些规则和列检查文件，修正后重新导入 — every row of "population" broke a rule');
  });

  it('says when a refresh holds less than half the rows of the last import (an export of the new month only)', async () => {
    const extra = tempDir('tiny-office-fell');
    await writeTinyOffice(extra);
    writeCorrectedProfile(extra, await suggestTiny(extra));
    const dbPath = path.join(extra, 'tiny.duckdb');
    const first = await ingest({ source: extra, dbPath, today: '2026-11-23', keepVersions: 0 });
    expect(first.tables.filter((t) => t.fellFrom !== undefined)).toEqual([]);
    const file = path.join(extra, '出生医学证明.csv');
    const lines = iconv.decode(readFileSync(file), 'gb18030').split('\r\n');
    writeFileSync(file, iconv.encode([lines[0], lines[1], ''].join('\r\n'), 'gb18030')); // the header and one birth
    const dry = await ingest({ source: extra, dbPath, today: '2026-11-23', keepVersions: 0, dryRun: true });
    const births = dry.tables.find((t) => t.table === 'births')!;
    expect(births).toMatchObject({ rowsAccepted: 1, fellFrom: 3 });
    expect(lossMessages(births)).toEqual(['出生（births）：接受 1 行，上次导入为 3 行（少了 67%）。导入替换整张表：若这次的文件只含新的月份，请改为导出全部记录 — 67% fewer rows than the last import']);
    expect(dry.tables.filter((t) => t.fellFrom !== undefined).map((t) => t.table)).toEqual(['births']);
  });

  it('says which migrant direction fell by half and which population years are gone, though the tables did not', async () => {
    const extra = tempDir('tiny-office-parts');
    await writeTinyOffice(extra);
    writeCorrectedProfile(extra, await suggestTiny(extra));
    const dbPath = path.join(extra, 'tiny.duckdb');
    await ingest({ source: extra, dbPath, today: '2026-11-23', keepVersions: 0 }); // 2 in, 1 out; population 2023 and 2024
    const gbLines = (name: string) => iconv.decode(readFileSync(path.join(extra, name)), 'gb18030').split('\r\n');
    const gbWrite = (name: string, lines: string[]) => writeFileSync(path.join(extra, name), iconv.encode(lines.join('\r\n'), 'gb18030'));
    // this month: no in-migrant under its header, three out-migrants (3 migrants as before); population of 2024 only (half the rows)
    const inFile = readFileSync(path.join(extra, '流入人口.csv'));
    writeFileSync(path.join(extra, '流入人口.csv'), inFile.subarray(0, inFile.indexOf(0x0a) + 1));
    const out = gbLines('流出人口.csv');
    gbWrite('流出人口.csv', [out[0]!, out[1]!, out[1]!.replace('L101', 'L102'), out[1]!.replace('L101', 'L103'), '']);
    const population = gbLines('户籍人口.csv');
    gbWrite('户籍人口.csv', population.filter((l, i) => i === 0 || !l.startsWith('2023')));
    const dry = await ingest({ source: extra, dbPath, today: '2026-11-23', keepVersions: 0, dryRun: true });
    const migrants = dry.tables.find((t) => t.table === 'migrants')!;
    expect(migrants).toMatchObject({ rowsAccepted: 3, fellParts: [{ part: 'in', now: 0, before: 2 }] });
    expect(migrants.fellFrom).toBeUndefined();
    const pop = dry.tables.find((t) => t.table === 'population')!;
    expect(pop).toMatchObject({ rowsAccepted: 12, lostYears: [2023] });
    expect(lossMessages(pop)).toEqual(['户籍人口（年末）（population）：上次导入有 2023 年的户籍人口，这次没有；导入后这些年份将没有人口数据，请把各年的文件一并放入 — years 2023 no longer present']);
    expect(lossMessages(migrants)[0]).toMatch(/^流动人口（migrants）：流入人口 0 人，上次导入为 2 人。/);
    expect([yearRanges([2003, 2000, 2001, 2002, 2005]), yearRanges([2024], ', ')]).toEqual(['2000–2003、2005', '2024']);
  });

  it('keeps the county name given once when the next month is imported without one', async () => {
    const extra = tempDir('tiny-office-name');
    await writeTinyOffice(extra);
    writeCorrectedProfile(extra, await suggestTiny(extra));
    const dbPath = path.join(extra, 'tiny.duckdb');
    const nameOf = async () => {
      const check = await DuckDBInstance.create(dbPath, { access_mode: 'READ_ONLY' });
      const c = await check.connect();
      try {
        return (await c.runAndReadAll("SELECT value FROM ingest_meta WHERE key = 'county_name'")).getRows()[0]?.[0];
      } finally {
        c.closeSync();
        check.closeSync();
      }
    };
    const run = (countyName?: string) => ingest({ source: extra, dbPath, today: '2026-11-23', keepVersions: 0, ...(countyName === undefined ? {} : { countyName }) });
    await run();
    expect(await nameOf()).toBe(''); // never given: the page calls the county by its code
    await run('清河县');
    expect(await nameOf()).toBe('清河县');
    const progress: string[] = [];
    await ingest({ source: extra, dbPath, today: '2026-11-23', keepVersions: 0, onProgress: (m) => progress.push(m) });
    expect(await nameOf()).toBe('清河县');
    expect(progress.some((m) => m.includes('未给出县（区）名称'))).toBe(false);
    await run('青河县');
    expect(await nameOf()).toBe('青河县');
  });

  it('stops rather than empty a table, or a migrant direction, the database has and the folder no longer holds a file for', async () => {
    const extra = tempDir('tiny-office-vanished');
    await writeTinyOffice(extra);
    const deathsFile = path.join(extra, '死亡证明.csv');
    const person = '99990119500101001'; // a man born 1950-01-01
    writeFileSync(deathsFile, `死亡证明编号,公民身份号码,死亡日期,现住址行政区划代码\r\nD001,${person}${checkChar(person)},2024-05-01,999901001001\r\n`);
    writeCorrectedProfile(extra, await suggestTiny(extra));
    const dbPath = path.join(extra, 'tiny.duckdb');
    const run = (dropTables?: 'deaths'[]) => ingest({ source: extra, dbPath, today: '2026-11-23', keepVersions: 0, ...(dropTables ? { dropTables } : {}) });
    await run();
    const counts = async () => withDbFile(dbPath, async (c) => (await c.runAndReadAll(
      "SELECT (SELECT count(*) FROM deaths)::INTEGER AS deaths, (SELECT count(*) FROM migrants WHERE direction = 'out')::INTEGER AS out")).getRowObjectsJson()[0]);
    expect(await counts()).toEqual({ deaths: 1, out: 1 });
    // next month's folder without its out-migrants file (the mapping still names it)
    const outFile = path.join(extra, '流出人口.csv');
    const outBytes = readFileSync(outFile);
    rmSync(outFile);
    const half = await run().catch((e: unknown) => e);
    expect(isIngestError(half) && half.code).toBe('table_vanished');
    expect(String((half as Error).message)).toMatch(/^当前数据库有流出人口，这次的导出中却没有流出人口的文件.*命令行导入加 --drop migrants/);
    // both gone: one stop names both, and confirming one of them still stops on the other
    const deathBytes = readFileSync(deathsFile);
    rmSync(deathsFile);
    const both = await run().catch((e: unknown) => e);
    expect(isIngestError(both) && both.tables).toEqual(['migrants', 'deaths']);
    expect(String((both as Error).message)).toContain('--drop migrants --drop deaths');
    const onlyDeaths = await run(['deaths']).catch((e: unknown) => e);
    expect(isIngestError(onlyDeaths) && onlyDeaths.tables).toEqual(['migrants']);
    writeFileSync(deathsFile, deathBytes);
    writeFileSync(outFile, outBytes);
    // without its deaths file, and a mapping that no longer names it: the optional table would be emptied
    rmSync(deathsFile);
    writeCorrectedProfile(extra, await suggestTiny(extra));
    const none = await run().catch((e: unknown) => e);
    expect(String((none as Error).message)).toMatch(/^当前数据库的死亡表有 1 行，这次的导出中却没有死亡表的文件.*--drop deaths/);
    expect(await counts()).toEqual({ deaths: 1, out: 1 }); // untouched
    // the planner who means it says so
    const dropped = await run(['deaths']);
    expect(await counts()).toEqual({ deaths: 0, out: 1 });
    expect(dropped.tables.find((t) => t.table === 'deaths')).toMatchObject({ rowsAccepted: 0 }); // and not said to have fallen: the planner chose it
    expect(dropped.tables.find((t) => t.table === 'deaths')!.fellFrom).toBeUndefined();
    // a deaths file with only its header stops the import (file_empty), unless the planner confirmed emptying
    writeFileSync(deathsFile, '死亡证明编号,公民身份号码,死亡日期,现住址行政区划代码\r\n');
    writeCorrectedProfile(extra, await suggestTiny(extra));
    const headerOnly = await run().catch((e: unknown) => e);
    expect(isIngestError(headerOnly) && headerOnly.code).toBe('file_empty');
    expect((await run(['deaths'])).tables.find((t) => t.table === 'deaths')).toMatchObject({ files: 1, rowsRead: 0, rowsAccepted: 0 });
  });

  it('adds up a population by village (12-digit codes) into its townships, and quarantines a line repeated exactly', async () => {
    const village = tempDir('tiny-office-villages');
    await writeTinyOffice(village);
    // each township's 男 10 / 女 12 as two villages' 4 + 6 and 5 + 7, 户口性质 in a column not read; one line pasted twice
    const lines = ['年度,统计用区划代码,户口性质,年龄,男,女'];
    for (const year of ['2023', '2024']) {
      for (const town of TINY_OFFICE.townships) {
        for (const age of ['0', '1', '100岁及以上']) lines.push(`${year},${town}001,农业,${age},4,5`, `${year},${town}002,非农业,${age},6,7`);
      }
    }
    lines.push(lines[1]!);
    writeFileSync(path.join(village, '户籍人口.csv'), iconv.encode(`${lines.join('\r\n')}\r\n`, 'gb18030'));
    writeCorrectedProfile(village, await suggestTiny(village));
    const dbPath = path.join(village, 'tiny.duckdb');
    const report = await ingest({ source: village, dbPath, today: '2026-11-23', keepVersions: 0 });
    // 25 lines: 24 village lines, each second village line (12) added into the first one's rows; the copy of line 2 left alone
    expect(report.tables.find((t) => t.table === 'population')).toMatchObject({ rowsRead: 25, rowsAccepted: 24, quarantined: { duplicate_id: 2 }, linesAdded: 12 });
    await withDbFile(dbPath, async (c) => {
      expect((await c.runAndReadAll("SELECT year, township_code::VARCHAR AS t, sex::VARCHAR AS sex, sum(count)::INTEGER AS n FROM population GROUP BY ALL ORDER BY ALL")).getRowObjectsJson()).toEqual(
        [2023, 2024].flatMap((year) => TINY_OFFICE.townships.flatMap((t) => [{ year, t, sex: 'F', n: 36 }, { year, t, sex: 'M', n: 30 }])));
      // the copy is named by its own row, 26 (the header is row 1)
      expect((await c.runAndReadAll("SELECT DISTINCT rule, file_row::INTEGER AS row FROM quarantine WHERE table_name = 'population'")).getRowObjectsJson()).toEqual([{ rule: 'duplicate_id', row: 26 }]);
    });
  });

  it('adds up a population given as a file per 户口性质, and does not add a file saved twice', async () => {
    const split = tempDir('tiny-office-two-files');
    await writeTinyOffice(split);
    rmSync(path.join(split, '户籍人口.csv'));
    const file = (counts: string) => {
      const lines = ['年度,乡镇（街道）代码,年龄,男,女'];
      for (const year of ['2023', '2024']) for (const town of TINY_OFFICE.townships) for (const age of ['0', '1', '100岁及以上']) lines.push(`${year},${town},${age},${counts}`);
      return iconv.encode(`${lines.join('\r\n')}\r\n`, 'gb18030');
    };
    writeFileSync(path.join(split, '户籍人口_农业.csv'), file('4,5'));
    writeFileSync(path.join(split, '户籍人口_非农业.csv'), file('6,7'));
    writeCorrectedProfile(split, await suggestTiny(split));
    const dbPath = path.join(split, 'tiny.duckdb');
    const sums = async () => withDbFile(dbPath, async (c) => (await c.runAndReadAll('SELECT sex::VARCHAR AS sex, sum(count)::INTEGER AS n FROM population GROUP BY ALL ORDER BY ALL')).getRowObjectsJson());
    const report = await ingest({ source: split, dbPath, today: '2026-11-23', keepVersions: 0 });
    expect(report.tables.find((t) => t.table === 'population')).toMatchObject({ rowsRead: 24, rowsAccepted: 24, quarantined: {}, linesAdded: 12 });
    expect(await sums()).toEqual([{ sex: 'F', n: 4 * 36 }, { sex: 'M', n: 4 * 30 }]); // 2 years × 2 townships, 12 + 12 + 12 and 10 + 10 + 10
    // the 非农业 file saved again under another name: its copy is a duplicate, not more people
    writeFileSync(path.join(split, '户籍人口_非农业(1).csv'), file('6,7'));
    writeCorrectedProfile(split, await suggestTiny(split));
    const twice = await ingest({ source: split, dbPath, today: '2026-11-23', keepVersions: 0 });
    expect(twice.tables.find((t) => t.table === 'population')).toMatchObject({ rowsRead: 36, rowsAccepted: 24, quarantined: { duplicate_id: 24 } });
    expect(await sums()).toEqual([{ sex: 'F', n: 4 * 36 }, { sex: 'M', n: 4 * 30 }]);
  });

  it('leaves out the township\'s own subtotal line among its villages\' lines (its code ending 000, or 小计 in any column)', async () => {
    const village = tempDir('tiny-office-subtotals');
    await writeTinyOffice(village);
    // villages 001 (4 / 5) and 002 (6 / 7), then the township's own line, 10 / 12: named 小计 in 2023, unnamed in 2024
    const lines = ['年度,统计用区划代码,村（居）委会,年龄,男,女'];
    for (const year of ['2023', '2024']) {
      for (const town of TINY_OFFICE.townships) {
        for (const age of ['0', '1', '100岁及以上']) {
          lines.push(`${year},${town}001,东村,${age},4,5`, `${year},${town}002,西村,${age},6,7`, `${year},${town}000,${year === '2023' ? '小计' : ''},${age},10,12`);
        }
      }
    }
    writeFileSync(path.join(village, '户籍人口.csv'), iconv.encode(`${lines.join('\r\n')}\r\n`, 'gb18030'));
    writeCorrectedProfile(village, await suggestTiny(village));
    const dbPath = path.join(village, 'tiny.duckdb');
    const report = await ingest({ source: village, dbPath, today: '2026-11-23', keepVersions: 0 });
    // 36 lines: 12 subtotals left out, 12 second villages added into the first
    expect(report.tables.find((t) => t.table === 'population')).toMatchObject({ rowsRead: 36, rowsAccepted: 24, quarantined: {}, linesAdded: 12, totalLines: 12 });
    await withDbFile(dbPath, async (c) => {
      expect((await c.runAndReadAll("SELECT year, township_code::VARCHAR AS t, sex::VARCHAR AS sex, sum(count)::INTEGER AS n FROM population GROUP BY ALL ORDER BY ALL")).getRowObjectsJson()).toEqual(
        [2023, 2024].flatMap((year) => TINY_OFFICE.townships.flatMap((t) => [{ year, t, sex: 'F', n: 36 }, { year, t, sex: 'M', n: 30 }])));
    });
  });

  it('quarantines an ID number Excel saved as a number past the rows the mapping step looks at, under its own rule', async () => {
    const extra = tempDir('tiny-office-excel-number');
    await writeTinyOffice(extra);
    const file = path.join(extra, '流入人口.csv');
    const body = (n: number) => `510102199003${String(n).padStart(2, '0')}001`; // born 1990-03-n
    const rows = Array.from({ length: 20 }, (_, i) => `L${String(i + 3).padStart(3, '0')},某人,${body(i + 1)}${checkChar(body(i + 1))},20200105,,999901001,510000,20,是`);
    writeFileSync(file, `${readFileSync(file, 'utf8')}${rows.join('\r\n')}\r\nL099,某人,5.10102E+17,20200105,,999901001,510000,20,是\r\n`);
    writeCorrectedProfile(extra, await suggestTiny(extra));
    const report = await ingest({ source: extra, dbPath: path.join(extra, 'tiny.duckdb'), today: '2026-11-23', keepVersions: 0 });
    expect(report.tables.find((t) => t.table === 'migrants')).toMatchObject({ rowsRead: 24, rowsAccepted: 23, quarantined: { id_excel_number: 1 } });
  });

  it('reads as many rows as the file has lines under its header, and says how many records a wide population became', async () => {
    const extra = tempDir('tiny-office-lines');
    await writeTinyOffice(extra);
    // 户籍人口.csv (GB18030): 2 years × 2 townships × 3 ages = 12 lines, 男 and 女 on each; add a 合计 line, a line of
    // neither year nor age (说明) and an empty one
    const file = path.join(extra, '户籍人口.csv');
    const text = iconv.decode(readFileSync(file), 'gb18030');
    writeFileSync(file, iconv.encode(`${text}合计,,,120,144\r\n说明,,,1,2\r\n,,,,\r\n`, 'gb18030'));
    writeCorrectedProfile(extra, await suggestTiny(extra));
    const dbPath = path.join(extra, 'tiny.duckdb');
    const report = await ingest({ source: extra, dbPath, today: '2026-11-23', keepVersions: 0 });
    // 14 data lines as Excel shows them (the empty one is no line of data); the 合计 line is no record, the 说明 line two
    // quarantined ones: 26 records, 24 accepted
    expect(report.tables.find((t) => t.table === 'population')).toMatchObject({ rowsRead: 14, records: 26, rowsAccepted: 24, blankRows: 1, totalLines: 1 });
    expect(Object.values(report.tables.find((t) => t.table === 'population')!.quarantined).reduce((a, b) => a + b, 0)).toBe(2);
    // tables of one record a line say no record count: births 4 lines, 4 records
    expect(report.tables.find((t) => t.table === 'births')).toMatchObject({ rowsRead: 4, rowsAccepted: 3 });
    expect(report.tables.find((t) => t.table === 'births')!.records).toBeUndefined();
    // the 说明 line in the quarantine download: its file and row (header row 1, so line 15), and no 男 / 女 as its record number
    const db = await Database.open(dbPath);
    try {
      const rows = await db.query<{ table_name: string; file: string; file_row: number; record_id: string | null }>('quality/quarantine_township', { township: 'none' });
      expect(rows.filter((r) => r.table_name === 'population').map((r) => [r.file, Number(r.file_row), r.record_id])).toEqual([['户籍人口.csv', 15, null], ['户籍人口.csv', 15, null]]);
    } finally {
      db.close();
    }
  });

  it('quarantines a second death of the same person, a repeated record number under duplicate_id', async () => {
    const extra = tempDir('tiny-office-same-person');
    await writeTinyOffice(extra);
    const person = (body: string) => `${body}${checkChar(body)}`;
    const a = person('99990119500101001'); // a man born 1950-01-01
    const b = person('99990119420303002'); // a woman born 1942-03-03
    const c = person('99990119300404011'); // a man born 1930-04-04
    writeFileSync(path.join(extra, '死亡证明.csv'), [
      '死亡证明编号,公民身份号码,死亡日期,现住址行政区划代码',
      `D001,${a},2024-05-01,999901001001`, // accepted
      `D002,${a},2024-06-01,999901001001`, // the same person again under another number: duplicate_person
      `D003,${b},2024-05-02,999901201001`, // accepted
      `D003,${c},2024-05-03,999901201001`, // the record number again, another person: duplicate_id
    ].join('\r\n') + '\r\n');
    writeCorrectedProfile(extra, await suggestTiny(extra));
    const dbPath = path.join(extra, 'tiny.duckdb');
    const report = await ingest({ source: extra, dbPath, today: '2026-11-23', keepVersions: 0 });
    expect(report.tables.find((t) => t.table === 'deaths')).toMatchObject({ rowsRead: 4, rowsAccepted: 2, quarantined: { duplicate_person: 1, duplicate_id: 1 } });
    const quarantined = await withDbFile(dbPath, async (conn) => (await conn.runAndReadAll(
      "SELECT rule, json_extract_string(record, '$.death_id') AS id, file_row::INTEGER AS file_row FROM quarantine WHERE table_name = 'deaths' ORDER BY file_row")).getRowObjectsJson());
    // rows as Excel numbers them: the header is row 1
    expect(quarantined).toEqual([{ rule: 'duplicate_person', id: 'D002', file_row: 3 }, { rule: 'duplicate_id', id: 'D003', file_row: 5 }]);
    expect(RULES.duplicate_person.zh).toBe('同一人重复登记死亡（公民身份号码相同、记录编号不同）');
  });
});
