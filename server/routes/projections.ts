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
 * Aggregates only; township accounts may project only their own townships, and their projections
 * use their townships' data alone (projection/area.ts): no county figure reaches them.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { principal, type AppEnv } from '../auth/principal.ts';
import { checkScope } from '../auth/scope.ts';
import type { Database } from '../db/Database.ts';
import { ApiError } from '../http/errors.ts';
import type { BacktestReport } from '../projection/backtest.ts';
import { Lru } from '../db/lru.ts';
import { areaKey, areaOf } from '../projection/area.ts';
import { resolveBaseYear, townshipList } from '../projection/data.ts';
import { canonicalRequest, type ProjectionAnswer } from '../projection/project.ts';
import { CustomSchema, ProjectionRequestSchema, resolveProjectionRequest, type ProjectionBody } from '../projection/request.ts';
import { json, query } from '../http/validate.ts';
import type { JobRunner } from '../workers/jobs.ts';
import { publish } from '../answer/pipeline.ts';
import { respond } from '../answer/respond.ts';
import type { AnalyticsConfig } from '../config.ts';
import { PLANNING_GROUP_IDS, defaultTableYears } from '../../common/planningGroups.ts';
import { TABLE_SCENARIOS } from '../projection/planningTable.ts';
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
  // the custom scenario's assumptions, as the projections page puts them in its link (ranges: CustomSchema)
  tfr: z.coerce.number().optional(), tfrYear: z.coerce.number().int().optional(), e0m: z.coerce.number().optional(), e0f: z.coerce.number().optional(),
  e0Gain: z.coerce.number().optional(), srb: z.coerce.number().optional(), migration: z.coerce.number().optional(),
});

/** The table's custom assumptions from its query, checked against the projection request's ranges (a 400 naming the field). */
function tableCustom(q: z.infer<typeof tableQuery>): ProjectionBody['custom'] {
  const custom = {
    ...(q.tfr !== undefined ? { tfr: q.tfr } : {}), ...(q.tfrYear !== undefined ? { tfrYear: q.tfrYear } : {}),
    ...(q.e0m !== undefined || q.e0f !== undefined ? { e0: { male: q.e0m ?? NaN, female: q.e0f ?? NaN } } : {}),
    ...(q.e0Gain !== undefined ? { e0Gain: q.e0Gain } : {}), ...(q.srb !== undefined ? { srb: q.srb } : {}),
    ...(q.migration !== undefined ? { migrationMultiplier: q.migration } : {}),
  };
  if (Object.keys(custom).length === 0) return undefined;
  const checked = CustomSchema.safeParse(custom);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    const field = String(issue.path[0] ?? 'custom');
    throw new ApiError(400, 'bad_parameter', `${field}: ${issue.message}`, { parameter: field });
  }
  return checked.data;
}

const backtestQuery = z.strictObject({
  baseYear: z.coerce.number().int().min(1900).max(2200),
  to: z.coerce.number().int().min(1900).max(2200).optional(),
});

/** `jobs`: where the projections run (worker threads in a server: workers/pool.ts). */
export function projectionRoutes(db: Database, jobs: JobRunner, config: AnalyticsConfig) {
  const answers = new Lru<ProjectionAnswer>(32);
  const backtests = new Lru<BacktestReport>(8);

  return new Hono<AppEnv>()
    .post('/', json(ProjectionRequestSchema, '{"scope": "all", "scenario": "medium"}', 'bad_parameter'), async (c) => {
      const req = resolveProjectionRequest(c.req.valid('json'));
      const who = principal(c);
      const scope = who.scope;
      checkScope(scope, req.scopes, 'scope');
      const baseYear = await resolveBaseYear(db, req.baseYear);
      const area = areaOf(scope);
      const answer = await answers.get(db, `${areaKey(area)}|${canonicalRequest(req, baseYear)}`, () => jobs.run({ kind: 'projection', req, baseYear, area }));
      return respond(c, await publish({ db, config, who, jobs }, { kind: 'projection', answer }));
    })

    .get('/assumptions', query(assumptionsQuery), async (c) => {
      const q = c.req.valid('query');
      const who = principal(c);
      const scope = who.scope;
      checkScope(scope, [q.scope], 'scope');
      const baseYear = await resolveBaseYear(db, q.baseYear);
      const towns = await townshipList(db);
      const name = q.scope === 'all' ? '全县' : towns.find((t) => t.code === q.scope)?.name;
      if (name === undefined) throw new ApiError(400, 'bad_parameter', `scope: no township ${q.scope} in the data`, { parameter: 'scope' });
      const summary = await jobs.run({ kind: 'assumptions', scope: q.scope, name, baseYear, area: areaOf(scope) });
      return respond(c, await publish({ db, config, who, jobs }, { kind: 'assumptions', summary }));
    })

    .get('/table', query(tableQuery), async (c) => {
      const q = c.req.valid('query');
      const who = principal(c);
      checkScope(who.scope, [q.scope], 'scope');
      const base = await resolveBaseYear(db, q.baseYear);
      const years = q.years ?? defaultTableYears(base);
      const custom = tableCustom(q);
      const computed = await jobs.run({ kind: 'planningTable', req: { scope: q.scope, years, scenarios: q.scenarios, groups: q.groups, baseYear: base, ...(custom ? { custom } : {}) }, area: areaOf(who.scope) });
      const published = await publish({ db, config, who, jobs }, { kind: 'planningTable', table: computed });
      if (q.format === 'json') return respond(c, published);
      const table = published.table;
      const out = planningOutputTable(table, q.lang);
      if (q.format === 'csv') return download(c, tableToCsv(out), planningFileName(table, 'csv'), 'csv');
      if (q.format === 'xlsx') return download(c, await tableToXlsx(out, '人口规划表'), planningFileName(table, 'xlsx'), 'xlsx');
      return download(c, await tablesToDocx(out.title, [out]), planningFileName(table, 'docx'), 'docx');
    })

    .get('/backtest', query(backtestQuery), async (c) => {
      const q = c.req.valid('query');
      checkScope(principal(c).scope, ['all'], 'scope');
      const to = q.to ?? await resolveBaseYear(db, undefined, 'to');
      const report = await backtests.get(db, `${q.baseYear}|${to}`, () => jobs.run({ kind: 'backtest', baseYear: q.baseYear, to }));
      return respond(c, await publish({ db, config, who: principal(c) }, { kind: 'plain', body: report }));
    });
}
