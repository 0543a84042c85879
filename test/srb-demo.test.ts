/**
 * On the demo county, the SRB ranking finds the townships the generator made hot spots.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../server/app.ts';
import { Database } from '../server/db/Database.ts';
import { demoCounty } from './fixtures/demoCounty.ts';

describe('SRB ranking on the demo county', () => {
  let db: Database;
  let hotspots: string[];

  beforeAll(async () => {
    const demo = await demoCounty();
    hotspots = (JSON.parse(readFileSync(path.join(demo.exports, 'manifest.json'), 'utf8')) as { hotspots: string[] }).hotspots;
    db = await Database.open(demo.dbPath);
  });
  afterAll(() => db.close());

  it('puts the generator\'s hot-spot townships first, flagged high', async () => {
    const app = createApp({ db, webRoot: '/nonexistent', log: () => {} });
    const ranking = (await (await app.request('/api/srb/ranking?from=2020&to=2024')).json()) as { townships: { township: string; flag: string; smoothed: number }[] };
    expect(hotspots.length).toBeGreaterThanOrEqual(2);
    const top = ranking.townships.slice(0, hotspots.length);
    expect(top.map((t) => t.township).sort()).toEqual([...hotspots].sort());
    for (const t of top) expect(t.flag).toBe('high');
    for (const t of ranking.townships.slice(hotspots.length)) expect(t.smoothed).toBeLessThan(top.at(-1)!.smoothed);
  });
});
