/**
 * Issue 11, item 7: a township account's projections and assumptions are derived from its own
 * townships. The county SRB and TFR (which a township's shrunk TFR used to give away exactly)
 * never reach it; a county account still sees the county-referenced figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLANNING_GROUPS } from '../../common/planningGroups.ts';
import { cellKey } from '../../server/disclosure/cells.ts';
import { suppressionPattern, townshipLattice } from '../../server/disclosure/pattern.ts';
import { tempDir } from '../helpers.ts';
import { OTHER, OWN, securedCounty, type SecuredCounty } from './securedCounty.ts';

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

  interface Table { baseYear: number; columns: { year: number; scenario: string }[]; rows: { group: string; values: (number | null)[] }[]; jumpOff: unknown }

  it('GET /api/projections/table: the township account gets its own projection, and the observed column follows the small-cell rule', async () => {
    const url = `/api/projections/table?scope=${OWN}&scenarios=medium`;
    const asCounty = (await (await county.as(county.tokens.analyst, url)).json()) as Table;
    const asTownship = (await (await county.as(county.tokens.township, url)).json()) as Table;
    const last = asCounty.columns.length - 1;
    // own projection (its townships as the reference), as POST /api/projections
    expect(asTownship.rows[0]!.values[last]).not.toBe(asCounty.rows[0]!.values[last]);
    // the base year: each figure is the lattice's sum of its cells, or withheld because one is suppressed
    const pattern = await suppressionPattern(county.db, OWN, 5);
    const lattice = await townshipLattice(county.db, OWN);
    const base = String(asCounty.baseYear);
    const observed = asCounty.columns.findIndex((c) => c.scenario === 'observed');
    let shown = 0;
    let withheld = 0;
    for (const row of asTownship.rows) {
      const g = PLANNING_GROUPS.find((p) => p.id === row.group)!;
      const ages = g.ages ? Array.from({ length: g.ages[1] - g.ages[0] + 1 }, (_, i) => g.ages![0] + i) : [];
      const sexes = g.sex === 'F' ? ['F'] : ['M', 'F'];
      const cells = g.ages
        ? sexes.flatMap((S) => ages.map((a) => cellKey('population', OWN, base, { C: 'resident', S, A: a === 100 ? '100+' : String(a) })))
        : [cellKey('births', OWN, base)];
      const value = row.values[observed];
      if (cells.some((k) => pattern.hides(k))) {
        expect(value, row.group).toBeNull();
        withheld++;
      } else {
        expect(value, row.group).toBe(cells.reduce((n, k) => n + lattice.count(k), 0));
        expect(value, row.group).toBe(asCounty.rows.find((r) => r.group === row.group)!.values[observed]);
        shown++;
      }
    }
    expect(shown + withheld).toBe(PLANNING_GROUPS.length);
    expect(withheld).toBeGreaterThan(0); // the random county's small townships do hide some
    expect((await county.as(county.tokens.township, `/api/projections/table?scope=${OTHER}`)).status).toBe(403);
    expect((await county.as(county.tokens.township, '/api/projections/table?scope=all')).status).toBe(403);
  });
});
