/**
 * Report notebooks over the demo county (generator seed 1): every figure the narrative quotes
 * equals what the analytics API answers for the same parameters; every chart is an SVG with the
 * expected marks and its Chinese title; a notebook with broken blocks still renders the rest with
 * the errors in place; the report routes validate parameters; the CLI export writes HTML, SVG,
 * PNG, CSV and (with Chromium) a PDF whose first page is kept as a PNG in test-artifacts/report/.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ANALYTICS } from '../../server/config.ts';
import { loadNotebook, loadNotebookFile } from '../../server/notebooks/library.ts';
import { CHROMIUM_PATH } from '../../server/notebooks/pdf.ts';
import { renderNotebook, type RenderedReport } from '../../server/notebooks/run.ts';
import { REPO_ROOT } from '../../server/paths.ts';
import { command as reportCommand } from '../../server/cli/report.ts';
import { tempDir } from '../helpers.ts';
import { demoCounty, type DemoCounty } from './demoCounty.ts';
import { slotChecker, type ApiRow } from './slotCheck.ts';

const dir = tempDir('notebooks');
let demo: DemoCounty;
let flagship: RenderedReport;

beforeAll(async () => {
  demo = await demoCounty(dir);
  flagship = await renderNotebook(loadNotebook('situation-analysis'), {}, { db: demo.db, config: DEFAULT_ANALYTICS });
});
afterAll(() => demo?.db.close());

const { api, checkSlotsAgainstApi } = slotChecker(() => demo);

const narrativeSlots = (r: RenderedReport) => r.slots.filter((s) => s.block.kind === 'markdown');

describe('the situation-analysis report (flagship)', () => {
  // Its render time is measured by `npm run bench` (bench/report.ts), not asserted here.
  it('renders for the demo county without errors', () => {
    expect(flagship.title).toBe(`${demo.countyName}2024年人口形势分析`);
    expect(flagship.errors).toEqual([]);
    expect(flagship.bodyHtml).not.toContain('nb-error');
    // the bench's split: a time for every data block (and only those), and the sql blocks' sandbox
    const dataBlocks = loadNotebook('situation-analysis').blocks.filter((b) => b.kind === 'sql' || b.kind === 'indicator').map((b) => b.name);
    expect(Object.keys(flagship.timings.blockMs).sort()).toEqual([...dataBlocks].sort());
    expect(flagship.timings.sandboxMs).toBeGreaterThan(0);
    expect(flagship.timings.sandboxMs).toBeLessThan(flagship.timings.dataMs);
  });

  it('quotes only figures that equal the API answer for the same parameters', async () => {
    const checked = await checkSlotsAgainstApi(narrativeSlots(flagship));
    expect(checked).toBeGreaterThanOrEqual(80);
    expect(narrativeSlots(flagship).filter((s) => s.source?.api === '/api/projections')).toHaveLength(9);
    // Spot checks of the wording against the API itself.
    const births = (await api('/api/indicators/births?township=all&from=2024&to=2024&compare=yoy')).rows as ApiRow[];
    const b = births.find((r) => r.period === '2024')!;
    expect(flagship.bodyHtml).toContain(`出生人口${Number(b.value).toLocaleString('en-US')}人，比上年${Number(b.change_pct) < 0 ? '减少' : '增加'}${Math.abs(Number(b.change_pct)).toFixed(1)}%`);
    const srb = ((await api('/api/srb?township=all&from=2024&to=2024&period=year&order=all')).rows as ApiRow[])[0]!;
    expect(flagship.bodyHtml).toContain(`出生人口性别比为${Number(srb.srb).toFixed(2)}（女=100），95%置信区间为${Number(srb.lo).toFixed(2)}–${Number(srb.hi).toFixed(2)}`);
    const ranking = (await api('/api/srb/ranking?from=2022&to=2024&order=all')) as { townships: ApiRow[] };
    const hot = ranking.townships.filter((t) => t.flag === 'high').map((t) => t.name);
    expect(flagship.bodyHtml).toContain(`的乡镇共${hot.length}个：${hot.length ? hot.join('、') : '无'}，应作为出生性别比综合治理的重点`);
  });

  it('has no hand-typed numbers in its narrative (only definitional constants)', () => {
    const source = readFileSync(path.join(REPO_ROOT, 'notebooks', 'situation-analysis.md'), 'utf8');
    const nb = loadNotebook('situation-analysis');
    const constants = /103–107|0–14|15–64|15–49|6–11|0–2|60|80|65|95%|100%|女=100|× 1000‰|× 100|\b103\b|\b107\b/g;
    for (const block of nb.blocks) {
      if (block.kind !== 'markdown') continue;
      const text = block.text.replace(/\{\{[\s\S]*?\}\}/g, '').replace(/<!--[\s\S]*?-->/g, '').replace(constants, '');
      expect(text, `narrative at line ${block.line}`).not.toMatch(/\d/);
    }
    expect(source).toContain('{{ births.value | int }}');
  });

  it('draws every chart as an SVG with one mark per result row and its Chinese title', () => {
    const rows = (name: string) => flagship.results.get(name)!.rows.length;
    const expected: Record<string, [string, number]> = {
      births_trend_chart: ['point', rows('births_trend')],
      cbr_trend_chart: ['point', rows('cbr_trend')],
      births_monthly_chart: ['point', rows('births_monthly')],
      tfr_trend_chart: ['point', rows('tfr_trend')],
      order_trend_chart: ['point', rows('order_trend')],
      asfr_chart: ['bar', rows('asfr')],
      srb_trend_chart: ['point', rows('srb_trend')],
      srb_rank_chart: ['point', rows('srb_rank')],
      compliance_chart: ['point', rows('comp_reg_trend') + rows('comp_mig_trend')],
      fma_chart: ['point', rows('fma_trend')],
      migrants_chart: ['point', rows('mig_in_trend') + rows('mig_out_trend')],
      origins_chart: ['bar', rows('origins')],
      pyramid_chart: ['bar', rows('pyramid')],
      towns_births_chart: ['bar', rows('towns')],
      projection_chart: ['line mark', 1],
    };
    expect(flagship.charts.map((c) => c.name).sort()).toEqual(Object.keys(expected).sort());
    expect(rows('births_trend')).toBe(10);
    expect(rows('towns')).toBe(20);
    expect(rows('pyramid')).toBe(42);
    expect(rows('projection')).toBe(2035 - 2024 + 1);
    for (const chart of flagship.charts) {
      const [mark, count] = expected[chart.name]!;
      expect(chart.svg.startsWith('<svg'), chart.name).toBe(true);
      expect(chart.svg.match(new RegExp(`aria-roledescription="${mark}"`, 'g'))?.length ?? 0, `${chart.name} ${mark} marks`).toBe(count);
      expect(chart.title, chart.name).toMatch(/^图\d+ \S*[\u4e00-\u9fff]/);
      expect(chart.svg, chart.name).toContain(`>${chart.title.replace(/&/g, '&amp;')}</text>`);
      expect(chart.svg).toContain('font-family="Noto Sans CJK SC"');
      expect(flagship.bodyHtml).toContain(`id="chart-${chart.name}"`);
    }
    // the compliance targets' labels say their values (the targets in force: the defaults, 99% and 85%)
    const compliance = flagship.charts.find((c) => c.name === 'compliance_chart')!.svg;
    expect(compliance).toContain('>户籍目标 99%</text>');
    expect(compliance).toContain('>流动目标 85%</text>');
    // the 95% interval is shaded as the dashboard shades it (charts/srbSeries.ts: an errorband)
    expect(flagship.charts.find((c) => c.name === 'srb_trend_chart')!.svg).toContain('aria-roledescription="errorband"');
  });

  it('builds its tables with Chinese headers and BOM-prefixed CSV', async () => {
    const towns = flagship.tables.find((t) => t.name === 'towns_table')!;
    expect(towns.table.rows).toHaveLength(20);
    expect(towns.csv.startsWith('\uFEFF乡镇（街道）,户籍人口,出生人数,出生率（‰）,总和生育率,户籍人口出生政策符合率（%）,流入人口\r\n')).toBe(true);
    const first = towns.table.rows[0]!;
    expect(towns.csv.split('\r\n')[1]).toBe([first.name, first.population, first.births, Number(first.cbr).toFixed(2), Number(first.tfr).toFixed(2), Number(first.compliance).toFixed(2), first.migrant_stock].join(','));
    // the registered compliance, as the map, 考核 and 目标 use: the API's registered figure for that township
    const registered = ((await api('/api/indicators/compliance?township=each&from=2024&to=2024&residence=registered')).rows as ApiRow[])
      .find((r) => r.township === first.township)!;
    expect(String(towns.csv.split('\r\n')[1]).split(',')[5]).toBe(Number(registered.value).toFixed(2));
    expect(flagship.bodyHtml).toContain('<figcaption>表5 各乡镇主要人口指标（2024年）</figcaption>');
  });

  it('equals the API for a township and for statistical years too', async () => {
    const report = await renderNotebook(loadNotebook('situation-analysis'), { township: '999901105', year: '2023', period: 'statyear' }, { db: demo.db, config: DEFAULT_ANALYTICS });
    expect(report.title).toBe('金山镇2023统计年度人口形势分析');
    expect(report.errors).toEqual([]);
    expect(await checkSlotsAgainstApi(narrativeSlots(report))).toBeGreaterThanOrEqual(80);
  });
});

describe('the township-profile report', () => {
  it('renders one township, every figure equal to the API, without errors', async () => {
    const report = await renderNotebook(loadNotebook('township-profile'), { township: '999901101' }, { db: demo.db, config: DEFAULT_ANALYTICS });
    expect(report.errors).toEqual([]);
    expect(report.title).toBe('白沙镇2024年人口情况简报');
    expect(await checkSlotsAgainstApi(narrativeSlots(report))).toBeGreaterThanOrEqual(25);
    expect(report.charts.map((c) => c.name)).toEqual(['births_trend_chart', 'pyramid_chart']);
    expect(report.charts[0]!.svg.match(/aria-roledescription="point"/g)).toHaveLength(10);
    expect(report.charts[1]!.svg).toContain('>图2 白沙镇人口金字塔（2024年末常住人口，5岁组）</text>');
  });
});

/** A notebook's first 9 lines: the title, a year parameter and an sql block with the county's births of that year. */
const withBirths = (title: string, result: string) => `---
title: ${title}
params:
  year: year = latest
---

\`\`\`sql ${result}
SELECT sum(n)::INTEGER AS n FROM r_births WHERE township = 'all' AND year(month) = $year
\`\`\``;

