/**
 * Issue 11, item 7: a township account's projections and assumptions are derived from its own
 * townships. The county SRB and TFR (which a township's shrunk TFR used to give away exactly)
 * never reach it; a county account still sees the county-referenced figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.ts';
import { OWN, securedCounty, type SecuredCounty } from './securedCounty.ts';

interface Assumptions {
  fertility: { tfr: number; tfrObserved: number; weightLevel: number };
  srb: { srb: number; observed: number | null; source: string };
  basePopulation: { total: number };
}

describe('projections of a township account use its townships only', () => {
  const dir = tempDir('projection-area');
  let county: SecuredCounty;
  beforeAll(async () => {
    county = await securedCounty(dir);
  });
  afterAll(() => county.db.close());

  const assumptions = async (token: string, scope: string) =>
    (await (await county.as(token, `/api/projections/assumptions?scope=${scope}`)).json()) as Assumptions;
  const project = async (token: string) => (await (await county.as(token, '/api/projections', {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scope: OWN, horizon: 5 }),
  })).json()) as { assumptions: Assumptions[]; results: { series: { total: number[] } }[] };

  it('assumptions: the township account gets its own TFR and SRB, not the county\'s', async () => {
    const countyAll = await assumptions(county.tokens.analyst, 'all');
    const viaCounty = await assumptions(county.tokens.analyst, OWN);
    const own = await assumptions(county.tokens.township, OWN);
    // A county account sees the shrunk TFR, from which the county TFR follows exactly:
    const w = viaCounty.fertility.weightLevel;
    expect((viaCounty.fertility.tfr - w * viaCounty.fertility.tfrObserved) / (1 - w)).toBeCloseTo(countyAll.fertility.tfr, 9);
    expect(viaCounty.srb).toMatchObject({ source: 'county', srb: countyAll.srb.srb });
    // The township account's figures are its own: nothing of the county is left to solve for.
    expect(own.fertility.tfr).toBeCloseTo(own.fertility.tfrObserved, 12);
    expect(own.fertility.tfrObserved).toBeCloseTo(viaCounty.fertility.tfrObserved, 12);
    expect(own.srb.srb).toBeCloseTo(own.srb.observed!, 12);
    expect(own.srb.source).not.toBe('county');
    expect(own.srb.srb).not.toBeCloseTo(countyAll.srb.srb, 6);
    expect(own.basePopulation.total).toBe(viaCounty.basePopulation.total);
  });

  it('POST /api/projections: the same, and county and township answers are not shared through the cache', async () => {
    const asCounty = await project(county.tokens.analyst);
    const asTownship = await project(county.tokens.township);
    expect(asCounty.assumptions[0]!.srb.source).toBe('county');
    expect(asTownship.assumptions[0]!.srb.source).not.toBe('county');
    expect(asTownship.assumptions[0]!.fertility.tfr).toBeCloseTo(asTownship.assumptions[0]!.fertility.tfrObserved, 12);
    expect(asTownship.results[0]!.series.total[0]).toBe(asCounty.results[0]!.series.total[0]);
    expect(asTownship.results[0]!.series.total[5]).not.toBe(asCounty.results[0]!.series.total[5]);
  });
});
