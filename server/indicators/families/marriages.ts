/**
 * @module indicators/families/marriages
 * Marriage registrations: counts, crude marriage rate, first-marriage share, mean age at first
 * marriage by sex, remarriage share. Registrations are counted where registered, so the rate's
 * denominator is the registered population.
 */
import { cell, countRow, grid, ratioRow, sumBy } from '../cells.ts';
import { midPopulation, sources } from '../sources.ts';
import { PERIOD_KINDS, type IndicatorDef, type IndicatorRow } from '../types.ts';

export const marriages: IndicatorDef = {
  id: 'marriages', unit: 'couples', uses: [], periods: PERIOD_KINDS, fields: [], keys: [],
  name: { zh: '结婚登记对数', en: 'Marriages registered' },
  definition: { zh: '期内办理结婚登记的对数。', en: 'Couples registering a marriage in the period.' },
  async compute(c) {
    const [cells, rows] = await Promise.all([grid(c), sources.marriages(c)]);
    const totals = sumBy(rows, (r) => cell(r.township, r.period), (r) => r.n);
    return cells.map(([t, p]) => countRow(t, p, totals.get(cell(t, p)) ?? 0, c.smallCell));
  },
};

export const cmr: IndicatorDef = {
  id: 'cmr', unit: '‰', uses: [], periods: PERIOD_KINDS, fields: [], keys: [],
  name: { zh: '结婚率', en: 'Crude marriage rate' },
  definition: {
    zh: '结婚登记对数 ÷ 期中人口（人年）× 1000‰。人口口径：户籍人口。不足一年的时期为期间结婚率，不折算为年率。',
    en: 'Marriages ÷ person-years × 1000. Population: registered. Over part of a year the period rate, not annualised.',
  },
  async compute(c) {
    const registered = { ...c, query: { ...c.query, residence: 'registered' as const } };
    const [cells, rows, exposure] = await Promise.all([grid(c), sources.marriages(c), sources.exposureTotals(registered)]);
    const totals = sumBy(rows, (r) => cell(r.township, r.period), (r) => r.n);
    const population = midPopulation(exposure, c.query.spans);
    return cells.map(([t, p]) => ratioRow(t, p, totals.get(cell(t, p)) ?? 0, population.get(cell(t, p)) ?? null, 1000, c.smallCell));
  },
};

export const firstMarriageRate: IndicatorDef = {
  id: 'first_marriage_rate', unit: '%', uses: [], periods: PERIOD_KINDS, fields: [], keys: [],
  name: { zh: '初婚率（初婚人数占登记人数比重）', en: 'First-marriage share of persons marrying' },
  definition: {
    zh: '婚前状况为未婚的登记人数 ÷ 结婚登记总人数（男女合计）× 100%。人口数据中没有婚姻状况，故不计算以未婚人口为分母的初婚率。',
    en: 'Persons marrying for the first time ÷ all persons registering (both sexes) × 100. The population table has no marital status, so a rate per never-married person cannot be formed.',
  },
  async compute(c) {
    const [cells, rows] = await Promise.all([grid(c), sources.marriagePersons(c)]);
    const all = sumBy(rows, (r) => cell(r.township, r.period), (r) => r.n);
    const first = sumBy(rows.filter((r) => r.first_marriage), (r) => cell(r.township, r.period), (r) => r.n);
    return cells.map(([t, p]) => ratioRow(t, p, first.get(cell(t, p)) ?? 0, all.get(cell(t, p)) ?? 0, 100, c.smallCell, {}, all.get(cell(t, p)) ?? 0));
  },
};

export const firstMarriageAge: IndicatorDef = {
  id: 'first_marriage_age', unit: 'years', uses: [], periods: PERIOD_KINDS, fields: ['sex'], keys: ['sex'],
  name: { zh: '平均初婚年龄', en: 'Mean age at first marriage' },
  definition: { zh: '初婚者登记时周岁年龄的平均数，分性别。', en: 'Mean completed age at registration of persons marrying for the first time, by sex.' },
  async compute(c) {
    const [cells, rows] = await Promise.all([grid(c), sources.marriagePersons(c)]);
    const first = rows.filter((r) => r.first_marriage);
    const count = sumBy(first, (r) => `${cell(r.township, r.period)}|${r.sex}`, (r) => r.n);
    const ages = sumBy(first, (r) => `${cell(r.township, r.period)}|${r.sex}`, (r) => r.n * r.age);
    return cells.flatMap(([t, p]) => (['M', 'F'] as const).map((sex): IndicatorRow => {
      const k = `${cell(t, p)}|${sex}`;
      const n = count.get(k) ?? 0;
      return { township: t, period: p, sex, value: n > 0 ? (ages.get(k) ?? 0) / n : null, numerator: ages.get(k) ?? 0, denominator: n, small: n < c.smallCell };
    }));
  },
};

export const remarriageShare: IndicatorDef = {
  id: 'remarriage_share', unit: '%', uses: [], periods: PERIOD_KINDS, fields: [], keys: [],
  name: { zh: '再婚比重', en: 'Remarriage share' },
  definition: { zh: '至少一方为离婚或丧偶后再婚的登记对数 ÷ 结婚登记对数 × 100%。', en: 'Marriages where at least one spouse was divorced or widowed ÷ all marriages × 100.' },
  async compute(c) {
    const [cells, rows] = await Promise.all([grid(c), sources.marriages(c)]);
    const totals = sumBy(rows, (r) => cell(r.township, r.period), (r) => r.n);
    const re = sumBy(rows.filter((r) => r.remarriage), (r) => cell(r.township, r.period), (r) => r.n);
    return cells.map(([t, p]) => ratioRow(t, p, re.get(cell(t, p)) ?? 0, totals.get(cell(t, p)) ?? 0, 100, c.smallCell, {}, totals.get(cell(t, p)) ?? 0));
  },
};
