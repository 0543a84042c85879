/**
 * @module routes/import
 * The 数据导入 page's API, for admins only (403 for anyone else), every step audited:
 * - `POST /api/import/uploads` multipart `files` → a new session holding the files (streamed to
 *   disk; this route alone accepts a large body, `RENKOU_UPLOAD_LIMIT` bytes, default 2 GiB);
 * - `POST /api/import/folder {folder}` → a session over a folder on the server;
 * - `GET /api/import/:id/mapping` → per file: table, columns with the suggested field, confidence
 *   and sample values (never of names or ID numbers), problems; plus the fields of every table and
 *   the township boundary file (.geojson/.topojson, for the map) with its township count or its problem;
 * - `PUT /api/import/:id/mapping {files}` → saves the corrected renkou-mapping.yaml;
 * - `POST /api/import/:id/dry-run` → per table rows read / accepted / quarantined by rule;
 * - `POST /api/import/:id/run` → starts the import; `GET /api/import/:id/status` → progress, result.
 * Errors are Chinese messages naming the file, the column and the problem.
 */
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { json } from '../http/validate.ts';
import { adminsOnly } from '../auth/adminsOnly.ts';
import type { RouteRule } from '../http/routeRules.ts';
import { z } from 'zod';
import { NO_AUDIT, type AuditLog } from '../http/audit.ts';
import { principal, type AppEnv } from '../auth/principal.ts';
import { TABLES, type TableName } from '../../contract/tables.ts';
import type { Database } from '../db/Database.ts';
import { ApiError } from '../http/errors.ts';
import { isIngestError } from '../ingest/IngestError.ts';
import { OFFICE_TABLES } from '../office/fields.ts';
import { ImportSessions } from '../office/importSessions.ts';
import { isOfficeError } from '../office/OfficeError.ts';
import { isOfficeSourceFile } from '../office/tabular.ts';
import { boundarySummary, isBoundaryFile } from '../ingest/topology.ts';

const UPLOAD_LIMIT = Number(process.env.RENKOU_UPLOAD_LIMIT ?? 2 * 1024 ** 3);

/** The upload's exception to the request rules (http/routeRules.ts): its size and multipart body; the Origin check still applies. */
export const IMPORT_ROUTE_RULES: readonly RouteRule[] = [{ path: '/api/import/uploads', maxBodyBytes: UPLOAD_LIMIT, bodyTypes: ['multipart/form-data'] }];
const MAX_FILES = 100;

const tableNames = Object.keys(TABLES) as [TableName, ...TableName[]];
const mappingBody = z.strictObject({
  files: z.array(z.strictObject({
    file: z.string().min(1).max(500),
    sheet: z.string().min(1).max(200).optional(),
    table: z.enum(tableNames),
    direction: z.enum(['in', 'out']).nullable(),
    columns: z.record(z.string().max(200), z.string().min(1).max(100)),
  })).max(MAX_FILES),
  /** Files or sheets not to import (file, or file#sheet). */
  ignored: z.array(z.string().min(1).max(700)).max(MAX_FILES).default([]),
});
const folderBody = z.strictObject({ folder: z.string().min(1).max(1000) });
/** The tables the planner confirmed emptying, as a table_vanished stop named them (ingest/previousImport). */
const dropTables = z.array(z.enum(tableNames)).max(tableNames.length).default([]);
const dryRunBody = z.strictObject({ dropTables });
const runBody = z.strictObject({
  dropTables,
  /** The county's name as the pages and reports call it (office files carry only its code): kept when left out. */
  countyName: z.string().trim().min(1, '县（区）名称不能为空').max(30, '县（区）名称最多 30 个字')
    .regex(/^[^\p{C}<>]+$/u, '县（区）名称不能含控制字符或尖括号').optional(),
});

function sessionId(c: Context<AppEnv>): string {
  return c.req.param('id') ?? '';
}


/** Runs a step, answering an office or import problem as a 400 with its Chinese message. */
async function step<T>(run: () => Promise<T> | T): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (isOfficeError(e)) throw new ApiError(400, `import_${e.code}`, e.message, { file: e.file ?? null, column: e.column ?? null });
    if (isIngestError(e)) throw new ApiError(400, `import_${e.code}`, e.message, { file: e.file ?? null, column: e.column ?? null, ...(e.tables ? { tables: e.tables } : {}) });
    throw e;
  }
}

/** A file's name from an upload, reduced to its last part; refused unless it is a CSV, an Excel file (.xlsx, .xls) or a boundary file. */
function safeName(name: string): string {
  const base = path.basename(name.replaceAll('\\', '/'));
  if (!base || base.startsWith('.') || !(isOfficeSourceFile(base) || isBoundaryFile(base))) {
    throw new ApiError(400, 'import_format',
      `${base || '(无名文件)'}：只能上传 CSV（.csv、.tsv、.txt）、Excel（.xlsx、.xls）或乡镇边界（.geojson、.topojson）文件 — only CSV, Excel or boundary files`);
  }
  return base;
}