const BROKEN = `${withBirths('出错示例', 'good')}

\`\`\`sql bad_sql
SELEC nothing FROM nowhere
\`\`\`

\`\`\`sql writes
DELETE FROM r_births
\`\`\`

\`\`\`sql two
SELECT 1; SELECT 2
\`\`\`

\`\`\`sql reads_files
SELECT * FROM read_csv('/etc/passwd')
\`\`\`

\`\`\`indicator unknown_indicator
indicator: fertility_magic, from: {{ year }}
\`\`\`

好的数字：{{ good.n | int }}；坏的格式：{{ good.n | percent }}；没有的结果：{{ missing.n }}。

\`\`\`chart good_chart
kind: bars, data: good, x: n, y: n, title: 好图
\`\`\`

\`\`\`chart unknown_result
kind: trend, data: nowhere
\`\`\`

\`\`\`chart bad_json
{"mark": "bar", "data": {"name": "good"},
\`\`\`

\`\`\`chart bad_spec
{"mark": "nonsense", "data": {"name": "good"}, "encoding": {"x": {"field": "n", "type": "quantitative"}}}
\`\`\`

\`\`\`table bad_table
from: good
columns:
  nope: 没有
\`\`\`

最后一段照常显示。
`;

describe('a notebook with broken blocks', () => {
  it('renders every other block and shows each error in place with its block and line', async () => {
    const file = path.join(dir, 'broken.md');
    writeFileSync(file, BROKEN);
    const report = await renderNotebook(loadNotebookFile(file), {}, { db: demo.db, config: DEFAULT_ANALYTICS });
    const errors = report.errors.map((e) => [e.block.kind, e.block.name, e.line]);
    expect(errors).toEqual(expect.arrayContaining([
      ['sql', 'bad_sql', 11], ['sql', 'writes', 15], ['sql', 'two', 19], ['sql', 'reads_files', 23],
      ['indicator', 'unknown_indicator', 27], ['markdown', 'text', 31], ['markdown', 'text', 31],
      ['chart', 'unknown_result', 37], ['chart', 'bad_json', 41], ['chart', 'bad_spec', 45], ['table', 'bad_table', 52],
    ]));
    expect(report.errors).toHaveLength(11);
    const message = (name: string) => report.errors.find((e) => e.block.name === name)!.message;
    expect(message('writes')).toMatch(/may only read: SELECT/);
    expect(message('two')).toMatch(/exactly one SELECT statement, not 2/);
    expect(message('reads_files')).toMatch(/disabled|external/i);
    expect(message('unknown_indicator')).toMatch(/no indicator "fertility_magic"/);
    expect(message('unknown_result')).toMatch(/no result named "nowhere"/);
    expect(message('bad_json')).toMatch(/does not parse/);
    expect(message('bad_table')).toMatch(/no column "nope"/);
    // The rest renders: the good slot, the good chart, the last paragraph.
    const births2024 = ((await (await demo.app.request('/api/indicators/births?township=all&from=2024&to=2024')).json()) as { rows: ApiRow[] }).rows[0]!.value;
    expect(report.bodyHtml).toContain(`好的数字：${Number(births2024).toLocaleString('en-US')}`);
    expect(report.charts.map((c) => c.name)).toEqual(['good_chart']);
    expect(report.bodyHtml).toContain('<p>最后一段照常显示。</p>');
    for (const [kind, name, line] of [['sql', 'bad_sql', 11], ['chart', 'bad_spec', 45], ['table', 'bad_table', 52]] as const) {
      expect(report.bodyHtml).toContain(`报告块出错：${kind} 块 “${name}”（第${line}行）`);
    }
    expect(report.bodyHtml).toMatch(/〔出错：\{\{ good\.n \| percent \}\}（第31行）unknown format &quot;percent&quot;/);
  });
});

