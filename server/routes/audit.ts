/**
 * @module routes/audit
 * `POST /api/audit/export {what, params}`: records a download made in the browser (a chart's
 * CSV, PNG, SVG …) in the audit trail, with the view's parameters.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AuditLog } from '../http/audit.ts';
import { principal, type AppEnv } from '../auth/principal.ts';
import { json } from '../http/validate.ts';

/** What a download was (csv, png, svg, pdf, docx …) and the view's parameters: small, bounded strings. */
const exportBody = z.strictObject({
  what: z.string().regex(/^[a-z0-9_-]{1,20}$/, 'a download kind such as csv or png'),
  params: z.record(z.string().max(40), z.string().max(200)).refine((p) => Object.keys(p).length <= 20, 'at most 20 parameters').default({}),
});

export function auditRoutes(audit: AuditLog) {
  return new Hono<AppEnv>()
    .post('/export', json(exportBody, '{"what": "csv", "params": {}}'), (c) => {
      const { what, params } = c.req.valid('json');
      audit.record('export', principal(c).name, { what, params });
      return c.json({ ok: true });
    });
}
