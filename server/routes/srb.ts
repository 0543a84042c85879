/**
 * @module routes/srb
 * `GET /api/srb?township=&from=&to=&period=&residence=&order=all|1|2|3+`: SRB rows with interval,
 * smoothed value and flag. `GET /api/srb/ranking?from=&to=&residence=&order=`: townships ranked
 * by smoothed SRB over the span (default: the last 3 years, as the elevated-SRB list on every page),
 * with the funnel plot's limits and the list's rule in words.
 */
import { Hono } from 'hono';
import { principal, type AppEnv } from '../auth/principal.ts';
import { z } from 'zod';
import type { AnalyticsConfig } from '../config.ts';
import type { Database } from '../db/Database.ts';
import type { JobRunner } from '../workers/jobs.ts';
import { catalog } from '../indicators/catalog.ts';
import { indicatorQuerySchema, resolveQuery } from '../indicators/params.ts';
import { restrictRanking, srbRanking } from '../srb/ranking.ts';
import { COUNTY_SCOPE } from '../auth/scope.ts';
import { BIRTH_ORDERS, srbRowsFor } from '../srb/srbRows.ts';
import { publish } from '../answer/pipeline.ts';
import { respond } from '../answer/respond.ts';
import { query } from '../http/validate.ts';
import { srbListSpan } from '../../common/srbWording.ts';

/** `3+` typed into a URL arrives as `3 ` (a `+` decodes to a space): take it as meant. */
const srbSchema = indicatorQuerySchema.extend({
  order: z.preprocess((v) => (v === '3 ' ? '3+' : v), z.enum(BIRTH_ORDERS).default('all')),
});

export function srbRoutes(db: Database, config: AnalyticsConfig, jobs?: JobRunner) {
  return new Hono<AppEnv>()
    .get('/', query(srbSchema), async (c) => {
      const raw = c.req.valid('query');
      const who = principal(c);
      const q = resolveQuery(raw, await catalog(db), who.scope);
      const rows = await srbRowsFor(db, q, raw.order, who.scope, config.smallCell);
      const envelope = { indicator: 'srb', unit: 'males per 100 females', band: [103, 107], query: { ...q, order: raw.order } };
      return respond(c, await publish({ db, config, who, jobs }, { kind: 'srb', query: q, order: raw.order, envelope, rows }));
    })

    .get('/ranking', query(srbSchema.omit({ township: true, period: true, compare: true, ages: true, direction: true })), async (c) => {
      const raw = c.req.valid('query');
      const data = await catalog(db);
      const who = principal(c);
      // The default span is the elevated-SRB list's, the same on every page (common/srbWording.ts).
      const span = srbListSpan(raw.to ?? data.lastYear, data.firstYear);
      const q = resolveQuery({ ...raw, from: raw.from ?? span.from, township: 'all', period: 'year', compare: 'none', ages: 'single', direction: 'in' }, data, COUNTY_SCOPE);
      const ranking = await srbRanking(db, q, raw.order, config.smallCell, data.names);
      // Its ~0.6 MB of JSON is serialised once per generation and scope, by the answer cache.
      return respond(c, await publish({ db, config, who, jobs }, { kind: 'ranking', query: q, order: raw.order, ranking: restrictRanking(ranking, who.scope) }));
    });
}
