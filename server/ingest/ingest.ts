/**
 * @module ingest/ingest
 * `renkou ingest <folder>`: reads the exports into a new DuckDB file beside the current one,
 * checks every contract rule (rows that break one go to `quarantine`), then swaps the new file in
 * atomically. A failure at any point leaves the current database untouched. A table comes as
 * canonical Parquet, or as office files (CSV / Excel with Chinese headers) that server/office/
 * maps onto the contract first; a dry run stops before the swap and reports what would happen.
 *
 * The rules themselves are the `sql/ingest/<table>.sql` files; the only SQL assembled here is
 * the column list of the staging table, built from the contract's constant column names.
 *
 * @example
 * const report = await ingest({ source: 'data/demo', dbPath: 'data/renkou.duckdb' });
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import {
  DELIVERY_PLACES, DIRECTIONS, ID_CHECKS, MARITAL_STATUSES, MAX_AGE, POLICY_STATUSES, PRIOR_STATUSES, REGION_KINDS,
  RESIDENCES, SEXES, TABLES, TABLE_ORDER, TOPOJSON_FILE, type ColumnDef, type Direction, type TableDef, type TableName,
} from '../../contract/tables.ts';
import { bindParams, type Params } from '../db/bind.ts';
import { runNamed } from '../db/namedQuery.ts';
import { diskError } from './diskErrors.ts';
import { blankRows, prepareOffice, removeMapped, stageOffice, totalLines, type MappedSource } from '../office/normalise.ts';
import { isOfficeError } from '../office/OfficeError.ts';
import { planOffice, type OfficePlan } from '../office/plan.ts';
import { idSecret } from '../office/secret.ts';
import { WORK_SUFFIX, type LaterCopies } from '../office/tabular.ts';
import { contractColumns } from './contractView.ts';
import type { Suggestion } from '../office/suggest.ts';
import { IngestError } from './IngestError.ts';
import { allQuarantined, stopOnEmptyTable } from './emptyTables.ts';
import { locateTable, type TableFiles } from './locate.ts';
import { acquireIngestLock, isRunning } from './lock.ts';
import { checkColumns, type FileColumn } from './schema.ts';
import { readTopology } from './topology.ts';
import { storeProjectionAssumptions } from './projectionAssumptions.ts';
import { storeTargets } from './targets.ts';
import { DEFAULT_KEEP_VERSIONS, publishDatabase } from './versions.ts';
import type { TableReport } from '../../contract/imports.ts';
import {
  readPreviousImport, sameCounty, stopOnVanishedData, withLosses, type ConfirmWith, type PreviousImport, type TableSupply,
} from './previousImport.ts';
export type { TableReport };

export interface IngestOptions {
  readonly source: string;
  readonly dbPath: string;
  /** Dates after this day break `future_date`; defaults to today. */
  readonly today?: string;
  readonly countyName?: string;
  readonly keepVersions?: number;
  /** Tables the planner means to empty: an import otherwise stops when one the database has rows of has no file. */
  readonly dropTables?: readonly TableName[];
  /** How that stop says to confirm: by default the import page's box or `renkou ingest … --drop <table>`. */
  readonly confirmWith?: ConfirmWith;
  readonly onProgress?: (message: string) => void;
  /** Check everything and report, but build no rollups and swap nothing in. */
  readonly dryRun?: boolean;
  /**
   * Told, once the import holds the lock, the files it writes beside the database before the swap
   * (the new file, its WAL, the work folder with decoded copies of office files): what to remove if
   * the process is stopped (cli/ingest.ts does, on Ctrl-C or SIGTERM).
   */
  readonly onScratch?: (paths: readonly string[]) => void;
}

export interface IngestReport {
  readonly dbPath: string;
  readonly tables: TableReport[];
  readonly seconds: number;
  readonly dryRun: boolean;
  /** How the office files were mapped (empty for a Parquet export). */
  readonly mapping: Suggestion[];
  /** True when the mapping came from the folder's renkou-mapping.yaml, false when it was recognised automatically. */
  readonly mappingFromProfile: boolean;
}

