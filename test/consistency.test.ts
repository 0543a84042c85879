/**
 * The consistency rules of issue 13, each against independently worked figures:
 * - a share compared with a target is judged on the counts and printed with enough digits, so a
 *   98.999% miss is never written 99.00% beside 未达到目标 (unit cases, and the annual report);
 * - a township whose SRB interval includes 107 is never called 偏高 (every township of the demo
 *   county, in the API and in the report's table);
 * - the report's elevated-SRB list is the API's list at the shared default span (3 years).
 * The browser side (总览, 性别比 and 报告 pages give the same list) is in test/browser/srb-lists.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareWithTarget, meetsTarget, targetSentence } from '../common/targetComparison.ts';
import { SRB_LIST_YEARS, srbJudgement, srbListSpan } from '../common/srbWording.ts';
import { DEFAULT_ANALYTICS } from '../server/config.ts';
import { loadNotebook } from '../server/notebooks/library.ts';
import { renderNotebook, type RenderedReport } from '../server/notebooks/run.ts';
import { tempDir } from './helpers.ts';
import { demoCounty, type DemoCounty } from './notebooks/demoCounty.ts';

describe('a share against its target', () => {
  it('decides on the counts and shows the digits the verdict needs', () => {
    // 3,955 / 3,995 = 98.99875…%: two decimals would print 99.00
    const c = compareWithTarget(3955, 3995, 99);
    expect(c.meets).toBe(false);
    expect(c.valueText).toBe('98.999%');
    expect(targetSentence(c)).toBe('98.999%（3,955/3,995，目标99%），未达到目标');
    // exactly on the target: met (3,960 × 100 = 99 × 4,000)
    expect(meetsTarget(3960, 4000, 99)).toBe(true);
    expect(compareWithTarget(3960, 4000, 99).valueText).toBe('99.00%');
    // one birth short of it: 3,959 / 4,000 = 98.975% → two decimals say 98.98, enough
    expect(compareWithTarget(3959, 4000, 99).valueText).toBe('98.98%');
    // 99,999 / 101,000 = 99.0089…%: met, two decimals
    expect(compareWithTarget(99_999, 101_000, 99)).toMatchObject({ meets: true, valueText: '99.01%' });
    // a miss of 1 in 1,000,000: 989,999 / 1,000,000 = 98.9999% rounds to 99.00 and 99.000, so four decimals
    expect(compareWithTarget(989_999, 1_000_000, 99).valueText).toBe('98.9999%');
    // migrant target 85: 85 / 100 meets, 84 / 100 misses
    expect(compareWithTarget(85, 100, 85).meets).toBe(true);
    expect(compareWithTarget(84, 100, 85).meets).toBe(false);
    expect(compareWithTarget(0, 0, 99).meets).toBeNull();
  });
});

describe('SRB words', () => {
  it('never calls 偏高 an interval that includes 107', () => {
    expect(srbJudgement(114.0, 103.2, 126.0)).toBe('elevated_ns'); // the case the issue found called 正常
    expect(srbJudgement(114.0, 107.0, 126.0)).toBe('elevated_ns'); // touching 107 is not wholly above
    expect(srbJudgement(114.0, 107.01, 126.0)).toBe('high');
    expect(srbJudgement(105.0, 98.0, 112.0)).toBe('normal');
    expect(srbJudgement(101.0, 96.0, 106.0)).toBe('reduced_ns');
    expect(srbJudgement(95.0, 90.0, 102.9)).toBe('low');
    expect(srbJudgement(null, null, null)).toBe('none');
    expect(srbListSpan(2024)).toEqual({ from: 2024 - SRB_LIST_YEARS + 1, to: 2024 });
  });
});

describe('the demo county', () => {
  const dir = tempDir('consistency');
  let demo: DemoCounty;
  let report: RenderedReport;
  beforeAll(async () => {
    demo = await demoCounty(dir);
    report = await renderNotebook(loadNotebook('situation-analysis'), {}, { db: demo.db, config: DEFAULT_ANALYTICS });
  });
  afterAll(() => demo?.db.close());

  const get = async <T>(url: string): Promise<T> => {
    const r = await demo.app.request(url);
    expect(r.status, url).toBe(200);
    return (await r.json()) as T;
  };
  const text = () => report.bodyHtml.replace(/<[^>]+>/g, '');

  it('writes every 未达到目标 beside a share below its target, with the counts', async () => {
    const body = text();
    const misses = [...body.matchAll(/(\d+(?:\.\d+)?)%（([\d,]+)\/([\d,]+)，目标(\d+(?:\.\d+)?)%），未达到目标/g)];
    const verdicts = [...body.matchAll(/未达到目标/g)];
    expect(verdicts.length).toBeGreaterThan(0);
    expect(misses.length, 'every 未达到目标 follows a share with its counts and target').toBe(verdicts.length);
    for (const m of misses) {
      const [shown, num, den, target] = [Number(m[1]), Number(m[2]!.replace(/,/g, '')), Number(m[3]!.replace(/,/g, '')), Number(m[4])];
      expect(shown, m[0]).toBeLessThan(target);
      expect(num * 100, m[0]).toBeLessThan(target * den);
      expect(shown, m[0]).toBeCloseTo((100 * num) / den, 3);
    }
    // the demo county's registered compliance is the 3,955 of 3,995
    const reg = await get<{ rows: { numerator: number; denominator: number; meets_target: boolean }[] }>('/api/indicators/compliance?township=all&from=2024&to=2024&residence=registered');
    const row = reg.rows[0]!;
    expect(body).toContain(targetSentence(compareWithTarget(row.numerator, row.denominator, 99)));
    expect(row.meets_target).toBe(meetsTarget(row.numerator, row.denominator, 99));
  });

  it('never calls a township whose interval includes 107 偏高, in the API or the report', async () => {
    const ranking = await get<{ from: number; to: number; townships: { name: string; srb: number; lo: number; hi: number; flag: string; judgement: string }[] }>('/api/srb/ranking');
    expect(ranking.townships).toHaveLength(20);
    for (const t of ranking.townships) {
      if (t.lo <= 107) expect(t.judgement, t.name).not.toBe('high');
      expect(t.judgement, t.name).toBe(srbJudgement(t.srb, t.lo, t.hi));
      expect(t.judgement === 'high', t.name).toBe(t.flag === 'high');
    }
    const table = report.tables.find((x) => x.name === 'srb_rank_table')!.table;
    const csvRows = report.tables.find((x) => x.name === 'srb_rank_table')!.csv.trim().split('\r\n').slice(1).map((l) => l.split(','));
    expect(csvRows.length).toBeGreaterThan(0);
    const header = report.tables.find((x) => x.name === 'srb_rank_table')!.csv.replace('\uFEFF', '').split('\r\n')[0]!.split(',');
    const [lo, judged] = [header.indexOf('区间下限'), header.indexOf('判断')];
    for (const r of csvRows) {
      if (Number(r[lo]) <= 107) expect(r[judged], r.join(',')).not.toBe('偏高');
    }
    expect(table.title).toContain('2022–2024');
  });

  it('quotes the same elevated-SRB list as the API at the shared default span', async () => {
    const ranking = await get<{ from: number; to: number; townships: { name: string; judgement: string }[] }>('/api/srb/ranking');
    expect([ranking.from, ranking.to]).toEqual([2024 - SRB_LIST_YEARS + 1, 2024]);
    const high = ranking.townships.filter((t) => t.judgement === 'high').map((t) => t.name);
    expect(high.length).toBeGreaterThan(0);
    expect(text()).toContain(`性别比偏高（${ranking.from}–${ranking.to}年合计出生的95%置信区间整体高于107）的乡镇共${high.length}个：${high.join('、')}`);
  });
});
