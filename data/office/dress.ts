/**
 * @module office/dress
 * Writes a contract export (the demo county's Parquet) as a county office would have it: Chinese
 * headers, GB/T codes, Chinese labels, dates in several written forms, 公民身份号码 in place of
 * birth dates and sex (some legacy 15-digit ones, and `wrongCheckDigits` rows per table with a
 * wrong check character), names the import must not read, 12-digit address codes, the
 * population wide by sex with `100岁及以上`, migrants as an in-file and an out-file, in
 * GB18030 and UTF-8 CSV (with and without BOM) and XLSX with real date cells.
 *
 * Test and bench data only: the SQL is assembled from constants here, never from input. The ID
 * numbers' check characters are computed by the textbook formula (weights 2^(18−i) mod 11,
 * check = (12 − Σ mod 11) mod 11, 10 written X), independently of server/office.
 *
 * @example
 * const { corrupted } = await dressOfficeExport('data/demo', '/tmp/office', { wrongCheckDigits: 3 });
 */
import { createReadStream, createWriteStream, mkdirSync, copyFileSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

export interface DressOptions {
  /** Rows per person table whose ID number gets a wrong check character. */
  readonly wrongCheckDigits?: number;
  /** `mixed` (the office set of the tests), or every table in one form (the bench). */
  readonly layout?: 'mixed' | 'gb18030' | 'xlsx';
  /** A scratch database file for a set too large for memory (the province); in memory by default. */
  readonly scratchDb?: string;
}

export interface DressResult {
  /** The records whose ID number was given a wrong check character. */
  readonly corrupted: { table: string; id: string }[];
  readonly files: string[];
}

/** One office file: its name, and the SELECT (Chinese aliases) that makes it from the Parquet tables. */
interface Dressed { name: string; select: string; encoding: 'gb18030' | 'utf-8' | 'utf-8-bom' | 'xlsx'; title?: string; dates?: string[] }

const MACROS = `
CREATE OR REPLACE MACRO dress_sum(b) AS list_sum(list_transform(range(1, 18), k -> (ascii(substr(b, k::INTEGER, 1)) - 48) * ((2 ** (18 - k))::BIGINT % 11)));
CREATE OR REPLACE MACRO dress_check(b) AS CASE WHEN (12 - dress_sum(b) % 11) % 11 = 10 THEN 'X' ELSE ((12 - dress_sum(b) % 11) % 11)::VARCHAR END;
CREATE OR REPLACE MACRO dress_wrong(c) AS CASE c WHEN 'X' THEN '0' WHEN '9' THEN 'X' ELSE ((c::INTEGER + 1) % 10)::VARCHAR END;
-- seq: 2·rank within (area, birth date, sex), +1 for men; 15 digits for some people born 19xx.
CREATE OR REPLACE MACRO dress_id(area, born, male, rank, short, wrong) AS CASE
  WHEN born IS NULL THEN NULL
  WHEN short AND year(born) BETWEEN 1900 AND 1999 THEN area || strftime(born, '%y%m%d') || lpad((2 * (rank - 1) + male::INTEGER)::VARCHAR, 3, '0')
  ELSE area || strftime(born, '%Y%m%d') || lpad((2 * (rank - 1) + male::INTEGER)::VARCHAR, 3, '0')
    || CASE WHEN wrong THEN dress_wrong(dress_check(area || strftime(born, '%Y%m%d') || lpad((2 * (rank - 1) + male::INTEGER)::VARCHAR, 3, '0')))
            ELSE dress_check(area || strftime(born, '%Y%m%d') || lpad((2 * (rank - 1) + male::INTEGER)::VARCHAR, 3, '0')) END END;
CREATE OR REPLACE MACRO dress_name(id) AS ['王', '李', '张', '刘', '陈', '杨'][1 + (hash(id) % 6)::BIGINT] || ['伟', '芳', '娜', '敏', '静', '强', '磊'][1 + (hash(id || 'x') % 7)::BIGINT];
CREATE OR REPLACE MACRO dress_gbt_marital(s) AS CASE s WHEN 'never_married' THEN '10' WHEN 'married' THEN '20' WHEN 'widowed' THEN '30' WHEN 'divorced' THEN '40' END;
CREATE OR REPLACE MACRO dress_label_marital(s) AS CASE s WHEN 'never_married' THEN '未婚' WHEN 'married' THEN '已婚' WHEN 'widowed' THEN '丧偶' WHEN 'divorced' THEN '离婚' END;
`;

/** Views over the Parquet tables with each person's ID number built (and the wrong ones chosen). */
function personViews(wrong: number): string {
  const pick = (table: string, id: string, where: string) =>
    `CREATE OR REPLACE TABLE wrong_${table} AS SELECT ${id} AS id FROM ${table} WHERE ${where} ORDER BY hash(${id}) LIMIT ${wrong};`;
  return `
${pick('births', 'birth_id', "mother_birth_date IS NOT NULL AND NOT (hash(birth_id) % 5 = 0 AND year(mother_birth_date) < 2000) AND birth_id NOT IN (SELECT id FROM injected)")}
${pick('marriages', 'marriage_id', 'NOT (hash(marriage_id) % 4 = 0 AND year(husband_birth_date) < 2000)')}
${pick('migrants', 'migrant_id', "NOT (hash(migrant_id) % 5 = 0 AND year(birth_date) < 2000) AND migrant_id NOT IN (SELECT id FROM injected)")}
${pick('deaths', 'death_id', 'NOT (hash(death_id) % 5 = 0 AND year(birth_date) < 2000)')}
CREATE OR REPLACE VIEW births_d AS SELECT *, dress_id(left(township_code, 6), mother_birth_date, false,
  row_number() OVER (PARTITION BY left(township_code, 6), mother_birth_date ORDER BY birth_id, file_row_number), hash(birth_id) % 5 = 0,
  birth_id IN (SELECT id FROM wrong_births)) AS mother_id FROM births;
CREATE OR REPLACE VIEW marriages_d AS SELECT *,
  dress_id(left(township_code, 6), husband_birth_date, true, row_number() OVER (PARTITION BY left(township_code, 6), husband_birth_date ORDER BY marriage_id, file_row_number), hash(marriage_id) % 4 = 0, marriage_id IN (SELECT id FROM wrong_marriages)) AS husband_id,
  dress_id(left(township_code, 6), wife_birth_date, false, row_number() OVER (PARTITION BY left(township_code, 6), wife_birth_date ORDER BY marriage_id, file_row_number), hash(marriage_id) % 4 = 1, false) AS wife_id
  FROM marriages;
CREATE OR REPLACE VIEW migrants_d AS SELECT *, dress_id(CASE WHEN length(origin_code) = 6 THEN origin_code ELSE origin_code || '0102' END, birth_date, sex = 'M',
  row_number() OVER (PARTITION BY origin_code, birth_date, sex ORDER BY migrant_id, file_row_number), hash(migrant_id) % 5 = 0,
  migrant_id IN (SELECT id FROM wrong_migrants)) AS person_id FROM migrants;
CREATE OR REPLACE VIEW deaths_d AS SELECT *, dress_id(left(township_code, 6), birth_date, sex = 'M',
  row_number() OVER (PARTITION BY left(township_code, 6), birth_date, sex ORDER BY death_id, file_row_number), hash(death_id) % 5 = 0,
  death_id IN (SELECT id FROM wrong_deaths)) AS person_id FROM deaths;
`;
}

/** The office files of the mixed layout. */
function mixedFiles(): Dressed[] {
  return [
    {
      name: '区划.xlsx', encoding: 'xlsx', title: '乡镇（街道）统计用区划代码表',
      select: `SELECT code || '000' AS "统计用区划代码", name AS "名称", name_en AS "英文名称", area_km2 AS "面积（平方公里）" FROM regions ORDER BY file_row_number`,
    },
    {
      name: '户籍人口.xlsx', encoding: 'xlsx', title: '年末户籍人口（分性别、年龄）',
      select: `SELECT year AS "年度", township_code AS "乡镇（街道）代码", CASE WHEN age = 100 THEN '100岁及以上' ELSE age::VARCHAR END AS "年龄",
        max(count) FILTER (WHERE sex = 'M') AS "男", max(count) FILTER (WHERE sex = 'F') AS "女"
        FROM population GROUP BY year, township_code, age ORDER BY year, township_code, age`,
    },
    {
      name: '出生医学证明.csv', encoding: 'gb18030',
      select: `SELECT birth_id AS "出生医学证明编号", dress_name(birth_id) AS "新生儿姓名", CASE sex WHEN 'M' THEN '1' ELSE '2' END AS "性别",
        strftime(birth_date, '%Y年%-m月%-d日') AS "出生日期", birth_order AS "孩次", plurality AS "胎数", dress_name(birth_id || 'm') AS "母亲姓名",
        mother_id AS "母亲身份证件号码", CASE mother_residence WHEN 'registered' THEN '户籍' ELSE '流动' END AS "母亲户籍类型",
        CASE policy_status WHEN 'compliant' THEN '政策内' WHEN 'noncompliant' THEN '政策外' ELSE '不详' END AS "政策属性",
        CASE delivery_place WHEN 'hospital' THEN '医疗机构' WHEN 'other' THEN '其他' END AS "分娩地点",
        township_code AS "乡镇（街道）代码", village_code AS "现住址行政区划代码" FROM births_d ORDER BY file_row_number`,
    },
    {
      name: '婚姻登记.xlsx', encoding: 'xlsx', dates: ['登记日期'],
      select: `SELECT marriage_id AS "结婚证字号", registration_date AS "登记日期", township_code || '000' AS "登记机关区划代码",
        dress_name(marriage_id || 'h') AS "男方姓名", husband_id AS "男方身份证号", dress_gbt_marital(husband_prior) AS "男方婚前婚姻状况",
        dress_name(marriage_id || 'w') AS "女方姓名", wife_id AS "女方身份证号", dress_label_marital(wife_prior) AS "女方婚前婚姻状况" FROM marriages_d ORDER BY file_row_number`,
    },
    {
      name: '流入人口.csv', encoding: 'utf-8-bom',
      select: `SELECT migrant_id AS "流动人口编号", dress_name(migrant_id) AS "姓名", person_id AS "公民身份号码",
        strftime(arrival_date, '%Y%m%d') AS "流入时间", strftime(departure_date, '%Y/%-m/%-d') AS "离开时间",
        township_code AS "现居住地乡镇（街道）代码", CASE WHEN length(origin_code) = 2 THEN origin_code || '0000' ELSE origin_code END AS "户籍地区划代码",
        dress_gbt_marital(marital_status) AS "婚姻状况", CASE WHEN has_certificate THEN '是' ELSE '否' END AS "是否持证"
        FROM migrants_d WHERE direction = 'in' ORDER BY file_row_number`,
    },
    {
      name: '流出人口.csv', encoding: 'gb18030',
      select: `SELECT migrant_id AS "流动人口编号", dress_name(migrant_id) AS "姓名", person_id AS "身份证号码",
        strftime(arrival_date, '%Y-%m-%d') AS "流出时间", strftime(departure_date, '%Y-%m-%d') AS "返回时间",
        township_code AS "户籍地乡镇（街道）代码", origin_code AS "流入地区划代码",
        dress_label_marital(marital_status) AS "婚姻状况", CASE WHEN has_certificate THEN '是' ELSE '否' END AS "是否持证"
        FROM migrants_d WHERE direction = 'out' ORDER BY file_row_number`,
    },
    {
      name: '死亡证明.csv', encoding: 'utf-8',
      select: `SELECT death_id AS "死亡证明编号", dress_name(death_id) AS "姓名", person_id AS "公民身份号码",
        strftime(death_date, '%Y-%m-%d') AS "死亡日期", township_code AS "乡镇（街道）代码" FROM deaths_d ORDER BY file_row_number`,
    },
  ];
}

async function writeXlsx(connection: DuckDBConnection, d: Dressed, file: string): Promise<void> {
  const result = await connection.stream(d.select);
  const names = result.columnNames();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });
  const ws = wb.addWorksheet('Sheet1');
  if (d.title) ws.addRow([d.title]).commit();
  ws.addRow(names).commit();
  const dateColumns = new Set((d.dates ?? []).map((n) => names.indexOf(n)));
  for await (const rows of result.yieldRowsJson()) {
    for (const row of rows) {
      const cells = names.map((_n, i) => {
        const v = row[i];
        if (v === null || v === undefined) return null;
        if (dateColumns.has(i)) return new Date(`${String(v)}T00:00:00Z`);
        return typeof v === 'number' ? v : String(v);
      });
      const added = ws.addRow(cells);
      for (const i of dateColumns) added.getCell(i + 1).numFmt = 'yyyy-mm-dd';
      added.commit();
    }
  }
  await wb.commit();
}

