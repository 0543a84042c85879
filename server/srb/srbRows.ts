/**
 * @module srb/srbRows
 * The sex ratio at birth (出生人口性别比) per township and period: raw ratio 100·M/F with the 95%
 * Wilson interval on the male share mapped to the ratio, an empirical-Bayes smoothed ratio that
 * shrinks small townships toward the county (beta-binomial prior fitted across all townships of
 * the same period), and a flag when the interval lies wholly outside the 103–107 normal band.
 * For the county row ('all') the smoothed value is the raw one: the county is the prior's centre.
 * Without a prior (too few births, or a township user who may not see the county) it is null.
 */
import type { Database } from '../db/Database.ts';
import { Lru } from '../db/lru.ts';
import { hasRollup } from '../db/hasRollup.ts';
import type { Scope } from '../auth/scope.ts';
import { periodParams, residencesOf } from '../indicators/sources.ts';
import { labelOf, periodYearOf, type PeriodSpan } from '../indicators/periods.ts';
import type { IndicatorQuery } from '../indicators/types.ts';
import { fitSrbPrior, flag, posteriorSrb, srbInterval, type BetaPrior } from '../stats/index.ts';
import { srbJudgement } from '../../common/srbWording.ts';
import { BIRTH_ORDERS } from '../../contract/api.ts';
import type { BirthOrderFilter, SrbRow } from '../../contract/api.ts';
export { BIRTH_ORDERS };
export type { BirthOrderFilter, SrbRow };

/** `r_births.birth_order` codes each filter sums (3 holds third and later births). */
export const ORDER_CODES: Record<BirthOrderFilter, number[]> = { all: [1, 2, 3], 1: [1], 2: [2], '3+': [3] };

export interface SexCounts { township: string; period: string; male: number | null; female: number | null }

/** Male and female births of every township for a query, with each period's prior: the same for every township asked about, so computed once and cached. */
export interface SexCountsWithPriors { counts: SexCounts[]; priors: Map<string, BetaPrior | null> }

const cache = new Lru<SexCountsWithPriors>(64);

export function birthsBySex(db: Database, query: Pick<IndicatorQuery, 'spans' | 'residence'>, order: BirthOrderFilter): Promise<SexCountsWithPriors> {
  const key = JSON.stringify([query.spans, query.residence, order]);
  return cache.get(db, key, async () => {
    const counts = await sexCounts(db, query.spans, query.spans.map(labelOf), query.residence, order);
    return { counts, priors: priorsByPeriod(counts) };
  });
}

/**
 * Male and female births of every township (and 'all') in each span, summed under `labels[i]`
 * (spans given one label are pooled). Calendar years come from the yearly rollup; other periods,
 * or a database imported before that rollup existed, from the monthly one.
 */
export async function sexCounts(
  db: Database, spans: readonly PeriodSpan[], labels: readonly string[], residence: IndicatorQuery['residence'], order: BirthOrderFilter,
): Promise<SexCounts[]> {
  const filter = { residences: residencesOf(residence), orders: ORDER_CODES[order] };
  if (spans.every((s) => s.kind === 'year') && await hasRollup(db, 'r_births_year')) {
    return db.query<SexCounts>('srb/births_by_sex_year', { ...filter, years: spans.map(periodYearOf), labels: [...labels] });
  }
  const { pm_month, pm_label } = periodParams(spans, labels);
  return db.query<SexCounts>('srb/births_by_sex', { ...filter, pm_month, pm_label });
}

/** One SRB row from male and female births and, for a township, the period's prior. */
export function srbRow(township: string, period: string, male: number, female: number, prior: BetaPrior | null, smallCell: number, order: BirthOrderFilter): SrbRow {
  const raw = srbInterval(male, female);
  const smoothed = prior && township !== 'all' ? posteriorSrb(prior, male, female) : null;
  const withheld = !prior && township !== 'all';
  return {
    township, period, order, value: raw.srb, numerator: male, denominator: female,
    male, female, births: male + female, srb: raw.srb, lo: male + female > 0 ? raw.lo : null, hi: raw.hi,
    smoothed: smoothed ? smoothed.srb : withheld ? null : raw.srb,
    smoothed_lo: smoothed ? smoothed.lo : withheld || male + female === 0 ? null : raw.lo,
    smoothed_hi: smoothed ? smoothed.hi : withheld ? null : raw.hi,
    shrinkage: smoothed ? smoothed.weight : 0,
    flag: male + female > 0 ? flag(raw.lo, raw.hi) : null,
    judgement: male + female > 0 ? srbJudgement(raw.srb, raw.lo, raw.hi) : 'none',
    small: male + female < smallCell,
  };
}

/** Fits one prior per period across every township (not 'all'); null where births are too few. */
export function priorsByPeriod(counts: readonly SexCounts[]): Map<string, BetaPrior | null> {
  const byPeriod = new Map<string, { male: number; female: number }[]>();
  for (const c of counts) {
    if (c.township === 'all') continue;
    const list = byPeriod.get(c.period) ?? [];
    list.push({ male: c.male ?? 0, female: c.female ?? 0 });
    byPeriod.set(c.period, list);
  }
  const priors = new Map<string, BetaPrior | null>();
  for (const [period, areas] of byPeriod) priors.set(period, priorAcross(areas));
  return priors;
}

/** The prior fitted across the given townships' births; null where births are too few. */
export function priorAcross(areas: readonly { male: number; female: number }[]): BetaPrior | null {
  const fit = fitSrbPrior(areas);
  return fit.ok ? fit.prior : null;
}

/**
 * The SRB rows a query asks for: every requested township and period, smoothed with the period's
 * prior for county users (a township user gets raw figures only, since the prior is fitted across
 * every township). What `GET /api/srb` and the report notebooks answer.
 */
export async function srbRowsFor(
  db: Database, query: IndicatorQuery, order: BirthOrderFilter, scope: Scope, smallCell: number,
): Promise<SrbRow[]> {
  const { counts, priors } = await birthsBySex(db, query, order);
  const found = new Map(counts.map((r) => [`${r.township}|${r.period}`, r]));
  const periods = [...new Set(counts.map((r) => r.period))];
  return query.townships.flatMap((t) => periods.map((p) => {
    const r = found.get(`${t}|${p}`);
    return srbRow(t, p, r?.male ?? 0, r?.female ?? 0, scope.kind === 'county' ? priors.get(p) ?? null : null, smallCell, order);
  }));
}
