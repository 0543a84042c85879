/**
 * @module answer/pipeline
 * Every answer the API gives — and every figure a report quotes — passes here between being
 * computed and being sent: route computes → **scope check** (no township outside the asker's
 * scope is in it) → **disclosure control** (for a township account under small-cell suppression,
 * the township's suppression pattern, server/disclosure/) → serialise (answer/respond.ts). One
 * function, `publish`, for every kind of answer, so a new route cannot bypass the rule; an answer
 * cache (keyed by route, parameters and scope) belongs behind it.
 *
 * @example
 * const published = await publish({ db, config, who }, { kind: 'indicator', indicator: 'births', query, envelope, rows });
 * return respond(c, published);
 */
import type { Principal } from '../auth/principal.ts';
import type { AnalyticsConfig } from '../config.ts';
import type { Database } from '../db/Database.ts';
import { calendar } from '../disclosure/calendar.ts';
import { reservePatterns, suppressionPattern, type Pattern } from '../disclosure/pattern.ts';
import { discloseAssumptions, discloseProjection, type PublishedAssumptions, type PublishedProjection } from '../disclosure/projection.ts';
import {
  discloseAssessment, discloseBacktest, discloseProgress, type PublishedAssessment, type PublishedBacktest, type PublishedProgress,
} from '../disclosure/assessment.ts';
import { disclosePlanningTable } from '../disclosure/planningTable.ts';
import type { PlanningTable } from '../projection/planningTable.ts';
import { discloseIndicatorRows, discloseMapRows, discloseRankingRows, discloseSrbRows } from '../disclosure/rows.ts';
import { Forbidden } from '../errors/domain.ts';
import type { IndicatorQuery, IndicatorRow } from '../indicators/types.ts';
import type { SrbRanking } from '../srb/ranking.ts';
import type { BirthOrderFilter, SrbRow } from '../srb/srbRows.ts';
import type { JobRunner } from '../workers/jobs.ts';

export interface AnswerContext {
  readonly db: Database;
  readonly config: AnalyticsConfig;
  readonly who: Principal;
  /** Where suppression patterns are computed (a server's worker threads); here when absent. */
  readonly jobs?: JobRunner;
}

type Envelope = Record<string, unknown>;

export type Answer =
  | { readonly kind: 'indicator'; readonly indicator: string; readonly query: IndicatorQuery; readonly envelope: Envelope; readonly rows: IndicatorRow[] }
  | { readonly kind: 'srb'; readonly query: IndicatorQuery; readonly order: BirthOrderFilter; readonly envelope: Envelope; readonly rows: SrbRow[] }
  | { readonly kind: 'ranking'; readonly query: Pick<IndicatorQuery, 'from' | 'to' | 'residence'>; readonly order: BirthOrderFilter; readonly ranking: Omit<SrbRanking, 'county'> & { county: SrbRanking['county'] | null } }
  | { readonly kind: 'map'; readonly year: number; readonly envelope: Envelope; readonly rows: { township: string; value: number | null }[] }
  | { readonly kind: 'projection'; readonly answer: PublishedProjection }
  | { readonly kind: 'assumptions'; readonly summary: PublishedAssumptions }
  /** The planning table (人口规划表) of one scope. */
  | { readonly kind: 'planningTable'; readonly table: PlanningTable }
  /** The 考核 scorecard: `labels` the period of each item's cells, `previous` the window a year before. */
  | { readonly kind: 'assessment'; readonly answer: PublishedAssessment; readonly labels: Readonly<Record<string, string>>; readonly previous: string }
  /** 双过半 progress: `lastYtd` and `lastYear` the periods its comparisons read. */
  | { readonly kind: 'progress'; readonly answer: PublishedProgress; readonly lastYtd: string; readonly lastYear: string }
  /** The nowcast back-test of one township. */
  | { readonly kind: 'backtest'; readonly answer: PublishedBacktest }
  /** Answers with no per-township count (meta, reports — whose figures were each published as a block). */
  | { readonly kind: 'plain'; readonly body: unknown };

/** The townships an answer shows figures of. */
function townshipsOf(answer: Answer): string[] {
  switch (answer.kind) {
    case 'indicator': case 'srb': return answer.rows.map((r) => r.township);
    case 'ranking': return answer.ranking.townships.map((r) => r.township).concat(answer.ranking.county ? ['all'] : []);
    case 'map': return answer.rows.filter((r) => r.value !== null).map((r) => r.township);
    case 'projection': return answer.answer.results.map((r) => r.scope);
    case 'assumptions': return [answer.summary.scope];
    case 'planningTable': return [answer.table.scope];
    case 'assessment': return answer.answer.townships.map((t) => t.township);
    case 'progress': case 'backtest': return [answer.answer.township];
    case 'plain': return [];
  }
}

/** True when the asker's answers go through the township's suppression pattern. */
export function suppresses(ctx: Pick<AnswerContext, 'config' | 'who'>): boolean {
  return ctx.config.suppressSmall && ctx.who.scope.kind === 'townships';
}

export async function publish<A extends Answer>(ctx: AnswerContext, answer: A): Promise<A> {
  const townships = [...new Set(townshipsOf(answer))];
  const scope = ctx.who.scope;
  if (scope.kind === 'townships') {
    const outside = townships.filter((t) => !scope.codes.has(t));
    if (outside.length > 0) throw new Forbidden('out_of_scope', `this answer would show ${outside.join(', ')}, outside your account's townships`);
  }
  if (!suppresses(ctx)) return answer;
  if (scope.kind === 'townships') reservePatterns(scope.codes.size); // (suppression is for township accounts only)
  // One township's pattern at a time: a job each, and an account of many townships asking them all
  // at once would fill the workers' bounded queue by itself (503) and starve everyone else.
  const patterns = new Map<string, Pattern>();
  for (const t of townships) patterns.set(t, await suppressionPattern(ctx.db, t, ctx.config.smallCell, ctx.jobs));
  const k = ctx.config.smallCell;
  switch (answer.kind) {
    case 'indicator':
      return { ...answer, rows: discloseIndicatorRows(answer.indicator, answer.rows, answer.query, await calendar(ctx.db), patterns) } as A;
    case 'srb':
      return { ...answer, rows: discloseSrbRows(answer.rows, answer.query, answer.order, patterns) } as A;
    case 'ranking':
      return { ...answer, ranking: { ...answer.ranking, townships: discloseRankingRows(answer.ranking.townships, answer.query, answer.order, patterns) } } as A;
    case 'map':
      return { ...answer, rows: discloseMapRows(answer.rows, answer.year, patterns) } as A;
    case 'projection':
      return { ...answer, answer: discloseProjection(answer.answer, patterns, k) } as A;
    case 'assumptions':
      return { ...answer, summary: discloseAssumptions(answer.summary, patterns.get(answer.summary.scope)!, k) } as A;
    case 'planningTable':
      return { ...answer, table: disclosePlanningTable(answer.table, patterns.get(answer.table.scope)!) } as A;
    case 'assessment':
      return { ...answer, answer: discloseAssessment(answer.answer, patterns, await calendar(ctx.db), answer.labels, answer.previous) } as A;
    case 'progress':
      return { ...answer, answer: discloseProgress(answer.answer, patterns.get(answer.answer.township)!, await calendar(ctx.db), answer.lastYtd, answer.lastYear) } as A;
    case 'backtest':
      return { ...answer, answer: discloseBacktest(answer.answer, patterns.get(answer.answer.township)!, await calendar(ctx.db)) } as A;
    case 'plain':
      return answer;
  }
}
