/**
 * @module routes/indicators
 * `GET /api/indicators` lists every indicator (unit, names, definitions, parameters);
 * `GET /api/indicators/:name?township=&from=&to=&period=&residence=&compare=&ages=&direction=`
 * answers `{indicator, unit, rows: [{township, period, value, numerator, denominator, small, …}]}`.
 */
import { Hono } from 'hono';
import { principal, type AppEnv } from '../auth/principal.ts';
import type { AnalyticsConfig } from '../config.ts';
import type { Database } from '../db/Database.ts';
import type { JobRunner } from '../workers/jobs.ts';
import { ApiError } from '../http/errors.ts';
import { answerIndicator } from '../indicators/answer.ts';
import { catalog } from '../indicators/catalog.ts';
import { indicatorQuerySchema, resolveQuery } from '../indicators/params.ts';
import { INDICATORS } from '../indicators/registry.ts';
import { AGE_GROUPINGS, COMPARE_MODES, DIRECTION_FILTERS, RESIDENCE_FILTERS } from '../indicators/types.ts';
import { publish } from '../answer/pipeline.ts';
import { respond } from '../answer/respond.ts';
import { query } from '../http/validate.ts';

export function indicatorRoutes(db: Database, config: AnalyticsConfig, jobs?: JobRunner) {
  return new Hono<AppEnv>()
    .get('/', (c) => c.json({
      indicators: [...INDICATORS.values()].map((d) => ({
        id: d.id, unit: d.unit, name: d.name, definition: d.definition, fields: d.fields,
        parameters: {
          township: '9-digit code, codes separated by commas, all (the county), or each (every township you may see)',
          from: 'year', to: 'year', period: d.periods, compare: COMPARE_MODES,
          ...(d.uses.includes('residence') ? { residence: RESIDENCE_FILTERS } : {}),
          ...(d.uses.includes('ages') ? { ages: AGE_GROUPINGS } : {}),
          ...(d.uses.includes('direction') ? { direction: DIRECTION_FILTERS } : {}),
        },
      })),
      smallCell: config.smallCell,
    }))

    .get('/:name', query(indicatorQuerySchema), async (c) => {
      const name = c.req.param('name');
      const def = INDICATORS.get(name);
      if (!def) {
        throw new ApiError(400, 'unknown_indicator', `no indicator "${name}"; GET /api/indicators lists them`, {
          parameter: 'name', allowed: [...INDICATORS.keys()],
        });
      }
      const data = await catalog(db);
      const who = principal(c);
      const resolved = resolveQuery(c.req.valid('query'), data, who.scope);
      const { rows, ...envelope } = await answerIndicator(db, def, resolved, data, config);
      return respond(c, await publish({ db, config, who, jobs }, { kind: 'indicator', indicator: def.id, query: resolved, envelope, rows }));
    });
}
