/**
 * @module ingest/projectionAssumptions
 * Import step after the rollups: derives the projection assumptions of the county and of every
 * township for the latest base year (projection/assumptions.ts, from the same rollup reads the
 * server would make) and stores them as rows of numbers in `projection_assumptions`
 * (projection/assumptionRows.ts), with the hash of the deriving code in `ingest_meta`. The first
 * projection after start then reads one small table instead of deriving (projection/storedAssumptions.ts).
 *
 * @example
 * await storeProjectionAssumptions(connection, progress);
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { runNamed } from '../db/namedQuery.ts';
import { runNamedNumeric } from '../db/numericQuery.ts';
import type { Params } from '../db/bind.ts';
import { forEachAssumptionRow } from '../projection/assumptionRows.ts';
import { deriveAllAssumptions } from '../projection/assumptions.ts';
import { readProjectionData, type ProjectionReader } from '../projection/data.ts';
import { dataSpan } from '../projection/assumptionsOf.ts';
import { derivationVersion } from '../projection/storedAssumptions.ts';

/** Named queries on the import's one connection, one after another (the reader asks for several at once). */
function connectionReader(connection: DuckDBConnection): ProjectionReader {
  let last: Promise<unknown> = Promise.resolve();
  const serial = <T>(run: () => Promise<T>): Promise<T> => {
    const next = last.then(run, run);
    last = next.catch(() => {});
    return next;
  };
  return {
    query: <T>(name: string, params: Params = {}) => serial(async () => (await runNamed(connection, name, params)) as T[]),
    queryNumeric: (name: string, params: Params = {}) => serial(() => runNamedNumeric(connection, name, params)),
  } as ProjectionReader;
}

/**
 * Stores the assumptions, or says why it could not: they are a head start, not data, so a failure
 * here does not fail the import — without the record in `ingest_meta` the server derives them as
 * before (and meets the same problem, if any, when a projection is asked for).
 */
export async function storeProjectionAssumptions(connection: DuckDBConnection, progress: (m: string) => void): Promise<void> {
  try {
    await store(connection, progress);
  } catch (e) {
    progress(`预测假设未保存（预测时将现算）：${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
}

async function store(connection: DuckDBConnection, progress: (m: string) => void): Promise<void> {
  const started = performance.now();
  await runNamed(connection, 'ingest/projection_assumptions_table');
  const years = await runNamed(connection, 'projection/years');
  const baseYear = years.at(-1)?.year;
  if (typeof baseYear !== 'number') return;
  const span = dataSpan(baseYear);
  const all = deriveAllAssumptions(await readProjectionData(connectionReader(connection), span.from, span.to), baseYear);
  const appender = await connection.createAppender('projection_assumptions');
  try {
    forEachAssumptionRow(all.values(), (row) => {
      appender.appendInteger(row[0]!);
      appender.appendSmallInt(row[1]!);
      for (let c = 2; c < row.length; c++) appender.appendDouble(row[c] ?? NaN);
      appender.endRow();
    });
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  await runNamed(connection, 'ingest/record_meta', { key: 'projection_assumptions', value: derivationVersion() });
  progress(`预测假设：基年 ${baseYear}，${all.size} 个单位（${((performance.now() - started) / 1000).toFixed(1)} 秒）`);
}
