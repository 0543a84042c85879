/**
 * @module routes/projections
 * - `POST /api/projections` with a JSON body `{scope, baseYear?, horizon?, scenario?, custom?,
 *   variant?, draws?, seed?}` (server/projection/request.ts) answers years, series and pyramids
 *   per scope, quantile bands for the probabilistic variant, and the assumptions used. Answers
 *   are cached (LRU of 32) by the canonical request and the database generation.
 * - `GET /api/projections/assumptions?scope=all|code&baseYear=` the derived assumptions.
 * - `GET /api/projections/backtest?baseYear=2014&to=2024` the backtest figures.
 * - `GET /api/projections/table?scope=&years=2025,2030,2035&scenarios=low,medium,high&groups=…&format=json|csv|xlsx|docx`
 *   the planning table (server/projection/planningTable.ts) in whole persons, as JSON or a file.
 * Aggregates only; township accounts may project only their own townships.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { principal, type AppEnv } from '../auth/principal.ts';
import { checkScope } from '../auth/scope.ts';
import type { Database } from '../db/Database.ts';
import { ApiError } from '../errors.ts';
import { backtest, type BacktestReport } from '../projection/backtest.ts';
import { Lru } from '../db/lru.ts';
import { loadProjectionData, resolveBaseYear, townshipList } from '../projection/data.ts';
import { deriveAssumptions } from '../projection/assumptions.ts';
import { assumptionsSummary } from '../projection/output.ts';
import { canonicalRequest, dataSpan, runProjection, type ProjectionAnswer } from '../projection/project.ts';
import { parseProjectionRequest } from '../projection/request.ts';
import { query } from '../validate.ts';
import { PLANNING_GROUP_IDS, defaultTableYears } from '../../common/planningGroups.ts';
import { TABLE_SCENARIOS, planningTable } from '../projection/planningTable.ts';
import { planningFileName, planningOutputTable } from '../projection/planningTableOutput.ts';
import { tableToCsv } from '../outputs/csv.ts';
import { tableToXlsx } from '../outputs/xlsx.ts';
import { tablesToDocx } from '../outputs/docx.ts';
import { download } from '../outputs/download.ts';

const assumptionsQuery = z.strictObject({
  scope: z.union([z.literal('all'), z.string().regex(/^\d{9}$/, 'a township is a 9-digit code')]).default('all'),
  baseYear: z.coerce.number().int().min(1900).max(2200).optional(),
});

const csvList = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean);

const tableQuery = z.strictObject({
  scope: z.union([z.literal('all'), z.string().regex(/^\d{9}$/, 'a township is a 9-digit code')]).default('all'),
  baseYear: z.coerce.number().int().min(1900).max(2200).optional(),
  years: z.string().transform((s) => csvList(s).map(Number)).pipe(z.array(z.number().int('years are whole years such as 2025').min(1900).max(2300)).min(1).max(31)).optional(),
  scenarios: z.string().transform(csvList).pipe(z.array(z.enum(TABLE_SCENARIOS)).min(1)).default(['low', 'medium', 'high']),
  groups: z.string().transform(csvList).pipe(z.array(z.enum(PLANNING_GROUP_IDS as [string, ...string[]])).min(1)).default([...PLANNING_GROUP_IDS]),
  lang: z.enum(['zh', 'en']).default('zh'),
  format: z.enum(['json', 'csv', 'xlsx', 'docx']).default('json'),
});

const backtestQuery = z.strictObject({
  baseYear: z.coerce.number().int().min(1900).max(2200),
  to: z.coerce.number().int().min(1900).max(2200).optional(),
});

export function projectionRoutes(db: Database): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const answers = new Lru<ProjectionAnswer>(32);
  const backtests = new Lru<BacktestReport>(8);

  app.post('/projections', async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw new ApiError(400, 'bad_body', 'body: send a JSON object such as {"scope": "all", "scenario": "medium"}', { parameter: 'body' });
    }
    const req = parseProjectionRequest(body);
    checkScope(principal(c).scope, req.scopes, 'scope');
    const baseYear = await resolveBaseYear(db, req.baseYear);
    return c.json(await answers.get(db, canonicalRequest(req, baseYear), () => runProjection(db, req, baseYear)));
  });

  app.get('/projections/assumptions', query(assumptionsQuery), async (c) => {
    const q = c.req.valid('query');
    checkScope(principal(c).scope, [q.scope], 'scope');
    const baseYear = await resolveBaseYear(db, q.baseYear);
    const towns = await townshipList(db);
    const name = q.scope === 'all' ? '全县' : towns.find((t) => t.code === q.scope)?.name;
    if (name === undefined) throw new ApiError(400, 'bad_parameter', `scope: no township ${q.scope} in the data`, { parameter: 'scope' });
    const span = dataSpan(baseYear);
    const data = await loadProjectionData(db, span.from, span.to);
    return c.json(assumptionsSummary(deriveAssumptions(data, q.scope, baseYear), name));
  });

  app.get('/projections/table', query(tableQuery), async (c) => {
    const q = c.req.valid('query');
    checkScope(principal(c).scope, [q.scope], 'scope');
    const base = await resolveBaseYear(db, q.baseYear);
    const years = q.years ?? defaultTableYears(base);
    const table = await planningTable(db, { scope: q.scope, years, scenarios: q.scenarios, groups: q.groups, baseYear: base });
    if (q.format === 'json') return c.json(table);
    const out = planningOutputTable(table, q.lang);
    if (q.format === 'csv') return download(c, tableToCsv(out), planningFileName(table, 'csv'), 'csv');
    if (q.format === 'xlsx') return download(c, await tableToXlsx(out, '人口规划表'), planningFileName(table, 'xlsx'), 'xlsx');
    return download(c, await tablesToDocx(out.title, [out]), planningFileName(table, 'docx'), 'docx');
  });

  app.get('/projections/backtest', query(backtestQuery), async (c) => {
    const q = c.req.valid('query');
    checkScope(principal(c).scope, ['all'], 'scope');
    const to = q.to ?? await resolveBaseYear(db, undefined, 'to');
    return c.json(await backtests.get(db, `${q.baseYear}|${to}`, () => backtest(db, { baseYear: q.baseYear, to })));
  });

  return app;
}
