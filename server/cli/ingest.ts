/**
 * @module cli/ingest
 * `renkou ingest <folder> [--db file] [--keep N]`: import Parquet exports, print per-table counts.
 */
import { ingest, readManifestCountyName } from '../ingest/ingest.ts';
import { isIngestError } from '../ingest/IngestError.ts';
import { parseCommandArgs, UsageError, type Command } from './command.ts';
import { dataDirFrom, dbPathFrom } from './config.ts';
import { printIngestReport } from './printReport.ts';

export const command: Command = {
  name: 'ingest',
  summary: 'import a folder of Parquet exports into the database (checked, quarantined, swapped in atomically)',
  usage: 'renkou ingest [<folder>] [--db <file>] [--keep <versions>] [--county-name <名称>]',
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, {
      db: { type: 'string' }, keep: { type: 'string' }, 'county-name': { type: 'string' },
    }, true);
    if (positionals.length > 1) throw new UsageError('give one export folder');
    const source = dataDirFrom(positionals[0]);
    const keep = values.keep === undefined ? undefined : Number(values.keep);
    if (keep !== undefined && (!Number.isInteger(keep) || keep < 0)) throw new UsageError('--keep must be a whole number ≥ 0');
    try {
      const report = await ingest({
        source, dbPath: dbPathFrom(values.db), keepVersions: keep,
        countyName: values['county-name'] ?? readManifestCountyName(source),
        onProgress: (m) => console.error(m),
      });
      printIngestReport(report);
      return 0;
    } catch (e) {
      if (!isIngestError(e)) throw e;
      console.error(`import stopped [${e.code}]: ${e.message}\nThe current database was not changed.`);
      return 1;
    }
  },
};
