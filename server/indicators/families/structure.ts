/**
 * @module indicators/families/structure
 * Population structure at 31 December: totals, broad age groups, dependency ratios, women 15–49,
 * school ages and the pyramid. Residence: registered (户籍), migrant (in-migrants present), all
 * (resident: registered + in-migrants − registered people living elsewhere).
 */
import { cell, countRow, ratioRow, sumBy } from '../cells.ts';
import { sources, type StructureCell, type StructureTotal } from '../sources.ts';
import type { IndicatorContext, IndicatorDef, IndicatorRow, ResidenceFilter } from '../types.ts';

const YEAR_ENDS = ['year'] as const;

function count(row: StructureTotal, residence: ResidenceFilter): number {
  if (residence === 'registered') return row.registered;
  if (residence === 'migrant') return row.migrant_in;
  return row.registered + row.migrant_in - row.migrant_out;
}

async function cells(c: IndicatorContext): Promise<{ rows: StructureCell[]; keys: [string, string][] }> {
  const rows = await sources.structure(c);
  const keys = [...new Set(rows.map((r) => cell(r.township, r.period)))].sort().map((k): [string, string] => {
    const [t, p] = k.split('|');
    return [t!, p!];
  });
  return { rows, keys };
}

function totalsWhere(rows: readonly StructureCell[], residence: ResidenceFilter, keep: (r: StructureCell) => boolean): Map<string, number> {
  return sumBy(rows.filter(keep), (r) => cell(r.township, r.period), (r) => count(r, residence));
}

const any = () => true;

export const population: IndicatorDef = {
  id: 'population', unit: 'persons', uses: ['residence'], periods: YEAR_ENDS, fields: [], keys: [],
  name: { zh: '年末人口', en: 'Population at 31 Dec' },
  definition: { zh: '12月31日人口：户籍人口；流入人口；常住人口 = 户籍 + 流入 − 流出。', en: 'Population at 31 Dec: registered; in-migrants; resident = registered + in − out.' },
  async compute(c) {
    // Totals summed by DuckDB, one row per township and year in township and year order: a county's
    // 1,500 townships need 1,500 rows, not 303,000 by sex and age.
    const totals = await sources.structureTotals(c);
    return totals.map((r) => countRow(r.township, r.period, count(r, c.query.residence), c.smallCell));
  },
};

const BROAD_GROUPS = [['0-14', 0, 14], ['15-64', 15, 64], ['65+', 65, 100]] as const;

export const ageStructure: IndicatorDef = {
  id: 'age_structure', unit: '%', uses: ['residence'], periods: YEAR_ENDS, fields: ['group'], keys: ['group'],
  name: { zh: '年龄构成（0–14、15–64、65岁及以上比重）', en: 'Age structure (0–14, 15–64, 65+ shares)' },
  definition: { zh: '各年龄组人数 ÷ 总人口 × 100%。', en: 'Persons in the group ÷ total × 100.' },
  async compute(c) {
    const { rows, keys } = await cells(c);
    const total = totalsWhere(rows, c.query.residence, any);
    return BROAD_GROUPS.flatMap(([group, lo, hi]) => {
      const inGroup = totalsWhere(rows, c.query.residence, (r) => r.age >= lo && r.age <= hi);
      return keys.map(([t, p]) => ratioRow(t, p, inGroup.get(cell(t, p)) ?? 0, total.get(cell(t, p)) ?? 0, 100, c.smallCell, { group }));
    });
  },
};

export const dependencyRatio: IndicatorDef = {
  id: 'dependency_ratio', unit: '%', uses: ['residence'], periods: YEAR_ENDS, fields: ['kind'], keys: ['kind'],
  name: { zh: '抚养比（总、少儿、老年）', en: 'Dependency ratios (total, young, old)' },
  definition: { zh: '（0–14岁 + 65岁及以上）÷ 15–64岁 × 100%；少儿、老年抚养比分别只计分子的一部分。', en: '(0–14 + 65+) ÷ 15–64 × 100; young and old ratios take one part of the numerator.' },
  async compute(c) {
    const { rows, keys } = await cells(c);
    const r = c.query.residence;
    const young = totalsWhere(rows, r, (x) => x.age <= 14);
    const old = totalsWhere(rows, r, (x) => x.age >= 65);
    const working = totalsWhere(rows, r, (x) => x.age >= 15 && x.age <= 64);
    const kinds = { total: (k: string) => (young.get(k) ?? 0) + (old.get(k) ?? 0), young: (k: string) => young.get(k) ?? 0, old: (k: string) => old.get(k) ?? 0 };
    return Object.entries(kinds).flatMap(([kind, numerator]) =>
      keys.map(([t, p]) => ratioRow(t, p, numerator(cell(t, p)), working.get(cell(t, p)) ?? 0, 100, c.smallCell, { kind })));
  },
};