/** Where one table's rows come from. */
type TableInput = { kind: 'parquet'; located: TableFiles } | { kind: 'office'; sources: MappedSource[]; copies: LaterCopies } | { kind: 'none' };

/** The allowed codes, bound as list parameters so the rule files read them from the contract. */
export const RULE_PARAMS: Params = {
  sexes: SEXES, region_kinds: REGION_KINDS, residences: RESIDENCES, policy_statuses: POLICY_STATUSES,
  delivery_places: DELIVERY_PLACES, prior_statuses: PRIOR_STATUSES, marital_statuses: MARITAL_STATUSES,
  directions: DIRECTIONS, id_checks: ID_CHECKS, max_age: MAX_AGE,
};

/**
 * DuckDB's memory for an import (RENKOU_IMPORT_MEMORY): past it, sorts, joins and aggregates
 * spill to a temporary folder beside the database instead of growing. Without a limit DuckDB takes
 * up to 80% of the machine's memory, and a province of GB18030 CSV peaked at 10 GB.
 */
const IMPORT_MEMORY_LIMIT = process.env.RENKOU_IMPORT_MEMORY ?? '2GB';

export async function ingest(options: IngestOptions): Promise<IngestReport> {
  const started = performance.now();
  const progress = options.onProgress ?? (() => {});
  if (!existsSync(options.source)) {
    throw new IngestError('source_missing', `export folder ${options.source} does not exist`);
  }
  const dryRun = options.dryRun ?? false;
  const release = dryRun ? () => {} : acquireIngestLock(options.dbPath);
  const builtPath = `${options.dbPath}.${dryRun ? `dryrun-${process.pid}` : 'building'}`;
  const work = `${builtPath}${WORK_SUFFIX}`;
  const scratch = [builtPath, `${builtPath}.wal`, work];
  const cleanUp = () => {
    for (const p of scratch) rmSync(p, { force: true, recursive: true });
  };
  try {
    cleanUp();
    removeDeadDryRuns(options.dbPath);
    options.onScratch?.(scratch);
    const topology = readTopology(options.source);
    const instance = await DuckDBInstance.create(builtPath, { memory_limit: IMPORT_MEMORY_LIMIT });
    const connection = await instance.connect();
    const tables: TableReport[] = [];
    let plan: OfficePlan | null = null;
    try {
      plan = await planOffice(connection, options.source, work);
      const inputs = inputsOf(options.source, plan);
      const previous = await readPreviousImport(connection, options.dbPath);
      if (plan) await prepareOffice(connection, plan.values, idSecret(options.dbPath));
      await runNamed(connection, 'ingest/setup');
      await runNamed(connection, 'ingest/code_types', RULE_PARAMS);
      let refreshed: PreviousImport | null = null; // the database replaced, when it holds the same county
      for (const name of TABLE_ORDER) {
        const emptyAllowed = options.dropTables?.includes(name) ?? false;
        tables.push(await ingestTable(connection, TABLES[name], inputs[name], { ...RULE_PARAMS, today: options.today ?? todayIso() }, work, progress, dryRun, emptyAllowed));
        // The record tables after it store township codes as this type.
        if (name === 'regions') {
          await runNamed(connection, 'ingest/township_type');
          const countyCodes = (await runNamed(connection, 'ingest/county_codes')).map((r) => String(r.county_code));
          if (sameCounty(previous, countyCodes)) refreshed = previous;
          if (refreshed) stopOnVanishedData(TABLE_ORDER.map((t) => supplyOf(t, inputs[t])), refreshed, options.dropTables ?? [], options.confirmWith);
        }
      }
      // said under the report (CLI, import page), not as progress
      for (const [i, t] of tables.entries()) tables[i] = await withLosses(connection, t, refreshed, options.dropTables ?? []);
      const countyName = options.countyName ?? refreshed?.countyName; // another county's name is not kept
      await storeMeta(connection, { ...options, countyName }, topology, tables);
      // office exports carry no county name (a Parquet export's manifest does): say how to give one
      if (!countyName) progress('未给出县（区）名称，页面将以县级区划代码称呼本县；在数据导入页填写“县（区）名称”，或命令行导入时用 --county-name <名称> 设定');
      await storeTargets(connection, options.source, work, progress);
      if (!dryRun) {
        await runNamed(connection, 'rollups/build');
        await runNamed(connection, 'rollups/fertility_year');
        await storeProjectionAssumptions(connection, progress);
        await connection.run('CHECKPOINT');
      }
    } finally {
      plan?.copies.stop();
      connection.closeSync();
      instance.closeSync();
    }
    if (dryRun) cleanUp();
    else {
      rmSync(work, { force: true, recursive: true });
      publishDatabase(builtPath, options.dbPath, options.keepVersions ?? DEFAULT_KEEP_VERSIONS);
    }
    const seconds = (performance.now() - started) / 1000;
    progress(dryRun ? `试运行完成，用时 ${seconds.toFixed(1)} 秒：未导入任何数据` : `导入完成，用时 ${seconds.toFixed(1)} 秒 → ${options.dbPath}`);
    return { dbPath: options.dbPath, tables, seconds, dryRun, mapping: plan?.suggestions ?? [], mappingFromProfile: plan?.fromProfile ?? false };
  } catch (e) {
    cleanUp();
    if (isOfficeError(e)) throw new IngestError(e.code === 'unmapped' && !e.file ? 'mapping_needed' : 'office_file', e.message, e.file, e.column);
    throw diskError(e, builtPath) ?? e;
  } finally {
    release();
  }
}

