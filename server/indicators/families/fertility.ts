/**
 * @module indicators/families/fertility
 * Age-specific fertility (ASFR), the total fertility rate (TFR) and the mean age at childbearing.
 *
 * ASFR(a) = births to mothers of completed age a ÷ women-years at age a × 1000 (‰), single ages
 * 15..49; births to mothers under 15 count at 15 and over 49 at 49 (the UN convention), so the
 * TFR accounts for every birth. TFR = Σ ASFR(a) / 1000, children per woman. The mean age at
 * childbearing is ASFR-weighted at mid-age: Σ (a + 0.5)·ASFR(a) / Σ ASFR(a).
 */
import { cell, grid } from '../cells.ts';
import { residencesOf, sources } from '../sources.ts';
import { periodYearOf, type PeriodSpan } from '../periods.ts';
import { hasRollup } from '../../db/hasRollup.ts';
import { PERIOD_KINDS, type IndicatorContext, type IndicatorDef, type IndicatorRow } from '../types.ts';

export const FERTILE_AGES = { from: 15, to: 49 } as const;
interface Schedule { births: Float64Array; womenYears: Float64Array }

/** Births and women-years by single age 15..49 for each (township, period). */
async function schedules(c: IndicatorContext): Promise<Map<string, Schedule>> {
  const years = calendarYears(c.query.spans);
  if (years && await hasRollup(c.db, 'r_women_years')) return yearSchedules(c, years);
  const [births, exposure] = await Promise.all([sources.birthsByAge(c), sources.womenYears(c)]);
  const map = new Map<string, Schedule>();
  const index = (age: number) => Math.min(Math.max(age, FERTILE_AGES.from), FERTILE_AGES.to) - FERTILE_AGES.from;
  for (const b of births) scheduleOf(map, cell(b.township, b.period)).births[index(b.age)] += b.n;
  for (const e of exposure) {
    if (e.sex === 'F' && e.age >= FERTILE_AGES.from && e.age <= FERTILE_AGES.to) scheduleOf(map, cell(e.township, e.period)).womenYears[index(e.age)] += e.person_years;
  }
  return map;
}

function scheduleOf(map: Map<string, Schedule>, key: string): Schedule {
  let s = map.get(key);
  const span = FERTILE_AGES.to - FERTILE_AGES.from + 1;
  if (!s) map.set(key, (s = { births: new Float64Array(span), womenYears: new Float64Array(span) }));
  return s;
}

/** The years of a question asked by calendar year (period=year), or null for any other periods. */
function calendarYears(spans: readonly PeriodSpan[]): number[] | null {
  return spans.length > 0 && spans.every((s) => s.kind === 'year') ? spans.map(periodYearOf) : null;
}

/**
 * The same schedules from the import's yearly table (sql/rollups/fertility_year.sql), read as
 * columns of numbers: no object per cell (52,500 of them for a year of 1,500 townships).
 */
async function yearSchedules(c: IndicatorContext, years: readonly number[]): Promise<Map<string, Schedule>> {
  const townships = c.query.townships;
  const [first, last] = [Math.min(...years), Math.max(...years)];
  const params = { townships, years, year_lo: first, year_hi: last, residences: residencesOf(c.query.residence) };
  const read = () => c.db.queryNumeric('indicators/fertility_year', params);
  const { rowCount, columns } = await (c.cells ? c.cells.get('indicators/fertility_year', params, read) : read());
  const { t, year, age, births, women_years: womenYears } = columns as Record<string, Float64Array>;
  // schedules found by (township, year) position: no string key made for each of 160,000 rows
  const width = last - first + 1;
  const byPlace = new Array<Schedule | undefined>(townships.length * width);
  const map = new Map<string, Schedule>();
  for (let i = 0; i < rowCount; i++) {
    const place = (t![i]! - 1) * width + (year![i]! - first);
    let s = byPlace[place];
    if (s === undefined) byPlace[place] = s = scheduleOf(map, cell(townships[t![i]! - 1]!, String(year![i])));
    s.births[age![i]! - FERTILE_AGES.from] += births![i]!;
    s.womenYears[age![i]! - FERTILE_AGES.from] += womenYears![i]!;
  }
  return map;
}

