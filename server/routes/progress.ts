/**
 * @module routes/progress
 * - `GET /api/progress?year=2024&through=6&township=all|code`: 1–N月 progress against the annual
 *   targets (双过半), with a full-year estimate and its interval (progress/progress.ts).
 * - `GET /api/progress/backtest?township=all&through=3,6,9`: the full-year births estimate replayed
 *   on every earlier year (from the years before it only): each year's error and, per month, the
 *   mean absolute percentage error and the interval's coverage.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { principal, type AppEnv } from '../auth/principal.ts';
import { checkScope } from '../auth/scope.ts';
import type { AnalyticsConfig } from '../config.ts';
import type { Database } from '../db/Database.ts';
import { ApiError } from '../http/errors.ts';
import { answerIndicator } from '../indicators/answer.ts';
import { catalog, type Catalog } from '../indicators/catalog.ts';
import { spansFor } from '../indicators/periods.ts';
import { INDICATORS } from '../indicators/registry.ts';
import { backtestCounts } from '../progress/nowcast.ts';
import { progressFor } from '../progress/progress.ts';
import { defaultThroughMonth, monthsWithBirths } from '../../contract/assessment.ts';
import { query } from '../http/validate.ts';
import { publish } from '../answer/pipeline.ts';
import { respond } from '../answer/respond.ts';
import type { JobRunner } from '../workers/jobs.ts';
import { progressPeriods } from '../disclosure/assessment.ts';

const month = z.coerce.number({ message: 'must be a month 1–12' }).int().min(1, 'must be a month 1–12').max(12, 'must be a month 1–12');
const township = z.string().regex(/^(all|\d{9})$/, 'must be all or a 9-digit township code').default('all');

function checkTownship(data: Catalog, code: string): void {
  if (code !== 'all' && !data.townships.has(code)) throw new ApiError(400, 'bad_parameter', `township: no township ${code} in the data`, { parameter: 'township' });
}

export function progressRoutes(db: Database, config: AnalyticsConfig, jobs?: JobRunner) {
  return new Hono<AppEnv>()
    .get('/', query(z.strictObject({ year: z.coerce.number().int().optional(), through: month.optional(), township })), async (c) => {
      const q = c.req.valid('query');
      const data = await catalog(db);
      checkTownship(data, q.township);
      checkScope(principal(c).scope, [q.township]);
      const year = q.year ?? data.lastYear;
      if (year < data.firstYear || year > data.lastYear) throw new ApiError(400, 'bad_parameter', `year: ${year} is outside the data (${data.firstYear}..${data.lastYear})`, { parameter: 'year' });
      const through = q.through ?? defaultThroughMonth(data.birthsLast, year);
      // months without births yet are not months without births: the year still open runs through its last one
      const months = monthsWithBirths(data.birthsLast, year);
      if (months === 0) throw new ApiError(400, 'bad_parameter', `year: ${year}年还没有出生数据 — no births of ${year} are in yet`, { parameter: 'year' });
      if (through > months) {
        throw new ApiError(400, 'bad_parameter', `through: ${year}年的出生只到${months}月，无法统计1–${through}月 — births of ${year} are in through month ${months} only`, { parameter: 'through' });
      }
      const answer = await progressFor(db, data, config, q.township, year, through);
      return respond(c, await publish({ db, config, who: principal(c), jobs }, { kind: 'progress', answer, ...progressPeriods(year, through) }));
    })

    .get('/backtest', query(z.strictObject({ township, through: z.string().regex(/^\d{1,2}(,\d{1,2})*$/).default('3,6,9') })), async (c) => {
      const q = c.req.valid('query');
      const data = await catalog(db);
      checkTownship(data, q.township);
      checkScope(principal(c).scope, [q.township]);
      const throughs = q.through.split(',').map(Number);
      if (throughs.some((m) => m < 1 || m > 11)) throw new ApiError(400, 'bad_parameter', 'through: months 1–11 (a full year needs no estimate)', { parameter: 'through' });
      const request = { period: 'month' as const, from: data.firstYear, to: data.lastYear };
      const rows = (await answerIndicator(db, INDICATORS.get('births')!, {
        townships: [q.township], residence: 'all', compare: 'none', ages: 'single', direction: 'in', through: null, start: null, end: null, ...request, spans: spansFor(request),
      }, data, config)).rows;
      const monthly = new Map<number, number[]>();
      for (const r of rows) {
        const y = Number(r.period.slice(0, 4));
        const list = monthly.get(y) ?? Array<number>(12).fill(0);
        list[Number(r.period.slice(5)) - 1] = r.value ?? 0;
        monthly.set(y, list);
      }
      return respond(c, await publish({ db, config, who: principal(c), jobs }, { kind: 'backtest', answer: { township: q.township, ...backtestCounts(monthly, throughs) } }));
    });
}
