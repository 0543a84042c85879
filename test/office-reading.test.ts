/**
 * Reading office values, each against a hand-worked answer: 公民身份号码 (GB 11643's own example
 * 11010519491231002X, its 15-digit form, a wrong check digit, 30 February), the date forms,
 * division codes and ages; header recognition with variants, names and an ambiguity; and the
 * mapping profile written, edited by hand and read back.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directionOf, isPersonalHeader, recogniseColumns, scoreTables } from '../server/office/headers.ts';
import { missingColumns } from '../server/office/mapping.ts';
import { prepareOffice } from '../server/office/normalise.ts';
import { profilePath, readProfile, writeProfile } from '../server/office/profile.ts';
import { listOfficeFiles, openOfficeFile, sampleSource } from '../server/office/tabular.ts';
import { suggestFor } from '../server/office/suggest.ts';
import { tempDir, withMemoryDb } from './helpers.ts';

/** A secret as the import keeps one: 64 hex characters. */
const SECRET = '0123456789abcdef'.repeat(4);

describe('ID numbers, dates and codes in SQL', () => {
  let instance: DuckDBInstance;
  let c: DuckDBConnection;
  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
    c = await instance.connect();
    await prepareOffice(c, {}, SECRET);
  });
  afterAll(() => {
    c.closeSync();
    instance.closeSync();
  });

  async function id(text: string): Promise<Record<string, unknown>> {
    const sql = `WITH a AS (SELECT id_clean('${text}') AS i), b AS (SELECT *, id_length(i) AS len FROM a), d AS (SELECT *, id_body(i, len) AS body FROM b),
      e AS (SELECT *, id_number(body) AS n FROM d), f AS (SELECT *, id_check_of(n) AS ch, id_birth_of(n) AS born FROM e)
      SELECT id_status(i, len, ch, born) AS status, strftime(born, '%Y-%m-%d') AS born, id_sex_of(n) AS sex, id_key(body, ch) AS key FROM f`;
    return (await c.runAndReadAll(sql)).getRowObjectsJson()[0] as Record<string, unknown>;
  }

  it('reads the standard example and its 15-digit form as one woman born 1949-12-31, with one key', async () => {
    // Σ digit×weight of 11010519491231002 = 167; 167 mod 11 = 2 → X.
    const full = await id('11010519491231002X');
    expect(full).toMatchObject({ status: 'ok', born: '1949-12-31', sex: 'F' });
    const short = await id('110105491231002');
    expect(short).toMatchObject({ status: 'ok', born: '1949-12-31', sex: 'F' });
    expect(short.key).toBe(full.key);
    // the key: 64 bits of SHA-256 over the secret's first 32 characters, the body and the check character
    expect(full.key).toBe(createHash('sha256').update(`${SECRET.slice(0, 32)}11010519491231002X`).digest('hex').slice(0, 16));
    expect((await id(' 11010519491231002x ')).status).toBe('ok');
    expect(await id('110105 19491231002X')).toMatchObject({ status: 'ok', born: '1949-12-31', key: full.key });
  });

  it('gives every body the ISO 7064 MOD 11-2 check character, as worked out digit by digit here', async () => {
    const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let seed = 20261203;
    const digit = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % 10);
    const bodies = Array.from({ length: 2000 }, () => Array.from({ length: 17 }, digit).join(''));
    bodies.push('00000000000000000', '99999999999999999', '10000000000000000');
    const want = bodies.map((b) => '10X98765432'[[...b].reduce((sum, d, k) => sum + Number(d) * weights[k]!, 0) % 11]);
    const got = (await c.runAndReadAll(`SELECT id_check_of(id_number(b)) AS ch FROM (VALUES ${bodies.map((b, i) => `('${b}', ${i})`).join(', ')}) t(b, i) ORDER BY i`))
      .getRows().map((r) => r[0]);
    expect(got).toEqual(want);
  });

  it('names what is wrong: check digit, impossible date (valid check 0: Σ = 155, 155 mod 11 = 1), format', async () => {
    expect((await id('110105194912310021')).status).toBe('check_digit');
    expect(await id('110105194902300020')).toMatchObject({ status: 'birth_date', born: null });
    expect((await id('1101051949123100')).status).toBe('format');
    expect((await id('11010519491231002A')).status).toBe('format');
    // Excel's number cells written out: the last digits are gone, and the planner must export the column as text
    expect((await id('1.30524E+17')).status).toBe('excel_number');
    expect((await id('9.99901e+17')).status).toBe('excel_number');
    expect((await id('1.3E+17x')).status).toBe('format');
    expect((await id('')).status).toBe(null);
    // an odd 17th digit is a man: 11010519491231001 → Σ = 165, check 1
    expect(await id('110105194912310011')).toMatchObject({ status: 'ok', sex: 'M' });
  });

  it('keeps an ID number found in a record-number column only as a keyed hash; other record numbers as they are', async () => {
    const ids = ['11010519491231002X', '110105194912310021', '110105491231002', 'B9901010010000001', '440103201900012345', '110105194902300020', ' S-17 ',
      '制表人：张三', '填报单位负责人: 李四 审核人：王五', '出生2024年第3号'];
    const sql = `SELECT office_record_id(t) AS r FROM (VALUES ${ids.map((t, i) => `('${t}', ${i})`).join(', ')}) v(t, i) ORDER BY i`;
    const got = (await c.runAndReadAll(sql)).getRows().map((r) => r[0]);
    const key = (t: string) => `#${createHash('sha256').update(`${SECRET.slice(0, 32)}${t}`).digest('hex').slice(0, 16)}`;
    expect(got).toEqual([
      key('11010519491231002X'), key('110105194912310021'), // a wrong check character is still somebody's number
      key('110105491231002'),
      'B9901010010000001', '440103201900012345', // month 00: not a birth date
      '110105194902300020', // 30 February
      'S-17',
      '制表人：…', '填报单位负责人:…', // a line under the table: its label, not the name
      '出生2024年第3号',
    ]);
    // where a value passes unread to the rules, an ID number is replaced by a note: a code the table lacks, a township code of another length
    const passed = (await c.runAndReadAll(`SELECT office_code(MAP {'1': 'M'}, '11010519491231002X') AS code, office_code(MAP {'1': 'M'}, '9') AS other,
      office_township('110105 19491231002X') AS township, office_township('99990100100') AS short`)).getRowObjectsJson();
    expect(passed).toEqual([{ code: '（公民身份号码，不保存）', other: '9', township: '（公民身份号码，不保存）', short: '99990100100' }]);
  });

  it('reads dates, codes, places and ages as offices write them', async () => {
    const sql = `SELECT [office_date('2024-03-05'), office_date('2024/3/5'), office_date('20240305'), office_date('2024年3月5日'), office_date(' 2024.3.5 '),
        office_date('2024-03-05 08:30:00'), office_date('2024/3/5 8:30'), office_date('2024.03.05'), office_date('2024年03月05日'),
        office_date('45356'), office_date('45356.35'), office_date('2024年3月5号'), office_date('2024 年 3 月 5 日'), office_date('2024年 03月05日')]::VARCHAR[] AS dates,
      [office_date('45292'), office_date('10000'), office_date('99999')]::VARCHAR[] AS serials,
      [office_int('1,234'), office_int('12,345,678'), office_int('1234'), office_int('1,23'), office_int('1,2345'), office_int(',123')] AS ints,
      office_number('12,345.6') AS grouped_number,
      [office_date('2023-02-29'), office_date('20230229'), office_date('2023年2月29日'), office_date('2024ab05'), office_date('2024年3月5'),
       office_date('5/3/2024'), office_date('2024-3'), office_date('20241301'), office_date('+2024030'), office_date('2024_305'),
       office_date('0x9A6AC5'), office_date('1.0101e7'), office_date('04535'), office_date('9999'), office_date('100000'), office_date('4535.6'),
       office_date('73.9.9'), office_date('24-3-5'), office_date('20.3.20'), office_date('0073-09-09')] AS bad, office_date('  ') AS blank,
      [office_township('999901001007'), office_township('999901001'), office_village('999901001007'), office_village('999901001'),
       office_township('９９９９０１００１００７'), office_township('999901001007.0'), office_township(' 999901 001 '), office_township('城关街道')] AS towns,
      [office_place('510000'), office_place('51'), office_place('999901001007'), office_place('440305')] AS places,
      [office_age('37'), office_age('100岁及以上'), office_age('100+'), office_age('85岁'), office_age('0-4'), office_age('100+岁'), office_age('≥100'), office_age('>=100岁'),
       office_age('不满1岁'), office_age('未满1周岁'), office_age('1岁以下'), office_age('1岁'), office_age('不满2岁')] AS ages,
      [office_count('-'), office_count('－'), office_count('1,234'), office_count('')] AS counts,
      [office_total_line('2024', '999901001', '合计', '0'), office_total_line('2024', '全县', '男', '0'), office_total_line('2024', '999901001', NULL, '小 计'),
       office_total_line('2024', '999901001', '男', '0'), office_total_line('2024', '全县城关街道', '男', '0'), office_total_line('2024', '999901001', '合　计', '0'),
       office_total_cell('2024|999901001000|小　计|0'), office_total_cell('2024|999901001001|合计村|0'), office_total_cell('2024|全镇合计|0')] AS totals,
      [office_open_age('85岁及以上'), office_open_age('85+'), office_open_age('≥90'), office_open_age('100以上'), office_open_age('85'), office_open_age('1岁以下')] AS open_ages,
      [office_year('2024'), office_year('2024年'), office_year(' 2024年度'), office_year('2024年末'), office_year('24年'), office_year('2024年3月'), office_year('２０２４'), office_year('２０２４年')] AS years,
      [office_code(getvariable('codes_sex'), '2'), office_code(getvariable('codes_sex'), '男'), office_code(getvariable('codes_sex'), '9'),
       office_code(getvariable('codes_marital_status'), '22'), office_code(getvariable('codes_policy_status'), '政策外'),
       office_code(getvariable('codes_sex'), '女婴'), office_code(getvariable('codes_residence'), '本县户籍'), office_code(getvariable('codes_birth_order'), '第2孩'), office_code(getvariable('codes_birth_order'), '3孩')] AS codes,
      [office_kind('城关街道'), office_kind('青石镇'), office_kind('黄坡乡'), office_kind('白音苏木'), office_kind('开发区')] AS kinds`;
    const [r] = (await c.runAndReadAll(sql)).getRowObjectsJson();
    expect(r).toEqual({
      // Excel's day numbers count from 1899-12-30: 45292 is 2024-01-01, then 31 + 29 + 4 days to 5 March
      dates: Array(14).fill('2024-03-05'), bad: Array(20).fill(null), blank: null, // two-digit years are not read as 0073
      serials: ['2024-01-01', '1927-05-18', '2173-10-13'],
      ints: [1234, 12345678, 1234, null, null, null], grouped_number: 12345.6,
      towns: ['999901001', '999901001', '999901001007', null, '999901001', '999901001', '999901001', '城关街道'],
      places: ['51', '51', '999901', '440305'],
      ages: [37, 100, 100, 85, null, 100, 100, 100, 0, 0, 0, 1, null],
      open_ages: [85, 85, 90, 100, null, null],
      counts: [0, 0, 1234, null], // a dash is nought, as Excel's accounting format shows it
      totals: [true, true, true, false, false, true, true, false, true], // 合　计 with a full-width space; 合计村 is a village
      years: [2024, 2024, 2024, 2024, null, null, 2024, 2024],
      codes: ['F', 'M', '9', 'married', 'noncompliant', 'F', 'registered', '2', '3'],
      kinds: ['subdistrict', 'town', 'township', 'township', null],
    });
  });
});

