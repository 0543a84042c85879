/**
 * @module indicators/families/deaths
 * Deaths and what follows from them, by calendar year (the deaths rollup is yearly), all on the
 * registered (户籍) population, the population the deaths are recorded for:
 * - deaths; crude death rate ‰ = deaths / registered person-years × 1000;
 * - natural growth rate ‰ = (births to registered mothers − deaths) / registered person-years × 1000
 *   (户籍人口自然增长率, usually the first figure of a county population plan);
 * - life expectancy at birth by sex (M, F) and both (T) with a 95% interval (Chiang), from an
 *   abridged table of the year's deaths and registered person-years (85+ open).
 * And `age_groups`: the planning groups of common/planningGroups.ts (0–2 托育 … 60+, 80+) at
 * 31 December, persons and share of the total, for any residence.
 */
import { PLANNING_GROUPS, groupCount } from '../../../common/planningGroups.ts';
import { abridgedWidths } from '../../demography/lifetable.ts';
import { lifeExpectancy, toAbridged } from '../../demography/lifeExpectancyInterval.ts';
import { cell, countRow, grid, ratioRow, sumBy } from '../cells.ts';
import { sources, type ExposureCell, type StructureCell } from '../sources.ts';
import type { IndicatorContext, IndicatorDef, IndicatorRow } from '../types.ts';

const YEARS = ['year'] as const;
const OPEN_AGE = 85;

export interface DeathCell { township: string; period: string; sex: string; age: number; n: number }

function deathCells(c: IndicatorContext): Promise<DeathCell[]> {
  const q = c.query;
  return c.db.query<DeathCell>('indicators/deaths', { townships: q.townships, from: q.from, to: q.to });
}

/** Registered person-years (the denominator every rate here uses, whatever `residence` says). */
function registeredExposure(c: IndicatorContext): Promise<ExposureCell[]> {
  return sources.exposure({ ...c, query: { ...c.query, residence: 'registered' } });
}

const REGISTERED = '户籍人口（分母为户籍人口的期中人年数）';
const REGISTERED_EN = 'registered population (denominator: registered person-years)';

export const deaths: IndicatorDef = {
  id: 'deaths', unit: 'persons', uses: [], periods: YEARS, fields: [], keys: [],
  name: { zh: '死亡人数', en: 'Deaths' },
  definition: { zh: '年内登记死亡的户籍人口人数。', en: 'Registered deaths in the year (registered population).' },
  async compute(c) {
    const [cells, rows] = await Promise.all([grid(c), deathCells(c)]);
    const totals = sumBy(rows, (r) => cell(r.township, r.period), (r) => r.n);
    return cells.map(([t, p]) => countRow(t, p, totals.get(cell(t, p)) ?? 0, c.smallCell));
  },
};

export const cdr: IndicatorDef = {
  id: 'cdr', unit: '‰', uses: [], periods: YEARS, fields: [], keys: [],
  name: { zh: '死亡率（户籍人口）', en: 'Crude death rate (registered)' },
  definition: { zh: `死亡人数 ÷ 期中人口（人年）× 1000‰。人口口径：${REGISTERED}。`, en: `Deaths ÷ person-years × 1000. Population: ${REGISTERED_EN}.` },
  async compute(c) {
    const [cells, rows, exposure] = await Promise.all([grid(c), deathCells(c), registeredExposure(c)]);
    const totals = sumBy(rows, (r) => cell(r.township, r.period), (r) => r.n);
    const years = sumBy(exposure, (r) => cell(r.township, r.period), (r) => r.person_years);
    return cells.map(([t, p]) => ratioRow(t, p, totals.get(cell(t, p)) ?? 0, years.get(cell(t, p)) ?? null, 1000, c.smallCell));
  },
};

export const ngr: IndicatorDef = {
  id: 'ngr', unit: '‰', uses: [], periods: YEARS, fields: ['births', 'deaths'], keys: [],
  name: { zh: '自然增长率（户籍人口）', en: 'Natural growth rate (registered)' },
  definition: {
    zh: `（户籍妇女所生出生人数 − 死亡人数）÷ 期中人口（人年）× 1000‰，即户籍人口出生率 − 死亡率。人口口径：${REGISTERED}。`,
    en: `(Births to registered mothers − deaths) ÷ person-years × 1000: the registered birth rate less the death rate. Population: ${REGISTERED_EN}.`,
  },
  async compute(c) {
    const registered = { ...c, query: { ...c.query, residence: 'registered' as const, period: 'year' as const } };
    const [cells, dRows, bRows, exposure] = await Promise.all([grid(c), deathCells(c), sources.births(registered), registeredExposure(c)]);
    const d = sumBy(dRows, (r) => cell(r.township, r.period), (r) => r.n);
    const b = sumBy(bRows, (r) => cell(r.township, r.period), (r) => r.n);
    const years = sumBy(exposure, (r) => cell(r.township, r.period), (r) => r.person_years);
    return cells.map(([t, p]) => {
      const k = cell(t, p);
      const [births, died] = [b.get(k) ?? 0, d.get(k) ?? 0];
      return ratioRow(t, p, births - died, years.get(k) ?? null, 1000, c.smallCell, { births, deaths: died }, Math.min(births, died));
    });
  },
};

