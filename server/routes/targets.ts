/**
 * @module routes/targets
 * - `GET /api/targets?year=2024`: the measures a target can be set on, the targets set (from the
 *   export folder's targets file and the admins' edits), and the target in force for the county
 *   and every township in scope that year (with where it comes from: edit, file or default).
 * - `POST /api/targets` `{measure, scope, year, direction, value, upper?}` (admins): sets a target.
 * - `POST /api/targets/remove` `{measure, scope, year}` (admins): removes an edit, so the file's
 *   target or the default applies again. Both are written to the audit log.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AuditLog } from '../http/audit.ts';
import { principal, type AppEnv } from '../auth/principal.ts';
import { inScope } from '../auth/scope.ts';
import type { AnalyticsConfig } from '../config.ts';
import type { Database } from '../db/Database.ts';
import { ApiError } from '../http/errors.ts';
import { catalog } from '../indicators/catalog.ts';
import type { Target } from '../targets/book.ts';
import { targetBook } from '../targets/load.ts';
import { DIRECTIONS, MEASURES, ruleText, targetValueProblem } from '../targets/measures.ts';
import { json, query } from '../http/validate.ts';
import { adminsOnly } from '../auth/adminsOnly.ts';

const measureId = z.string().refine((m) => MEASURES.has(m), { message: `must be one of ${[...MEASURES.keys()].join(', ')}` });
const scopeCode = z.string().regex(/^(all|\d{9})$/, 'must be all (全县) or a 9-digit township code');
const yearOrEvery = z.number().int().min(1990).max(2100).nullable();
const keyBody = z.strictObject({ measure: measureId, scope: scopeCode, year: yearOrEvery });
const setBody = keyBody.extend({
  direction: z.enum(DIRECTIONS),
  value: z.number({ message: '目标值必须是数字 (value must be a number)' }).finite(),
  upper: z.number().finite().nullable().default(null),
}).refine((b) => b.direction !== 'between' || (b.upper !== null && b.upper >= b.value), {
  message: '区间目标需要不小于下限的上限 (a band needs an upper end ≥ its lower end)', path: ['upper'],
}).superRefine((b, ctx) => {
  const measure = MEASURES.get(b.measure);
  const problem = measure ? targetValueProblem(measure, b.value, b.direction === 'between' ? b.upper : null) : null;
  if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['value'] });
});

function present(t: Target) {
  return { ...t, rule: ruleText(t), name: MEASURES.get(t.measure)?.name ?? null };
}

const admins = adminsOnly('只有管理员可以修改目标 (only admins may change targets)');

export function targetRoutes(db: Database, config: AnalyticsConfig, audit: AuditLog) {
  return new Hono<AppEnv>()
    .get('/', query(z.strictObject({ year: z.coerce.number().int().min(1990).max(2100).optional() })), async (c) => {
      const data = await catalog(db);
      const year = c.req.valid('query').year ?? data.lastYear;
      const who = principal(c);
      const book = await targetBook(db, config.targets);
      const places = ['all', ...[...data.townships].sort()].filter((p) => p === 'all' || inScope(who.scope, p));
      const effective = [...MEASURES.keys()].flatMap((m) => places.map((place) => {
        const t = book.find(m, place, year);
        return t ? { ...present(t), place } : null;
      })).filter((t) => t !== null);
      return c.json({
        year,
        measures: [...MEASURES.values()].map((m) => ({ id: m.id, name: m.name, unit: m.unit, fallback: m.fallback ? { ...m.fallback, rule: ruleText(m.fallback) } : null })),
        set: book.list().filter((t) => t.scope === 'all' || inScope(who.scope, t.scope)).map(present),
        effective,
        canEdit: who.role === 'admin',
      });
    })

    .post('/', admins, json(setBody), async (c) => {
      const who = principal(c);
      const edit = c.req.valid('json');
      if (edit.scope !== 'all' && !(await catalog(db)).townships.has(edit.scope)) {
        throw new ApiError(400, 'bad_body', `scope: 没有乡镇 ${edit.scope} (no township ${edit.scope} in the data)`, { parameter: 'scope' });
      }
      const target = config.targets.set(edit, who.name);
      audit.record('target_set', who.name, { ...edit });
      return c.json(present(target));
    })

    .post('/remove', admins, json(keyBody), (c) => {
      const who = principal(c);
      const key = c.req.valid('json');
      if (!config.targets.remove(key)) throw new ApiError(404, 'no_edit', '该目标没有页面修改记录 (no edit of this target to remove)');
      audit.record('target_removed', who.name, { ...key });
      return c.json({ ok: true });
    });
}
