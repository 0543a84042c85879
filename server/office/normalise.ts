/**
 * @module office/normalise
 * Turns mapped office tables into contract rows, so that everything after the door — the rule
 * files in sql/ingest/ and the rollups — sees the contract alone. Each file of a table is read by
 * `sql/office/<table>.sql` into a Parquet file of contract columns (plus `_file`, the file's name)
 * in the import's work folder, and `src`, the rule file's input, is a view over those files as it
 * is over an export's own Parquet: a row's `_row` is its place in its file (DuckDB writes the rows
 * in the order read, on every thread), and a large table is not held in memory between the rules'
 * passes. The work folder holds ID-number hashes, never the numbers, and is removed by the import.
 *
 * The SQL is fixed text: the file, the field name of each column (`read_csv`'s `names`) and the
 * code tables are bound as session variables. Only the `src` column list is assembled, from the
 * contract's constant names, as ingest's Parquet staging does (ingest/contractView).
 *
 * @example
 * await prepareOffice(connection, profile.values, idSecret(dbPath));
 * const { files } = await stageOffice(connection, TABLES.births, plan.byTable.births, work, plan.copies);
 * // … the rule file reads src …
 * removeMapped(files);
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { MAX_AGE, type TableDef } from '../../contract/tables.ts';
import { contractColumns } from '../ingest/contractView.ts';
import { runNamed } from '../db/namedQuery.ts';
import { bindParams, type Params } from '../db/bind.ts';
import { CODE_TABLES, codeLists, type CodeTableName } from './codes.ts';
import { IGNORE } from './fields.ts';
import { sourceName, type FileMapping, type MappingProfile } from './mapping.ts';
import { graduatePopulation, groupedAges } from './graduate.ts';
import { splitOpenAgeGroups } from './openAgeGroup.ts';
import { csvReadProblemOf } from './csvErrors.ts';
import { OfficeError } from './OfficeError.ts';
import type { LaterCopies, Source } from './tabular.ts';

export interface MappedSource {
  readonly source: Source;
  readonly mapping: FileMapping;
  /** The file's headers as the plan read them (from the same `read_csv`), so they are not read twice. */
  readonly headers: readonly string[];
}

/** Defines the reading macros and binds the code tables and the ID-hash secret for this connection. */
export async function prepareOffice(connection: DuckDBConnection, values: MappingProfile['values'], secret: string): Promise<void> {
  await runNamed(connection, 'office/macros');
  const params: Record<string, string | readonly string[]> = { secret };
  for (const name of Object.keys(CODE_TABLES) as CodeTableName[]) {
    const { keys, values: codes } = codeLists(name, values[name]);
    params[`${name}_keys`] = keys;
    params[`${name}_values`] = codes;
  }
  await runNamed(connection, 'office/codes', params);
}

/** The field name of each column in file order; columns not read become `_skip_<n>`. */
function columnNames(m: MappedSource): string[] {
  const { headers } = m;
  for (const [header, field] of Object.entries(m.mapping.columns)) {
    if (field !== IGNORE && !headers.includes(header)) {
      throw new OfficeError('unmapped', `${m.source.name}：映射中的列“${header}”（${field}）在文件中不存在；文件的列为：${headers.join('、')}`, m.source.name, header);
    }
  }
  return headers.map((h, i) => {
    const field = m.mapping.columns[h];
    return field && field !== IGNORE ? field : `_skip_${i}`;
  });
}

/**
 * Reads every file of one table into a mapped Parquet file in `work` (waiting for a file still
 * being decoded) and defines `src` over them for the rule file. Answers those files, whether
 * the population came in 5-year groups (the import remembers it), the first ages of open age groups
 * below 100 that were shared over the ages to 100+ (85), how many population lines were added into
 * another's (village lines into their township's), the files with no data rows, and `lines`:
 * the files' data lines as Excel shows them, which the import reports as read (a wide-by-sex
 * population line is two records in `src`, a 5-year group line five or one per sex).
 */
