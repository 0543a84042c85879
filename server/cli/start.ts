/**
 * @module cli/start
 * `renkou start` (what `npm start` runs): generate the demo county if no data is configured and
 * none exists yet, import the exports when the database is missing or older than them, then serve.
 * `--drop <table>` confirms emptying a table the folder no longer has a file for, as with `ingest`;
 * an import that stops prints why (with the start command that confirms such a stop) and serves nothing.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { generate } from '../../data/generator/index.ts';
import { Database } from '../db/Database.ts';
import { ingest, readManifestCountyName } from '../ingest/ingest.ts';
import { isIngestError } from '../ingest/IngestError.ts';
import type { ConfirmWith } from '../ingest/previousImport.ts';
import { DEMO_EXPORT_DIR } from '../paths.ts';
import { parseCommandArgs, type Command } from './command.ts';
import { dataDirFrom, dbPathFrom, dropTablesFrom } from './config.ts';
import { printIngestReport } from './printReport.ts';
import { command as serve } from './serve.ts';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

async function importedFrom(dbPath: string): Promise<string | null> {
  const db = await Database.open(dbPath);
  try {
    const rows = await db.query<{ source: string }>('meta/source');
    return rows[0]?.source ?? null;
  } finally {
    db.close();
  }
}

async function needsImport(source: string, dbPath: string): Promise<boolean> {
  if (!existsSync(dbPath)) return true;
  if ((await importedFrom(dbPath)) !== path.resolve(source)) return true;
  return newestMtime(source) > statSync(dbPath).mtimeMs;
}

/** Quotes an argument the shell would split or expand; Chinese folder names pass as they are. */
function shellWord(arg: string): string {
  return /[\s'"\\$`!*?;&|<>(){}[\]#~]/.test(arg) ? `'${arg.replaceAll("'", `'\\''`)}'` : arg;
}

/** How the planner ran this start, by the npm script that did (npm_lifecycle_event). */
const RUN_BY: Record<string, string> = { start: 'npm start --', renkou: 'npm run renkou -- start' };

/**
 * The stop's confirmation as this planner would type it: `npm start -- …` or `npm run renkou -- start …` when npm
 * ran us, else `renkou start …`, with their own arguments (and the folder and database the environment gave,
 * which a new shell may not have) and the `--drop` flags. No server runs yet, so no page to tick.
 */
function confirmByStart(argv: readonly string[], fromEnv: readonly string[]): ConfirmWith {
  return (flags) => {
    const args = [...fromEnv, ...argv].map(shellWord).join(' ');
    const command = `${RUN_BY[process.env.npm_lifecycle_event ?? ''] ?? 'renkou start'} ${args}`;
    const line = `${command.trimEnd()} ${flags}`;
    return { zh: `请运行 ${line}`, en: line };
  };
}

export const command: Command = {
  name: 'start',
  summary: 'generate the demo county if needed, import it, and serve the dashboard; --drop confirms emptying a table the folder has no file for',
  usage: 'renkou start [--data <export folder>] [--db <file>] [--port <n>] [--host <address>] [--drop <table>]…',
  async run(argv) {
    const { values } = parseCommandArgs(argv, {
      data: { type: 'string' }, db: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' },
      drop: { type: 'string', multiple: true },
    });
    const dropTables = dropTablesFrom(values.drop);
    const source = dataDirFrom(values.data);
    const dbPath = dbPathFrom(values.db);
    const fromEnv = [
      ...(values.data === undefined && process.env.RENKOU_DATA ? ['--data', source] : []),
      ...(values.db === undefined && process.env.RENKOU_DB ? ['--db', dbPath] : []),
    ];
    if (path.resolve(source) === DEMO_EXPORT_DIR && !existsSync(path.join(source, 'manifest.json'))) {
      console.error(`No data configured: generating the demo county into ${source} …`);
      await generate({ seed: 1, outDir: source, onProgress: (m) => console.error(m) });
    }
    if (await needsImport(source, dbPath)) {
      console.error(`Importing ${source} …`);
      try {
        printIngestReport(await ingest({
          source, dbPath, dropTables, confirmWith: confirmByStart(argv, fromEnv),
          countyName: readManifestCountyName(source), onProgress: (m) => console.error(m),
        }));
      } catch (e) {
        if (!isIngestError(e)) throw e;
        console.error(`导入已停止（${e.code}）：${e.message}\n当前数据库未改变，服务未启动 — import stopped; the current database was not changed and nothing is served.`);
        return 1;
      }
    }
    const serveArgs = ['--db', dbPath];
    if (values.port) serveArgs.push('--port', values.port);
    if (values.host) serveArgs.push('--host', values.host);
    return serve.run(serveArgs);
  },
};