/**
 * Removes what dry runs of stopped processes left beside the database (`<db>.dryrun-<pid>…`: the
 * process id in the name keeps concurrent dry runs apart, so no later run would reuse and remove
 * them). Their work folders hold decoded copies of office files, names and ID numbers included.
 */
export function removeDeadDryRuns(dbPath: string): void {
  const dir = path.dirname(path.resolve(dbPath));
  const prefix = `${path.basename(dbPath)}.dryrun-`;
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    const pid = name.startsWith(prefix) ? Number.parseInt(name.slice(prefix.length), 10) : NaN;
    if (Number.isInteger(pid) && pid !== process.pid && !isRunning(pid)) rmSync(path.join(dir, name), { force: true, recursive: true });
  }
}

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Each table's rows: Parquet files, mapped office files, or nothing (an optional table). */
function inputsOf(source: string, plan: OfficePlan | null): Record<TableName, TableInput> {
  const inputs = {} as Record<TableName, TableInput>;
  for (const name of TABLE_ORDER) {
    const found = locateTable(source, name);
    const office = plan?.byTable[name] ?? [];
    const parquet = found && found.files.length > 0;
    if (parquet && office.length > 0) {
      throw new IngestError('table_twice',
        `${source}: 表 "${name}"（${TABLES[name].zh}）既有 Parquet 文件（${found.files[0]}）又有办公文件（${office.map((o) => o.source.name).join('、')}）；请只保留一种`);
    }
    if (parquet) inputs[name] = { kind: 'parquet', located: found };
    else if (office.length > 0) inputs[name] = { kind: 'office', sources: office, copies: plan!.copies };
    else if (TABLES[name].required) {
      throw new IngestError('table_missing',
        `${source}: 缺少必需的表“${TABLES[name].zh}”(${name})：需要 ${name}.parquet、${name}/ 文件夹，或一个能识别为${TABLES[name].zh}表的 CSV / Excel 文件 — the required table "${name}" is missing`);
    } else inputs[name] = { kind: 'none' };
  }
  return inputs;
}

/** What a table's input supplies, for the check against the database it replaces. */
function supplyOf(table: TableName, input: TableInput): TableSupply {
  if (input.kind === 'none') return { table, hasFiles: false, directions: [] };
  if (input.kind === 'parquet') return { table, hasFiles: true, directions: null };
  // a file with a 流向 column (or no direction of its own) gives each row's: which it holds is not known here
  const byColumn = input.sources.some((s) => s.mapping.direction === null || Object.values(s.mapping.columns).includes('direction'));
  return { table, hasFiles: true, directions: byColumn ? null : [...new Set(input.sources.map((s) => s.mapping.direction as Direction))] };
}

