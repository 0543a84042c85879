/**
 * @module ingest/targets
 * Imports the export folder's targets file (targets/file.ts) into the new database, after the
 * regions (township names in the file are resolved against them). A file that cannot be read
 * stops the import with the line and column named; without a file the table stays empty.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { runNamed } from '../db/namedQuery.ts';
import { isOfficeError } from '../office/OfficeError.ts';
import { TargetFileError, findTargetsFile, readTargetsFile } from '../targets/file.ts';
import { IngestError } from './IngestError.ts';

export async function storeTargets(connection: DuckDBConnection, source: string, work: string, progress: (m: string) => void): Promise<void> {
  const file = findTargetsFile(source);
  if (!file) return;
  const regions = await runNamed(connection, 'meta/townships');
  let targets;
  try {
    targets = await readTargetsFile(connection, file, work, { names: new Map(regions.map((r) => [String(r.code), String(r.name)])) });
  } catch (e) {
    if (e instanceof TargetFileError || isOfficeError(e)) throw new IngestError('targets_invalid', e.message, file);
    throw e;
  }
  if (targets.length === 0) return;
  await runNamed(connection, 'ingest/targets', {
    measures: targets.map((t) => t.measure), scopes: targets.map((t) => t.scope),
    years: targets.map((t) => (t.year === null ? '' : String(t.year))),
    directions: targets.map((t) => t.direction), values: targets.map((t) => t.value),
    uppers: targets.map((t) => (t.upper === null ? '' : String(t.upper))), lines: targets.map((t) => t.by ?? ''),
  });
  progress(`目标（targets）：从 ${file} 读取 ${targets.length} 条`);
}
