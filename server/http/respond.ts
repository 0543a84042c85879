/**
 * @module respond
 * Answers a table of rows as JSON, or as an Arrow IPC stream when the client asks for one
 * (`Accept: application/vnd.apache.arrow.stream`, DESIGN.md "Transport"): large series and
 * pyramids decode in the browser with apache-arrow and go to Vega as data. The Arrow answer
 * carries the rows only; the JSON envelope's other fields travel in the `x-renkou-meta` header.
 */
import type { Context } from 'hono';
import { tableFromJSON, tableToIPC } from 'apache-arrow';

export const ARROW_STREAM = 'application/vnd.apache.arrow.stream';

export function wantsArrow(c: Context): boolean {
  return (c.req.header('accept') ?? '').includes(ARROW_STREAM);
}

export function respondRows<R extends Record<string, unknown>>(c: Context, envelope: Record<string, unknown>, rows: R[]): Response {
  if (!wantsArrow(c) || rows.length === 0) return c.json({ ...envelope, rows });
  const bytes = new Uint8Array(tableToIPC(tableFromJSON(rows), 'stream'));
  return c.body(bytes, 200, {
    'content-type': ARROW_STREAM,
    'x-renkou-meta': encodeURIComponent(JSON.stringify(envelope)),
  });
}
