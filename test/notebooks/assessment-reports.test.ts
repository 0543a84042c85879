/**
 * The half-year report (1至N月 / 双过半) and the assessment report (考核结果通报) over the demo county:
 * they render without errors, every figure their narratives quote equals the API's answer for the
 * same parameters (period=ytd, /api/progress, /api/assessment), the assessment report names the
 * categories the API gives, and the annual report's compliance table splits registered and migrant
 * against their targets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultAnalytics } from '../../server/config.ts';
import { loadNotebook } from '../../server/notebooks/library.ts';
import { renderNotebook, type RenderedReport } from '../../server/notebooks/run.ts';
import { tempDir } from '../helpers.ts';
import { demoCounty, type DemoCounty } from './demoCounty.ts';
import { slotChecker, type ApiRow } from './slotCheck.ts';

const dir = tempDir('assessment-reports');
let demo: DemoCounty;
let halfYear: RenderedReport;
let assessment: RenderedReport;
let annual: RenderedReport;
const { api, checkSlotsAgainstApi } = slotChecker(() => demo);
const narrative = (r: RenderedReport) => r.slots.filter((s) => s.block.kind === 'markdown');

beforeAll(async () => {
  demo = await demoCounty(dir);
  const ctx = { db: demo.db, config: defaultAnalytics() };
  [halfYear, assessment, annual] = await Promise.all([
    renderNotebook(loadNotebook('half-year'), { year: '2024', through: '6' }, ctx),
    renderNotebook(loadNotebook('assessment'), { year: '2024' }, ctx),
    renderNotebook(loadNotebook('situation-analysis'), { year: '2024' }, ctx),
  ]);
});
afterAll(() => demo?.db.close());

describe('the half-year report', () => {
  it('renders 1–6月 figures equal to the API, births of 1 Jan–30 Jun', async () => {
    expect(halfYear.errors).toEqual([]);
    expect(halfYear.title).toBe(`${demo.countyName}2024年1至6月人口形势与目标完成进度`);
    expect(await checkSlotsAgainstApi(narrative(halfYear))).toBeGreaterThanOrEqual(15);
    const births = (await api('/api/indicators/births?township=all&from=2024&to=2024&period=ytd&through=6')).rows as ApiRow[];
    const months = (await api('/api/indicators/births?township=all&from=2024&to=2024&period=month')).rows as ApiRow[];
    const janToJun = months.slice(0, 6).reduce((a, r) => a + Number(r.value), 0);
    expect(births[0]!.value).toBe(janToJun);
    expect(halfYear.bodyHtml).toContain(`出生人口${janToJun.toLocaleString('en-US')}人`);
    expect(halfYear.tables.map((t) => t.name)).toEqual(['progress_table', 'towns_table']);
    // 图1: each month of 1–6月, this year's and last year's, drawn over each other by month; the API's counts
    const last = (await api('/api/indicators/births?township=all&from=2023&to=2023&period=month')).rows as ApiRow[];
    expect(halfYear.results.get('births_months')!.rows.map((r) => [r.month_of_year, r.value])).toEqual(months.slice(0, 6).map((r, i) => [`${i + 1}月`, r.value]));
    expect(halfYear.results.get('births_months_last')!.rows.map((r) => r.value)).toEqual(last.slice(0, 6).map((r) => r.value));
  });

  it('tables the progress with each measure\'s unit: counts as whole persons, targets with their unit, 完成进度 beside 时间进度', async () => {
    const progress = halfYear.tables.find((t) => t.name === 'progress_table')!;
    const [head, ...lines] = progress.csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(head).toBe('指标,单位,年度目标,1至6月,完成进度（%）,时间进度（%）,当前是否达到,全年预计,预计下限,预计上限,预计全年达到');
    const answer = (await api('/api/progress?year=2024&through=6&township=all')) as { items: { measure: string; name: { zh: string }; ytd: number | null; reached_share: number | null }[] };
    expect(lines).toHaveLength(answer.items.length);
    const row = (measure: string) => lines[answer.items.findIndex((i) => i.measure === measure)]!.split(',');
    const compliance = row('compliance_registered');
    expect(compliance.slice(0, 3)).toEqual(['户籍人口出生政策符合率', '%', '不低于99%']);
    expect(Number(compliance[3])).toBeCloseTo(answer.items.find((i) => i.measure === 'compliance_registered')!.ytd!, 2);
    // a band below zero is written with a minus sign Excel does not take for a formula (no ' before it)
    expect(row('births_change')[2]).toBe('−15%～15%');
    // a sex ratio's unit is 女=100, and its target reads without it
    expect(row('srb').slice(0, 3)).toEqual(['出生人口性别比', '女=100', '不高于107']);
    expect(progress.csv).not.toContain(",'");
  });
});

describe('the assessment report', () => {
  it('quotes the ranking and categories of GET /api/assessment', async () => {
    expect(assessment.errors).toEqual([]);
    expect(await checkSlotsAgainstApi(narrative(assessment))).toBeGreaterThanOrEqual(10);
    const answer = (await api('/api/assessment?year=2024&window=year')) as { townships: ApiRow[] };
    const advanced = answer.townships.filter((t) => t.category === 'advanced').map((t) => t.name);
    expect(assessment.bodyHtml).toContain(`评为先进的乡镇（街道）共${advanced.length}个：${advanced.join('、')}`);
    // every township ranked first is named (the province has 48 tied at full marks), with the top score
    const first = answer.townships.filter((t) => t.rank === 1);
    expect(assessment.bodyHtml).toContain(`得分最高的是${first.map((t) => t.name).join('、')}（${Number(first[0]!.total).toFixed(2)}分）`);
    const ranking = assessment.tables.find((t) => t.name === 'ranking_table')!;
    expect(ranking.csv.trim().split('\r\n')).toHaveLength(1 + answer.townships.length);
  });
});

describe('the annual report', () => {
  it('splits compliance into registered and migrant, each against its target', async () => {
    expect(annual.errors).toEqual([]);
    const table = annual.tables.find((t) => t.name === 'comp_split_table')!;
    const lines = table.csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('人口类别,出生人数,政策内出生,政策外出生,政策属性不详,符合率（%）,目标（%）,是否达到目标');
    for (const [line, residence] of [[lines[1]!, 'registered'], [lines[2]!, 'migrant']] as const) {
      const [row] = (await api(`/api/indicators/compliance?township=all&from=2024&to=2024&period=year&residence=${residence}`)).rows as ApiRow[];
      const cells = line.split(',');
      expect(cells[0]).toBe(residence === 'registered' ? '户籍人口' : '流动人口');
      expect(Number(cells[1])).toBe(row!.denominator);
      expect(cells[5]).toBe(Number(row!.value).toFixed(3)); // 98.999, not a 99.00 beside 未达到
      expect(cells[6]).toBe(String(row!.target_rule));
      expect(cells[7]).toBe(row!.meets_target ? '达到' : '未达到');
    }
  });
});
