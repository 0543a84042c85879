/**
 * @module srb/ranking
 * Township ranking for a span of years: births pooled over the span (more births, narrower
 * intervals), ranked by the smoothed SRB, most elevated first, with each township's funnel-plot
 * class against the county ratio and the funnel's control limits for plotting.
 */
import type { Database } from '../db/Database.ts';
import type { IndicatorQuery } from '../indicators/types.ts';
import type { Scope } from '../auth/scope.ts';
import { classifyFunnel, funnelGrid, type FunnelPoint } from '../stats/index.ts';
import { birthsBySex, priorsByPeriod, srbRow, type BirthOrderFilter, type SrbRow } from './srbRows.ts';

export interface SrbRanking {
  span: string;
  county: SrbRow;
  prior: { meanSrb: number; strength: number; pooled: boolean } | null;
  townships: (SrbRow & { name: string; rank: number; funnel: string })[];
  funnel: FunnelPoint[];
}

export async function srbRanking(
  db: Database, query: Pick<IndicatorQuery, 'from' | 'to' | 'residence'>, order: BirthOrderFilter, smallCell: number,
  names: ReadonlyMap<string, string>,
): Promise<SrbRanking> {
  const { counts: yearly } = await birthsBySex(db, { ...query, period: 'year' }, order);
  const span = query.from === query.to ? String(query.from) : `${query.from}-${query.to}`;
  const pooled = new Map<string, { male: number; female: number }>();
  for (const c of yearly) {
    const sum = pooled.get(c.township) ?? { male: 0, female: 0 };
    sum.male += c.male ?? 0;
    sum.female += c.female ?? 0;
    pooled.set(c.township, sum);
  }
  const counts = [...pooled].map(([township, s]) => ({ township, period: span, male: s.male, female: s.female }));
  const prior = priorsByPeriod(counts).get(span) ?? null;
  const all = pooled.get('all') ?? { male: 0, female: 0 };
  const county = srbRow('all', span, all.male, all.female, null, smallCell, order);
  const target = county.srb ?? 107;
  const townships = counts
    .filter((c) => c.township !== 'all')
    .map((c) => ({ ...srbRow(c.township, span, c.male, c.female, prior, smallCell, order), name: names.get(c.township) ?? c.township }))
    .sort((a, b) => (b.smoothed ?? -Infinity) - (a.smoothed ?? -Infinity))
    .map((row, i) => ({ ...row, rank: i + 1, funnel: classifyFunnel(row.male, row.female, target) }));
  const maxBirths = Math.max(10, ...townships.map((t) => t.births));
  return {
    span, county,
    prior: prior ? { meanSrb: prior.meanSrb, strength: prior.strength, pooled: prior.pooled } : null,
    townships,
    funnel: funnelGrid(target, maxBirths, { minBirths: 10, points: 60 }),
  };
}

/**
 * A township user's view of the ranking: their townships only, ranked among themselves by the raw
 * ratio; the county row, the prior and the funnel (all built from every township) are withheld.
 */
export function restrictRanking(ranking: SrbRanking, scope: Scope): SrbRanking | Omit<SrbRanking, 'county'> & { county: null } {
  if (scope.kind === 'county') return ranking;
  const own = ranking.townships
    .filter((t) => scope.codes.has(t.township))
    .map((t) => ({ ...t, smoothed: null, smoothed_lo: null, smoothed_hi: null, shrinkage: 0, funnel: 'withheld' }))
    .sort((a, b) => (b.srb ?? -Infinity) - (a.srb ?? -Infinity))
    .map((t, i) => ({ ...t, rank: i + 1 }));
  return { span: ranking.span, county: null, prior: null, townships: own, funnel: [] };
}
