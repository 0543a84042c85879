/**
 * The small-cell mapping (server/disclosure/indicatorCells.ts) against the indicators themselves:
 * every field of every indicator's rows is named by the mapping (so none can show a count the
 * rule does not know about), and the lattice's count of each row's cells — built by its own SQL
 * from the monthly rollups — equals the figure the indicator computed: two paths to one number.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendar } from '../../server/disclosure/calendar.ts';
import { rowCells } from '../../server/disclosure/indicatorCells.ts';
import { townshipLattice } from '../../server/disclosure/pattern.ts';
import { NAMING_FIELDS } from '../../server/disclosure/rows.ts';
import type { Lattice } from '../../server/disclosure/lattice.ts';
import { INDICATORS } from '../../server/indicators/registry.ts';
import type { IndicatorQuery, IndicatorRow } from '../../server/indicators/types.ts';
import { tempDir } from '../helpers.ts';
import { OWN, securedCounty, type SecuredCounty } from './securedCounty.ts';

const COMPARE_FIELDS = new Set(['previous', 'change', 'change_pct']);
/** Fields that carry no count: a target, a flag derived from a shown rate. */
const NO_COUNT = new Set(['target']);

describe('every indicator row maps onto published cells', () => {
  const dir = tempDir('indicator-cells');
  let county: SecuredCounty;
  let lattice: Lattice;

  beforeAll(async () => {
    county = await securedCounty(dir);
    lattice = await townshipLattice(county.db, OWN);
  });
  afterAll(() => county.db.close());

  it('names every field, and counts what the indicator counts', async () => {
    const cal = await calendar(county.db);
    let compared = 0;
    for (const def of INDICATORS.values()) {
      for (const period of def.periods.filter((p) => ['year', 'month', 'statyear'].includes(p))) {
        for (const residence of def.uses.includes('residence') ? ['all', 'registered', 'migrant'] as const : ['all'] as const) {
          for (const direction of def.uses.includes('direction') ? ['in', 'out'] as const : ['in'] as const) {
            const extra = def.uses.includes('ages') ? '&ages=5' : '';
            const url = `/api/indicators/${def.id}?township=${OWN}&from=2023&to=2024&period=${period}&residence=${residence}&direction=${direction}&compare=prev${extra}`;
            const body = (await (await county.as(county.tokens.analyst, url)).json()) as { rows: IndicatorRow[]; query: IndicatorQuery };
            expect(body.rows.length, url).toBeGreaterThan(0);
            for (const row of body.rows) {
              const cells = rowCells(def.id, row, body.query, cal);
              for (const field of Object.keys(row)) {
                if (NAMING_FIELDS.has(field) || COMPARE_FIELDS.has(field) || NO_COUNT.has(field)) continue;
                expect(cells.fields, `${def.id}.${field}`).toHaveProperty(field);
              }
              // The events cell holds the row's events; a count row's value is that count.
              const events = cells.events.reduce((sum, k) => sum + lattice.count(k), 0);
              if (['births', 'marriages', 'migrant_stock', 'migrant_inflow', 'migrant_outflow', 'migrants_by_origin', 'migrant_women_15_49', 'population', 'women_15_49', 'school_age', 'pyramid', 'age_groups', 'deaths'].includes(def.id)) {
                expect(events, `${url} ${JSON.stringify(row).slice(0, 120)}`).toBe(row.value);
                compared++;
              } else if (def.id === 'first_marriage_age') {
                expect(events, `${url} persons`).toBe(row.denominator); // its numerator is a sum of ages
                compared++;
              } else if (typeof row.numerator === 'number' && cells.fields.numerator?.length === 1) {
                expect(lattice.count(cells.fields.numerator[0]!), `${url} numerator`).toBeCloseTo(row.numerator, 6);
                compared++;
              }
            }
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });
});