describe('header recognition', () => {
  it('places variants, keeps names out and says what is missing', () => {
    const { columns } = recogniseColumns('births', ['出生医学证明编号', '新生儿姓名', '出生 日期', '母亲公民身份号码', '乡镇(街道)代码', '性别', '孩次', '政策属性', '户籍性质', '备注'], null);
    expect(columns.map((x) => [x.field, x.confidence])).toEqual([
      ['birth_id', 'exact'], ['ignore', 'personal'], ['birth_date', 'exact'], ['mother_id_number', 'exact'], ['township_code', 'exact'],
      ['sex', 'exact'], ['birth_order', 'exact'], ['policy_status', 'exact'], ['mother_residence', 'exact'], ['ignore', 'none'],
    ]);
    expect(missingColumns({ table: 'births', direction: null, columns: Object.fromEntries(columns.map((x) => [x.header, x.field])) })).toEqual([]);
    expect(missingColumns({ table: 'births', direction: null, columns: { 出生医学证明编号: 'birth_id', 性别: 'sex' } }))
      .toEqual(['birth_date', 'township_code', 'birth_order', 'mother_birth_date', 'mother_residence', 'policy_status']);
  });

  it('with last month\'s profile, places a renamed header anew and names a mapped column that is gone', () => {
    const source = { name: '出生医学证明.csv', fileName: '出生医学证明.csv', encoding: 'gb18030' as const };
    const profile = { file: '出生医学证明.csv', table: 'births' as const, direction: null, columns: {
      出生医学证明编号: 'birth_id', 新生儿姓名: 'ignore', 出生日期: 'birth_date', 性别: 'sex', 孩次: 'birth_order', 母亲出生日期: 'mother_birth_date',
      母亲户籍类型: 'mother_residence', 政策属性: 'policy_status', '乡镇（街道）代码': 'township_code', 现住址行政区划代码: 'address_code' } };
    const headers = ['出生医学证明编号', '新生儿姓名', '出生日期', '性别', '孩次', '母亲出生日期', '母亲户籍类型', '政策属性', '乡镇(街道) 代码', '现住址行政区划代码'];
    const renamed = suggestFor(source, headers, [], profile);
    expect(renamed.columns.find((c) => c.header === '乡镇(街道) 代码')).toMatchObject({ field: 'township_code', confidence: 'exact' });
    expect(renamed.problems).toEqual([]);
    const gone = suggestFor(source, headers.filter((h) => h !== '现住址行政区划代码'), [], profile);
    expect(gone.problems).toEqual([expect.stringMatching(/^出生医学证明\.csv：映射文件中的列“现住址行政区划代码”（address_code）在文件中已不存在/)]);
  });

  it('never shows a name or an ID number as a sample, however the file was mapped', () => {
    const source = { name: '出生医学证明.csv', fileName: '出生医学证明.csv', encoding: 'gb18030' as const };
    const headers = ['出生医学证明编号', '新生儿姓名', '母亲身份证号', '出生日期', '备注'];
    const rows = [['C1', '王小明', '999901199505010021', '2024-03-05', '110101199003071234'], ['C2', '李小红', '999901199001150042', '2024-06-01', '']];
    const shown = (s: { columns: { header: string; samples: string[]; confidence: string }[] }) => Object.fromEntries(s.columns.map((c) => [c.header, [c.confidence, c.samples.join('，')]]));
    // last import's mapping marks the name `ignore`: it is still personal, not "not placed", and not shown
    const profile = { file: '出生医学证明.csv', table: 'births' as const, direction: null, columns: { 出生医学证明编号: 'birth_id', 新生儿姓名: 'ignore', 母亲身份证号: 'mother_id_number', 出生日期: 'birth_date', 备注: 'ignore' } };
    expect(shown(suggestFor(source, headers, rows, profile))).toEqual({
      出生医学证明编号: ['exact', 'C1，C2'], 新生儿姓名: ['personal', ''], 母亲身份证号: ['exact', ''], 出生日期: ['exact', '2024-03-05，2024-06-01'],
      备注: ['none', ''], // an ID number written in a remark column is not shown either
    });
    // a file no table fits: its name and ID columns are personal too
    const other = suggestFor({ ...source, name: '低保对象名册.csv', fileName: '低保对象名册.csv' }, ['姓名', '身份证号码', '金额'], [['张三', '110101199003071234', '300']], null);
    expect(shown(other)).toEqual({ 姓名: ['personal', ''], 身份证号码: ['personal', ''], 金额: ['none', '300'] });
    // an ID number as an .xlsx number cell shows it (area code and birth date): not shown either
    const cells = suggestFor({ ...source, name: '表1.csv', fileName: '表1.csv' }, ['金额', '号码'], [['300', '1.30524193301172E+17']], null);
    expect(shown(cells)).toEqual({ 金额: ['none', '300'], 号码: ['none', ''] });
    // a header that is a person alone holds that person's name (逝者: the deceased); 母亲出生日期 is a date
    const deaths = suggestFor({ ...source, name: '导出数据(3).csv', fileName: '导出数据(3).csv' }, ['证书号', '逝者', '母亲', '母亲出生日期', '报告人签名'],
      [['D1', '赵秀英', '钱春梅', '1950-01-01', '孙晓明']], null);
    expect(shown(deaths)).toEqual({ 证书号: ['none', 'D1'], 逝者: ['personal', ''], 母亲: ['personal', ''], 母亲出生日期: ['none', '1950-01-01'], 报告人签名: ['personal', ''] });
    const more = suggestFor({ ...source, name: '导出数据(4).csv', fileName: '导出数据(4).csv' }, ['家属', '监护人', '接生人员', '经办人', '人数'], [['赵一', '钱二', '孙三', '李四', '12']], null);
    expect(shown(more)).toEqual({ 家属: ['personal', ''], 监护人: ['personal', ''], 接生人员: ['personal', ''], 经办人: ['personal', ''], 人数: ['none', '12'] });
    // counts in persons are no persons: 男（人） and 人数（人） are read as the population's columns
    expect(recogniseColumns('population', ['年度', '乡镇（街道）代码', '年龄', '男（人）', '女（人）'], null).columns.map((x) => [x.header, x.field, x.confidence]).slice(3))
      .toEqual([['男（人）', 'male_count', 'exact'], ['女（人）', 'female_count', 'exact']]);
    expect(isPersonalHeader('人数（人）')).toBe(false);
    // a file no table fits shows no Chinese words among its values: a 填表说明 may name a contact
    const note = suggestFor({ ...source, name: '填表说明.txt', fileName: '填表说明.txt' }, ['说明'], [['2. 联系人：王建国 13800000000'], ['男'], ['2024-03-05']], null);
    expect(shown(note)).toEqual({ 说明: ['none', '男，2024-03-05'] });
  });

  it('reads a personal column as an ID number or not at all, however it was mapped', () => {
    // 身份证编号 is an ID number; a header holding a personal word is not close to a record number (…编号)
    expect(recogniseColumns('migrants', ['身份证编号', '联系人手机编号'], 'in').columns.map((x) => [x.field, x.confidence])).toEqual([
      ['person_id_number', 'exact'], ['ignore', 'personal']]);
    const deaths = { name: '死亡.csv', fileName: '死亡.csv', encoding: 'utf-8' as const };
    const headers = ['姓名', '编号', '死亡日期', '乡镇（街道）代码', '现住址行政区划代码'];
    const rows = [['张三', 'S1', '2024-03-05', '999901001', '999901001001'], ['李四', 'S2', '2024-03-06', '999901001', '999901001002']];
    const mapped = (columns: Record<string, string>) => suggestFor(deaths, headers, rows, { file: '死亡.csv', table: 'deaths', direction: null, columns }).problems
      .filter((p) => /个人信息|公民身份号码/.test(p));
    const base = { 死亡日期: 'death_date', '乡镇（街道）代码': 'township_code', 现住址行政区划代码: 'address_code' };
    // a name mapped by hand as the record number: refused (its own division-code header is not personal)
    expect(mapped({ ...base, 姓名: 'death_id', 编号: 'ignore' })).toEqual([
      '死亡.csv：列“姓名”是个人信息（姓名、身份证号、电话、住址等），不能作为死亡证明编号（death_id）导入，请设为不导入']);
    expect(mapped({ ...base, 姓名: 'ignore', 编号: 'death_id' })).toEqual([]);
    // ID numbers (check characters by GB 11643) in a record-number column: refused, whatever its header
    const idRows = rows.map((r, i) => [r[0]!, ['999901199505010022', '999901199001150048'][i]!, ...r.slice(2)]);
    expect(suggestFor(deaths, headers, idRows, { file: '死亡.csv', table: 'deaths', direction: null, columns: { ...base, 姓名: 'ignore', 编号: 'death_id' } }).problems
      .filter((p) => !p.includes('必需列'))).toEqual([
      '死亡.csv：列“编号”的值是公民身份号码，不能作为死亡证明编号（death_id）导入（身份证号只用来得出出生日期、性别，不保存），请把它设为身份证号字段或不导入']);
  });

  it('says which row it took for the header of a file it cannot place, and not that row\'s cells', () => {
    // a merged two-row header (户籍人口数 over 合计/男/女): the first data row was taken for the header
    const source = { name: '户籍人口.xlsx#Sheet1', fileName: '户籍人口.xlsx', sheet: 'Sheet1', encoding: 'xlsx' as const, headerRow: 4 };
    const [problem] = suggestFor(source, ['130524100', '王家庄', '0', '200', '100', '100_1'], [], null).problems;
    expect(problem).toBe('户籍人口.xlsx#Sheet1：无法判断是哪张表（出生、婚姻、流动人口、死亡、户籍人口或区划），表头取自第 4 行（共 6 列；表头占两行或有合并单元格时，请改为一行表头）；'
      + '请选择“对应的表”（映射文件中的 table）；不需要导入的文件或工作表（如填表说明）请设为不导入（映射文件中列入 ignore）');
  });

  it('says at once when Excel saved a column of ID numbers as numbers, before the rows are quarantined one by one', () => {
    const source = { name: '出生医学证明.csv', fileName: '出生医学证明.csv', encoding: 'gb18030' as const };
    const headers = ['出生医学证明编号', '母亲身份证号', '出生日期'];
    const problemsOf = (ids: string[]) => suggestFor(source, headers, ids.map((id, i) => [`C${i}`, id, '2024-03-05']), null).problems
      .filter((p) => p.includes('存成了数字'));
    expect(problemsOf(['9.99901E+17', '9.99901E+17', '999901199505010022'])).toEqual([
      '出生医学证明.csv：列“母亲身份证号”的身份证号看来被 Excel 存成了数字（前几行3 个中有 2 个是科学计数法（如 9.99901E+17）），末几位已丢失，这些行都会被隔离（id_excel_number 或校验码错误）。请在 Excel 中把这一列设为“文本”格式，从业务系统重新导出后再导入']);
    // a workbook's number cells: 15 significant digits, the rest made up; most check characters fail
    expect(problemsOf(['999901199505010000', '999901199001150000', '999901199807070000', '999901199505010022'])).toEqual([expect.stringContaining('4 个18位号码中有 3 个校验码不符')]);
    // record numbers saved as numbers: different records would share one number
    const recordProblems = suggestFor(source, headers, [['2.024130524E+17', '999901199505010022', '2024-03-05']], null).problems.filter((p) => p.includes('记录编号'));
    expect(recordProblems).toEqual(['出生医学证明.csv：列“出生医学证明编号”的记录编号看来被 Excel 存成了数字（如 2.02413…E+17），末几位已丢失，不同的记录会成为同一个编号、被当作重复隔离。请在 Excel 中把这一列设为“文本”格式，从业务系统重新导出后再导入']);
    // 12-digit division codes saved as numbers: the township cannot be told
    const codeProblems = suggestFor(source, [...headers, '现住址行政区划代码'], [['C1', '999901199505010022', '2024-03-05', '9.99901E+11']], null).problems.filter((p) => p.includes('区划代码'));
    expect(codeProblems).toEqual(['出生医学证明.csv：列“现住址行政区划代码”的区划代码看来被 Excel 存成了数字（如 9.99901E+11），末几位已丢失，乡镇无法识别，这些行都会被隔离（unknown_township）。请在 Excel 中把这一列设为“文本”格式，从业务系统重新导出后再导入']);
    // sound numbers (check characters by GB 11643), or a few wrong among them, are no reason to stop
    expect(problemsOf(['999901199505010022', '999901199001150048', '999901199807070063', '999901199505010021'])).toEqual([]);
  });

  it('leaves two equally good claims unplaced, naming each other', () => {
    const { columns } = recogniseColumns('deaths', ['死亡证明编号', '死亡日期', '死亡时间'], null);
    expect(columns[1]).toMatchObject({ field: 'ignore', confidence: 'none' });
    expect(columns[1]!.note).toBe('与列“死亡时间”同样像死亡日期（death_date），请在映射中指定由哪一列读取');
    expect(columns[2]!.note).toBe('与列“死亡日期”同样像死亡日期（death_date），请在映射中指定由哪一列读取');
    // a column another names more exactly is left out, and says which (no field object printed as text)
    const births = recogniseColumns('births', ['性别', '性别_1'], null).columns; // a header twice, as DuckDB names it
    expect(births[1]).toMatchObject({ field: 'ignore', note: '未读取：列“性别”更像性别（sex）' });
    // a tie stops the import until the planner chooses; a column that lost to a surer one is a note, not a problem
    const source = { name: '死亡证明.csv', fileName: '死亡证明.csv', encoding: 'utf-8' as const };
    const problemsWith = (headers: string[]) => suggestFor(source, ['公民身份号码', ...headers], [], null).problems.filter((p) => p.includes('死亡日期'));
    expect(problemsWith(['死亡证明编号', '死亡日期', '死亡时间', '现住址行政区划代码'])).toEqual([
      '死亡证明.csv：找不到这些必需列：death_date（死亡日期）',
      '死亡证明.csv：列“死亡日期”与列“死亡时间”同样像死亡日期（death_date），请在映射中指定由哪一列读取',
      '死亡证明.csv：列“死亡时间”与列“死亡日期”同样像死亡日期（death_date），请在映射中指定由哪一列读取']);
    expect(problemsWith(['死亡证明编号', '死亡日期', '死亡日期_1', '现住址行政区划代码'])).toEqual([]);
  });

  it('tells an in-file from an out-file, and a migrants file from a births file', () => {
    expect(directionOf('2024年流出人口.csv', [])).toBe('out');
    expect(directionOf('migrants.csv', ['流动人口编号', '流入时间', '离开时间'])).toBe('in');
    const { columns } = recogniseColumns('migrants', ['户籍地区划代码', '流入地区划代码'], 'out');
    expect(columns.map((x) => x.field)).toEqual(['address_code', 'origin_code']);
    expect(scoreTables('数据.csv', ['流动人口编号', '公民身份号码', '流入时间', '婚姻状况', '是否持证'])[0]!.table).toBe('migrants');
    expect(scoreTables('出生.csv', ['出生医学证明编号', '出生日期', '性别', '孩次'])[0]!.table).toBe('births');
  });
});

