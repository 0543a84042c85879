/**
 * Issue 11, item 3: small-cell suppression cannot be undone. A township account of the demo county under
 * RENKOU_SUPPRESS_SMALL=1 asks every births and SRB question there is for two years (every period
 * kind, residence and order, with their male and female births) and an attacker solves the
 * published figures as linear equations over the monthly births by residence, order and sex: no
 * suppressed cell may follow. The same attacker does recover cells when only the small rows are
 * blanked (what the server did before), so the test can fail. Comparisons, the SRB ranking, the
 * map and the projection assumptions are held to the same pattern.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCounty } from '../fixtures/demoCounty.ts';
import { tempDir } from '../helpers.ts';
import { LinearAttack, type Vector } from './linearAttack.ts';
import { securedCounty, type SecuredCounty } from './securedCounty.ts';

/** A mid-sized township of the demo county (about 180 births a year): some cells small, most not. */
const OWN = '999901104';

const KINDS = ['month', 'quarter', 'half', 'year', 'statyear'] as const;
const RESIDENCES = ['all', 'registered', 'migrant'] as const;
const ORDERS = ['all', '1', '2', '3+'] as const;
const MONTHS = Array.from({ length: 27 }, (_, i) => { const m = 9 + i; return `${2022 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`; }); // 2022-10 … 2024-12

/** The months of a period label (within MONTHS). */
function monthsOf(label: string): string[] {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})$/.exec(label))) return [label];
  if ((m = /^(\d{4})Q(\d)$/.exec(label))) return MONTHS.filter((x) => x.startsWith(m![1]!) && Math.ceil(Number(x.slice(5)) / 3) === Number(m![2]));
  if ((m = /^(\d{4})H(\d)$/.exec(label))) return MONTHS.filter((x) => x.startsWith(m![1]!) && (Number(x.slice(5)) > 6 ? 2 : 1) === Number(m![2]));
  if ((m = /^SY(\d{4})$/.exec(label))) { const y = Number(m[1]); return MONTHS.filter((x) => (x >= `${y - 1}-10` && x <= `${y}-09`)); }
  return MONTHS.filter((x) => x.startsWith(label));
}

interface Cell { label: string; residence: string; order: string; sex: 'M' | 'F' | 'all'; value: number | null }

/** Unknowns: births by residence × order × sex × month. */
function vectorOf(c: Cell): Vector {
  const v = new Map<number, number>();
  const rs = c.residence === 'all' ? [0, 1] : [c.residence === 'registered' ? 0 : 1];
  const os = c.order === 'all' ? [0, 1, 2] : [Number(c.order[0]) - 1];
  const ss = c.sex === 'all' ? [0, 1] : [c.sex === 'M' ? 0 : 1];
  for (const month of monthsOf(c.label)) for (const r of rs) for (const o of os) for (const s of ss) v.set(((MONTHS.indexOf(month) * 2 + r) * 3 + o) * 2 + s, 1);
  return v;
}

/** The cells an account can read about OWN in 2023-2024. */
async function harvest(county: SecuredCounty, token: string): Promise<Cell[]> {
  const cells: Cell[] = [];
  const get = async (url: string) => ((await (await county.as(token, url)).json()) as { rows: Record<string, number | string | null>[] }).rows;
  for (const period of KINDS) {
    for (const residence of RESIDENCES) {
      for (const r of await get(`/api/indicators/births?township=${OWN}&from=2023&to=2024&period=${period}&residence=${residence}`)) {
        cells.push({ label: String(r.period), residence, order: 'all', sex: 'all', value: r.value as number | null });
      }
      for (const order of ORDERS) {
        for (const r of await get(`/api/srb?township=${OWN}&from=2023&to=2024&period=${period}&residence=${residence}&order=${encodeURIComponent(order)}`)) {
          const label = String(r.period);
          cells.push({ label, residence, order, sex: 'all', value: r.births as number | null });
          cells.push({ label, residence, order, sex: 'M', value: r.male as number | null }, { label, residence, order, sex: 'F', value: r.female as number | null });
        }
      }
    }
  }
  return cells.filter((c) => monthsOf(c.label).length > 0 && monthsOf(c.label).every((m) => MONTHS.includes(m)));
}

function recovered(cells: readonly Cell[]): Cell[] {
  const attack = new LinearAttack();
  for (const c of cells) if (c.value !== null) attack.publish(vectorOf(c));
  return cells.filter((c) => c.value === null && attack.determines(vectorOf(c)));
}

