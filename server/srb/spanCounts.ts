/**
 * @module srb/spanCounts
 * Male and female births of every township (and 'all') pooled over a span of years, with the
 * span's empirical-Bayes prior. DuckDB sums the span (one row per township instead of one per
 * township and year, from the yearly rollup), and both the counts and the prior depend only on the data and the query,
 * so they are kept per database generation: a repeat ranking refits nothing.
 */
import type { Database } from '../db/Database.ts';
import { Lru } from '../db/lru.ts';
import type { BetaPrior } from '../stats/index.ts';
import { spansFor } from '../indicators/periods.ts';
import type { IndicatorQuery } from '../indicators/types.ts';
import { priorAcross, sexCounts, type BirthOrderFilter } from './srbRows.ts';

export interface SpanCount { township: string; male: number; female: number }

export interface SpanCounts {
  /** Townships with births in the span, by code, and 'all'. */
  counts: SpanCount[];
  /** Fitted across the townships (not 'all'); null where births are too few. */
  prior: BetaPrior | null;
}

const cache = new Lru<SpanCounts>(32);

export function spanBirthsBySex(db: Database, query: Pick<IndicatorQuery, 'from' | 'to' | 'residence'>, order: BirthOrderFilter): Promise<SpanCounts> {
  return cache.get(db, JSON.stringify([query.from, query.to, query.residence, order]), async () => {
    // every year of the span under one label: DuckDB pools them, one row per township
    const years = spansFor({ period: 'year', from: query.from, to: query.to });
    const pooled = await sexCounts(db, years, years.map(() => 'span'), query.residence, order);
    const counts = pooled.map((c) => ({ township: c.township, male: c.male ?? 0, female: c.female ?? 0 }));
    return { counts, prior: priorAcross(counts.filter((c) => c.township !== 'all')) };
  });
}
