/**
 * @module progress/progress
 * Year-to-date progress against the annual targets (时间过半、任务过半) for the county or one
 * township: for every measure with a target in force, the 1–N月 value (from the indicators API's
 * own functions, `period=ytd`), the share of the year elapsed, whether the year so far meets the
 * target (for a count with an "at least" target: whether the share of the target reached keeps
 * pace with the share of the year elapsed), and the full-year estimate with its interval
 * (progress/nowcast.ts) and whether that estimate meets the target.
 */
import { COUNTY_SCOPE } from '../auth/scope.ts';
import type { AnalyticsConfig } from '../config.ts';
import type { Database } from '../db/Database.ts';
import { answerIndicator } from '../indicators/answer.ts';
import type { Catalog } from '../indicators/catalog.ts';
import { spansFor, type PeriodRequest } from '../indicators/periods.ts';
import { INDICATORS } from '../indicators/registry.ts';
import type { IndicatorQuery, IndicatorRow } from '../indicators/types.ts';
import { srbRowsFor } from '../srb/srbRows.ts';
import { srbFromShare } from '../stats/index.ts';
import { targetBook } from '../targets/load.ts';
import { MEASURES, meets, ruleText } from '../targets/measures.ts';
import { nowcastCount, nowcastShare, type Estimate } from './nowcast.ts';
import type { ProgressItem, Progress } from '../../contract/assessment.ts';
export type { ProgressItem, Progress };

/** Years of history the seasonal pattern is read from. */
export const HISTORY_YEARS = 5;

function query(township: string, request: PeriodRequest, extra: Partial<IndicatorQuery> = {}): IndicatorQuery {
  return {
    townships: [township], residence: 'all', compare: 'none', ages: 'single', direction: 'in', through: null, start: null, end: null,
    ...request, spans: spansFor(request), ...extra,
  };
}

export async function progressFor(db: Database, data: Catalog, config: AnalyticsConfig, township: string, year: number, through: number): Promise<Progress> {
  const book = await targetBook(db, config.targets);
  const ytdRequest: PeriodRequest = { period: 'ytd', from: year, to: year, through };
  const ask = async (id: string, extra: Partial<IndicatorQuery> = {}): Promise<IndicatorRow | undefined> =>
    (await answerIndicator(db, INDICATORS.get(id)!, query(township, ytdRequest, extra), data, config)).rows[0];

  // births by month over the history and this year: the seasonal pattern
  const from = Math.max(data.firstYear, year - HISTORY_YEARS);
  const monthly = (await answerIndicator(db, INDICATORS.get('births')!, query(township, { period: 'month', from, to: year }), data, config)).rows;
  const births = (y: number, upto: number) => monthly.filter((r) => r.period.startsWith(`${y}-`) && Number(r.period.slice(5)) <= upto).reduce((a, r) => a + (r.value ?? 0), 0);
  const ytdBirths = births(year, through);
  const history = [];
  for (let y = from; y < year; y++) history.push({ ytd: births(y, through), total: births(y, 12) });
  const birthsEstimate = nowcastCount(ytdBirths, history);
  /** Births still to come this year, as a multiple of those so far. */
  const restFactor = birthsEstimate && ytdBirths > 0 ? birthsEstimate.value / ytdBirths - 1 : 0;

  const items: ProgressItem[] = [];
  const add = (measure: string, ytd: number | null, counts: ProgressItem['counts'], estimate: Estimate | null, count = false) => {
    const m = MEASURES.get(measure)!;
    const t = book.find(measure, township, year);
    if (!t) return;
    const reached = count && t.value > 0 && ytd !== null ? (100 * ytd) / t.value : null;
    const onTrack = count
      ? (t.direction === 'at_least' ? (reached === null ? null : reached >= (100 * through) / 12) : estimate ? meets(t, estimate.value) : null)
      : meets(t, ytd);
    items.push({
      measure, name: m.name, unit: m.unit, target: { ...t, rule: ruleText(t) }, ytd, counts, elapsed_share: (100 * through) / 12, reached_share: reached, on_track: onTrack,
      nowcast: estimate ? { value: estimate.value, lo: estimate.lo, hi: estimate.hi } : null,
      nowcast_meets: estimate ? meets(t, estimate.value) : null,
    });
  };
  const pct = (e: Estimate | null) => (e ? { ...e, value: 100 * e.value, lo: 100 * e.lo, hi: 100 * e.hi } : null);

  add('births', ytdBirths, { last_year_ytd: history.at(-1)?.ytd ?? null, last_year_total: history.at(-1)?.total ?? null }, birthsEstimate, true);
  const lastTotal = history.at(-1)?.total ?? 0;
  const change = (v: number) => (lastTotal > 0 ? (100 * (v - lastTotal)) / lastTotal : 0);
  add('births_change', history.at(-1)?.ytd ? (100 * (ytdBirths - history.at(-1)!.ytd)) / history.at(-1)!.ytd : null, { births: ytdBirths, last_year_ytd: history.at(-1)?.ytd ?? null },
    birthsEstimate && lastTotal > 0 ? { ...birthsEstimate, value: change(birthsEstimate.value), lo: change(birthsEstimate.lo), hi: change(birthsEstimate.hi) } : null);
  for (const residence of ['registered', 'migrant'] as const) {
    const r = await ask('compliance', { residence });
    const n = r?.denominator ?? 0;
    add(`compliance_${residence}`, n > 0 ? r!.value : null, { births: n, compliant: r?.numerator ?? 0 }, pct(nowcastShare(r?.numerator ?? 0, n, n * restFactor)));
  }
  const hospital = await ask('hospital_rate');
  const known = hospital?.denominator ?? 0;
  add('hospital_rate', known > 0 ? hospital!.value : null, { births: known, in_hospital: hospital?.numerator ?? 0 }, pct(nowcastShare(hospital?.numerator ?? 0, known, known * restFactor)));
  const cert = await ask('certificate_rate');
  add('certificate_rate', cert?.value ?? null, { women: cert?.denominator ?? 0, holders: cert?.numerator ?? 0 }, null);
  const [srb] = await srbRowsFor(db, query(township, ytdRequest), 'all', COUNTY_SCOPE, config.smallCell);
  const share = srb ? nowcastShare(srb.male, srb.births, srb.births * restFactor) : null;
  add('srb', srb?.srb ?? null, { male: srb?.male ?? 0, female: srb?.female ?? 0 },
    share ? { value: srbFromShare(share.value) ?? Number.NaN, lo: srbFromShare(share.lo) ?? Number.NaN, hi: srbFromShare(share.hi) ?? Number.NaN, years: 0 } : null);
  return { township, year, through, elapsed_share: (100 * through) / 12, period: `${year}YTD${String(through).padStart(2, '0')}`, items };
}
