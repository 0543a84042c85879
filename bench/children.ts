/**
 * Runs the CLI in child processes (`node --import tsx server/cli/main.ts …`, one process, so its
 * /proc entry is the command itself) and reads their peak memory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileIdentityOf } from '../server/db/Database.ts';
import { libraryReportTables } from '../server/notebooks/prepareReportTables.ts';
import { reportTableFile } from '../server/notebooks/reportTables.ts';
import { REPO_ROOT } from '../server/paths.ts';
import { peakRssMiB } from './stats.ts';

const MAIN = path.join(REPO_ROOT, 'server/cli/main.ts');

export interface CommandRun { seconds: number; peakRssMiB: number | null; output: string }

/** Runs a CLI command to completion, sampling the child's peak RSS until it exits. */
export async function runCli(args: readonly string[], log: (m: string) => void): Promise<CommandRun> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let peak: number | null = null;
  const sample = setInterval(() => { peak = Math.max(peak ?? 0, peakRssMiB(child.pid!) ?? 0) || peak; }, 100);
  child.stdout!.on('data', (d: Buffer) => { output += d.toString(); });
  child.stderr!.on('data', (d: Buffer) => { for (const line of d.toString().split('\n').filter(Boolean)) log(`  ${line}`); });
  const [code] = (await once(child, 'exit')) as [number | null];
  clearInterval(sample);
  if (code !== 0) throw new Error(`renkou ${args.join(' ')} exited with ${code}`);
  return { seconds: (performance.now() - started) / 1000, peakRssMiB: peak, output };
}

export interface RunningChild { url: string; child: ChildProcess; stop(): Promise<void> }

/**
 * Starts `renkou serve` on a port (with extra environment, e.g. RENKOU_USERS) and waits until
 * /api/health answers and the server has written the report tables it prepares at start
 * (server/notebooks/prepareReportTables.ts): cold figures are not measured beside that work.
 */
export async function startServe(dbPath: string, port: number, env: Record<string, string> = {}): Promise<RunningChild> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'serve', '--db', dbPath, '--port', String(port)], {
    cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...env },
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  await reportTablesWritten(dbPath);
  return {
    url, child,
    async stop() {
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

async function reportTablesWritten(dbPath: string): Promise<void> {
  const identity = fileIdentityOf(dbPath);
  const files = libraryReportTables().map((t) => reportTableFile(dbPath, identity, t));
  for (let i = 0; i < 600 && !files.every((f) => existsSync(f)); i++) await new Promise((r) => setTimeout(r, 100));
}
