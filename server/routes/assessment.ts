/**
 * @module routes/assessment
 * `GET /api/assessment?year=2024&window=year|statyear`: every township scored under the county's
 * 考核方案 (assessment/scheme.ts) — `total`, `rank`, `category`, `veto`, `bottom_two_years` and
 * `items` (each with `id`, `value`, `target`, `score`, `weight`, `met`, `warn` and the counts
 * behind the value). The window defaults to the scheme's (calendar year in the demo scheme);
 * `statyear` assesses 1 Oct of the year before to 30 Sep. A township account sees its own
 * townships' rows (its SRB item raw, not smoothed: assessment/restrict.ts), and they pass the answer
 * pipeline's small-cell rule (disclosure/assessment.ts).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { principal, type AppEnv } from '../auth/principal.ts';
import { publish } from '../answer/pipeline.ts';
import { respond } from '../answer/respond.ts';
import { assessmentPeriods } from '../disclosure/assessment.ts';
import type { JobRunner } from '../workers/jobs.ts';
import { restrictAssessment } from '../assessment/restrict.ts';
import type { AnalyticsConfig } from '../config.ts';
import type { Database } from '../db/Database.ts';
import { ApiError } from '../http/errors.ts';
import { runAssessment } from '../assessment/run.ts';
import { SchemeError } from '../assessment/scheme.ts';
import { catalog } from '../indicators/catalog.ts';
import { query } from '../http/validate.ts';

const assessmentQuery = z.strictObject({
  year: z.coerce.number({ message: 'must be a year such as 2024' }).int('must be a year such as 2024').optional(),
  window: z.enum(['year', 'statyear']).optional(),
});

/** Events behind an item (births, women…): fewer than the threshold marks the item small. */
function eventsOf(fields: Readonly<Record<string, number | null>>): number | null {
  const n = fields.births ?? fields.women ?? null;
  return typeof n === 'number' ? n : null;
}

export function assessmentRoutes(db: Database, config: AnalyticsConfig, jobs?: JobRunner) {
  return new Hono<AppEnv>()
    .get('/', query(assessmentQuery), async (c) => {
      const q = c.req.valid('query');
      const data = await catalog(db);
      const year = q.year ?? data.lastYear;
      if (year < data.firstYear || year > data.lastYear) {
        throw new ApiError(400, 'bad_parameter', `year: ${year} is outside the data: the data covers ${data.firstYear}..${data.lastYear}`, { parameter: 'year' });
      }
      let answer;
      try {
        answer = await runAssessment(db, data, config, year, q.window);
      } catch (e) {
        if (e instanceof SchemeError) throw new ApiError(500, 'bad_scheme', `考核方案有误 (the assessment scheme is wrong): ${e.message}`);
        throw e;
      }
      const who = principal(c);
      const townships = restrictAssessment(answer.townships, who.scope)
        .map((t) => ({
          ...t,
          items: t.items.map((i) => {
            const events = eventsOf(i.fields);
            return { ...i, small: events !== null && events < config.smallCell };
          }),
        }));
      return respond(c, await publish({ db, config, who, jobs }, { kind: 'assessment', answer: { ...answer, townships }, ...assessmentPeriods(answer, year) }));
    });
}
