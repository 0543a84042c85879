/**
 * @module server
 * Starts the HTTP server over an ingested database: loopback by default, and a SIGTERM/SIGINT
 * lets in-flight requests finish before the process exits.
 *
 * @example
 * const running = await startServer({ dbPath: 'data/renkou.duckdb', port: 8080 });
 * await running.close();
 */
import http from 'node:http';
import net from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from './app.ts';
import { fileAuditLog } from './http/audit.ts';
import { UserStore } from './auth/users.ts';
import { analyticsConfigFromEnv } from './config.ts';
import { Database } from './db/Database.ts';
import { catalog } from './indicators/catalog.ts';
import { Invalid } from './errors/domain.ts';
import { networkConfigFromEnv } from './http/network.ts';
import { prepareReportTablesOnEveryFile } from './notebooks/prepareReportTables.ts';
import { DEFAULT_AUDIT_LOG, DEFAULT_USERS_FILE } from './paths.ts';
import { WorkerPool } from './workers/pool.ts';

export interface ServerOptions {
  readonly dbPath: string;
  readonly port: number;
  readonly hostname?: string;
  readonly webRoot?: string;
  /** Users file (RENKOU_USERS, default data/users.json); access control is on when it has users. */
  readonly usersFile?: string;
  /** Audit log (RENKOU_AUDIT_LOG, default data/audit.log). */
  readonly auditFile?: string;
  /** Admins' target edits (RENKOU_TARGETS, default data/targets.json). */
  readonly targetsFile?: string;
}

/** Loopback addresses: the only ones a server without users may listen on. */
export function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '::1' || /^127\./.test(hostname);
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const hostname = options.hostname ?? '127.0.0.1';
  const users = new UserStore(options.usersFile ?? process.env.RENKOU_USERS ?? DEFAULT_USERS_FILE);
  const beyondLoopback = !isLoopback(hostname);
  const state = users.state();
  if (beyondLoopback && state.kind !== 'users') {
    const why = state.kind === 'broken' ? `${state.message}; restore it from its backup` : 'add a user first (renkou user add --name <n> --role admin)';
    throw new Invalid('insecure_listen', `refusing to listen on ${hostname} without access control: ${why}, or serve on 127.0.0.1`);
  }
  const network = networkConfigFromEnv();
  const db = await Database.open(options.dbPath);
  const preparing = prepareReportTablesOnEveryFile(db, (m) => console.error(m));
  // What every first answer reads (township codes and names, the years) is read while the server
  // starts listening: the first question after a start paid its 30–40 ms on the province.
  void catalog(db).catch(() => { /* read again, and reported, by the first request */ });
  const unwatch = db.watchForSwaps(SWAP_WATCH_MS);
  const audit = fileAuditLog(options.auditFile ?? process.env.RENKOU_AUDIT_LOG ?? DEFAULT_AUDIT_LOG);
  // Beyond loopback, access control is on from the first request and stays on (auth/middleware.ts).
  // Projections and report renders run on worker threads, never on the thread that answers requests.
  const jobs = new WorkerPool({ dbPath: options.dbPath, log: (m) => console.error(m) });
  const app = createApp({ db, webRoot: options.webRoot, analytics: analyticsConfigFromEnv(options.targetsFile), users, audit, network, closed: beyondLoopback, jobs });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => (closing ??= new Promise<void>((resolve) => {
    unwatch();
    stopGracefully(server, () => {
      void Promise.all([jobs.close(), preparing.settled()]).then(() => {
        db.close();
        resolve();
      });
    });
  }));
  return { url: `http://${hostname}:${port}`, port, close };
}

/** How often an idle server looks for a file an import swapped in (one stat). */
const SWAP_WATCH_MS = 5_000;

/** How long a stopping server keeps accepting, and how often it then closes idle connections. */
const DRAIN_MS = 250;

/**
 * Stops listening and calls `done` when every connection has ended. A request a client has already
 * sent may still wait in the kernel — its connection not yet accepted (closing the listening socket
 * resets it) or accepted but unread (Node's `server.close()` drops it as idle) — while a busy event
 * loop answers others: either way its client would see ECONNRESET. So the server keeps accepting
 * for a moment, then stops listening and closes idle connections at each sweep until none is left.
 */
function stopGracefully(server: ServerType, done: () => void): void {
  if (!(server instanceof http.Server)) {
    server.close(() => done());
    return;
  }
  setTimeout(() => {
    const sweep = setInterval(() => server.closeIdleConnections(), DRAIN_MS);
    net.Server.prototype.close.call(server, () => {
      clearInterval(sweep);
      done();
    });
  }, DRAIN_MS);
}

/** Closes the server on SIGTERM / SIGINT after in-flight requests finish, then exits. */
export function closeOnSignals(running: RunningServer, log: (m: string) => void): void {
  const stop = (signal: string) => {
    log(`${signal}: finishing in-flight requests…`);
    void running.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}