export async function stageOffice(
  connection: DuckDBConnection, table: TableDef, sources: readonly MappedSource[], work: string, copies: LaterCopies,
): Promise<{ graduated: boolean; openAgeFrom: number[]; linesAdded: number; files: string[]; emptyFiles: string[]; lines: number }> {
  let graduated = false;
  let lines = 0;
  let linesAdded = 0;
  const singleAgeFiles: string[] = []; // staged population files of single ages (a graduated file's lines are already summed)
  const openFrom = new Set<number>(); // open age groups below 100 shared over the ages to 100+
  const files: string[] = [];
  const emptyFiles: string[] = [];
  for (const [i, m] of sources.entries()) {
    const names = columnNames(m);
    const wide = names.includes('male_count') || names.includes('female_count');
    const out = path.join(work, `${table.name}.${i}.parquet`);
    // A file with a 流向 column says each row's direction there: a blank one is missing, not the file's guess.
    const direction = names.includes('direction') ? null : m.mapping.direction;
    const params: Params = {
      file: m.source.csv, delim: m.source.delimiter, skip: m.source.skip, header_row: m.source.headerRow, names, source: sourceName(m.mapping), direction, wide, out,
    };
    await runNamed(connection, 'office/source', params);
    await copies.ready(m.source);
    try {
      const ages = table.name === 'population' ? await groupedAges(connection, m.source.name) : null;
      if (ages?.grouped) {
        lines += Number((await runNamed(connection, 'office/population_lines'))[0]?.n ?? 0);
        await graduatePopulation(connection, m.source.name, ages.openFrom);
        graduated = true;
        if (ages.openFrom < MAX_AGE) openFrom.add(ages.openFrom);
      } else {
        // COPY answers the rows it wrote: none means a header and nothing under it (a month with no records, or a wrong file)
        const [written] = await runNamed(connection, `office/${table.name}`);
        if (Number(written?.Count ?? 1) === 0) emptyFiles.push(m.source.name);
        else lines += Number((await runNamed(connection, table.name === 'population' ? 'office/population_mapped_lines' : 'office/mapped_lines', { file: out }))[0]?.n ?? 0);
        if (table.name === 'population') {
          const split = `${out}.split`;
          const froms = await splitOpenAgeGroups(connection, out, split, m.source.name);
          if (existsSync(split)) renameSync(split, out);
          for (const from of froms) openFrom.add(from);
          singleAgeFiles.push(out);
        }
      }
    } catch (e) {
      if (e instanceof OfficeError) throw e;
      throw new OfficeError('format', await csvReadProblemOf(m.source, e), m.source.name);
    }
    files.push(out);
  }
  // lines of one township, year, sex and age are added up across files too (a file per 户口性质 or village)
  const summed = singleAgeFiles.length > 0 ? await sumRepeatedKeys(connection, singleAgeFiles, path.join(work, `${table.name}.sum.parquet`)) : null;
  if (summed) {
    linesAdded = summed.added;
    files.splice(0, files.length, ...files.filter((f) => !singleAgeFiles.includes(f)), summed.file);
    removeMapped(singleAgeFiles);
  }
  await defineSrc(connection, table, files);
  return { graduated, openAgeFrom: [...openFrom].sort((a, b) => a - b), linesAdded, files, emptyFiles, lines };
}

/**
 * Adds up the rows of the staged population files that share a year, township, sex and age (a line per
 * village, or per 户口性质, in one file or several) into `out`; null when no key repeats (nothing written).
 */
async function sumRepeatedKeys(connection: DuckDBConnection, staged: readonly string[], out: string): Promise<{ file: string; added: number } | null> {
  const files = [...staged];
  const [check] = await runNamed(connection, 'office/population_repeated_keys', { files });
  if (Number(check?.repeated ?? 0) === 0) return null;
  try {
    const [r] = await runNamed(connection, 'office/population_sum_lines', { files, out });
    return { file: out, added: Number(r?.added ?? 0) };
  } finally {
    await runNamed(connection, 'office/population_sum_done');
  }
}

/**
 * `src` over the mapped files: the contract's columns, `_file`, and `_row`, the row's number in
 * the planner's file as Excel shows it (its place under the header plus the header's row), without
 * the rows with nothing in any column read — numbered before they are left out, so a quarantined row is
 * found on the row it names.
 */
async function defineSrc(connection: DuckDBConnection, table: TableDef, files: readonly string[]): Promise<void> {
  const mapped = new Set(await mappedColumns(connection, files));
  const columns = contractColumns(table, mapped);
  // a population's total lines (合计) are no records: left out like empty lines, counted by totalLines()
  const totals = mapped.has('_total') ? ' AND _total IS NOT TRUE' : '';
  const { values, types } = bindParams({ files });
  await connection.run('SET VARIABLE office_mapped = $files', values, types);
  await connection.run(`CREATE TEMP VIEW src AS SELECT ${columns.join(', ')}, _file, coalesce(_row, file_row_number + 1) + coalesce(_header_row, 0) AS _row
    FROM read_parquet(getvariable('office_mapped'), union_by_name = true, file_row_number = true) WHERE _blank IS NOT TRUE${totals}`);
}

/** A population's total lines (合计, 全县: left out of src), said in the import's report; 0 for other tables. */
export async function totalLines(connection: DuckDBConnection, table: TableDef): Promise<number> {
  if (table.name !== 'population') return 0;
  return Number((await runNamed(connection, 'office/total_lines'))[0]?.n ?? 0);
}

/** Rows of the staged table with nothing in any column read (left out of src): said in the import's report. */
export async function blankRows(connection: DuckDBConnection): Promise<number> {
  return Number((await runNamed(connection, 'office/blank_rows'))[0]?.n ?? 0);
}

async function mappedColumns(connection: DuckDBConnection, files: readonly string[]): Promise<string[]> {
  const names = new Set<string>();
  for (const file of files) for (const r of await runNamed(connection, 'office/mapped_columns', { file })) names.add(String(r.column_name));
  return [...names];
}

/** Removes a table's mapped files once the rule file has made the table from them. */
export function removeMapped(files: readonly string[]): void {
  for (const file of files) rmSync(file, { force: true });
}
