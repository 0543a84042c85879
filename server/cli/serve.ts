/**
 * @module cli/serve
 * `renkou serve [--db file] [--port N] [--host addr]`: serve the API and the dashboard.
 */
import { existsSync } from 'node:fs';
import { isDomainError } from '../errors/domain.ts';
import { closeOnSignals, startServer } from '../server.ts';
import { parseCommandArgs, UsageError, type Command } from './command.ts';
import { dbPathFrom, hostFrom, portFrom } from './config.ts';
import { WEB_DIST_DIR } from '../paths.ts';

export const command: Command = {
  name: 'serve',
  summary: 'serve the dashboard and the API over the ingested database',
  usage: 'renkou serve [--db <file>] [--port <n>] [--host <address>]',
  async run(argv) {
    const { values } = parseCommandArgs(argv, { db: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } });
    const dbPath = dbPathFrom(values.db);
    if (!existsSync(dbPath)) throw new UsageError(`no database at ${dbPath}: run "renkou ingest <folder>" first (or "npm start" for the demo)`);
    const hostname = hostFrom(values.host);
    let running;
    try {
      running = await startServer({ dbPath, port: portFrom(values.port), hostname });
    } catch (e) {
      if (isDomainError(e)) throw new UsageError(e.message);
      throw e;
    }
    console.error(`Renkou 人口 is serving ${dbPath} at ${running.url}`);
    // `npm start` builds the pages; `serve` alone on a fresh clone would answer every page with 404.
    if (!existsSync(WEB_DIST_DIR)) console.error(`网页尚未构建（${WEB_DIST_DIR}），只有 API 可用：先运行 npm run build:web（npm start 会自动构建）— the dashboard is not built: run "npm run build:web" first; only the API is served`);
    closeOnSignals(running, (m) => console.error(m));
    return new Promise<number>(() => {}); // runs until a signal
  },
};
