/**
 * @module office/importSessions
 * The 数据导入 page's state on the server: an upload session is a folder under `uploads/` beside
 * the database (or a server folder the admin points at), holding the office files and the mapping
 * profile being corrected. A session can be recognised, re-mapped, dry-run and imported; an
 * import runs in the background and reports its progress. After a successful import the uploaded
 * files are deleted (the data is in the database) and the profile is kept as the starting point
 * of the next upload. The files hold names and ID numbers, so an upload is never left behind: its
 * folder (readable by its owner only) goes when the import succeeds, when the session has been idle
 * for IDLE_MS, and — sessions living in memory — when the server starts again.
 *
 * @example
 * const sessions = new ImportSessions(db.path);
 * const id = sessions.create();
 * await sessions.suggestions(id);
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { TableName } from '../../contract/tables.ts';
import { ingest, type IngestReport } from '../ingest/ingest.ts';
import { isIngestError } from '../ingest/IngestError.ts';
import { mappingProblems, type FileMapping } from './mapping.ts';
import { OfficeError } from './OfficeError.ts';
import { profilePath, readProfile, writeProfile, PROFILE_FILE } from './profile.ts';
import { suggestMapping, type Suggestion } from './suggest.ts';

export interface ImportJob {
  state: 'running' | 'done' | 'failed';
  messages: string[];
  report?: IngestReport;
  error?: string;
  /** The API's code for the error (import_table_vanished: the page then offers to empty what has no file). */
  errorCode?: string;
  /** import_table_vanished: the tables the stop named, for the page's confirmation. */
  errorTables?: readonly string[];
}

interface Session { folder: string; uploaded: boolean; job?: ImportJob; touched: number }

const ID = /^[a-f0-9]{16}$/;
/** How long an upload nobody touches keeps its files. */
export const IDLE_MS = 2 * 60 * 60 * 1000;

export class ImportSessions {
  private readonly sessions = new Map<string, Session>();
  readonly uploads: string;

  constructor(readonly dbPath: string, private readonly now: () => number = Date.now) {
    this.uploads = path.join(path.dirname(path.resolve(dbPath)), 'uploads');
    // Uploads of an earlier server process: their sessions are gone, so nobody can import them.
    if (existsSync(this.uploads)) {
      for (const name of readdirSync(this.uploads)) if (ID.test(name)) rmSync(path.join(this.uploads, name), { recursive: true, force: true });
    }
  }

  /** A new upload folder, starting from the last import's mapping when there is one. */
  create(): { id: string; folder: string } {
    this.removeIdle();
    const id = randomBytes(8).toString('hex');
    const folder = path.join(this.uploads, id);
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const last = path.join(this.uploads, PROFILE_FILE);
    if (existsSync(last)) copyFileSync(last, profilePath(folder));
    this.sessions.set(id, { folder, uploaded: true, touched: this.now() });
    return { id, folder };
  }

  /** Ends a session at once, deleting what was uploaded: an upload refused part way leaves nothing behind. */
  discard(id: string): void {
    const s = this.sessions.get(id);
    if (s?.uploaded) rmSync(s.folder, { recursive: true, force: true });
    this.sessions.delete(id);
  }

  /** Ends the sessions idle for IDLE_MS (not while importing), deleting what was uploaded. */
  private removeIdle(): void {
    const now = this.now();
    for (const [id, s] of this.sessions) {
      if (now - s.touched < IDLE_MS || s.job?.state === 'running') continue;
      if (s.uploaded) rmSync(s.folder, { recursive: true, force: true });
      this.sessions.delete(id);
    }
  }

  /** A session over a folder already on the server (the admin names it). */
  openFolder(folder: string): { id: string; folder: string } {
    const resolved = path.resolve(folder);
    if (!existsSync(resolved) || !statSync(resolved).isDirectory()) {
      throw new OfficeError('format', `服务器上没有文件夹 ${resolved}`);
    }
    const id = randomBytes(8).toString('hex');
    this.sessions.set(id, { folder: resolved, uploaded: false, touched: this.now() });
    return { id, folder: resolved };
  }

  folder(id: string): string {
    return this.session(id).folder;
  }

  private session(id: string): Session {
    this.removeIdle();
    const s = ID.test(id) ? this.sessions.get(id) : undefined;
    if (!s) throw new OfficeError('format', `没有这个导入会话（${id}）：请重新上传文件`);
    s.touched = this.now();
    return s;
  }

  /** What the files are and how they map (the saved profile where it names a file). */
  async suggestions(id: string): Promise<Suggestion[]> {
    const folder = this.folder(id);
    const work = path.join(os.tmpdir(), `renkou-import-${id}`);
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      return (await suggestMapping(connection, folder, work, readProfile(folder))).map((f) => f.suggestion);
    } finally {
      connection.closeSync();
      instance.closeSync();
      rmSync(work, { recursive: true, force: true });
    }
  }

  /** Saves the corrected mapping as the folder's renkou-mapping.yaml (with the files not to import). */
  saveMapping(id: string, files: readonly FileMapping[], ignored: readonly string[] = []): void {
    const problems = files.flatMap(mappingProblems);
    if (problems.length > 0) throw new OfficeError('profile', problems.join('；'));
    const previous = readProfile(this.folder(id));
    writeProfile(this.folder(id), files.map((mapping) => ({ mapping, comment: '由“数据导入”页面保存 saved on the import page', notes: {} })), previous?.values ?? {}, ignored);
  }

  async dryRun(id: string, dropTables: readonly TableName[] = []): Promise<IngestReport> {
    return ingest({ source: this.folder(id), dbPath: this.dbPath, dryRun: true, dropTables });
  }

  /** Starts the import in the background; `job(id)` reports its progress and result. */
  /** `countyName` left out: the county's name in use is kept for a refresh of the same county (ingest/previousImport). */
  start(id: string, { countyName, dropTables }: { countyName?: string; dropTables: readonly TableName[] }, onDone: (job: ImportJob) => void): ImportJob {
    const session = this.session(id);
    if (session.job?.state === 'running') return session.job;
    const job: ImportJob = { state: 'running', messages: [] };
    session.job = job;
    void ingest({ source: session.folder, dbPath: this.dbPath, ...(countyName ? { countyName } : {}), dropTables, onProgress: (m) => job.messages.push(m) })
      .then((report) => {
        job.report = report;
        job.state = 'done';
        if (existsSync(profilePath(session.folder))) copyFileSync(profilePath(session.folder), path.join(this.uploads, PROFILE_FILE));
        if (session.uploaded) rmSync(session.folder, { recursive: true, force: true });
      })
      .catch((e: unknown) => {
        job.state = 'failed';
        job.error = isIngestError(e) || e instanceof OfficeError ? e.message : `导入失败：${e instanceof Error ? e.message : String(e)}`;
        if (isIngestError(e) || e instanceof OfficeError) job.errorCode = `import_${e.code}`;
        if (isIngestError(e) && e.tables) job.errorTables = e.tables;
      })
      .finally(() => onDone(job));
    return job;
  }

  job(id: string): ImportJob | null {
    return this.session(id).job ?? null;
  }
}
