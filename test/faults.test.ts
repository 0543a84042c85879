/**
 * Faults: a SIGKILL in the middle of an import, two imports at once across processes, rollback,
 * and a SIGTERM that lets in-flight requests finish. Real child processes on the demo county.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';
import { cpSync, existsSync, rmSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { Database } from '../server/db/Database.ts';
import { ingest } from '../server/ingest/ingest.ts';
import { isIngestError } from '../server/ingest/IngestError.ts';
import { rollback } from '../server/ingest/rollback.ts';
import { command as rollbackCommand } from '../server/cli/rollback.ts';
import { command as startCommand } from '../server/cli/start.ts';
import { REPO_ROOT } from '../server/paths.ts';
import { demoCounty } from './fixtures/demoCounty.ts';
import { writeTinyCounty } from './fixtures/tinyCounty.ts';
import { tempDir, withDbFile } from './helpers.ts';

const MAIN = path.join(REPO_ROOT, 'server/cli/main.ts');

function cli(args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Tests that start the CLI as a child process: tsx alone took over a minute to start on a loaded shared machine. */
const CHILD_TIMEOUT = 240_000;

async function waitFor(condition: () => boolean, what: string, timeoutMs = 150_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function countBirths(dbPath: string): Promise<number> {
  const db = await Database.open(dbPath);
  try {
    return (await db.query<{ n: number }>('test/count_births'))[0]!.n;
  } finally {
    db.close();
  }
}

describe('faults', () => {
  const dir = tempDir('faults');
  const dbPath = path.join(dir, 'renkou.duckdb');
  const exports = path.join(dir, 'exports');
  let births: number;

  beforeAll(async () => {
    cpSync((await demoCounty()).exports, exports, { recursive: true });
    await ingest({ source: exports, dbPath, today: '2026-11-23' });
    births = await countBirths(dbPath);
  });

  it('SIGKILL in the middle of an import leaves the previous database intact and serving; the next import succeeds', async () => {
    const child = cli(['ingest', exports, '--db', dbPath]);
    const building = `${dbPath}.building`;
    await waitFor(() => existsSync(building) && statSync(building).size > 1_000_000, 'the import to be under way');
    child.kill('SIGKILL');
    await once(child, 'exit');
    expect(existsSync(`${dbPath}.lock`)).toBe(true); // left behind by the killed process
    expect(await countBirths(dbPath)).toBe(births);
    const server = cli(['serve', '--db', dbPath, '--port', '18123']);
    try {
      let meta: { rowCounts: { births: number } } | null = null;
      for (let i = 0; i < 1200 && !meta; i++) {
        meta = await fetch('http://127.0.0.1:18123/api/meta').then((r) => r.json() as Promise<{ rowCounts: { births: number } }>).catch(() => null);
        if (!meta) await new Promise((r) => setTimeout(r, 100));
      }
      expect(meta?.rowCounts.births).toBe(births);
    } finally {
      server.kill('SIGTERM');
      await once(server, 'exit');
    }
    const report = await ingest({ source: exports, dbPath, today: '2026-11-23' });
    expect(report.tables.find((t) => t.table === 'births')?.rowsAccepted).toBe(births);
    expect(existsSync(building)).toBe(false);
    expect(existsSync(`${dbPath}.lock`)).toBe(false);
  }, CHILD_TIMEOUT);

  it('a second import while another process imports is refused with a clear message', async () => {
    const child = cli(['ingest', exports, '--db', dbPath]);
    await waitFor(() => existsSync(`${dbPath}.lock`), 'the other import to take the lock');
    const error = await ingest({ source: exports, dbPath, today: '2026-11-23' }).then(() => null, (e: unknown) => e);
    expect(isIngestError(error) && error.code).toBe('ingest_running');
    expect(String((error as Error).message)).toMatch(/another import .* is running \(pid \d+/);
    const [code] = (await once(child, 'exit')) as [number];
    expect(code).toBe(0);
    expect(await countBirths(dbPath)).toBe(births);
  }, CHILD_TIMEOUT);

  it('rollback puts the previous import back', async () => {
    const tiny = path.join(dir, 'tiny');
    await writeTinyCounty(tiny);
    await ingest({ source: tiny, dbPath, today: '2026-11-23' });
    expect(await countBirths(dbPath)).toBe(4);
    expect(existsSync(`${dbPath}.1`)).toBe(true);
    rollback(dbPath);
    expect(await countBirths(dbPath)).toBe(births);
    expect(await countBirths(`${dbPath}.rolled-back`)).toBe(4);
  });

  it('SIGTERM lets in-flight requests finish, then the server exits cleanly', async () => {
    const server = cli(['serve', '--db', dbPath, '--port', '18124']);
    const base = 'http://127.0.0.1:18124';
    for (let i = 0; i < 1200; i++) {
      if (await fetch(`${base}/api/health`).then((r) => r.ok).catch(() => false)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    let killedAt = Infinity;
    // Each request on its own connection, written to the kernel before the signal ('finish'); then
    // one answered /api/health on a new, later connection shows the server has accepted the earlier
    // connections (in order) and read their requests (a request still unread when the server
    // closes is a client-side race, not an in-flight request). Two probabilistic projections
    // (5,000 draws, on worker threads) take seconds, so they are surely running at the signal.
    const written: Promise<unknown>[] = [];
    const send = (pathAndQuery: string, body?: object) => new Promise<{ status: number; afterKill: boolean }>((resolve, reject) => {
      const headers = body ? { 'content-type': 'application/json' } : {};
      const req = http.request(`${base}${pathAndQuery}`, { method: body ? 'POST' : 'GET', headers, agent: false }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, afterKill: performance.now() > killedAt }));
      });
      req.on('error', reject);
      written.push(once(req, 'finish'));
      req.end(body ? JSON.stringify(body) : undefined);
    });
    const inFlight = [
      ...Array.from({ length: 20 }, (_, i) => send(`/api/srb/ranking?from=${2001 + (i % 20)}&to=2024&order=${encodeURIComponent(['all', '1', '2', '3+'][i % 4]!)}`)),
      ...[1, 2].map((seed) => send('/api/projections', { scope: 'all', horizon: 30, variant: 'probabilistic', draws: 5000, seed })),
    ];
    await Promise.all(written);
    const health = send('/api/health'); // a new connection (fetch would reuse the start-up poll's)
    expect((await health).status).toBe(200);
    server.kill('SIGTERM');
    killedAt = performance.now();
    const answers = await Promise.all(inFlight);
    expect(answers.map((a) => a.status)).toEqual(Array(22).fill(200));
    expect(answers.some((a) => a.afterKill)).toBe(true); // some really were in flight at the signal
    const [code] = (await once(server, 'exit')) as [number];
    expect(code).toBe(0);
    await expect(fetch(`${base}/api/health`)).rejects.toThrow();
  }, CHILD_TIMEOUT);
});

