/**
 * @module routes/regions
 * `GET /api/regions.topojson`: the township polygons imported with the data, for the map.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../auth/principal.ts';
import type { Database } from '../db/Database.ts';
import { ApiError } from '../http/errors.ts';
import { TOPOJSON_FILE } from '../../contract/tables.ts';

export function regionRoutes(db: Database) {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const rows = await db.query('meta/asset', { name: TOPOJSON_FILE });
      const content = rows[0]?.content;
      if (typeof content !== 'string') {
        throw new ApiError(404, 'no_topojson', 'no regions.topojson was imported with this data: the map cannot be drawn');
      }
      return c.body(content, 200, { 'content-type': 'application/json; charset=utf-8' });
    });
}
