/**
 * @module routes/map
 * `GET /api/map?indicator=population&year=2024`: one value per township for the choropleth.
 * Layers are a lookup table of named queries; more arrive with the indicators API.
 */
import { Hono } from 'hono';
import { principal, type AppEnv } from '../auth/principal.ts';
import { inScope } from '../auth/scope.ts';
import { z } from 'zod';
import type { Database } from '../db/Database.ts';
import type { JobRunner } from '../workers/jobs.ts';
import { query } from '../http/validate.ts';
import { publish } from '../answer/pipeline.ts';
import { respond } from '../answer/respond.ts';
import type { AnalyticsConfig } from '../config.ts';

const LAYERS = {
  population: { sql: 'map/population', unit: 'persons', zh: '户籍人口（年末）', en: 'registered population (31 Dec)' },
} as const;

const layerNames = Object.keys(LAYERS) as [keyof typeof LAYERS, ...(keyof typeof LAYERS)[]];

const schema = z.strictObject({
  indicator: z.enum(layerNames).default('population'),
  year: z.coerce.number().int().min(1900).max(2200),
});

export function mapRoutes(db: Database, config: AnalyticsConfig, jobs?: JobRunner) {
  return new Hono<AppEnv>()
    .get('/', query(schema), async (c) => {
      const { indicator, year } = c.req.valid('query');
      const layer = LAYERS[indicator];
      const who = principal(c);
      const rows = (await db.query<{ township: string; value: number | null }>(layer.sql, { year }))
        .map((r) => (inScope(who.scope, r.township) ? r : { ...r, value: null }));
      const envelope = { indicator, year, unit: layer.unit, label: { zh: layer.zh, en: layer.en } };
      return respond(c, await publish({ db, config, who, jobs }, { kind: 'map', year, envelope, rows }));
    });
}