async function ingestTable(
  connection: DuckDBConnection, table: TableDef, input: TableInput, params: Params, work: string,
  progress: (message: string) => void, dryRun: boolean, emptyAllowed = false,
): Promise<TableReport> {
  const started = performance.now();
  const files = input.kind === 'parquet' ? input.located.files : input.kind === 'office' ? input.sources.map((s) => s.source.name) : [];
  let graduated = false;
  let openAgeFrom: number[] = [];
  let linesAdded = 0;
  let mapped: string[] = [];
  let emptyFiles: string[] = [];
  let lines: number | null = null;
  if (input.kind === 'office') ({ graduated, openAgeFrom, linesAdded, files: mapped, emptyFiles, lines } = await stageOffice(connection, table, input.sources, work, input.copies));
  else {
    const located = input.kind === 'parquet' ? input.located : null;
    await stage(connection, table, await checkFiles(connection, table, files), located);
  }
  // The rules, accepted and quarantined count records; 读取 counts the lines the planner sees in the files.
  const records = Number((await runNamed(connection, 'ingest/count_src'))[0]?.n ?? 0);
  const rowsRead = lines ?? records;
  const became = rowsRead !== records ? `，为 ${records.toLocaleString('en')} 条记录` : '';
  const blank = input.kind === 'office' ? await blankRows(connection) : 0;
  const totals = input.kind === 'office' ? await totalLines(connection, table) : 0;
  // a file with only its header, for a table the planner confirmed emptying (--drop), empties it
  if (!(emptyAllowed && !table.required)) stopOnEmptyTable(table, files, rowsRead);
  const skipped = (blank > 0 ? `（另有空行 ${blank.toLocaleString('en')} 行：所读各列都为空，不是记录，未读取）` : '')
    + (totals > 0 ? `（其中合计行 ${totals.toLocaleString('en')} 行：不是记录，未读取）` : '');
  progress(`${table.zh}（${table.name}）：读取 ${rowsRead.toLocaleString('en')} 行${became}${skipped}，来自 ${files.length} 个文件，检查 ${table.rules.length} 条规则……`);
  await checkRules(connection, table, files, params);
  removeMapped(mapped);
  const counts = await runNamed(connection, 'ingest/quarantine_counts', { table: table.name });
  const quarantined = Object.fromEntries(counts.map((r) => [String(r.rule), Number(r.n)]));
  const rejected = counts.reduce((sum, r) => sum + Number(r.n), 0);
  const rowsAccepted = records - rejected;
  const unreadable = rowsAccepted === 0 && quarantined.unreadable_value
    ? Object.fromEntries((await runNamed(connection, 'ingest/unreadable_columns', { table: table.name })).map((r) => [String(r.col), Number(r.n)])) : {};
  const stop = allQuarantined(table, files, rowsRead, rowsAccepted, quarantined, unreadable, records);
  if (stop && !dryRun) throw stop;
  const seconds = (performance.now() - started) / 1000;
  // the data-quality page's rates divide quarantined records by this: records, as before
  await runNamed(connection, 'ingest/record_table',
    { table: table.name, files: files.length, rows_read: records, rows_accepted: rowsAccepted, seconds });
  progress(`${table.zh}（${table.name}）：接受 ${rowsAccepted.toLocaleString('en')} 行，隔离 ${rejected.toLocaleString('en')} 行（${seconds.toFixed(1)} 秒）`);
  return {
    table: table.name, files: files.length, rowsRead, ...(records !== rowsRead ? { records } : {}), rowsAccepted, quarantined, seconds,
    ...(blank > 0 ? { blankRows: blank } : {}), ...(totals > 0 ? { totalLines: totals } : {}), ...(emptyFiles.length > 0 ? { emptyFiles } : {}), ...(graduated ? { graduated } : {}), ...(openAgeFrom.length > 0 ? { openAgeFrom } : {}), ...(linesAdded > 0 ? { linesAdded } : {}), ...(stop ? { wouldStop: stop.message } : {}),
  };
}

