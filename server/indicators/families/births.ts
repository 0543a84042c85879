/**
 * @module indicators/families/births
 * Births, crude birth rate, birth-order shares, policy compliance and hospital delivery, all from
 * the births rollup by month; rates use person-years from the exposure query.
 */
import { labelOf, periodYearOf } from '../periods.ts';
import { meetsShare, ruleText } from '../../targets/measures.ts';
import { cell, countRow, grid, ratioRow, sumBy } from '../cells.ts';
import { midPopulation, sources, type BirthCell } from '../sources.ts';
import { PERIOD_KINDS, type IndicatorDef, type IndicatorRow } from '../types.ts';

function birthTotals(rows: readonly BirthCell[], keep: (r: BirthCell) => boolean = () => true): Map<string, number> {
  return sumBy(rows.filter(keep), (r) => cell(r.township, r.period), (r) => r.n);
}

export const births: IndicatorDef = {
  id: 'births', unit: 'persons', uses: ['residence'], periods: PERIOD_KINDS, fields: [], keys: [],
  name: { zh: '出生人数', en: 'Births' },
  definition: { zh: '期内出生的活产婴儿数（每个婴儿一条记录，双胎计2人）。', en: 'Live births in the period (one record per child; twins count twice).' },
  async compute(c) {
    const [cells, totals] = await Promise.all([grid(c), sources.births(c).then((r) => birthTotals(r))]);
    return cells.map(([t, p]) => countRow(t, p, totals.get(cell(t, p)) ?? 0, c.smallCell));
  },
};

export const cbr: IndicatorDef = {
  id: 'cbr', unit: '‰', uses: ['residence'], periods: PERIOD_KINDS, fields: [], keys: [],
  name: { zh: '出生率', en: 'Crude birth rate' },
  definition: {
    zh: '出生人数 ÷ 期中人口（人年）× 1000‰，期中人口由前后两个年末人口线性插值。人口口径：户籍＝户籍人口（户籍妇女在外地所生也计入）；流动＝流入人口；全部＝户籍人口 + 流入人口（不扣除流出，不是常住人口）。统计公报的常住人口出生率见指标“出生率（常住人口口径）”（cbr_resident）。不足一年的时期（半年、季、月、1至N月累计）为期间出生率，不折算为年率。',
    en: 'Births ÷ person-years × 1000, mid-period population interpolated between year-ends. Population: registered = registered population (births to registered women anywhere); migrant = in-migrants; all = registered + in-migrants (out-migrants not deducted: not the resident population). The resident rate of statistical bulletins is the indicator “Crude birth rate (resident population)” (cbr_resident). Over part of a year (half, quarter, month, year to date) it is the period rate, not annualised.',
  },
  async compute(c) {
    const [cells, totals, exposure] = await Promise.all([grid(c), sources.births(c).then((r) => birthTotals(r)), sources.exposureTotals(c)]);
    const population = midPopulation(exposure, c.query.spans);
    return cells.map(([t, p]) => ratioRow(t, p, totals.get(cell(t, p)) ?? 0, population.get(cell(t, p)) ?? null, 1000, c.smallCell));
  },
};

const ORDER_LABELS = { 1: '1', 2: '2', 3: '3+' } as const;

export const orderShare: IndicatorDef = {
  id: 'order_share', unit: '%', uses: ['residence'], periods: PERIOD_KINDS, fields: ['order'], keys: ['order'],
  name: { zh: '孩次结构（一孩率/二孩率/多孩率）', en: 'Birth-order shares' },
  definition: { zh: '某孩次出生数 ÷ 出生总数 × 100%；多孩为三孩及以上。', en: 'Births of an order ÷ all births × 100; order 3+ pooled (多孩).' },
  async compute(c) {
    const [cells, rows] = await Promise.all([grid(c), sources.births(c)]);
    const totals = birthTotals(rows);
    const byOrder = sumBy(rows, (r) => `${cell(r.township, r.period)}|${r.birth_order}`, (r) => r.n);
    return cells.flatMap(([t, p]) => ([1, 2, 3] as const).map((order) =>
      ratioRow(t, p, byOrder.get(`${cell(t, p)}|${order}`) ?? 0, totals.get(cell(t, p)) ?? 0, 100, c.smallCell,
        { order: ORDER_LABELS[order] }, totals.get(cell(t, p)) ?? 0)));
  },
};