const NARRATIVE = `${withBirths('表格、列表与链接', 'births')}

| 年份 | 出生人数 |
|---|--:|
| {{ year }} | {{ births.n | int }} |

- 第一点
- 第二点

数据见[统计公报](https://example.org/gb)。<b>原样</b>
`;

describe('a narrative with a table, a list and a link', () => {
  it('renders them, with slots (and their | formats) inside table cells and raw HTML escaped', async () => {
    const file = path.join(dir, 'narrative.md');
    writeFileSync(file, NARRATIVE);
    const report = await renderNotebook(loadNotebookFile(file), {}, { db: demo.db, config: DEFAULT_ANALYTICS });
    expect(report.errors).toEqual([]);
    const births2024 = ((await (await demo.app.request('/api/indicators/births?township=all&from=2024&to=2024')).json()) as { rows: ApiRow[] }).rows[0]!.value;
    expect(report.bodyHtml.split('\n')).toEqual([
      `<table><thead><tr><th>年份</th><th style="text-align:right">出生人数</th></tr></thead><tbody><tr><td>2024</td><td style="text-align:right">${Number(births2024).toLocaleString('en-US')}</td></tr></tbody></table>`,
      '<ul><li>第一点</li><li>第二点</li></ul>',
      '<p>数据见<a href="https://example.org/gb">统计公报</a>。&lt;b&gt;原样&lt;/b&gt;</p>',
    ]);
    expect(report.slots.map((s) => [s.expr, s.line])).toEqual([['year', 13], ['births.n | int', 13]]);
  });
});