export const women1549: IndicatorDef = {
  id: 'women_15_49', unit: 'persons', uses: ['residence'], periods: YEAR_ENDS, fields: [], keys: [],
  name: { zh: '育龄妇女（15–49岁）', en: 'Women aged 15–49' },
  definition: { zh: '12月31日15–49周岁妇女人数。', en: 'Women aged 15–49 at 31 Dec.' },
  async compute(c) {
    const { rows, keys } = await cells(c);
    const totals = totalsWhere(rows, c.query.residence, (r) => r.sex === 'F' && r.age >= 15 && r.age <= 49);
    return keys.map(([t, p]) => countRow(t, p, totals.get(cell(t, p)) ?? 0, c.smallCell));
  },
};

const SCHOOL_AGES = [['3-5', 3, 5], ['6-11', 6, 11], ['12-14', 12, 14], ['15-17', 15, 17]] as const;

export const schoolAge: IndicatorDef = {
  id: 'school_age', unit: 'persons', uses: ['residence'], periods: YEAR_ENDS, fields: ['group'], keys: ['group'],
  name: { zh: '学龄人口（学前3–5、小学6–11、初中12–14、高中15–17岁）', en: 'School-age population (3–5, 6–11, 12–14, 15–17)' },
  definition: { zh: '12月31日各学龄组周岁人数。', en: 'Persons in each school-age group at 31 Dec.' },
  async compute(c) {
    const { rows, keys } = await cells(c);
    return SCHOOL_AGES.flatMap(([group, lo, hi]) => {
      const totals = totalsWhere(rows, c.query.residence, (r) => r.age >= lo && r.age <= hi);
      return keys.map(([t, p]) => countRow(t, p, totals.get(cell(t, p)) ?? 0, c.smallCell, { group }));
    });
  },
};

export const pyramid: IndicatorDef = {
  id: 'pyramid', unit: 'persons', uses: ['residence', 'ages'], periods: YEAR_ENDS, fields: ['age', 'sex', 'registered', 'migrant_in', 'migrant_out'], keys: ['age', 'sex'],
  name: { zh: '人口金字塔', en: 'Population pyramid' },
  definition: {
    zh: '12月31日按性别、年龄（单岁或5岁组，100岁及以上合并）的人数；同时给出户籍、流入、流出三部分。',
    en: 'Persons at 31 Dec by sex and age (single years or 5-year groups, 100+ open), with the registered, in-migrant and out-migrant parts.',
  },
  async compute(c) {
    const { rows } = await cells(c);
    const width = c.query.ages === '5' ? 5 : 1;
    const label = (age: number) => {
      if (age >= 100) return '100+';
      if (width === 1) return String(age);
      const lo = age - (age % 5);
      return `${lo}-${lo + 4}`;
    };
    const groups = new Map<string, IndicatorRow>();
    for (const r of rows) {
      const age = label(r.age);
      const key = `${cell(r.township, r.period)}|${r.sex}|${age}`;
      let g = groups.get(key);
      if (!g) {
        g = { township: r.township, period: r.period, age, sex: r.sex, value: 0, numerator: null, denominator: null, small: false, registered: 0, migrant_in: 0, migrant_out: 0 };
        groups.set(key, g);
      }
      g.value = (g.value ?? 0) + count(r, c.query.residence);
      g.registered = Number(g.registered) + r.registered;
      g.migrant_in = Number(g.migrant_in) + r.migrant_in;
      g.migrant_out = Number(g.migrant_out) + r.migrant_out;
    }
    return [...groups.values()].map((g) => ({ ...g, numerator: g.value, small: (g.value ?? 0) < c.smallCell }));
  },
};
