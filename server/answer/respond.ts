/**
 * @module answer/respond
 * The last step of the answer pipeline (answer/pipeline.ts): a published answer as JSON, or as an
 * Arrow IPC stream for row answers when the client asks for one (server/http/respond.ts). The request is
 * marked `published`, which lets the answer cache keep it (answer/cacheMiddleware.ts).
 */
import type { Context } from 'hono';
import type { AppEnv } from '../auth/principal.ts';
import { respondRows } from '../http/respond.ts';
import type { Answer } from './pipeline.ts';

export function respond(c: Context<AppEnv>, answer: Answer): Response {
  c.set('published', true);
  switch (answer.kind) {
    case 'indicator': case 'srb': return respondRows(c, answer.envelope, answer.rows);
    case 'map': return c.json({ ...answer.envelope, rows: answer.rows });
    case 'ranking': return c.json(answer.ranking);
    case 'projection': case 'assessment': case 'progress': case 'backtest': return c.json(answer.answer);
    case 'assumptions': return c.json(answer.summary);
    case 'planningTable': return c.json(answer.table);
    case 'plain': return c.json(answer.body);
  }
}

/**
 * A picture drawn from published answers only (the overview map, routes/mapSvg.ts): it shows
 * nothing its answers do not, so it is cached like them.
 */
export function respondSvg(c: Context<AppEnv>, svg: string): Response {
  c.set('published', true);
  return c.body(svg, 200, { 'content-type': 'image/svg+xml; charset=utf-8' });
}
