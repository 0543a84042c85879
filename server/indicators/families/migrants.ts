/**
 * @module indicators/families/migrants
 * Migrant stock at the period's end, inflow and outflow in the period, stock by origin, migrant
 * women 15–49 and the certificate-holding rate. `direction` picks in-migrants (流入, default) or
 * out-migrants (流出).
 */
import { cell, countRow, grid, ratioRow, sumBy } from '../cells.ts';
import { sources } from '../sources.ts';
import { PERIOD_KINDS, type IndicatorDef } from '../types.ts';

export const migrantStock: IndicatorDef = {
  id: 'migrant_stock', unit: 'persons', uses: ['direction'], periods: PERIOD_KINDS, fields: [], keys: [],
  name: { zh: '流动人口存量（期末）', en: 'Migrant stock at period end' },
  definition: { zh: '期末最后一天仍在（到达日期不晚于该日、尚未离开）的流入（或流出）人口数。', en: 'Migrants present on the last day of the period (arrived by then, not yet departed), in or out.' },
  async compute(c) {
    const [cells, rows] = await Promise.all([grid(c), sources.migrantStock(c)]);
    const totals = sumBy(rows.filter((r) => r.direction === c.query.direction), (r) => cell(r.township, r.period), (r) => r.n);
    return cells.map(([t, p]) => countRow(t, p, totals.get(cell(t, p)) ?? 0, c.smallCell));
  },
};

function flowIndicator(id: string, event: 'arrival' | 'departure', zh: string, en: string, defZh: string, defEn: string): IndicatorDef {
  return {
    id, unit: 'persons', uses: ['direction'], periods: PERIOD_KINDS, fields: [], keys: [],
    name: { zh, en }, definition: { zh: defZh, en: defEn },
    async compute(c) {
      const [cells, rows] = await Promise.all([grid(c), sources.migrantFlow(c)]);
      const totals = sumBy(rows.filter((r) => r.direction === c.query.direction && r.event === event), (r) => cell(r.township, r.period), (r) => r.n);
      return cells.map(([t, p]) => countRow(t, p, totals.get(cell(t, p)) ?? 0, c.smallCell));
    },
  };
}

export const migrantInflow = flowIndicator('migrant_inflow', 'arrival', '期内流入人数', 'Migrant arrivals in the period',
  '期内到达（流入人口）或离开户籍地（流出人口）的人数。', 'Migrants arriving in the period (in-migrants) or leaving (out-migrants).');
export const migrantOutflow = flowIndicator('migrant_outflow', 'departure', '期内离开人数', 'Migrant departures in the period',
  '期内离开本地（流入人口）或返回户籍地（流出人口）的人数。', 'Migrants leaving in the period (in-migrants) or returning (out-migrants).');

export const migrantsByOrigin: IndicatorDef = {
  id: 'migrants_by_origin', unit: 'persons', uses: ['direction'], periods: PERIOD_KINDS, fields: ['origin'], keys: ['origin'],
  name: { zh: '流动人口来源地（去向地）构成', en: 'Migrants by origin (or destination)' },
  definition: { zh: '期末流入人口按户籍地（流出人口按去向地）省或县代码分组的人数。', en: 'Migrant stock at period end by hukou province/county (in) or destination (out).' },
  async compute(c) {
    const rows = (await sources.migrantOrigin(c)).filter((r) => r.direction === c.query.direction);
    return rows.map((r) => countRow(r.township, r.period, r.n, c.smallCell, { origin: r.origin }));
  },
};

export const migrantWomen: IndicatorDef = {
  id: 'migrant_women_15_49', unit: 'persons', uses: ['direction'], periods: PERIOD_KINDS, fields: [], keys: [],
  name: { zh: '流动育龄妇女（15–49岁）', en: 'Migrant women aged 15–49' },
  definition: { zh: '期末在的15–49周岁流动妇女人数。', en: 'Migrant women aged 15–49 present at period end.' },
  async compute(c) {
    const [cells, rows] = await Promise.all([grid(c), sources.migrantStock(c)]);
    const totals = sumBy(rows.filter((r) => r.direction === c.query.direction && r.w1549), (r) => cell(r.township, r.period), (r) => r.n);
    return cells.map(([t, p]) => countRow(t, p, totals.get(cell(t, p)) ?? 0, c.smallCell));
  },
};

export const certificateRate: IndicatorDef = {
  id: 'certificate_rate', unit: '%', uses: ['direction'], periods: PERIOD_KINDS, fields: [], keys: [],
  name: { zh: '流动育龄妇女持证率', en: 'Certificate-holding rate' },
  definition: {
    zh: '期末持《流动人口婚育证明》的15–49岁流动妇女 ÷ 期末15–49岁流动妇女 × 100%。',
    en: 'Migrant women 15–49 holding the marriage-and-childbearing certificate ÷ migrant women 15–49, at period end, × 100.',
  },
  async compute(c) {
    const [cells, rows] = await Promise.all([grid(c), sources.migrantStock(c)]);
    const women = rows.filter((r) => r.direction === c.query.direction && r.w1549);
    const all = sumBy(women, (r) => cell(r.township, r.period), (r) => r.n);
    const holders = sumBy(women.filter((r) => r.cert), (r) => cell(r.township, r.period), (r) => r.n);
    return cells.map(([t, p]) => ratioRow(t, p, holders.get(cell(t, p)) ?? 0, all.get(cell(t, p)) ?? 0, 100, c.smallCell, {}, all.get(cell(t, p)) ?? 0));
  },
};