describe('CSV dialects', () => {
  it('tells the delimiter from the header line: comma, tab and semicolon files read into the same columns', async () => {
    const dir = tempDir('dialects');
    const rows = [['死亡证明编号', '死亡日期', '备注'], ['D1', '2024-03-05', '甲,乙'], ['D2', '2024/3/6', '丙']];
    writeFileSync(`${dir}/comma.csv`, rows.map((r) => r.map((v) => (v.includes(',') ? `"${v}"` : v)).join(',')).join('\r\n'));
    writeFileSync(`${dir}/tab.tsv`, rows.map((r) => r.join('\t')).join('\n'));
    writeFileSync(`${dir}/semicolon.csv`, rows.map((r) => r.join(';')).join('\n'));
    writeFileSync(`${dir}/流出人口.txt`, rows.map((r) => r.join('\t')).join('\r\n')); // a .txt export is a table too
    expect(listOfficeFiles(dir)).toEqual(['comma.csv', 'semicolon.csv', 'tab.tsv', '流出人口.txt']);
    // beside a Parquet export a .txt is its README, not a table
    const parquetDir = tempDir('parquet-readme');
    writeFileSync(`${parquetDir}/births.parquet`, '');
    writeFileSync(`${parquetDir}/README.txt`, 'Exported by the provincial system, 2024-12-31\n');
    writeFileSync(`${parquetDir}/targets.csv`, '指标,目标值\n');
    expect(listOfficeFiles(parquetDir)).toEqual([]);
    await withMemoryDb(async (c) => {
      for (const [name, delimiter] of [['comma.csv', ','], ['tab.tsv', '\t'], ['semicolon.csv', ';'], ['流出人口.txt', '\t']] as const) {
        const [source] = await openOfficeFile(dir, name, `${dir}/work`);
        expect(source!.delimiter).toBe(delimiter);
        expect(await sampleSource(c, source!)).toEqual({ headers: rows[0], rows: rows.slice(1) });
      }
    });
  });
});

