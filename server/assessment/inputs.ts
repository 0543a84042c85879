/**
 * @module assessment/inputs
 * The figures each scheme item is scored on, for every township and one assessment window, from
 * the same functions the API answers with (`answerIndicator`, the SRB rows), so a compliance item
 * equals `GET /api/indicators/compliance` for that township and window. The SRB is pooled over the
 * window (or `pool_years` up to its end) and scored on its empirical-Bayes smoothed value and
 * interval, which shrink a small township's noisy ratio toward the county.
 */
import { COUNTY_SCOPE } from '../auth/scope.ts';
import type { AnalyticsConfig } from '../config.ts';
import type { Database } from '../db/Database.ts';
import { answerIndicator } from '../indicators/answer.ts';
import type { Catalog } from '../indicators/catalog.ts';
import { spanInfo, spansFor, type PeriodSpan } from '../indicators/periods.ts';
import { INDICATORS } from '../indicators/registry.ts';
import type { IndicatorQuery, IndicatorRow } from '../indicators/types.ts';
import { srbRowsFor } from '../srb/srbRows.ts';
import type { TargetBook } from '../targets/book.ts';
import type { Scheme, SchemeItem } from './scheme.ts';
import type { Fields, ItemInput, TownshipInput } from './score.ts';

export interface AssessmentWindow {
  readonly year: number;
  readonly kind: 'year' | 'statyear';
  readonly span: PeriodSpan;
  readonly label: string;
  readonly firstDay: string;
  readonly lastDay: string;
}

export function windowOf(year: number, kind: 'year' | 'statyear'): AssessmentWindow {
  const span = spansFor({ period: kind, from: year, to: year })[0]!;
  const info = spanInfo(span);
  return { year, kind, span, label: info.label, firstDay: info.startDate, lastDay: info.endDate };
}

type Query = Omit<IndicatorQuery, 'spans'> & { spans: PeriodSpan[] };

function windowQuery(codes: readonly string[], w: AssessmentWindow, extra: Partial<Query> = {}): Query {
  return {
    townships: codes, from: w.year, to: w.year, period: w.kind, residence: 'all', compare: 'none', ages: 'single', direction: 'in',
    through: null, start: null, end: null, spans: [w.span], ...extra,
  };
}

interface Context { db: Database; data: Catalog; config: AnalyticsConfig; book: TargetBook; codes: readonly string[]; window: AssessmentWindow }

async function indicatorRows(ctx: Context, id: string, extra: Partial<Query> = {}): Promise<Map<string, IndicatorRow>> {
  const answer = await answerIndicator(ctx.db, INDICATORS.get(id)!, windowQuery(ctx.codes, ctx.window, extra), ctx.data, ctx.config);
  return new Map(answer.rows.map((r) => [r.township, r]));
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
type PerTownship = (code: string) => ItemInput;

/** How each kind of item reads its figures: one query for all townships, then a lookup per township. */
async function itemReader(item: SchemeItem, ctx: Context): Promise<PerTownship> {
  const measure = item.target ?? item.kind;
  const target = (code: string) => ctx.book.find(measure, code, ctx.window.year);
  const rateItem = (rows: Map<string, IndicatorRow>, fields: (r: IndicatorRow) => Fields): PerTownship => (code) => {
    const r = rows.get(code);
    return { value: r && r.denominator ? r.value : null, target: target(code), fields: r ? fields(r) : {} };
  };
  switch (item.kind) {
    case 'compliance_registered':
    case 'compliance_migrant': {
      const rows = await indicatorRows(ctx, 'compliance', { residence: item.kind === 'compliance_registered' ? 'registered' : 'migrant' });
      return rateItem(rows, (r) => ({ births: r.denominator, compliant: r.numerator, noncompliant: num(r.noncompliant), unknown: num(r.unknown) }));
    }
    case 'certificate_rate':
      return rateItem(await indicatorRows(ctx, 'certificate_rate'), (r) => ({ women: r.denominator, holders: r.numerator }));
    case 'hospital_rate':
      return rateItem(await indicatorRows(ctx, 'hospital_rate'), (r) => ({ births: r.denominator, in_hospital: r.numerator }));
    case 'births_change': {
      const rows = await indicatorRows(ctx, 'births', { compare: 'yoy' });
      return (code) => {
        const r = rows.get(code);
        return { value: num(r?.change_pct), target: target(code), fields: { births: r?.value ?? null, previous: num(r?.previous) } };
      };
    }
    case 'data_quality': {
      const [rows, quarantined] = await Promise.all([
        indicatorRows(ctx, 'compliance'),
        ctx.db.query<{ township: string; n: number }>('assessment/quarantined', { first_day: ctx.window.firstDay, last_day: ctx.window.lastDay }),
      ]);
      const kept = new Map(quarantined.map((q) => [q.township, q.n]));
      return (code) => {
        const unknown = num(rows.get(code)?.unknown) ?? 0;
        const cases = unknown + (kept.get(code) ?? 0);
        return { value: cases, cases, target: null, fields: { unknown_policy: unknown, quarantined: kept.get(code) ?? 0 } };
      };
    }
    case 'srb': {
      const end = ctx.window.span.start + 11;
      const months = 12 * item.pool_years;
      const pooled: PeriodSpan = item.pool_years === 1 ? ctx.window.span : { kind: 'range', start: end - months + 1, months };
      const rows = await srbRowsFor(ctx.db, windowQuery(ctx.codes, ctx.window, { spans: [pooled] }), 'all', COUNTY_SCOPE, ctx.config.smallCell);
      const byCode = new Map(rows.map((r) => [r.township, r]));
      return (code) => {
        const r = byCode.get(code);
        return {
          value: r && r.births > 0 ? r.smoothed : null, lo: r?.smoothed_lo ?? null, target: target(code),
          fields: { births: r?.births ?? 0, male: r?.male ?? 0, female: r?.female ?? 0, srb: r?.srb ?? null, lo: r?.lo ?? null, hi: r?.hi ?? null,
            smoothed_lo: r?.smoothed_lo ?? null, smoothed_hi: r?.smoothed_hi ?? null },
        };
      };
    }
  }
}

/** Every township's figures for every item of the scheme in one window. */
export async function assessmentInputs(
  db: Database, scheme: Scheme, window: AssessmentWindow, data: Catalog, config: AnalyticsConfig, book: TargetBook,
): Promise<TownshipInput[]> {
  const codes = [...data.townships].sort();
  const ctx: Context = { db, data, config, book, codes, window };
  const readers = await Promise.all(scheme.items.map((item) => itemReader(item, ctx)));
  return codes.map((code) => ({
    township: code, name: data.names.get(code) ?? code,
    items: Object.fromEntries(scheme.items.map((item, i) => [item.id, readers[i]!(code)])),
  }));
}
