/**
 * @module cli/rollback
 * `renkou rollback [--db file]`: serve the previous import again.
 */
import { rollback } from '../ingest/rollback.ts';
import { isIngestError } from '../ingest/IngestError.ts';
import { parseCommandArgs, UsageError, type Command } from './command.ts';
import { dbPathFrom } from './config.ts';

export const command: Command = {
  name: 'rollback',
  summary: 'put the previous import back (the replaced one is kept as <db>.rolled-back)',
  usage: 'renkou rollback [--db <file>]',
  async run(argv) {
    const { values } = parseCommandArgs(argv, { db: { type: 'string' } });
    const dbPath = dbPathFrom(values.db);
    try {
      rollback(dbPath);
    } catch (e) {
      if (isIngestError(e)) throw new UsageError(e.message);
      throw e;
    }
    console.log(`${dbPath} is the previous import again; a running server switches at its next request`);
    return 0;
  },
};