/** Reads each file's footer and schema: a corrupt file or a contract break names that file. */
export async function checkFiles(connection: DuckDBConnection, table: TableDef, files: readonly string[]): Promise<ColumnDef[]> {
  let present: ColumnDef[] = table.columns.filter((c) => c.required);
  for (const file of files) {
    let columns: FileColumn[];
    try {
      const reader = await connection.runAndReadAll('DESCRIBE SELECT * FROM read_parquet($file)', { file });
      columns = (reader.getRowObjectsJson() as { column_name: string; column_type: string }[])
        .map((r) => ({ name: r.column_name, type: r.column_type }));
    } catch (e) {
      throw new IngestError('file_unreadable', `${file}: not a readable Parquet file (${firstLine(e)})`, file);
    }
    present = checkColumns(table, file, columns);
  }
  return present;
}

/**
 * Defines `src`: a view over the files with every contract column in its storage type (absent
 * optional columns as NULL), plus `_file` and `_row` so quarantined rows can be traced to their
 * source. A view, not a copy: the rule file reads the Parquet directly, so a large table is not
 * materialised twice. The file list is bound into a session variable, never spliced into SQL.
 */
async function stage(connection: DuckDBConnection, table: TableDef, present: readonly ColumnDef[], located: TableFiles | null): Promise<void> {
  const columns = contractColumns(table, new Set(located && located.files.length > 0 ? present.map((c) => c.name) : []));
  if (!located || located.files.length === 0) {
    await connection.run(`CREATE TEMP VIEW src AS SELECT ${columns.join(', ')}, NULL::VARCHAR AS _file, NULL::BIGINT AS _row WHERE false`);
    return;
  }
  const { values, types } = bindParams({ files: located.files });
  await connection.run('SET VARIABLE ingest_files = $files', values, types);
  await connection.run(`CREATE TEMP VIEW src AS SELECT ${columns.join(', ')}, filename AS _file, file_row_number AS _row
    FROM read_parquet(getvariable('ingest_files'), hive_partitioning = ${located.hive}, union_by_name = true, filename = true, file_row_number = true)`);
}

/**
 * Runs a table's rule file; a failure to read a file's pages (corrupt data) names the file. DuckDB
 * names it in some messages and not in others ("Out of buffer", a Thrift error), so then each file
 * is read in full on its own to find the damaged one.
 */
async function checkRules(connection: DuckDBConnection, table: TableDef, files: readonly string[], params: Params): Promise<void> {
  try {
    await runNamed(connection, `ingest/${table.name}`, params);
  } catch (e) {
    if (diskError(e, '') !== null) throw e;
    const message = firstLine(e);
    const file = files.find((f) => message.includes(f)) ?? await damagedFile(connection, files);
    if (!file) throw e;
    throw new IngestError('file_unreadable', `${file}: the Parquet file is damaged and cannot be read in full (${message}); export it again`, file);
  }
}

/** The first file that cannot be read in full, every column of every row; undefined when all can. */
async function damagedFile(connection: DuckDBConnection, files: readonly string[]): Promise<string | undefined> {
  for (const file of files) {
    try {
      await runNamed(connection, 'ingest/read_file_fully', { file });
    } catch (e) {
      if (diskError(e, file) === null) return file;
      throw e;
    }
  }
  return undefined;
}

export async function storeMeta(
  connection: DuckDBConnection, options: IngestOptions, topology: string | null, tables: readonly TableReport[], extra: Record<string, string> = {},
): Promise<void> {
  const meta: Record<string, string> = {
    ...extra,
    source: path.resolve(options.source),
    ingested_at: new Date().toISOString(),
    county_name: options.countyName ?? '',
    report: JSON.stringify(tables),
    population_graduated: String(tables.some((t) => t.graduated === true)),
    population_open_age_from: tables.flatMap((t) => t.openAgeFrom ?? []).join(','),
  };
  for (const [key, value] of Object.entries(meta)) {
    await runNamed(connection, 'ingest/record_meta', { key, value });
  }
  if (topology !== null) await runNamed(connection, 'ingest/record_asset', { name: TOPOJSON_FILE, content: topology });
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
}

/** Reads the county name that the demo generator records, when the export folder has one. */
export function readManifestCountyName(source: string): string | undefined {
  const manifest = path.join(source, 'manifest.json');
  if (!existsSync(manifest)) return undefined;
  const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { county?: { name?: string } };
  return parsed.county?.name;
}
