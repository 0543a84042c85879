/**
 * The planning table (`GET /api/projections/table`) on the demo county: each cell equals the
 * projection API's own answer summed here over the group's single ages (or its births series),
 * the base year equals the indicators API (resident population, births), the births jump-off adds
 * up, the CSV, XLSX and Word files hold the same whole numbers, and bad requests name the field.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLANNING_GROUPS } from '../../common/planningGroups.ts';
import { tempDir } from '../helpers.ts';
import { demoCounty, type DemoCounty } from '../notebooks/demoCounty.ts';

const dir = tempDir('planning');
let demo: DemoCounty;
interface Table {
  baseYear: number; years: number[]; name: string;
  columns: { year: number; scenario: string }[];
  rows: { group: string; zh: string; values: (number | null)[] }[];
  jumpOff: { observedBirths: number; firstYearBirths: Record<string, number>; parts: { fertilityLevel: number; women: number }; text: { zh: string } };
}
let table: Table;

beforeAll(async () => {
  demo = await demoCounty(dir);
  const res = await demo.reports.request('/api/projections/table?years=2024,2025,2030,2035&scenarios=low,medium,high');
  expect(res.status).toBe(200);
  table = await res.json() as Table;
}, 120_000);
afterAll(() => demo?.db.close());

const project = async (scenario: string, horizon: number) => {
  const res = await demo.reports.request('/api/projections', { method: 'POST', body: JSON.stringify({ scope: 'all', horizon, scenario }), headers: { 'content-type': 'application/json' } });
  return (await res.json()) as { years: number[]; results: { series: { births: (number | null)[] }; pyramids: { male: number[][]; female: number[][] } }[] };
};

describe('GET /api/projections/table', () => {
  it('has the groups × years × scenarios of the projection API, in whole persons', async () => {
    expect(table.baseYear).toBe(2024);
    expect(table.columns.map((c) => `${c.year}${c.scenario}`)).toEqual(['2024observed', '2025low', '2025medium', '2025high', '2030low', '2030medium', '2030high', '2035low', '2035medium', '2035high']);
    expect(table.rows.map((r) => r.group)).toEqual(PLANNING_GROUPS.map((g) => g.id));
    for (const scenario of ['low', 'medium', 'high']) {
      const p = await project(scenario, 11);
      for (const [j, col] of table.columns.entries()) {
        if (col.scenario !== scenario) continue;
        const i = p.years.indexOf(col.year);
        const m = p.results[0]!.pyramids.male[i]!;
        const f = p.results[0]!.pyramids.female[i]!;
        const ages = (lo: number, hi: number, women = false) => { let s = 0; for (let a = lo; a <= hi; a++) s += f[a]! + (women ? 0 : m[a]!); return Math.round(s); };
        const expected: Record<string, number> = {
          total: ages(0, 100), births: Math.round(p.results[0]!.series.births[i]!), '0-2': ages(0, 2), '3-5': ages(3, 5), '6-11': ages(6, 11),
          '12-14': ages(12, 14), '15-17': ages(15, 17), 'women15-49': ages(15, 49, true), '15-59': ages(15, 59), '15-64': ages(15, 64),
          '60+': ages(60, 100), '65+': ages(65, 100), '80+': ages(80, 100),
        };
        for (const row of table.rows) {
          expect(row.values[j], `${row.group} ${col.year} ${scenario}`).toBe(expected[row.group]);
          expect(Number.isInteger(row.values[j])).toBe(true);
        }
      }
    }
  });

  it('starts from the observed base year and explains the first-year births', async () => {
    const pop = await (await demo.app.request('/api/indicators/population?township=all&from=2024&to=2024&residence=all')).json() as { rows: { value: number }[] };
    const births = await (await demo.app.request('/api/indicators/births?township=all&from=2024&to=2024')).json() as { rows: { value: number }[] };
    const cell = (group: string, col = 0) => table.rows.find((r) => r.group === group)!.values[col];
    expect(cell('total')).toBe(pop.rows[0]!.value);
    expect(cell('births')).toBe(births.rows[0]!.value);
    const j = table.jumpOff;
    expect(j.observedBirths).toBe(births.rows[0]!.value);
    expect(j.firstYearBirths.medium).toBe(cell('births', 2));
    // the two parts add up to the jump (each rounded: within 1 person)
    expect(Math.abs(j.parts.fertilityLevel + j.parts.women - (j.firstYearBirths.medium! - j.observedBirths))).toBeLessThanOrEqual(1);
    expect(j.text.zh).toContain(`比2024年实际出生${j.observedBirths.toLocaleString('en-US')}人`);
  });

  it('writes the same table as CSV, XLSX and Word', async () => {
    const get = (format: string) => demo.reports.request(`/api/projections/table?years=2024,2025,2030,2035&scenarios=low,medium,high&format=${format}`);
    const csvRes = await get('csv');
    expect(decodeURIComponent(csvRes.headers.get('content-disposition')!)).toContain(`${table.name}_人口规划表_2024-2035.csv`);
    const csv = (await csvRes.text()).replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(','));
    expect(csv[0]).toEqual(['指标（人）', '2024年（实际）', '2025年低方案', '2025年中方案', '2025年高方案', '2030年低方案', '2030年中方案', '2030年高方案', '2035年低方案', '2035年中方案', '2035年高方案']);
    for (const row of table.rows) expect(csv.find((l) => l[0] === row.zh)!.slice(1).map(Number), row.zh).toEqual(row.values);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await (await get('xlsx')).arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(String(sheet.getCell('A1').value)).toContain('人口发展规划主要指标预测表');
    const sheetRows = new Map<string, unknown[]>();
    sheet.eachRow((r) => { const v = r.values as unknown[]; sheetRows.set(String(v[1]), v.slice(2)); });
    for (const row of table.rows) expect(sheetRows.get(row.zh), row.zh).toEqual(row.values);
    expect(sheet.getColumn(2).numFmt).toBe('#,##0');

    const zip = await JSZip.loadAsync(await (await get('docx')).arrayBuffer());
    const xml = await zip.file('word/document.xml')!.async('string');
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBe(1);
    const cells = [...xml.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
    const total = table.rows[0]!;
    const at = cells.indexOf(total.zh);
    expect(cells.slice(at + 1, at + 1 + total.values.length)).toEqual(total.values.map((v) => v!.toLocaleString('en-US')));
  });

  it('refuses years beyond 30 and unknown groups, naming the field', async () => {
    const bad = async (q: string) => { const r = await demo.reports.request(`/api/projections/table?${q}`); return { status: r.status, body: (await r.json() as { error: { parameter?: string; message: string } }).error }; };
    const far = await bad('years=2025,2060');
    expect(far.status).toBe(400);
    expect(far.body.message).toMatch(/^years: 2060 is outside 2024–2054/);
    const group = await bad('groups=total,90+');
    expect(group.status).toBe(400);
    expect(group.body.message).toMatch(/^groups/);
    const scenario = await bad('scenarios=best');
    expect(scenario.status).toBe(400);
    expect(scenario.body.message).toMatch(/scenarios/);
  });
});
