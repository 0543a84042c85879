/**
 * @module cli/start
 * `renkou start` (what `npm start` runs): generate the demo county if no data is configured and
 * none exists yet, import the exports when the database is missing or older than them, then serve.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { generate } from '../../data/generator/index.ts';
import { Database } from '../db/Database.ts';
import { ingest, readManifestCountyName } from '../ingest/ingest.ts';
import { DEMO_EXPORT_DIR } from '../paths.ts';
import { parseCommandArgs, type Command } from './command.ts';
import { dataDirFrom, dbPathFrom } from './config.ts';
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

export const command: Command = {
  name: 'start',
  summary: 'generate the demo county if needed, import it, and serve the dashboard',
  usage: 'renkou start [--data <export folder>] [--db <file>] [--port <n>] [--host <address>]',
  async run(argv) {
    const { values } = parseCommandArgs(argv, {
      data: { type: 'string' }, db: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' },
    });
    const source = dataDirFrom(values.data);
    const dbPath = dbPathFrom(values.db);
    if (path.resolve(source) === DEMO_EXPORT_DIR && !existsSync(path.join(source, 'manifest.json'))) {
      console.error(`No data configured: generating the demo county into ${source} …`);
      await generate({ seed: 1, outDir: source, onProgress: (m) => console.error(m) });
    }
    if (await needsImport(source, dbPath)) {
      console.error(`Importing ${source} …`);
      printIngestReport(await ingest({ source, dbPath, countyName: readManifestCountyName(source), onProgress: (m) => console.error(m) }));
    }
    const serveArgs = ['--db', dbPath];
    if (values.port) serveArgs.push('--port', values.port);
    if (values.host) serveArgs.push('--host', values.host);
    return serve.run(serveArgs);
  },
};
