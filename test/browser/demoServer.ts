/**
 * The demo county for browser tests (built once and cached, test/fixtures/demoCounty.ts), served
 * by `startServer` on an ephemeral port with the built web app (`vite build` runs before vitest,
 * so dist/web exists).
 *
 * @example
 * const demo = await startDemoServer();
 * await page.goto(`${demo.url}/?page=srb`);
 * await demo.close();
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, type RunningServer } from '../../server/server.ts';
import { WEB_DIST_DIR } from '../../server/paths.ts';
import { demoCounty } from '../fixtures/demoCounty.ts';

export interface DemoServer extends RunningServer { readonly dbPath: string; readonly auditFile: string }

/** The cached demo database (test/fixtures/demoCounty.ts). */
export async function demoDatabase(): Promise<string> {
  return (await demoCounty()).dbPath;
}

/**
 * Serves the demo county. Without `usersFile` access control is off (no users); the audit log and
 * the target edits are throw-away files per server, so the developer's own data/ is not touched.
 */
export async function startDemoServer(options: { usersFile?: string } = {}): Promise<DemoServer> {
  if (!existsSync(path.join(WEB_DIST_DIR, 'index.html'))) throw new Error(`${WEB_DIST_DIR} has no index.html: run \`vite build\` before the browser tests`);
  const dbPath = await demoDatabase();
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'renkou-browser-'));
  const auditFile = path.join(scratch, 'audit.log');
  const running = await startServer({ dbPath, port: 0, usersFile: options.usersFile ?? path.join(scratch, 'no-users.json'), auditFile, targetsFile: path.join(scratch, 'targets.json') });
  return {
    ...running, dbPath, auditFile,
    close: async () => {
      await running.close();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/** The audit log's entries (one JSON object a line). */
export function auditEntries(demo: DemoServer): Record<string, unknown>[] {
  if (!existsSync(demo.auditFile)) return [];
  return readFileSync(demo.auditFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
}
