/**
 * @module notebooks/sqlBlock
 * `sql` blocks: run in the render's sandbox (notebooks/sandbox.ts: aggregates of the asker's
 * townships only, locked against file access), with the notebook's parameters bound as `$name`
 * by the same helper as every named query — never spliced. A block must be exactly one SELECT
 * (or WITH … SELECT) statement; `${other}` inlines an earlier sql block as a subquery. BIGINT and
 * DECIMAL columns come back as numbers.
 *
 * @example
 * const sql = await ReportSql.open(db, { townships: 'all', publishedOnly: false, threshold: 5 }, new Set(['r_births']));
 * try { rows = await sql.run('SELECT sum(n) AS n FROM r_births WHERE township = $township', { township: 'all' }); }
 * finally { sql.close(); }
 */
import { DuckDBTypeId, StatementType, type DuckDBConnection } from '@duckdb/node-api';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { bindParams, type Params } from '../db/bind.ts';
import type { Database } from '../db/Database.ts';
import { rowObjectsJson, runNamed } from '../db/namedQuery.ts';
import { Sandbox, type SandboxAccess } from './sandbox.ts';
import { sqlText } from '../db/sqlFiles.ts';
import { SQL_DIR } from '../paths.ts';
import type { Cell, ResultRow } from './types.ts';

/** More rows than a report can show is a mistake in the notebook, not a result. */
export const MAX_SQL_ROWS = 50_000;

const NUMERIC_AS_TEXT = new Set<number>([DuckDBTypeId.BIGINT, DuckDBTypeId.UBIGINT, DuckDBTypeId.HUGEINT, DuckDBTypeId.UHUGEINT, DuckDBTypeId.DECIMAL]);

const READ_ONLY = 'a sql block may only read: SELECT or WITH … SELECT';

export class ReportSql {
  private next = 0;
  private constructor(private readonly sandbox: Sandbox, private readonly connections: DuckDBConnection[]) {}

  static async open(source: Database, access: SandboxAccess, tables: ReadonlySet<string>, connections = 2): Promise<ReportSql> {
    const sandbox = await Sandbox.open(source, access, tables);
    return new ReportSql(sandbox, await sandbox.connections(connections));
  }

  async run(text: string, params: Params): Promise<{ rows: ResultRow[]; columns: string[] }> {
    const connection = this.connections[this.next++ % this.connections.length]!;
    const extracted = await connection.extractStatements(text);
    if (extracted.count !== 1) throw new Error(`a sql block must hold exactly one SELECT statement, not ${extracted.count}`);
    // Before binding: a DELETE on a sandbox view would otherwise fail with the binder's words.
    const [parsed] = await runNamed(connection, 'notebooks/sandbox/statement_tree', { sql: text });
    const tree = JSON.parse(String(parsed?.tree ?? '{}')) as { error?: boolean; error_type?: string };
    if (tree.error && tree.error_type === 'not implemented') throw new Error(READ_ONLY);
    const prepared = await extracted.prepare(0);
    try {
      if (prepared.statementType !== StatementType.SELECT) {
        throw new Error(`${READ_ONLY} (this is a ${StatementType[prepared.statementType] ?? 'different'} statement)`);
      }
      const names = Array.from({ length: prepared.parameterCount }, (_, k) => prepared.parameterName(k + 1));
      const { values, types } = bindParams(params, names);
      prepared.bind(values, types);
      const reader = await prepared.runAndReadAll();
      const columns = reader.deduplicatedColumnNames();
      const numeric = reader.columnTypes().map((t) => NUMERIC_AS_TEXT.has(t.typeId));
      const json = rowObjectsJson(reader);
      if (json.length > MAX_SQL_ROWS) throw new Error(`the query returned ${json.length} rows; a report block takes at most ${MAX_SQL_ROWS}`);
      const rows = json.map((r) => {
        const row: ResultRow = {};
        columns.forEach((c, i) => {
          const v = r[c];
          row[c] = numeric[i] && v !== null && v !== undefined ? Number(v) : toCell(v);
        });
        return row;
      });
      return { rows, columns };
    } finally {
      prepared.destroySync();
    }
  }

  close(): void {
    this.sandbox.close();
  }
}

function reusable(name: string): string | undefined {
  const file = path.join(SQL_DIR, 'notebooks', `${name}.sql`);
  return existsSync(file) ? sqlText(`notebooks/${name}`).replace(/^\s*--.*$/gm, '') : undefined;
}

function toCell(v: unknown): Cell {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return JSON.stringify(v);
}

/** Block texts with the reusable queries they name (`${name}` → sql/notebooks/<name>.sql), to see which tables they read. */
export function withReusable(texts: readonly string[]): string[] {
  const names = new Set(texts.flatMap((t) => [...t.matchAll(/\$\{\s*([a-z_][a-z0-9_]*)\s*\}/g)].map((m) => m[1]!)));
  return [...texts, ...[...names].map(reusable).filter((t): t is string => t !== undefined)];
}

/**
 * Replaces `${name}` with the text of an earlier sql block, or else of the reusable query
 * `sql/notebooks/<name>.sql`, as a parenthesised subquery.
 */
export function inlineReferences(text: string, earlier: ReadonlyMap<string, string>): string {
  return text.replace(/\$\{\s*([a-z_][a-z0-9_]*)\s*\}/g, (_, name: string) => {
    const sql = earlier.get(name) ?? reusable(name);
    if (sql === undefined) throw new Error(`\${${name}} names no earlier sql block and no file sql/notebooks/${name}.sql`);
    return `(\n${sql.trim().replace(/;\s*$/, '')}\n)`;
  });
}