describe('indicator blocks that read the same cells', () => {
  it('run each query once per render, and answer what the API answers', async () => {
    const file = path.join(dir, 'shared-cells.md');
    // Births, CBR and compliance read the births, the CBR the exposure, the TFR the yearly fertility tables; two blocks ask alike.
    writeFileSync(file, `---\ntitle: 共用\n---\n\n\`\`\`indicator a\nindicator: births, cbr, tfr, compliance\ntownship: each, from: 2023, to: 2024\n\`\`\`\n\n\`\`\`indicator b\nindicator: cbr, tfr\ntownship: each, from: 2023, to: 2024\n\`\`\`\n`);
    const asked = new Map<string, number>();
    const askedWith = new Map<string, number>();
    const [query, queryNumeric] = [demo.db.query.bind(demo.db), demo.db.queryNumeric.bind(demo.db)];
    const count = (name: string, params?: object) => {
      asked.set(name, (asked.get(name) ?? 0) + 1);
      const key = `${name} ${JSON.stringify(params)}`;
      askedWith.set(key, (askedWith.get(key) ?? 0) + 1);
    };
    demo.db.query = ((name: string, params?: object) => { count(name, params); return query(name, params as never); }) as typeof demo.db.query;
    demo.db.queryNumeric = ((name: string, params?: object) => { count(name, params); return queryNumeric(name, params as never); }) as typeof demo.db.queryNumeric;
    let report: RenderedReport;
    try {
      report = await renderNotebook(loadNotebookFile(file), {}, { db: demo.db, config: DEFAULT_ANALYTICS });
    } finally {
      [demo.db.query, demo.db.queryNumeric] = [query, queryNumeric];
    }
    expect(report.errors).toEqual([]);
    // the exposure's totals for the CBR; the TFR's yearly births and women-years; no query twice with the same parameters
    expect(asked.get('indicators/exposure')).toBe(1);
    expect(asked.get('indicators/fertility_year')).toBe(1);
    expect(Math.max(...askedWith.values())).toBe(1);
    expect(asked.get('indicators/births')).toBe(1);
    // The shared cells give every township the figures the API gives it alone (no block changed them).
    const rows = report.results.get('b')!.rows;
    expect(new Set(rows.map((r) => r.township)).size).toBe(20); // the demo county's townships, each year
    expect(rows.length).toBe(2 * 20);
    for (const row of rows.filter((r) => r.period === '2024').slice(0, 3)) {
      const tfr = ((await (await demo.app.request(`/api/indicators/tfr?township=${String(row.township)}&from=2024&to=2024`)).json()) as { rows: ApiRow[] }).rows[0]!.value;
      expect(row.tfr).toBe(tfr);
    }
  });
});

