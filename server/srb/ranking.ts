/**
 * @module srb/ranking
 * Township ranking for a span of years: births pooled over the span (more births, narrower
 * intervals), ranked by the smoothed SRB, most elevated first, with each township's funnel-plot
 * class against the county ratio and the funnel's control limits for plotting. Most of the cost is
 * two beta quantiles per township, so whole answers are kept per database generation.
 */
import type { Database } from '../db/Database.ts';
import { Lru } from '../db/lru.ts';
import type { IndicatorQuery } from '../indicators/types.ts';
import type { Scope } from '../auth/scope.ts';
import { classifyFunnel, funnelGrid } from '../stats/index.ts';
import { srbRow, type BirthOrderFilter } from './srbRows.ts';
import { spanBirthsBySex } from './spanCounts.ts';
import { funnelRule, srbListRule } from '../../common/srbWording.ts';
import type { SrbRanking } from '../../contract/api.ts';
export type { SrbRanking };

/** Whole answers per database generation (about 1.7 MB each with their JSON on 1,500 townships). */
const rankings = new Lru<SrbRanking>(8);

/** The ranking, shared between requests of one database generation: callers must not mutate it. */
export function srbRanking(
  db: Database, query: Pick<IndicatorQuery, 'from' | 'to' | 'residence'>, order: BirthOrderFilter, smallCell: number,
  names: ReadonlyMap<string, string>,
): Promise<SrbRanking> {
  const key = JSON.stringify([query.from, query.to, query.residence, order, smallCell]);
  return rankings.get(db, key, () => computeRanking(db, query, order, smallCell, names));
}

/** `srbRanking` without the answer cache (the pooled counts and the prior are still kept per generation). */
export async function computeRanking(
  db: Database, query: Pick<IndicatorQuery, 'from' | 'to' | 'residence'>, order: BirthOrderFilter, smallCell: number,
  names: ReadonlyMap<string, string>,
): Promise<SrbRanking> {
  const { counts, prior } = await spanBirthsBySex(db, query, order);
  const span = query.from === query.to ? String(query.from) : `${query.from}-${query.to}`;
  const all = counts.find((c) => c.township === 'all') ?? { male: 0, female: 0 };
  const county = srbRow('all', span, all.male, all.female, null, smallCell, order);
  const target = county.srb ?? 107;
  const rows = counts
    .filter((c) => c.township !== 'all')
    .map((c) => Object.assign(srbRow(c.township, span, c.male, c.female, prior, smallCell, order), { name: names.get(c.township) ?? c.township }))
    .sort((a, b) => (b.smoothed ?? -Infinity) - (a.smoothed ?? -Infinity));
  // Assigned in place (not spread into copies of 20-field rows); keys keep the order name, rank, funnel.
  const townships = rows.map((row, i) => Object.assign(row, { rank: i + 1, funnel: classifyFunnel(row.male, row.female, target) }));
  let maxBirths = 10;
  for (const t of townships) maxBirths = Math.max(maxBirths, t.births);
  return {
    span, from: query.from, to: query.to, county,
    rule: {
      zh: srbListRule(query.from, query.to, 'zh'), en: srbListRule(query.from, query.to, 'en'),
      funnel: { zh: funnelRule(county.srb, 'zh'), en: funnelRule(county.srb, 'en') },
    },
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
    .map((t) => ({ ...t, smoothed: null, smoothed_lo: null, smoothed_hi: null, shrinkage: 0, funnel: 'withheld' as const }))
    .sort((a, b) => (b.srb ?? -Infinity) - (a.srb ?? -Infinity))
    .map((t, i) => ({ ...t, rank: i + 1 }));
  // the funnel's words quote the county's ratio: withheld with the county row
  const rule = { ...ranking.rule, funnel: { zh: funnelRule(null, 'zh'), en: funnelRule(null, 'en') } };
  return { ...ranking, rule, county: null, prior: null, townships: own, funnel: [] };
}