describe('a title above the header', () => {
  it('skips a title row as Excel saves it (标题,,,,) and blank lines under it, and keeps a header with an empty cell', async () => {
    const dir = tempDir('titles');
    const rows = [['死亡证明编号', '死亡日期', '乡镇（街道）代码'], ['D1', '2024-03-05', '999901001'], ['D2', '2024/3/6', '999901201']];
    const body = rows.map((r) => r.join(',')).join('\r\n');
    writeFileSync(`${dir}/title.csv`, `2024年死亡证明登记表,,\r\n,,\r\n${body}\r\n`);
    writeFileSync(`${dir}/unnamed.csv`, `死亡证明编号,,乡镇（街道）代码\r\nD1,x,999901001\r\n`);
    await withMemoryDb(async (c) => {
      const [titled] = await openOfficeFile(dir, 'title.csv', `${dir}/work`);
      expect(titled!.skip).toBe(2);
      expect(titled!.headerRow).toBe(3);
      expect(await sampleSource(c, titled!)).toEqual({ headers: rows[0], rows: rows.slice(1) });
      const [unnamed] = await openOfficeFile(dir, 'unnamed.csv', `${dir}/work`);
      expect(unnamed!.skip).toBe(0);
      expect(unnamed!.headerRow).toBe(1);
      expect((await sampleSource(c, unnamed!)).rows).toEqual([['D1', 'x', '999901001']]);
    });
  });
});

