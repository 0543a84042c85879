/**
 * @module cli/ingest
 * `renkou ingest <folder> [--db file] [--keep N] [--dry-run]`: import exports (Parquet, or CSV / Excel
 * mapped by renkou-mapping.yaml or recognised automatically), print the mapping used and the per-table counts.
 * `--engine spark [--master spark://host:port]` runs the checks and rollups as a Spark job (spark/).
 */
import { rmSync } from 'node:fs';
import { ingest, readManifestCountyName, type IngestReport } from '../ingest/ingest.ts';
import { ingestSpark } from '../spark/ingestSpark.ts';
import { isIngestError } from '../ingest/IngestError.ts';
import { parseCommandArgs, UsageError, type Command } from './command.ts';
import { dataDirFrom, dbPathFrom, dropTablesFrom } from './config.ts';
import { printMapping } from './printMapping.ts';
import { printIngestReport } from './printReport.ts';

export const command: Command = {
  name: 'ingest',
  summary: 'import an export folder (Parquet, CSV, Excel) into the database (checked, quarantined, swapped in atomically); --dry-run only reports',
  usage: 'renkou ingest [<folder>] [--db <file>] [--keep <versions>] [--county-name <名称>] [--drop <table>]… [--dry-run] [--engine duckdb|spark] [--master spark://host:port]',
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, {
      db: { type: 'string' }, keep: { type: 'string' }, 'county-name': { type: 'string' }, 'dry-run': { type: 'boolean' },
      engine: { type: 'string' }, master: { type: 'string' }, drop: { type: 'string', multiple: true },
    }, true);
    const dropTables = dropTablesFrom(values.drop);
    const engine = values.engine ?? 'duckdb';
    if (engine !== 'duckdb' && engine !== 'spark') throw new UsageError(`--engine must be duckdb or spark, not "${engine}"`);
    if (values.master !== undefined && engine !== 'spark') throw new UsageError('--master needs --engine spark');
    if (values.master !== undefined && !/^(spark|yarn|k8s|local)/.test(values.master)) throw new UsageError(`--master must be a Spark master URL such as spark://host:7077, not "${values.master}"`);
    if (values['dry-run'] && engine === 'spark') throw new UsageError('--dry-run runs on the DuckDB engine only');
    if (positionals.length > 1) throw new UsageError('give one export folder');
    const source = dataDirFrom(positionals[0]);
    const keep = values.keep === undefined ? undefined : Number(values.keep);
    if (keep !== undefined && (!Number.isInteger(keep) || keep < 0)) throw new UsageError('--keep must be a whole number ≥ 0');
    try {
      const common = {
        source, dbPath: dbPathFrom(values.db), keepVersions: keep, dropTables,
        countyName: values['county-name'] ?? readManifestCountyName(source), onProgress: (m: string) => console.error(m),
      };
      const report: IngestReport = engine === 'spark'
        ? await ingestSpark({ ...common, master: values.master })
        : await ingest({ ...common, dryRun: values['dry-run'] ?? false, onScratch: removeOnStop });
      if (report.mapping.length > 0) {
        console.log(report.mappingFromProfile ? '按 renkou-mapping.yaml 映射 — mapping from renkou-mapping.yaml:'
          : '没有 renkou-mapping.yaml：已自动识别如下（运行 renkou map 可保存并修改）— recognised automatically:');
        printMapping(report.mapping);
      }
      // a dry run that finds the import would stop fails, as the import would
      return printIngestReport(report) ? 0 : 1;
    } catch (e) {
      if (!isIngestError(e)) throw e;
      console.error(`导入已停止（${e.code}）：${e.message}\n当前数据库未改变 — import stopped; the current database was not changed.`);
      return 1;
    }
  },
};

/**
 * A stopped import (Ctrl-C, SIGTERM) removes the files it was writing beside the database: the
 * half-built database, and the work folder whose decoded copies of office files hold names and ID
 * numbers. The current database is untouched either way.
 */
function removeOnStop(paths: readonly string[]): void {
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.once(signal, () => {
      for (const p of paths) rmSync(p, { force: true, recursive: true });
      console.error('导入已中断，已删除未完成的文件；当前数据库未改变 — import stopped; the current database was not changed.');
      process.exit(code);
    });
  }
}
