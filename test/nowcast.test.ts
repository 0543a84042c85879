/**
 * The full-year estimate (nowcast) and its back-test: hand-worked figures for the count and share
 * formulas, an exact seasonal pattern that must be recovered with no error, and the back-test
 * error on the demo county recomputed here, with plain loops from the monthly births the indicators
 * API answers, against what `GET /api/progress/backtest` reports; `GET /api/progress` on the demo.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../server/app.ts';
import { defaultAnalytics } from '../server/config.ts';
import { Database } from '../server/db/Database.ts';
import { backtestCounts, nowcastCount, nowcastShare } from '../server/progress/nowcast.ts';
import { demoCounty } from './fixtures/demoCounty.ts';
import { tempDir } from './helpers.ts';

describe('nowcast arithmetic', () => {
  it('a count: ytd × e^(mean ln ratio), interval with t(2) = 4.303 and √(1 + 1/3)', () => {
    // ratios 2, 2.2, 1.8 → ln: 0.693147, 0.788457, 0.587787; mean 0.689797, sd 0.100377 (worked in Python)
    const e = nowcastCount(100, [{ ytd: 50, total: 100 }, { ytd: 50, total: 110 }, { ytd: 50, total: 90 }])!;
    expect(e.value).toBeCloseTo(199.33109868, 6);
    expect(e.lo).toBeCloseTo(121.05258082, 6);
    expect(e.hi).toBeCloseTo(328.22833378, 6);
    expect(nowcastCount(100, [{ ytd: 50, total: 100 }])).toBeNull();
  });

  it('a share: the ytd share, narrower the more of the year is known', () => {
    const e = nowcastShare(90, 100, 100)!;
    expect(e.value).toBe(0.9);
    expect(e.lo).toBeCloseTo(0.87060054, 7);
    expect(e.hi).toBeCloseTo(0.92939946, 7);
    expect(nowcastShare(90, 100, 0)).toMatchObject({ lo: 0.9, hi: 0.9 });
  });

  it('an exact seasonal pattern (each year a multiple of the same months) is recovered with no error', () => {
    const shape = [5, 6, 8, 9, 10, 9, 8, 9, 10, 11, 8, 7];
    const monthly = new Map([2015, 2016, 2017, 2018, 2019, 2020].map((y, i) => [y, shape.map((m) => m * (10 + 3 * i))]));
    const { points, summary } = backtestCounts(monthly, [6]);
    expect(points.map((p) => p.year)).toEqual([2018, 2019, 2020]);
    for (const p of points) {
      expect(p.estimate).toBeCloseTo(p.actual, 9);
      expect(p.hi - p.lo).toBeCloseTo(0, 9);
    }
    expect(summary[0]!.mape).toBeCloseTo(0, 9);
  });
});

describe('the back-test error on the demo county', () => {
  const dir = tempDir('nowcast');
  let db: Database;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    db = await Database.open((await demoCounty()).dbPath);
    app = createApp({ db, webRoot: path.join(dir, 'none'), log: () => {}, analytics: defaultAnalytics() });
  });
  afterAll(() => db.close());

  it('equals the error recomputed here from the monthly births, through March, June and September', async () => {
    const months = (await (await app.request('/api/indicators/births?township=all&from=2000&to=2024&period=month')).json()) as { rows: { period: string; value: number }[] };
    const byYear = new Map<number, number[]>();
    for (const r of months.rows) {
      const y = Number(r.period.slice(0, 4));
      byYear.set(y, [...(byYear.get(y) ?? []), r.value]);
    }
    const years = [...byYear.keys()].sort();
    const api = (await (await app.request('/api/progress/backtest?township=all&through=3,6,9')).json()) as { summary: { through: number; n: number; mape: number; coverage: number }[] };
    for (const through of [3, 6, 9]) {
      const errors: number[] = [];
      let covered = 0;
      for (const year of years) {
        const earlier = years.filter((y) => y < year).slice(-5);
        if (earlier.length < 3) continue;
        const part = (y: number) => byYear.get(y)!.slice(0, through).reduce((a, b) => a + b, 0);
        const whole = (y: number) => byYear.get(y)!.reduce((a, b) => a + b, 0);
        const logs = earlier.map((y) => Math.log(whole(y) / part(y)));
        const mean = logs.reduce((a, b) => a + b, 0) / logs.length;
        const sd = Math.sqrt(logs.reduce((a, b) => a + (b - mean) ** 2, 0) / (logs.length - 1));
        const t = { 2: 4.303, 3: 3.182, 4: 2.776 }[logs.length - 1]!;
        const estimate = part(year) * Math.exp(mean);
        const half = t * sd * Math.sqrt(1 + 1 / logs.length);
        errors.push(Math.abs(estimate - whole(year)) / whole(year) * 100);
        if (whole(year) >= part(year) * Math.exp(mean - half) && whole(year) <= part(year) * Math.exp(mean + half)) covered++;
      }
      const reported = api.summary.find((s) => s.through === through)!;
      expect(reported.n).toBe(errors.length);
      expect(reported.mape).toBeCloseTo(errors.reduce((a, b) => a + b, 0) / errors.length, 9);
      expect(reported.coverage).toBeCloseTo(covered / errors.length, 9);
    }
  });

  it('GET /api/progress: 1–6月 progress with the elapsed share, targets and full-year estimates', async () => {
    const p = (await (await app.request('/api/progress?year=2024&through=6')).json()) as { elapsed_share: number; items: { measure: string; ytd: number; target: { value: number }; on_track: boolean; nowcast: { value: number; lo: number; hi: number } | null }[] };
    expect(p.elapsed_share).toBe(50);
    const reg = p.items.find((i) => i.measure === 'compliance_registered')!;
    const [row] = ((await (await app.request('/api/indicators/compliance?township=all&from=2024&to=2024&period=ytd&through=6&residence=registered')).json()) as { rows: { value: number }[] }).rows;
    expect(reg.ytd).toBe(row!.value);
    expect(reg.on_track).toBe(row!.value >= reg.target.value);
    expect(reg.nowcast!.lo).toBeLessThanOrEqual(reg.nowcast!.value);
    expect(reg.nowcast!.hi).toBeGreaterThanOrEqual(reg.nowcast!.value);
  });
});