// Plain loops, in age order: Float64Array's map and reduce call a function per age, which cost
// more than the arithmetic for a province's 1,500 townships (the same sums, in the same order).
function rates(s: Schedule): Float64Array {
  const out = new Float64Array(s.births.length);
  for (let i = 0; i < out.length; i++) out[i] = s.womenYears[i]! > 0 ? s.births[i]! / s.womenYears[i]! : 0;
  return out;
}

function sum(xs: Float64Array): number {
  let total = 0;
  for (let i = 0; i < xs.length; i++) total += xs[i]!;
  return total;
}

export const asfr: IndicatorDef = {
  id: 'asfr', unit: '‰', uses: ['residence', 'ages'], periods: PERIOD_KINDS, fields: ['age'], keys: ['age'],
  name: { zh: '年龄别生育率', en: 'Age-specific fertility rate' },
  definition: {
    zh: '某年龄（周岁）妇女所生孩子数 ÷ 该年龄妇女人年数 × 1000‰，15–49岁；ages=5 时按5岁组（15-19…45-49）。人口口径：户籍妇女、流入妇女，全部＝两者之和（同出生率）。',
    en: 'Births to women of a completed age ÷ women-years at that age × 1000, ages 15–49; ages=5 gives 5-year groups (15-19 … 45-49).',
  },
  async compute(c) {
    const [cells, map] = await Promise.all([grid(c), schedules(c)]);
    const width = c.query.ages === '5' ? 5 : 1;
    const rows: IndicatorRow[] = [];
    for (const [t, p] of cells) {
      const s = map.get(cell(t, p));
      for (let a = FERTILE_AGES.from; a <= FERTILE_AGES.to; a += width) {
        let births = 0;
        let years = 0;
        for (let i = a; i < a + width; i++) {
          births += s?.births[i - FERTILE_AGES.from] ?? 0;
          years += s?.womenYears[i - FERTILE_AGES.from] ?? 0;
        }
        rows.push({
          township: t, period: p, age: width === 1 ? String(a) : `${a}-${a + 4}`,
          value: years > 0 ? (births / years) * 1000 : null, numerator: births, denominator: years, small: births < c.smallCell,
        });
      }
    }
    return rows;
  },
};

export const tfr: IndicatorDef = {
  id: 'tfr', unit: 'children per woman', uses: ['residence'], periods: PERIOD_KINDS, fields: [], keys: [],
  name: { zh: '总和生育率', en: 'Total fertility rate' },
  definition: { zh: '15–49岁各单岁年龄别生育率之和（每名妇女平均生育子女数）。人口口径同年龄别生育率：户籍、流入，或两者之和。', en: 'Sum of single-age ASFRs over 15–49 (children per woman).' },
  async compute(c) {
    const [cells, map] = await Promise.all([grid(c), schedules(c)]);
    return cells.map(([t, p]) => {
      const s = map.get(cell(t, p));
      const births = s ? sum(s.births) : 0;
      const years = s ? sum(s.womenYears) : 0;
      return { township: t, period: p, value: s && years > 0 ? sum(rates(s)) : null, numerator: births, denominator: years, small: births < c.smallCell };
    });
  },
};

export const meanAgeChildbearing: IndicatorDef = {
  id: 'mean_age_childbearing', unit: 'years', uses: ['residence'], periods: PERIOD_KINDS, fields: [], keys: [],
  name: { zh: '平均生育年龄', en: 'Mean age at childbearing' },
  definition: { zh: '以年龄别生育率加权的平均年龄：Σ(a+0.5)·f(a) ÷ Σf(a)。', en: 'ASFR-weighted mean age: Σ(a+0.5)·f(a) ÷ Σf(a).' },
  async compute(c) {
    const [cells, map] = await Promise.all([grid(c), schedules(c)]);
    return cells.map(([t, p]) => {
      const s = map.get(cell(t, p));
      const f = s ? rates(s) : new Float64Array(0);
      const total = sum(f);
      const weighted = f.reduce((acc, r, i) => acc + (FERTILE_AGES.from + i + 0.5) * r, 0);
      const births = s ? sum(s.births) : 0;
      return { township: t, period: p, value: total > 0 ? weighted / total : null, numerator: births, denominator: null, small: births < c.smallCell };
    });
  },
};
