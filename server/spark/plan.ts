/**
 * @module spark/plan
 * The job plan that `renkou ingest --engine spark` hands to spark/job.py: where each contract
 * table's Parquet files are, its columns in their storage types, which rule file checks it, and the
 * parameters the rule files bind. The rules themselves stay in sql/ingest/ and sql/rollups/.
 *
 * @example
 * const plan = sparkPlan('data/demo', '/tmp/out', '2026-11-23');
 */
import path from 'node:path';
import { STORAGE_TYPE, TABLES, TABLE_ORDER, type TableName } from '../../contract/tables.ts';
import { IngestError } from '../ingest/IngestError.ts';
import { RULE_PARAMS } from '../ingest/ingest.ts';
import { locateTable } from '../ingest/locate.ts';
import { SQL_DIR } from '../paths.ts';

export interface PlanTable {
  readonly name: TableName;
  /** The table's Chinese name, for the progress lines. */
  readonly zh: string;
  readonly rules: string;
  readonly requiredTable: boolean;
  readonly files: string[];
  readonly hive: boolean;
  /** The table's folder: Spark reads `key=value` levels below it as columns. */
  readonly base: string | null;
  readonly columns: { name: string; type: string }[];
  readonly required: string[];
}

export interface SparkPlan {
  readonly sql: string;
  readonly setup: string;
  readonly rollups: string;
  readonly out: string;
  /** Contract tables the serving database keeps beside the rollups (the township list). */
  readonly serve: TableName[];
  readonly params: Record<string, unknown>;
  readonly tables: PlanTable[];
}

/** Tables a served database needs besides rollups: regions names the townships. */
export const SERVED_TABLES: TableName[] = ['regions'];

export function sparkPlan(source: string, out: string, today: string): SparkPlan {
  const tables = TABLE_ORDER.map((name): PlanTable => {
    const table = TABLES[name];
    const located = locateTable(source, name);
    if ((!located || located.files.length === 0) && table.required) {
      throw new IngestError('table_missing',
        `${source}: 缺少必需的表“${table.zh}”(${name})：Spark 引擎读取 ${name}.parquet 或 ${name}/ 文件夹 — the required table "${name}" is missing (the Spark engine reads Parquet exports only)`);
    }
    const files = (located?.files ?? []).map((f) => path.resolve(f));
    return {
      name, zh: table.zh, rules: `ingest/${name}`, requiredTable: table.required, files, hive: located?.hive ?? false,
      base: located && files.length > 0 && located.hive ? path.resolve(source, name) : null,
      columns: table.columns.map((c) => ({ name: c.name, type: STORAGE_TYPE[c.family] })),
      required: table.columns.filter((c) => c.required).map((c) => c.name),
    };
  });
  return {
    sql: SQL_DIR, setup: 'ingest/setup', rollups: 'rollups/build', out: path.resolve(out), serve: SERVED_TABLES,
    params: { ...RULE_PARAMS, today }, tables,
  };
}
