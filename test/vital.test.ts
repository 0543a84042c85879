/**
 * Deaths, death rate, natural growth rate, the resident birth rate, life expectancy and the
 * planning groups on the demo county, each checked against figures built here from other API
 * answers: the registered population at the two year-ends (person-years of a calendar year are
 * their mean), births, and the single-age pyramid.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './helpers.ts';
import { demoCounty, type DemoCounty } from './notebooks/demoCounty.ts';

const dir = tempDir('vital');
let demo: DemoCounty;
beforeAll(async () => { demo = await demoCounty(dir); });
afterAll(() => demo?.db.close());

type Row = Record<string, number | string | null> & { value: number | null; township: string; period: string };
const rows = async (url: string): Promise<Row[]> => {
  const r = await demo.app.request(url);
  expect(r.status, url).toBe(200);
  return ((await r.json()) as { rows: Row[] }).rows;
};
const one = async (url: string, keep: (r: Row) => boolean = () => true) => (await rows(url)).filter(keep)[0]!;

describe('natural change and ageing (demo county, 2024)', () => {
  for (const township of ['all', '999901101']) {
    it(`death and natural growth rates of ${township} use the registered population`, async () => {
      const q = `township=${township}&from=2024&to=2024`;
      const pop = await rows(`/api/indicators/population?township=${township}&from=2023&to=2024&residence=registered`);
      const personYears = (Number(pop[0]!.value) + Number(pop[1]!.value)) / 2;
      const deaths = Number((await one(`/api/indicators/deaths?${q}`)).value);
      expect(deaths).toBeGreaterThan(0);
      const births = Number((await one(`/api/indicators/births?${q}&residence=registered`)).value);
      expect((await one(`/api/indicators/cdr?${q}`)).value).toBeCloseTo((1000 * deaths) / personYears, 9);
      const ngr = await one(`/api/indicators/ngr?${q}`);
      expect(ngr.value).toBeCloseTo((1000 * (births - deaths)) / personYears, 9);
      expect([ngr.births, ngr.deaths]).toEqual([births, deaths]);
      // the registered birth rate less the death rate
      const cbr = Number((await one(`/api/indicators/cbr?${q}&residence=registered`)).value);
      expect(ngr.value).toBeCloseTo(cbr - (1000 * deaths) / personYears, 9);
    });
  }

  it('gives the resident birth rate on the mean resident population', async () => {
    const pop = await rows('/api/indicators/population?township=all&from=2023&to=2024&residence=all');
    const births = Number((await one('/api/indicators/births?township=all&from=2024&to=2024')).value);
    const r = await one('/api/indicators/cbr_resident?township=all&from=2024&to=2024');
    expect(r.value).toBeCloseTo((1000 * births) / ((Number(pop[0]!.value) + Number(pop[1]!.value)) / 2), 9);
    // the registered + in-migrant rate is a different (lower) figure: out-migrants are not deducted from it
    expect(Number((await one('/api/indicators/cbr?township=all&from=2024&to=2024')).value)).toBeLessThan(r.value!);
  });

  it('counts the planning groups from the single-age pyramid', async () => {
    const pyramid = await rows('/api/indicators/pyramid?township=all&from=2024&to=2024&residence=all');
    const sum = (lo: number, hi: number, sex?: string) => pyramid.filter((r) => {
      const age = r.age === '100+' ? 100 : Number(r.age);
      return age >= lo && age <= hi && (!sex || r.sex === sex);
    }).reduce((s, r) => s + Number(r.value), 0);
    const total = sum(0, 100);
    const groups = await rows('/api/indicators/age_groups?township=all&from=2024&to=2024&residence=all');
    const expected: Record<string, number> = { '0-2': sum(0, 2), '15-59': sum(15, 59), '60+': sum(60, 100), '80+': sum(80, 100), 'women15-49': sum(15, 49, 'F') };
    for (const [group, n] of Object.entries(expected)) {
      const g = groups.find((r) => r.group === group)!;
      expect(g.value, group).toBe(n);
      expect(g.share, group).toBeCloseTo((100 * n) / total, 9);
    }
  });

  it('gives life expectancy by sex with an interval around it', async () => {
    const life = await rows('/api/indicators/life_expectancy?township=all&from=2024&to=2024');
    const by = Object.fromEntries(life.map((r) => [String(r.sex), r]));
    expect(Object.keys(by).sort()).toEqual(['F', 'M', 'T']);
    for (const r of life) {
      expect(Number(r.lo)).toBeLessThan(r.value!);
      expect(Number(r.hi)).toBeGreaterThan(r.value!);
    }
    // women outlive men, both sexes together lie between them
    expect(by.F!.value!).toBeGreaterThan(by.M!.value!);
    expect(by.T!.value!).toBeGreaterThan(by.M!.value!);
    expect(by.T!.value!).toBeLessThan(by.F!.value!);
    // deaths of both sexes are the deaths indicator's
    expect(by.T!.deaths).toBe((await one('/api/indicators/deaths?township=all&from=2024&to=2024')).value);
  });
});