describe('the example in docs/notebooks.md', () => {
  it('renders without errors and says what the docs say it says', async () => {
    const doc = readFileSync(path.join(REPO_ROOT, 'docs', 'notebooks.md'), 'utf8');
    const example = /````markdown\n([\s\S]*?)\n````/.exec(doc)![1]!;
    const file = path.join(dir, 'example.md');
    writeFileSync(file, example);
    const report = await renderNotebook(loadNotebookFile(file), {}, { db: demo.db, config: DEFAULT_ANALYTICS });
    expect(report.errors).toEqual([]);
    const sentence = /renders "([^"]+)"/.exec(doc)![1]!;
    expect(report.bodyHtml.replace(/<[^>]+>/g, '')).toContain(sentence);
    expect(report.tables[0]!.table.rows).toHaveLength(12);
  });
});

describe('GET /api/reports', () => {
  it('lists the notebooks with their parameters', async () => {
    const body = (await (await demo.reports.request('/api/reports')).json()) as { reports: { name: string; params: { name: string; type: string; default: string | null; required: boolean }[] }[] };
    expect(body.reports.map((r) => r.name)).toEqual(['assessment', 'half-year', 'situation-analysis', 'township-profile']);
    const named = (name: string) => body.reports.find((r) => r.name === name)!;
    expect(named('situation-analysis').params.map((p) => [p.name, p.type, p.default])).toEqual([
      ['township', 'township', 'all'], ['year', 'year', 'latest'], ['period', 'enum', 'year'], ['srb_years', 'int', '3'], ['horizon', 'int', '2035'],
    ]);
    expect(named('township-profile').params[0]).toMatchObject({ name: 'township', required: true });
    expect(named('half-year').params.map((p) => [p.name, p.type, p.default])).toEqual([['township', 'township', 'all'], ['year', 'year', 'latest'], ['through', 'int', '6']]);
  });

  it('renders a page, a fragment and JSON', async () => {
    const page = await demo.reports.request('/api/reports/township-profile?township=999901101');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('<h1>白沙镇2024年人口情况简报</h1>');
    const fragment = await (await demo.reports.request('/api/reports/township-profile?township=999901101&format=fragment')).text();
    expect(fragment).toMatch(/^<article class="renkou-report"/);
    const json = (await (await demo.reports.request('/api/reports/township-profile?township=999901101&format=json')).json()) as { slots: unknown[]; charts: { svg: string }[]; errors: unknown[] };
    expect(json.slots.length).toBeGreaterThan(25);
    expect(json.charts).toHaveLength(2);
    expect(json.errors).toEqual([]);
  });

  it.each([
    ['situation-analysis?year=1990', 'year', /outside the data/],
    ['situation-analysis?township=999999999', 'township', /no township/],
    ["situation-analysis?township=all'%20OR%201=1", 'township', /not a 9-digit township code/],
    ['situation-analysis?period=month', 'period', /not one of year, statyear/],
    ['situation-analysis?horizon=2100', 'horizon', /outside 2025..2060/],
    ['situation-analysis?colour=red', 'colour', /unknown parameter/],
    ['situation-analysis?format=pdf', 'format', /one of html, fragment, json/],
    ['township-profile', 'township', /is required/],
  ])('GET /api/reports/%s → 400 naming %s', async (url, parameter, message) => {
    const res = await demo.reports.request(`/api/reports/${url}`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; parameter: string; message: string } };
    expect(body.error).toMatchObject({ code: 'bad_parameter', parameter });
    expect(body.error.message).toMatch(message);
  });

  it('answers 404 for an unknown report', async () => {
    const res = await demo.reports.request('/api/reports/nope');
    expect(res.status).toBe(404);
  });
});

