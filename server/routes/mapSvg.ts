/**
 * @module routes/mapSvg
 * `GET /api/map.svg?layer=tfr&year=2024&period=year&lang=zh`: the overview's township map drawn
 * on the server, once per database generation and asker (the answer cache keeps it, with its
 * ETag). Drawing 1,500 polygons with Vega in the browser took about 250 ms of a 500 ms page; the
 * page now inserts this picture and loads no chart library.
 *
 * The values are not queried here: they are the answer the asker gets from the layer's own API
 * request (charts/mapLayers.ts `layerRequest`), asked of the API itself with the asker's
 * credentials, so the map shows exactly what the same scope and small-cell rules let them see.
 * Vega runs on a worker thread, which keeps the boundaries and names (workers/mapDrawing.ts).
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../auth/principal.ts';
import { query } from '../http/validate.ts';
import type { Database } from '../db/Database.ts';
import type { JobRunner } from '../workers/jobs.ts';
import { respondSvg } from '../answer/respond.ts';
import { MAP_LAYERS, layerRequest, layerValues } from '../../web/src/charts/mapLayers.ts';

const schema = z.strictObject({
  layer: z.enum(MAP_LAYERS).default('population'),
  year: z.coerce.number().int().min(1900).max(2200),
  period: z.enum(['year', 'statyear']).default('year'),
  lang: z.enum(['zh', 'en']).default('zh'),
});

/**
 * Asks the API for `path` (under /api) as the asker of `c`: the answer's JSON, or the API's refusal
 * itself (its status, headers such as Retry-After, and body with the error's details), which the
 * route passes on unchanged rather than restating it — and auditing it a second time.
 */
export type AskApi = (c: Context<AppEnv>, path: string) => Promise<{ ok: true; body: unknown } | { ok: false; refusal: Response }>;

/** Only what says who is asking goes with the inner request: its answer is read whole, as JSON. */
const CREDENTIALS = ['cookie', 'authorization', 'x-forwarded-for'] as const;

/** What answers an API request in-process: the whole app, so the answer cache's keys are the browser's. */
export interface ApiRequester { request(path: string, init: RequestInit, env: unknown): Response | Promise<Response> }

export function askApiOf(api: ApiRequester): AskApi {
  return async (c, path) => {
    const headers: Record<string, string> = { accept: 'application/json' };
    for (const name of CREDENTIALS) {
      const v = c.req.header(name);
      if (v !== undefined) headers[name] = v;
    }
    const res = await api.request(path, { headers }, c.env);
    return res.ok ? { ok: true, body: await res.json() } : { ok: false, refusal: res };
  };
}

export function mapSvgRoutes(db: Database, jobs: JobRunner, ask: AskApi) {
  return new Hono<AppEnv>()
    .get('/', query(schema), async (c) => {
      const { layer, year, period, lang } = c.req.valid('query');
      // The values and the boundaries drawn under them must be of one file: an import swapped in
      // during the question (the main thread looks once a second) means asking again, of the new one.
      const request = layerRequest(layer, year, period);
      let file = await db.fileIdentity();
      let answer = await ask(c, request);
      const after = await db.fileIdentity();
      if (after !== file) {
        file = after;
        answer = await ask(c, request);
      }
      if (!answer.ok) return answer.refusal;
      const { rows, unit } = layerValues(layer, answer.body as { unit?: unknown; rows: Record<string, unknown>[] });
      const svg = await jobs.run({ kind: 'map', layer, values: { rows, unit }, lang, file });
      return respondSvg(c, svg);
    });
}
