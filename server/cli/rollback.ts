/**
 * @module cli/rollback
 * `renkou rollback [--db file]`: serve the previous import again, and say which import that is
 * (time, county, rows) and where the replaced one was kept — run twice, it goes two imports back.
 */
import { rollback } from '../ingest/rollback.ts';
import { isIngestError } from '../ingest/IngestError.ts';
import { describeImport, readImportSummary } from '../ingest/importSummary.ts';
import { parseCommandArgs, type Command } from './command.ts';
import { dbPathFrom } from './config.ts';

export const command: Command = {
  name: 'rollback',
  summary: 'put the previous import back (the replaced one is kept as <db>.rolled-back, then .rolled-back.2, …) and say which import is in use',
  usage: 'renkou rollback [--db <file>]',
  async run(argv) {
    const { values } = parseCommandArgs(argv, { db: { type: 'string' } });
    const dbPath = dbPathFrom(values.db);
    const replaced = await readImportSummary(dbPath);
    let setAside: string | null;
    try {
      ({ setAside } = rollback(dbPath));
    } catch (e) {
      if (!isIngestError(e)) throw e;
      // not a usage mistake: said without the usage line, exit 1
      const still = replaced ? `现在使用的仍是${describeImport(replaced)} — ` : '';
      console.error(`${e.message}\n${still}${dbPath} was not changed`);
      return 1;
    }
    const now = await readImportSummary(dbPath);
    console.log(`现在使用的是${now ? describeImport(now) : '（无法读取导入信息的数据库）'} — ${dbPath} is the previous import again; a running server switches at its next request`);
    if (setAside) {
      console.log(`被替换的${replaced ? describeImport(replaced) : '数据库'}保存为 ${setAside} — the replaced import is kept as ${setAside}`);
    }
    return 0;
  },
};
