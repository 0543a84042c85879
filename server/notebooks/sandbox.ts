/**
 * @module notebooks/sandbox
 * Where a report's `sql` blocks run: a DuckDB database in memory, made for one render, holding
 * aggregates only — the rollups (and the calendar, the township list) for the townships the asker
 * may see, never a record table, quarantine or the import's metadata. A county account gets every
 * township and the county: its rollups are files of those rollups alone attached read-only
 * (reportTables.ts), not copies; a township account gets copies of its own townships' rows.
 * A township account under small-cell suppression gets no monthly rollup at all, but
 * `published_cells`: every cell its answers can show (server/disclosure/), `n` NULL where the
 * small-cell rule withholds it — so no SQL can print what the API would not. Only the tables a
 * notebook's SQL names are copied. Once filled, the database is locked: no file or network access,
 * no settings changed.
 *
 * @example
 * const sandbox = await Sandbox.open(db, { townships: 'all', publishedOnly: false, threshold: 5 }, new Set(['r_births']));
 * try { await sandbox.run('SELECT sum(n) FROM r_births WHERE township = $t', { t: 'all' }); } finally { sandbox.close(); }
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Database } from '../db/Database.ts';
import { runNamed } from '../db/namedQuery.ts';
import { suppressionPattern, townshipLattice } from '../disclosure/pattern.ts';
import { reportTableFiles } from './reportTables.ts';
import { quoted } from '../db/sqlPath.ts';

/** Tables a sandbox can hold, by what they are copied from (sql/notebooks/sandbox/copy/<name>.sql). */
export const ROLLUP_TABLES = [
  'r_births', 'r_births_age', 'r_deaths', 'r_marriages', 'r_marriage_persons', 'r_migrant_age', 'r_migrant_flow',
  'r_migrant_origin', 'r_migrant_stock', 'r_population', 'township_population',
] as const;
const SHARED_TABLES = ['regions', 'calendar_months', 'year_ends'] as const;
/** A sandbox's memory: its copies (a township account's) or the pages it reads of attached files. */
const SANDBOX_MEMORY = '256MB';

export interface SandboxAccess {
  /** Townships whose rows are copied; 'all' for a county account (every township and the county). */
  readonly townships: readonly string[] | 'all';
  /** A township account under small-cell suppression: the published cells instead of the rollups. */
  readonly publishedOnly: boolean;
  readonly threshold: number;
}

/** The sandbox tables a notebook's SQL names (a word match: naming one too many only copies it). */
export function tablesNamed(sqlTexts: readonly string[]): Set<string> {
  const words = new Set(sqlTexts.join('\n').toLowerCase().match(/[a-z_][a-z0-9_]*/g) ?? []);
  return new Set([...ROLLUP_TABLES, ...SHARED_TABLES, 'published_cells'].filter((t) => words.has(t)));
}

async function copy(source: Database, connection: DuckDBConnection, table: string, access: SandboxAccess): Promise<void> {
  const appender = await connection.createAppender(table);
  try {
    const params = { all: access.townships === 'all', townships: access.townships === 'all' ? [] : [...access.townships] };
    await source.forEachChunk(`notebooks/sandbox/copy/${table}`, params, (chunk) => appender.appendDataChunk(chunk));
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}

async function copyPublishedCells(source: Database, connection: DuckDBConnection, townships: readonly string[], threshold: number): Promise<void> {
  const appender = await connection.createAppender('published_cells');
  try {
    for (const t of townships) {
      const [lattice, pattern] = await Promise.all([townshipLattice(source, t), suppressionPattern(source, t, threshold)]);
      for (const [key, n] of lattice.counted()) {
        const [family, , period, coords] = key.split('/');
        appender.appendVarchar(t);
        appender.appendVarchar(family!);
        appender.appendVarchar(period!);
        appender.appendVarchar(coords!);
        if (pattern.hides(key)) appender.appendNull();
        else appender.appendDouble(n);
        appender.endRow();
      }
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}

/** A county account's rollups as files on disk (reportTables.ts); null to copy them instead. */
async function countyFiles(source: Database, tables: readonly string[]): Promise<Map<string, string> | null> {
  try {
    return await reportTableFiles(source, tables);
  } catch (e) {
    // A folder the server may not write (or a full disk) costs time, not the report.
    console.warn(`report tables: copying into memory instead (${e instanceof Error ? e.message : String(e)})`);
    return null;
  }
}

/**
 * Each file attached read-only under its own name and its table put in the sandbox's place by a
 * view: report SQL reads `r_births` as before. The names come from ROLLUP_TABLES (no input).
 */
async function attachAll(connection: DuckDBConnection, files: ReadonlyMap<string, string>): Promise<void> {
  for (const [table, file] of files) {
    await connection.run(`DROP TABLE ${table}`);
    await connection.run(`ATTACH ${quoted(file)} AS file_${table} (READ_ONLY)`);
    await connection.run(`CREATE VIEW ${table} AS SELECT * FROM file_${table}.main.${table}`);
  }
}

export class Sandbox {
  private readonly extra: DuckDBConnection[] = [];
  private constructor(private readonly instance: DuckDBInstance, private readonly connection: DuckDBConnection) {}

  /** Connections to the sandbox (the first one filled it), for blocks that run side by side. */
  async connections(count: number): Promise<DuckDBConnection[]> {
    while (this.extra.length < count - 1) this.extra.push(await this.instance.connect());
    return [this.connection, ...this.extra.slice(0, count - 1)];
  }

  static async open(source: Database, access: SandboxAccess, tables: ReadonlySet<string>): Promise<Sandbox> {
    // Bounded: DuckDB's default is most of the machine's memory, and a server keeps what it took.
    const instance = await DuckDBInstance.create(':memory:', { memory_limit: SANDBOX_MEMORY });
    const connection = await instance.connect();
    try {
      await runNamed(connection, 'notebooks/sandbox/create');
      for (const table of SHARED_TABLES) if (tables.has(table)) await copy(source, connection, table, access);
      const rollups = ROLLUP_TABLES.filter((t) => tables.has(t));
      const files = access.townships === 'all' && !access.publishedOnly ? await countyFiles(source, rollups) : null;
      if (files) await attachAll(connection, files);
      else if (!access.publishedOnly) {
        for (const table of rollups) await copy(source, connection, table, access);
      } else if (tables.has('published_cells') && access.townships !== 'all') {
        await copyPublishedCells(source, connection, access.townships, access.threshold);
      }
      if (access.publishedOnly) await runNamed(connection, 'notebooks/sandbox/drop_rollups');
      await runNamed(connection, 'notebooks/sandbox/lock');
      return new Sandbox(instance, connection);
    } catch (e) {
      connection.closeSync();
      instance.closeSync();
      throw e;
    }
  }

  close(): void {
    for (const c of [this.connection, ...this.extra]) c.closeSync();
    this.instance.closeSync();
  }
}