export const compliance: IndicatorDef = {
  id: 'compliance', unit: '%', uses: ['residence'], periods: PERIOD_KINDS, fields: ['unknown', 'unknown_share', 'noncompliant', 'target', 'target_rule', 'meets_target'], keys: [],
  name: { zh: '计划生育率（出生政策符合率）', en: 'Policy compliance rate' },
  definition: {
    zh: '政策内出生数 ÷ 出生总数 × 100%。政策属性不详的出生计入分母，并单列其人数和占比。目标取自目标表（默认户籍≥99%，流动≥85%，可在目标页或 targets.csv 中设定）；全部人口无单一目标。',
    en: 'Compliant births ÷ all births × 100. Births of unknown status stay in the denominator and are reported separately. Targets come from the targets table (defaults registered ≥ 99%, migrant ≥ 85%; set on the 目标 page or in targets.csv); none for all residents together.',
  },
  async compute(c) {
    const [cells, rows] = await Promise.all([grid(c), sources.births(c)]);
    const totals = birthTotals(rows);
    const by = sumBy(rows, (r) => `${cell(r.township, r.period)}|${r.policy_status}`, (r) => r.n);
    const measure = c.query.residence === 'all' ? null : `compliance_${c.query.residence}`;
    const years = new Map(c.query.spans.map((s) => [labelOf(s), periodYearOf(s)]));
    return cells.map(([t, p]): IndicatorRow => {
      const k = cell(t, p);
      const rule = measure === null ? null : c.targets.find(measure, t, years.get(p) ?? 0);
      const total = totals.get(k) ?? 0;
      const unknown = by.get(`${k}|unknown`) ?? 0;
      const row = ratioRow(t, p, by.get(`${k}|compliant`) ?? 0, total, 100, c.smallCell, {
        unknown, unknown_share: total > 0 ? (unknown / total) * 100 : null,
        noncompliant: by.get(`${k}|noncompliant`) ?? 0, target: rule?.value ?? null, target_rule: rule ? ruleText(rule) : null,
      }, total);
      // met or not on the counts, by the one rule every output uses (common/targetComparison.ts)
      return { ...row, meets_target: rule === null ? null : meetsShare(rule, row.numerator ?? 0, total) };
    });
  },
};

export const hospitalRate: IndicatorDef = {
  id: 'hospital_rate', unit: '%', uses: ['residence'], periods: PERIOD_KINDS, fields: ['unrecorded'], keys: [],
  name: { zh: '住院分娩率', en: 'Hospital-delivery rate' },
  definition: {
    zh: '住院分娩出生数 ÷ 有分娩地点记录的出生数 × 100%（导出数据无 delivery_place 列时为空）。',
    en: 'Births delivered in hospital ÷ births with a recorded place × 100 (empty when the export has no delivery_place column).',
  },
  async compute(c) {
    const [cells, rows] = await Promise.all([grid(c), sources.births(c)]);
    const recorded = birthTotals(rows, (r) => r.hospital !== null);
    const inHospital = birthTotals(rows, (r) => r.hospital === true);
    const totals = birthTotals(rows);
    return cells.map(([t, p]) => {
      const k = cell(t, p);
      const known = recorded.get(k) ?? 0;
      return ratioRow(t, p, inHospital.get(k) ?? 0, known, 100, c.smallCell, { unrecorded: (totals.get(k) ?? 0) - known }, known);
    });
  },
};