describe('renkou report (CLI export)', () => {
  it('writes HTML, SVG and PNG charts, CSV tables and, with Chromium, a PDF', async () => {
    const out = path.join(dir, 'cli-out');
    const log = console.log;
    const error = console.error;
    console.log = () => {};
    console.error = () => {};
    let code: number;
    try {
      code = await reportCommand.run(['situation-analysis', '--db', demo.dbPath, '--out', out, '--param', 'year=2024']);
    } finally {
      console.log = log;
      console.error = error;
    }
    expect(code).toBe(0);
    const charts = readdirSync(path.join(out, 'charts')).sort();
    expect(charts.filter((f) => f.endsWith('.svg'))).toHaveLength(15);
    expect(charts.filter((f) => f.endsWith('.png'))).toHaveLength(15);
    // named after the figure, numbered as in the report
    expect(charts).toContain('图1_出生人口（2015–2024）.png');
    const png = readFileSync(path.join(out, 'charts', '图1_出生人口（2015–2024）.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThan(1000); // 2× the SVG width
    const csv = readFileSync(path.join(out, 'tables', '表5_各乡镇主要人口指标（2024年）.csv'), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(readFileSync(path.join(out, 'situation-analysis.html'), 'utf8')).toContain('<svg');
    const pdf = path.join(out, 'situation-analysis.pdf');
    if (!existsSync(CHROMIUM_PATH)) {
      console.warn(`no Chromium at ${CHROMIUM_PATH}: the PDF is skipped`);
      expect(existsSync(pdf)).toBe(false);
      return;
    }
    expect(statSync(pdf).size).toBeGreaterThan(10_000);
    const artifacts = path.join(REPO_ROOT, 'test-artifacts', 'report');
    mkdirSync(artifacts, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, path.join(artifacts, 'situation-analysis')]);
    expect(readdirSync(artifacts).some((f) => /^situation-analysis-0*1\.png$/.test(f))).toBe(true);
  }, 300_000);
});