async function writeCsv(connection: DuckDBConnection, d: Dressed, file: string): Promise<void> {
  const utf8 = `${file}.utf8`;
  await connection.run(`COPY (${d.select}) TO '${utf8.replaceAll("'", "''")}' (HEADER, DELIMITER ',')`);
  if (d.encoding === 'gb18030') {
    await pipeline(createReadStream(utf8), iconv.decodeStream('utf8'), iconv.encodeStream('gb18030'), createWriteStream(file));
  } else {
    const out = createWriteStream(file);
    if (d.encoding === 'utf-8-bom') out.write('\uFEFF');
    await pipeline(createReadStream(utf8), out);
  }
  rmSync(utf8);
}

/** Writes the office files of `parquetDir` (a contract export with manifest.json) into `outDir`. */
export async function dressOfficeExport(parquetDir: string, outDir: string, options: DressOptions = {}): Promise<DressResult> {
  mkdirSync(outDir, { recursive: true });
  const instance = await DuckDBInstance.create(options.scratchDb ?? ':memory:');
  const connection = await instance.connect();
  try {
    for (const t of ['regions', 'population', 'births', 'marriages', 'migrants', 'deaths']) {
      // Row order matters (a repeated id's first row is the one kept), so every file keeps the export's order.
      await connection.run(`CREATE TABLE ${t} AS SELECT * FROM read_parquet('${path.join(parquetDir, `${t}.parquet`).replaceAll("'", "''")}', file_row_number = true)`);
    }
    const manifest = path.join(parquetDir, 'manifest.json').replaceAll("'", "''");
    await connection.run(`CREATE TABLE injected AS SELECT unnest(injected).id AS id FROM read_json('${manifest}')`);
    for (const statement of `${MACROS}\n${personViews(options.wrongCheckDigits ?? 0)}`.split(';\n')) {
      if (statement.trim() !== '') await connection.run(statement);
    }
    const files: string[] = [];
    for (const d of mixedFiles()) {
      const layout = options.layout ?? 'mixed';
      const encoding = layout === 'mixed' ? d.encoding : layout;
      const name = layout === 'mixed' ? d.name : d.name.replace(/\.(csv|xlsx)$/, encoding === 'xlsx' ? '.xlsx' : '.csv');
      const file = path.join(outDir, name);
      if (encoding === 'xlsx') await writeXlsx(connection, { ...d, encoding }, file);
      else await writeCsv(connection, { ...d, encoding }, file);
      files.push(file);
    }
    const topo = path.join(parquetDir, 'regions.topojson');
    if (existsSync(topo)) copyFileSync(topo, path.join(outDir, 'regions.topojson'));
    const corrupted: { table: string; id: string }[] = [];
    for (const table of ['births', 'marriages', 'migrants', 'deaths']) {
      const rows = (await connection.runAndReadAll(`SELECT id FROM wrong_${table} ORDER BY id`)).getRowObjectsJson();
      corrupted.push(...rows.map((r) => ({ table, id: String(r.id) })));
    }
    return { corrupted, files };
  } finally {
    connection.closeSync();
    instance.closeSync();
    if (options.scratchDb) for (const f of [options.scratchDb, `${options.scratchDb}.wal`]) rmSync(f, { force: true });
  }
}
