/**
 * @module srb/spanCounts
 * Male and female births of every township (and 'all') pooled over a span of years, with the
 * span's empirical-Bayes prior. DuckDB sums the span (one row per township instead of one per
 * township and year), and both the counts and the prior depend only on the data and the query,
 * so they are kept per database generation: a repeat ranking refits nothing.
 */
import type { Database } from '../db/Database.ts';
import { Lru } from '../db/lru.ts';
import type { BetaPrior } from '../stats/index.ts';
import { residencesOf } from '../indicators/sources.ts';
import type { IndicatorQuery } from '../indicators/types.ts';
import { ORDER_CODES, priorAcross, type BirthOrderFilter } from './srbRows.ts';

export interface SpanCount { township: string; male: number; female: number }

export interface SpanCounts {
  /** Townships with births in the span, by code, and 'all'. */
  counts: SpanCount[];
  /** Fitted across the townships (not 'all'); null where births are too few. */
  prior: BetaPrior | null;
}

const cache = new Lru<SpanCounts>(32);

export function spanBirthsBySex(db: Database, query: Pick<IndicatorQuery, 'from' | 'to' | 'residence'>, order: BirthOrderFilter): Promise<SpanCounts> {
  const params = { from: query.from, to: query.to, residences: residencesOf(query.residence), orders: ORDER_CODES[order] };
  return cache.get(db, JSON.stringify(params), async () => {
    const counts = await db.query<SpanCount>('srb/births_by_sex_span', params);
    return { counts, prior: priorAcross(counts.filter((c) => c.township !== 'all')) };
  });
}
