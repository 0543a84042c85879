/**
 * @module indicators/families/resident
 * The birth rate on the resident population (常住人口), the figure a 统计公报 publishes:
 * births in the year ÷ the mean of the resident population at the year-ends before and after
 * (resident = registered + in-migrants − registered people living elsewhere) × 1000.
 * `cbr` divides by registered + in-migrant person-years instead (births to registered women
 * are recorded wherever they live); the two answer different questions and both say which.
 */
import { cell, grid, ratioRow, sumBy } from '../cells.ts';
import { sources } from '../sources.ts';
import type { IndicatorDef } from '../types.ts';

export const cbrResident: IndicatorDef = {
  id: 'cbr_resident', unit: '‰', uses: [], periods: ['year'], fields: ['births', 'resident_mid'], keys: [],
  name: { zh: '出生率（常住人口口径）', en: 'Crude birth rate (resident population)' },
  definition: {
    zh: '全年出生人数 ÷ 年平均常住人口（上年末与本年末常住人口的平均数）× 1000‰。人口口径：常住人口 = 户籍 + 流入 − 流出，与统计公报口径一致；分子含户籍妇女在外地所生的婴儿，乡镇间流出多的地方会略偏高。',
    en: 'Births in the year ÷ mean resident population (the mean of the year-ends before and after) × 1000. Population: resident = registered + in-migrants − out-migrants, as statistical bulletins publish; the numerator includes babies of registered women living elsewhere.',
  },
  async compute(c) {
    const q = c.query;
    const structure = { ...c, query: { ...q, from: q.from - 1, residence: 'all' as const, period: 'year' as const } };
    const all = { ...c, query: { ...q, residence: 'all' as const, period: 'year' as const } };
    const [cells, births, rows] = await Promise.all([grid(c), sources.births(all), sources.structure(structure)]);
    const b = sumBy(births, (r) => cell(r.township, r.period), (r) => r.n);
    const resident = sumBy(rows, (r) => cell(r.township, r.period), (r) => r.registered + r.migrant_in - r.migrant_out);
    return cells.map(([t, p]) => {
      const [before, after] = [resident.get(cell(t, String(Number(p) - 1))), resident.get(cell(t, p))];
      const mid = before !== undefined && after !== undefined ? (before + after) / 2 : after ?? before ?? null;
      const births = b.get(cell(t, p)) ?? 0;
      return ratioRow(t, p, births, mid, 1000, c.smallCell, { births, resident_mid: mid });
    });
  },
};
