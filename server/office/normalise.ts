/**
 * @module office/normalise
 * Turns mapped office tables into contract rows, so that everything after the door — the rule
 * files in sql/ingest/ and the rollups — sees the contract alone. Each table's files are read by
 * `sql/office/<table>.sql` into a temporary `office_rows` table of contract columns (plus `_file`,
 * the file's name, and `_row`, its data row number), which becomes the rule files' `src`. The
 * large tables number their rows after the insert, from the order it keeps (office/number_rows),
 * so that reading and mapping a file runs on every thread.
 *
 * The SQL is fixed text: the file, the field name of each column (`read_csv`'s `names`) and the
 * code tables are bound as session variables. Only the `office_rows` column list is assembled,
 * from the contract's constant names, as ingest's Parquet staging does.
 *
 * @example
 * await prepareOffice(connection, profile.values, idSecret(dbPath));
 * await stageOffice(connection, TABLES.births, mappedSources);
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { STORAGE_TYPE, type TableDef } from '../../contract/tables.ts';
import { runNamed } from '../db/namedQuery.ts';
import type { Params } from '../db/bind.ts';
import { CODE_TABLES, codeLists, type CodeTableName } from './codes.ts';
import { IGNORE } from './fields.ts';
import { sourceName, type FileMapping, type MappingProfile } from './mapping.ts';
import { graduatePopulation, isGrouped } from './graduate.ts';
import { OfficeError } from './OfficeError.ts';
import { sampleSource, type Source } from './tabular.ts';

export interface MappedSource {
  readonly source: Source;
  readonly mapping: FileMapping;
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
async function columnNames(connection: DuckDBConnection, m: MappedSource): Promise<string[]> {
  const { headers } = await sampleSource(connection, m.source);
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
 * Reads every file of one table into `office_rows` and defines `src` over it for the rule file.
 * Answers what the import should remember about it (a population given in 5-year groups).
 */
export async function stageOffice(connection: DuckDBConnection, table: TableDef, sources: readonly MappedSource[]): Promise<{ graduated: boolean }> {
  let graduated = false;
  const columns = table.columns.map((c) => `"${c.name}" ${STORAGE_TYPE[c.family]}`);
  await runNamed(connection, 'office/drop_rows');
  await connection.run(`CREATE TEMP TABLE office_rows (${columns.join(', ')}, _file VARCHAR, _row BIGINT)`);
  for (const m of sources) {
    const names = await columnNames(connection, m);
    const wide = names.includes('male_count') || names.includes('female_count');
    const params: Params = { file: m.source.csv, delim: m.source.delimiter, names, source: sourceName(m.mapping), direction: m.mapping.direction, wide };
    await runNamed(connection, 'office/source', params);
    const first = Number((await runNamed(connection, 'office/count_rows'))[0]?.n ?? 0);
    try {
      if (table.name === 'population' && (await isGrouped(connection, m.source.name))) {
        await graduatePopulation(connection, m.source.name);
        graduated = true;
      } else await runNamed(connection, `office/${table.name}`);
      await runNamed(connection, 'office/number_rows', { first });
    } catch (e) {
      if (e instanceof OfficeError) throw e;
      throw new OfficeError('format', `${m.source.name}：读取失败（${(e instanceof Error ? e.message : String(e)).split('\n')[0]}）`, m.source.name);
    }
  }
  await runNamed(connection, 'office/src_view');
  return { graduated };
}

/** Drops the normalised rows once the rule file has made the table from them. */
export async function dropOfficeRows(connection: DuckDBConnection): Promise<void> {
  await runNamed(connection, 'office/drop_rows');
}