/** The county name an import recorded, read from the file itself. */
async function countyOf(dbPath: string): Promise<string> {
  return withDbFile(dbPath, async (c) => String((await c.runAndReadAll("SELECT value FROM ingest_meta WHERE key = 'county_name'")).getRows()[0]?.[0]));
}

/** What a CLI command run in this process printed (stdout and stderr), and its exit code (2 for a usage error). */
async function runCommand(command: typeof rollbackCommand, argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
  const err = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
  try {
    const code = await command.run(argv).catch((e: unknown) => { lines.push(String(e)); return 2; });
    return { code, out: lines.join('\n') };
  } finally {
    log.mockRestore();
    err.mockRestore();
  }
}

describe('rollback, repeated', () => {
  it('keeps every rolled-back import under its own name and says which import is in use after each run', async () => {
    const dir = tempDir('rollback');
    const dbPath = path.join(dir, 'renkou.duckdb');
    const tiny = path.join(dir, 'tiny');
    await writeTinyCounty(tiny);
    // three imports told apart by the county name each recorded: 甲县 oldest, 丙县 in use
    for (const countyName of ['甲县', '乙县', '丙县']) await ingest({ source: tiny, dbPath, today: '2026-11-23', countyName });

    const runRollback = (db: string) => runCommand(rollbackCommand, ['--db', db]);
    const first = await runRollback(dbPath);
    expect(first.code).toBe(0);
    expect(await countyOf(dbPath)).toBe('乙县');
    expect(await countyOf(`${dbPath}.rolled-back`)).toBe('丙县');
    // the import now in use: its time, county and rows (tiny county: 4 births, 2 marriages, 3 migrants, 1 death)
    expect(first.out).toMatch(/现在使用的是\d{4}-\d{2}-\d{2} \d{2}:\d{2} 导入的乙县数据/);
    expect(first.out).toContain('出生 4 行');
    expect(first.out).toContain('婚姻登记 2 行');
    expect(first.out).toContain('死亡 1 行');
    expect(first.out).toContain(`丙县`);
    expect(first.out).toContain(`${dbPath}.rolled-back`);

    const second = await runRollback(dbPath);
    expect(second.code).toBe(0);
    expect(await countyOf(dbPath)).toBe('甲县');
    // nothing lost: the first rolled-back import is still there, the second beside it
    expect(await countyOf(`${dbPath}.rolled-back`)).toBe('丙县');
    expect(await countyOf(`${dbPath}.rolled-back.2`)).toBe('乙县');
    expect(second.out).toMatch(/现在使用的是\d{4}-\d{2}-\d{2} \d{2}:\d{2} 导入的甲县数据/);
    expect(second.out).toContain(`${dbPath}.rolled-back.2`);

    // no older version left: refused, and the import in use (甲县) is still named
    const third = await runRollback(dbPath);
    expect(third.code).toBe(1);
    expect(third.out).toContain('甲县');
    expect(await countyOf(dbPath)).toBe('甲县');
    expect(existsSync(`${dbPath}.rolled-back.3`)).toBe(false);
  });
});

