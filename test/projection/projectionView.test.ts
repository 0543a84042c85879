/**
 * The web app's reading of a real projection answer (web/src/projection.ts, the projection page's
 * table rows): the engine runs on the demo county and the answer goes through JSON as the browser
 * gets it. Kept apart from test/charts.test.ts because it needs the database.
 */
import { describe, expect, it } from 'vitest';
import { Database } from '../../server/db/Database.ts';
import { runProjection } from '../../server/projection/project.ts';
import { parseProjectionRequest } from '../../server/projection/request.ts';
import { projectionRows } from '../../web/src/pages/projections/rows.ts';
import { basePopulation, projectionView, type ProjectionAnswer } from '../../web/src/projection.ts';
import { demoCounty } from '../fixtures/demoCounty.ts';
describe('projection answers', () => {
  it('reads a real answer of POST /api/projections: series, flows from the first step, bands, pyramids', async () => {
    // the real engine on the demo county (no stand-in answer), through JSON as the browser gets it
    const db = await Database.open((await demoCounty()).dbPath);
    try {
      const answer = JSON.parse(JSON.stringify(await runProjection(db, parseProjectionRequest({ scope: 'all', horizon: 5, variant: 'probabilistic', draws: 100 })))) as ProjectionAnswer;
      const view = projectionView(answer, 'all');
      expect(view.years).toHaveLength(6);
      expect(view.series.total[0]).toBe(basePopulation(view.assumptions));
      expect(view.series.births[0]).toBeNull();
      expect(view.pyramids).toHaveLength(6);
      expect(view.pyramids[0]!.ages).toHaveLength(101);
      expect(view.pyramids[0]!.ages.at(-1)).toBe('100+');
      expect(view.draws).toBe(100);
      const rows = projectionRows(view, [{ key: 'births', label: '中方案' }]);
      expect(rows.map((r) => r.year)).toEqual(view.years.slice(1));
      for (const r of rows) expect(r.lo! <= r.lo2! && r.lo2! <= r.value && r.value <= r.hi2! && r.hi2! <= r.hi!).toBe(true);
      expect(() => projectionView(answer, '999901001')).toThrow(/no scope/);
    } finally {
      db.close();
    }
  }, 120_000);
});