describe('small cells stay suppressed', () => {
  const dir = tempDir('disclosure');
  let county: SecuredCounty;
  let truth: Cell[];
  let published: Cell[];

  beforeAll(async () => {
    county = await securedCounty(dir, {}, { dbPath: (await demoCounty()).dbPath, township: OWN });
    truth = await harvest(county, county.tokens.analyst);
    published = await harvest(county, county.tokens.township);
  });
  afterAll(() => county.db.close());

  it('suppresses every births and SRB cell with 1 to 4 births, and shows the rest as the county account sees them', () => {
    expect(published).toHaveLength(truth.length);
    truth.forEach((t, i) => {
      const p = published[i]!;
      if (t.sex === 'all' && t.value !== null && t.value > 0 && t.value < 5) expect(p.value, JSON.stringify(t)).toBeNull();
      if (p.value !== null) expect(p.value).toBe(t.value);
    });
    expect(published.filter((c) => c.value === null).length).toBeGreaterThan(50);
  });

  it('no suppressed cell follows from the published ones (residence, order, sex, every period kind)', () => {
    expect(recovered(published).map((c) => JSON.stringify(c))).toEqual([]);
  });

  it('the attacker does recover cells when only the small rows are blanked', () => {
    const naive = truth.map((c) => {
      const births = truth.find((x) => x.label === c.label && x.residence === c.residence && x.order === c.order && x.sex === 'all')!.value!;
      return births > 0 && births < 5 ? { ...c, value: null } : c;
    });
    expect(recovered(naive).length).toBeGreaterThan(20);
  });

  it('a comparison never quotes a suppressed period', async () => {
    let tested = 0;
    for (const compare of ['prev', 'yoy']) {
      for (const [period, residence] of [['month', 'migrant'], ['quarter', 'migrant'], ['month', 'registered'], ['quarter', 'registered']]) {
        const url = `/api/indicators/births?township=${OWN}&from=2015&to=2024&period=${period}&residence=${residence}&compare=${compare}`;
        const rows = ((await (await county.as(county.tokens.township, url)).json()) as { rows: { period: string; value: number | null; previous: number | null }[] }).rows;
        const index = new Map(rows.map((r, i) => [r.period, i]));
        const perYear = period === 'month' ? 12 : 4;
        rows.forEach((r, i) => {
          const j = compare === 'yoy' ? i - perYear : i - 1;
          const before = rows[j];
          if (!before || index.get(before.period) !== j || before.value !== null) return;
          expect(r.previous, `${r.period} quotes ${before.period}`).toBeNull();
          if (r.value !== null) tested++;
        });
      }
    }
    expect(tested).toBeGreaterThan(5); // shown periods right after suppressed ones were checked
  });

  it('the SRB ranking shows a span only when every year of it is shown', async () => {
    let withheld = 0;
    for (const [residence, order] of [['migrant', '3+'], ['migrant', '2'], ['all', '3+'], ['registered', '3+']]) {
      for (const from of [2024, 2023, 2021]) {
        const url = `/api/srb/ranking?from=${from}&to=2024&residence=${residence}&order=${encodeURIComponent(order)}`;
        const own = ((await (await county.as(county.tokens.township, url)).json()) as { townships: { births: number | null; male: number | null; srb: number | null }[] }).townships[0]!;
        const years = Array.from({ length: 2025 - from }, (_, i) => String(from + i));
        const srbYears = ((await (await county.as(county.tokens.township, `/api/srb?township=${OWN}&from=${from}&to=2024&residence=${residence}&order=${encodeURIComponent(order)}`)).json()) as { rows: { period: string; births: number | null }[] }).rows;
        const hiddenYear = years.some((y) => srbYears.find((r) => r.period === y)?.births === null);
        if (hiddenYear) {
          expect(own, url).toMatchObject({ births: null, male: null, srb: null });
          withheld++;
        } else expect(own.births, url).toBe(srbYears.reduce((sum, r) => sum + r.births!, 0));
      }
    }
    expect(withheld).toBeGreaterThan(0);
  });

  it('no year to date, rolling year or range of months gives a suppressed month back', async () => {
    const url = (q: string) => `/api/indicators/births?township=${OWN}&residence=migrant&${q}`;
    const rows = async (q: string) => ((await (await county.as(county.tokens.township, url(q))).json()) as { rows: { period: string; value: number | null }[] }).rows;
    const months = await rows('from=2024&to=2024&period=month');
    const hidden = months.filter((m) => m.value === null).map((m) => Number(m.period.slice(5)));
    expect(hidden.length).toBeGreaterThan(0);
    const ytd = new Map<number, number | null>();
    for (let m = 1; m <= 12; m++) ytd.set(m, (await rows(`from=2024&to=2024&period=ytd&through=${m}`))[0]!.value);
    for (const m of hidden) {
      // month m = YTD(m) − YTD(m − 1), and = the range m..m: never both ends shown.
      expect(m === 1 ? ytd.get(1) : ytd.get(m) !== null && ytd.get(m - 1) !== null ? 'both' : null, `2024-${m}`).toBeNull();
      const single = await rows(`period=range&start=2024-${String(m).padStart(2, '0')}&end=2024-${String(m).padStart(2, '0')}`);
      expect(single[0]!.value).toBeNull();
    }
    const shown = [...ytd.values()].filter((v) => v !== null).length;
    expect(shown).toBeGreaterThan(0); // spans that follow from published periods are still answered
  });

  it('projection assumptions and the base-year pyramid follow the population pattern', async () => {
    const pyramid = ((await (await county.as(county.tokens.township, `/api/indicators/pyramid?township=${OWN}&from=2024&to=2024&residence=all`)).json()) as { rows: { sex: string; age: string; value: number | null }[] }).rows;
    const a = (await (await county.as(county.tokens.township, `/api/projections/assumptions?scope=${OWN}`)).json()) as { basePopulation: { male: (number | null)[]; female: (number | null)[] }; mortality: { lifeTable: { male: { mx: unknown[] } } }; migration: { male: unknown[] } };
    const hidden = pyramid.filter((r) => r.value === null);
    expect(hidden.length).toBeGreaterThan(0);
    for (const r of pyramid) {
      const i = r.age === '100+' ? 100 : Number(r.age);
      const shown = (r.sex === 'M' ? a.basePopulation.male : a.basePopulation.female)[i];
      expect(shown === null, `${r.sex} ${r.age}`).toBe(r.value === null);
    }
    expect(a.mortality.lifeTable.male.mx.every((v) => v === null)).toBe(true);
    expect(a.migration.male.every((v) => v === null)).toBe(true);
  });
});