/** Streams the multipart body's files into `folder`; returns their names. */
async function saveUploads(c: Context<AppEnv>, folder: string): Promise<string[]> {
  const body = c.req.raw.body;
  const type = c.req.header('content-type') ?? '';
  if (!body || !type.startsWith('multipart/form-data')) throw new ApiError(400, 'bad_body', '请以 multipart/form-data 上传文件（字段名 files）');
  const names: string[] = [];
  const writes: Promise<void>[] = [];
  let refused: unknown = null;
  const parser = busboy({ headers: { 'content-type': type }, limits: { files: MAX_FILES, fileSize: UPLOAD_LIMIT }, defParamCharset: 'utf8' });
  parser.on('file', (_field, stream, info) => {
    try {
      const name = safeName(info.filename ?? '');
      names.push(name);
      writes.push(pipeline(stream, createWriteStream(path.join(folder, name))));
    } catch (e) {
      refused ??= e;
      stream.resume();
    }
  });
  await pipeline(Readable.fromWeb(body as import('node:stream/web').ReadableStream), parser);
  await Promise.all(writes);
  if (refused) throw refused;
  if (names.length === 0) throw new ApiError(400, 'bad_body', '没有收到文件 — no files were uploaded');
  return names;
}

export function importRoutes(db: Database, audit: AuditLog = NO_AUDIT) {
  const sessions = new ImportSessions(db.path);

  return new Hono<AppEnv>()
    // Every step is an admin's, refused before its body is read.
    .use('*', adminsOnly('只有管理员可以导入数据 — only an admin may import data'))
    .post('/uploads', bodyLimit({
      maxSize: UPLOAD_LIMIT,
      onError: () => { throw new ApiError(413, 'too_large', `上传的文件超过 ${(UPLOAD_LIMIT / 1024 ** 2).toFixed(0)} MB 上限（RENKOU_UPLOAD_LIMIT）`); },
    }), async (c) => {
      const user = principal(c).name;
      const { id, folder } = sessions.create();
      // a refused upload (a .txt among the tables) keeps none of the files that came with it: they hold names and ID numbers
      const files = await saveUploads(c, folder).catch((e: unknown) => {
        sessions.discard(id);
        throw e;
      });
      audit.record('import', user, { step: 'upload', session: id, files });
      return c.json({ id, files });
    })

    .post('/folder', json(folderBody), async (c) => {
      const user = principal(c).name;
      const { folder } = c.req.valid('json');
      const session = await step(() => sessions.openFolder(folder));
      audit.record('import', user, { step: 'folder', session: session.id, folder: session.folder });
      return c.json(session);
    })

    .get('/:id/mapping', async (c) => {
      const suggestions = await step(() => sessions.suggestions(sessionId(c)));
      const boundaries = boundarySummary(sessions.folder(sessionId(c)));
      const fields = Object.fromEntries(Object.entries(OFFICE_TABLES).map(([name, t]) => [name, t.fields.map((f) => ({ name: f.name, zh: f.zh }))]));
      const tables = tableNames.map((name) => ({ name, zh: TABLES[name].zh, en: TABLES[name].en }));
      return c.json({ suggestions, fields, tables, boundaries });
    })

    .put('/:id/mapping', json(mappingBody), async (c) => {
      const user = principal(c).name;
      const { files, ignored } = c.req.valid('json');
      await step(() => sessions.saveMapping(sessionId(c), files, ignored));
      audit.record('import', user, { step: 'mapping', session: sessionId(c) });
      return c.json({ ok: true });
    })

    .post('/:id/dry-run', json(dryRunBody), async (c) => {
      const user = principal(c).name;
      const { dropTables: drop } = c.req.valid('json');
      const report = await step(() => sessions.dryRun(sessionId(c), drop));
      audit.record('import', user, { step: 'dry-run', session: sessionId(c), ...(drop.length > 0 ? { dropTables: drop } : {}) });
      return c.json({ tables: report.tables, seconds: report.seconds });
    })

    .post('/:id/run', json(runBody), async (c) => {
      const user = principal(c).name;
      const id = sessionId(c);
      const body = c.req.valid('json');
      const job = await step(() => sessions.start(id, { ...(body.countyName ? { countyName: body.countyName } : {}), dropTables: body.dropTables }, (done) =>
        audit.record('import', user, {
          step: 'import', session: id, state: done.state, ...(body.dropTables.length > 0 ? { dropTables: body.dropTables } : {}),
          rows: done.report?.tables.map((t) => ({ table: t.table, accepted: t.rowsAccepted })) ?? null,
        })));
      return c.json({ state: job.state });
    })

    .get('/:id/status', async (c) => {
      const job = await step(() => sessions.job(sessionId(c)));
      if (!job) return c.json({ state: 'none', messages: [], tables: null, seconds: null, error: null, errorCode: null, errorTables: null });
      return c.json({ state: job.state, messages: job.messages, tables: job.report?.tables ?? null, seconds: job.report?.seconds ?? null, error: job.error ?? null, errorCode: job.errorCode ?? null, errorTables: job.errorTables ?? null });
    });
}