describe('start with a table the folder no longer has', () => {
  it('stops naming the start command that confirms it, and `start --drop deaths` imports and serves', async () => {
    const dir = tempDir('start-drop');
    const dbPath = path.join(dir, 'renkou.duckdb');
    const exports = path.join(dir, 'exports');
    await writeTinyCounty(exports);
    await ingest({ source: exports, dbPath, countyName: '甲县' }); // deaths: 1 accepted (D1)
    // next month's export: no deaths file, the other files newer than the database
    rmSync(path.join(exports, 'deaths.parquet'));
    const later = new Date(Date.now() + 60_000);
    utimesSync(path.join(exports, 'births.parquet'), later, later);

    const args = ['--data', exports, '--db', dbPath, '--port', '0'];
    vi.stubEnv('npm_lifecycle_event', 'start');
    try {
      const byNpm = await runCommand(startCommand, args);
      expect(byNpm.code).toBe(1);
      expect(byNpm.out).toContain('当前数据库的死亡表有 1 行');
      expect(byNpm.out).toContain(`npm start -- --data ${exports} --db ${dbPath} --port 0 --drop deaths`);
      expect(byNpm.out).not.toContain('数据导入页'); // no server runs yet: the page cannot confirm it
      vi.stubEnv('npm_lifecycle_event', 'renkou');
      const byScript = await runCommand(startCommand, args);
      expect(byScript.out).toContain(`npm run renkou -- start --data ${exports} --db ${dbPath} --port 0 --drop deaths`);
      vi.stubEnv('npm_lifecycle_event', '');
      const byRenkou = await runCommand(startCommand, args);
      expect(byRenkou.out).toContain(`确实要清空时，请运行 renkou start --data ${exports} --db ${dbPath} --port 0 --drop deaths`);
    } finally {
      vi.unstubAllEnvs();
    }
    expect(existsSync(`${dbPath}.1`)).toBe(false); // nothing was replaced

    const server = cli(['start', '--data', exports, '--db', dbPath, '--port', '18125', '--drop', 'deaths']);
    try {
      let meta: { county: { name: string }; rowCounts: Record<string, number> } | null = null;
      for (let i = 0; i < 2400 && !meta && server.exitCode === null; i++) {
        meta = await fetch('http://127.0.0.1:18125/api/meta').then((r) => r.json() as Promise<typeof meta>).catch(() => null);
        if (!meta) await new Promise((r) => setTimeout(r, 100));
      }
      // the fixture's accepted rows (4 births), its deaths emptied on purpose, the county name kept
      expect(meta).toMatchObject({ county: { name: '甲县' }, rowCounts: { births: 4, deaths: 0 } });
    } finally {
      server.kill('SIGTERM');
      await once(server, 'exit');
    }
  }, CHILD_TIMEOUT);
});
