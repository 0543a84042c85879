/**
 * @module disclosure/assessment
 * The 考核 scorecard and the 双过半 progress of a township account under small-cell suppression.
 * Each item's counts are cells of the assessment window (or year to date, or the SRB's pooled
 * years) and follow the township's pattern; an item whose value rests on a withheld count loses
 * its value, score, met and veto flags — and the township's total, rank and category, which add
 * the item up, are withheld with it, since they would give its score (and so its value) back.
 */
import { windowOf } from '../assessment/inputs.ts';
import type { Assessment } from '../assessment/run.ts';
import { labelOf } from '../indicators/periods.ts';
import type { ItemResult, TownshipResult } from '../assessment/score.ts';
import type { Progress, ProgressItem } from '../progress/progress.ts';
import type { Calendar } from './calendar.ts';
import { cellsAt, type Cells } from './indicatorCells.ts';
import type { Pattern } from './pattern.ts';

type FieldCells = Record<string, readonly string[]>;

/** A scorecard as published: any figure may be withheld (null). */
export type PublishedItem = Omit<ItemResult, 'score' | 'value' | 'fields'> & { score: number | null; value: number | null; fields: Record<string, number | null> };
export type PublishedTownship = Omit<TownshipResult, 'total' | 'rank' | 'category' | 'category_name' | 'items'> & {
  total: number | null; rank: number | null; category: string | null; category_name: string | null; items: PublishedItem[];
};
export type PublishedAssessment = Omit<Assessment, 'townships'> & { townships: PublishedTownship[] };
export type PublishedProgress = Omit<Progress, 'items'> & { items: (Omit<ProgressItem, 'counts'> & { counts: Record<string, number | null> })[] };

/** The cells behind each field (and `value`) of an item of `kind`. */
function itemCells(kind: string, at: Cells, before: Cells | null): FieldCells {
  switch (kind) {
    case 'compliance_registered': case 'compliance_migrant': {
      const R = kind === 'compliance_registered' ? 'registered' : 'migrant';
      const births = at.births({ R });
      const compliant = at.births({ R, P: 'compliant' });
      return { value: [compliant, births], births: [births], compliant: [compliant], noncompliant: [at.births({ R, P: 'noncompliant' })], unknown: [at.births({ R, P: 'unknown' })] };
    }
    case 'certificate_rate': {
      const women = at.stock({ D: 'in', w: 'yes' });
      const holders = at.stock({ D: 'in', w: 'yes', cert: 'yes' });
      return { value: [holders, women], women: [women], holders: [holders] };
    }
    case 'hospital_rate': {
      const recorded = at.births({ H: 'recorded' });
      const hospital = at.births({ H: 'hospital' });
      return { value: [hospital, recorded], births: [recorded], in_hospital: [hospital] };
    }
    case 'births_change': {
      const now = at.births();
      const then = before ? before.births() : now;
      return { value: [now, then], births: [now], previous: [then], last_year_ytd: [then] };
    }
    case 'data_quality': {
      const unknown = at.births({ P: 'unknown' });
      return { value: [unknown], cases: [unknown], unknown_policy: [unknown] };
    }
    case 'srb': {
      const male = at.births({ S: 'M' });
      const female = at.births({ S: 'F' });
      return { value: [male, female], births: [at.births()], male: [male], female: [female], srb: [male, female], lo: [male, female], hi: [male, female], smoothed_lo: [male, female], smoothed_hi: [male, female] };
    }
    default:
      return { value: [at.births()] };
  }
}

/** The period of each item's cells (the window, or for an SRB pooled over years the months pooled) and the window a year before. */
export function assessmentPeriods(answer: Pick<Assessment, 'scheme' | 'window'>, year: number): { labels: Record<string, string>; previous: string } {
  const window = windowOf(year, answer.window.kind);
  const end = window.span.start + 11;
  const labels = Object.fromEntries(answer.scheme.items.map((item) => {
    const pool = item.kind === 'srb' ? item.pool_years : 1;
    return [item.id, pool === 1 ? window.label : labelOf({ kind: 'range', start: end - 12 * pool + 1, months: 12 * pool })];
  }));
  return { labels, previous: windowOf(year - 1, answer.window.kind).label };
}

const hiddenIn = (keys: readonly string[] | undefined, pattern: Pattern) => (keys ?? []).some((k) => pattern.hides(k));

