/** Small shared helpers for tests: temporary folders that clean themselves up, an in-memory DuckDB. */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, expect, onTestFinished } from 'vitest';

/**
 * A fresh folder under the OS temp folder, removed when the test that made it finishes (called
 * inside `it`) or after its suite (called while a `describe` is collected). `afterAll` registered
 * from inside a running test is never run, which used to leave DuckDB folders behind.
 */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `renkou-${prefix}-`));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  if (expect.getState().currentTestName !== undefined) onTestFinished(remove);
  else afterAll(remove);
  return dir;
}

/**
 * A copy of an imported database without some of its rollups, as a database imported before they
 * were added looks: what the server reads instead is then checked against the rollups' answers.
 */
export async function copyWithoutTables(dbPath: string, copyPath: string, tables: readonly string[]): Promise<void> {
  copyFileSync(dbPath, copyPath);
  const instance = await DuckDBInstance.create(copyPath);
  const connection = await instance.connect();
  try {
    for (const table of tables) await connection.run(`DROP TABLE ${table}`);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Runs `use` on a connection to a fresh in-memory DuckDB, closed afterwards whatever happens. */
export async function withMemoryDb<T>(use: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  return withDb(':memory:', use);
}

/** A database file opened read-only for `use`, and closed after it. */
export async function withDbFile<T>(file: string, use: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  return withDb(file, use, { access_mode: 'READ_ONLY' });
}

async function withDb<T>(file: string, use: (connection: DuckDBConnection) => Promise<T>, options?: Record<string, string>): Promise<T> {
  const instance = await DuckDBInstance.create(file, options);
  const connection = await instance.connect();
  try {
    return await use(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