describe('an empty file', () => {
  it('is named as empty, not as a table that could not be recognised', async () => {
    const dir = tempDir('empty-file');
    writeFileSync(`${dir}/死亡证明.csv`, '');
    await expect(openOfficeFile(dir, '死亡证明.csv', `${dir}/work`)).rejects.toThrow('死亡证明.csv：文件为空（0 字节');
  });
});

describe('the mapping profile', () => {
  const dir = tempDir('profile');

  it('is written with comments, corrected by hand and read back', () => {
    const mapping = { file: '出生.csv', table: 'births' as const, direction: null, columns: { 出生医学证明编号: 'birth_id', 母亲姓名: 'ignore', 生日: 'ignore' } };
    writeProfile(dir, [{ mapping, encoding: 'gb18030', comment: 'test', notes: { 母亲姓名: { confidence: 'personal' }, 生日: { confidence: 'none' } } }]);
    const text = readFileSync(profilePath(dir), 'utf8');
    expect(text).toContain('母亲姓名: ignore # 个人信息，不读取');
    expect(readProfile(dir)).toEqual({ files: [mapping], values: {}, ignored: [] });
    writeFileSync(profilePath(dir), text.replace('生日: ignore', '生日: birth_date').replace('values: {}', 'values:\n  sex:\n    "9": F'));
    expect(readProfile(dir)).toEqual({ files: [{ ...mapping, columns: { ...mapping.columns, 生日: 'birth_date' } }], values: { sex: { 9: 'F' } }, ignored: [] });
    writeFileSync(profilePath(dir), text.replace('生日: ignore', '生日: birthday'));
    expect(() => readProfile(dir)).toThrow(/未知字段 birthday/);
    // a table name misspelt by hand: the file, where, and what it may be, in Chinese
    writeFileSync(profilePath(dir), text.replace('table: births', 'table: birth'));
    expect(() => readProfile(dir)).toThrow(/^renkou-mapping\.yaml：files\.0\.table（出生\.csv）：无效选项：期望以下之一 "regions"\|"population"\|"births"/);
    // a Tab typed for the indent: where, and what to do, in Chinese
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.includes('生日: ignore'));
    lines[at] = lines[at]!.replace(/^ +/, '\t');
    writeFileSync(profilePath(dir), lines.join('\n'));
    expect(() => readProfile(dir)).toThrow(new RegExp(`^renkou-mapping\\.yaml：不是有效的 YAML（第 ${at + 1} 行第 1 列：用了 Tab 键缩进，请改用空格）$`));
  });

  it('names the files no table fits at its end, and takes them under ignore: as the note says', () => {
    const mapping = { file: '出生.csv', table: 'births' as const, direction: null, columns: { 出生医学证明编号: 'birth_id' } };
    writeProfile(dir, [{ mapping, comment: 'test', notes: {} }], {}, [], ['低保对象名册.csv', '说明.xlsx#填表说明']);
    const text = readFileSync(profilePath(dir), 'utf8');
    expect(text).toMatch(/# 未能判断是哪张表、尚未写入映射的文件或工作表.*\n# {3}低保对象名册\.csv\n# {3}说明\.xlsx#填表说明\n# 不需要导入的，把它列在上面的 ignore: 下/);
    expect(readProfile(dir)).toEqual({ files: [mapping], values: {}, ignored: [] });
    writeFileSync(profilePath(dir), `${text}ignore:\n  - 低保对象名册.csv\n  - 说明.xlsx#填表说明\n`);
    expect(readProfile(dir)?.ignored).toEqual(['低保对象名册.csv', '说明.xlsx#填表说明']);
  });
});