const SEXES = [['M', ['M']], ['F', ['F']], ['T', ['M', 'F']]] as const;

export const lifeExpectancyIndicator: IndicatorDef = {
  id: 'life_expectancy', unit: 'years', uses: [], periods: YEARS, fields: ['sex', 'lo', 'hi', 'deaths', 'person_years'], keys: ['sex'],
  name: { zh: '平均预期寿命（出生时）', en: 'Life expectancy at birth' },
  definition: {
    zh: `由当年死亡人数与户籍人口期中人年数编制简略生命表（0、1–4、5–9…85岁及以上）求得，男（M）、女（F）、合计（T），附95%置信区间（Chiang法）。人口口径：${REGISTERED}。乡镇死亡数少，区间较宽。`,
    en: `From an abridged life table (0, 1–4, 5–9 … 85+) of the year's deaths and registered person-years, male (M), female (F) and both (T), with a 95% interval (Chiang). Population: ${REGISTERED_EN}. Wide for small townships.`,
  },
  async compute(c) {
    const [cells, rows, exposure] = await Promise.all([grid(c), deathCells(c), registeredExposure(c)]);
    const widths = abridgedWidths(2 + (OPEN_AGE - 5) / 5 + 1);
    const byAge = <T extends { township: string; period: string; sex: string; age: number }>(list: readonly T[], value: (r: T) => number) => {
      const out = new Map<string, Float64Array>();
      for (const r of list) {
        const k = `${cell(r.township, r.period)}|${r.sex}`;
        let a = out.get(k);
        if (!a) out.set(k, (a = new Float64Array(101)));
        a[Math.min(100, r.age)] += value(r);
      }
      return out;
    };
    const d = byAge(rows, (r) => r.n);
    const e = byAge(exposure, (r) => r.person_years);
    const zeros = new Float64Array(101);
    return SEXES.flatMap(([sex, parts]) => cells.map(([t, p]): IndicatorRow => {
      const sum = (m: Map<string, Float64Array>) => {
        const out = new Float64Array(101);
        for (const s of parts) { const a = m.get(`${cell(t, p)}|${s}`) ?? zeros; for (let i = 0; i < 101; i++) out[i] += a[i]!; }
        return toAbridged(out, OPEN_AGE);
      };
      const est = lifeExpectancy(sum(d), sum(e), widths, sex === 'T' ? 'both' : sex === 'M' ? 'male' : 'female');
      return {
        township: t, period: p, sex, value: est.e0, numerator: est.deaths, denominator: est.personYears,
        lo: est.lo, hi: est.hi, deaths: est.deaths, person_years: est.personYears, small: est.deaths < c.smallCell,
      };
    }));
  },
};

export const ageGroups: IndicatorDef = {
  id: 'age_groups', unit: 'persons', uses: ['residence'], periods: YEARS, fields: ['group', 'share'], keys: ['group'],
  name: { zh: '规划人群（托育0–2、学龄、育龄妇女、劳动年龄、60+、65+、80+）', en: 'Planning groups (0–2, school ages, women 15–49, working ages, 60+, 65+, 80+)' },
  definition: {
    zh: '12月31日各规划人群人数及占总人口比重（%）：托育0–2、学前3–5、小学6–11、初中12–14、高中15–17、育龄妇女15–49、劳动年龄15–59与15–64、60岁及以上、65岁及以上、80岁及以上（周岁）。',
    en: 'Persons at 31 Dec in each planning group and their share of the total (%): 0–2, 3–5, 6–11, 12–14, 15–17, women 15–49, 15–59, 15–64, 60+, 65+, 80+ (completed years).',
  },
  async compute(c) {
    const rows = await sources.structure(c);
    const units = new Map<string, { male: Float64Array; female: Float64Array }>();
    const count = (r: StructureCell) => (c.query.residence === 'registered' ? r.registered : c.query.residence === 'migrant' ? r.migrant_in : r.registered + r.migrant_in - r.migrant_out);
    for (const r of rows) {
      const k = cell(r.township, r.period);
      let u = units.get(k);
      if (!u) units.set(k, (u = { male: new Float64Array(101), female: new Float64Array(101) }));
      (r.sex === 'M' ? u.male : u.female)[Math.min(100, r.age)] += count(r);
    }
    const groups = PLANNING_GROUPS.filter((g) => g.ages && g.id !== 'total');
    return [...units.keys()].sort().flatMap((k) => {
      const [t, p] = k.split('|') as [string, string];
      const u = units.get(k)!;
      const total = groupCount(PLANNING_GROUPS[0]!, u.male, u.female);
      return groups.map((g) => {
        const n = groupCount(g, u.male, u.female);
        return countRow(t, p, n, c.smallCell, { group: g.id, share: total > 0 ? (100 * n) / total : null });
      });
    });
  },
};
