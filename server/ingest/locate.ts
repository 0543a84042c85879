/**
 * @module ingest/locate
 * Finds the Parquet files of each contract table in an export folder: `births.parquet`, or a
 * folder `births/` of Parquet files at any depth (hive partitions such as `year=2024/` allowed).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export interface TableFiles {
  readonly files: string[];
  /** True when a folder level is named `key=value`: DuckDB then adds those columns. */
  readonly hive: boolean;
}

export function locateTable(folder: string, table: string): TableFiles | null {
  const single = path.join(folder, `${table}.parquet`);
  if (existsSync(single) && statSync(single).isFile()) return { files: [single], hive: false };
  const dir = path.join(folder, table);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return null;
  const files = listParquet(dir).sort();
  return { files, hive: files.some((f) => path.relative(dir, f).split(path.sep).some((part) => part.includes('='))) };
}

function listParquet(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...listParquet(full));
    else if (entry.isFile() && entry.name.endsWith('.parquet')) found.push(full);
  }
  return found;
}