function discloseFields(fields: Readonly<Record<string, number | null>>, cells: FieldCells, pattern: Pattern): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const [k, v] of Object.entries(fields)) out[k] = hiddenIn(cells[k] ?? cells.value, pattern) ? null : v;
  return out;
}

/** `labels`: each item's period label (the window, or the SRB's pooled years); `previous`: the window a year before. */
export function discloseAssessment(answer: PublishedAssessment, patterns: ReadonlyMap<string, Pattern>, cal: Calendar, labels: Readonly<Record<string, string>>, previous: string): PublishedAssessment {
  const kinds = new Map(answer.scheme.items.map((i) => [i.id, i.kind]));
  const townships = answer.townships.map((t): PublishedTownship => {
    const pattern = patterns.get(t.township)!;
    let withheld = false;
    const items = t.items.map((item): PublishedItem => {
      const cells = itemCells(kinds.get(item.id) ?? item.kind, cellsAt(t.township, labels[item.id] ?? answer.window.label, cal), cellsAt(t.township, previous, cal));
      const fields = discloseFields(item.fields, cells, pattern);
      if (!hiddenIn(cells.value, pattern)) return { ...item, fields };
      withheld = true;
      return { ...item, fields, value: null, score: null, met: null, warn: false, veto: false };
    });
    return withheld
      ? { ...t, items, total: null, rank: null, category: null, category_name: null, veto: false, veto_reasons: [], bottom_group: false, bottom_two_years: null }
      : { ...t, items };
  });
  return { ...answer, townships };
}

/** The periods a progress answer's comparisons read: the same months last year, and last year. */
export function progressPeriods(year: number, through: number): { lastYtd: string; lastYear: string } {
  return { lastYtd: `${year - 1}YTD${String(through).padStart(2, '0')}`, lastYear: String(year - 1) };
}

/** `lastYtd`, `lastYear`: the same months and the whole of last year (`progressPeriods`). */
export function discloseProgress(answer: PublishedProgress, pattern: Pattern, cal: Calendar, lastYtd: string, lastYear: string): PublishedProgress {
  const at = cellsAt(answer.township, answer.period, cal);
  const last = cellsAt(answer.township, lastYtd, cal);
  const items = answer.items.map((item): PublishedProgress['items'][number] => {
    const kind = item.measure === 'births' ? 'births' : item.measure;
    const cells: FieldCells = kind === 'births'
      ? { value: [at.births()], last_year_ytd: [last.births()], last_year_total: [cellsAt(answer.township, lastYear, cal).births()] }
      : itemCells(kind, at, last);
    const counts = discloseFields(item.counts, cells, pattern);
    if (!hiddenIn(cells.value, pattern)) return { ...item, counts };
    return { ...item, counts, ytd: null, reached_share: null, on_track: null, nowcast: null, nowcast_meets: null };
  });
  return { ...answer, items };
}

interface BacktestPoint { year: number; through: number; actual: number; estimate: number; lo: number; hi: number; error_pct: number }
export interface PublishedBacktest {
  township: string;
  points: { [K in keyof BacktestPoint]: BacktestPoint[K] | null }[];
  summary: { through: number; n: number; mape: number; coverage: number }[];
}

/**
 * The nowcast back-test of a township: a year's point is shown only when its total and its
 * months to `through` are (the estimate is a multiple of the latter), and the summary is made of
 * the points shown.
 */
export function discloseBacktest(answer: PublishedBacktest, pattern: Pattern, cal: Calendar): PublishedBacktest {
  const shown = (p: PublishedBacktest['points'][number]) => p.year !== null && p.through !== null
    && !pattern.hides(cellsAt(answer.township, String(p.year), cal).births())
    && !pattern.hides(cellsAt(answer.township, `${p.year}YTD${String(p.through).padStart(2, '0')}`, cal).births());
  const points = answer.points.map((p) => (shown(p) ? p : { ...p, actual: null, estimate: null, lo: null, hi: null, error_pct: null }));
  const summary = answer.summary.map((s) => {
    const ps = points.filter((p) => p.through === s.through && p.error_pct !== null);
    return {
      through: s.through, n: ps.length,
      mape: ps.length ? ps.reduce((a, p) => a + Math.abs(p.error_pct!), 0) / ps.length : Number.NaN,
      coverage: ps.length ? ps.filter((p) => p.actual! >= p.lo! && p.actual! <= p.hi!).length / ps.length : Number.NaN,
    };
  });
  return { ...answer, points, summary };
}
