/**
 * @module notebooks/assessmentBlocks
 * `indicator: assessment` and `indicator: progress` blocks, computed in-process by the functions
 * behind `GET /api/assessment` and `GET /api/progress`, so a report's figures equal the API's.
 *
 * ```indicator result
 * indicator: assessment, year: {{ year }}, window: {{ window }}
 * ```
 * One row per township (in rank order): `rank`, `township`, `name`, `total`, `category`,
 * `category_name`, `veto`, `bottom_two_years`, and for each scheme item `<id>` (its value),
 * `<id>_score` and `<id>_warn` (单项预警: 是 or empty); `veto_reasons` joined with ；, `warnings` (the items
 * warned, joined with 、) and `has_warning` (是 or empty). Only the API's own fields (rank, name,
 * total, category…) have provenance, so the narrative quotes those; warnings go in tables.
 *
 * ```indicator progress
 * indicator: progress, township: {{ township }}, year: {{ year }}, through: {{ through }}
 * ```
 * One row per measure with a target: `measure`, `name`, `target` (as 不低于/不高于 text), `ytd`,
 * `elapsed_share`, `reached_share`, `on_track`, `nowcast`, `nowcast_lo`, `nowcast_hi`, `nowcast_meets`.
 */
import { publish } from '../answer/pipeline.ts';
import { runAssessment } from '../assessment/run.ts';
import { assessmentPeriods, progressPeriods } from '../disclosure/assessment.ts';
import { checkScope } from '../auth/scope.ts';
import { progressFor } from '../progress/progress.ts';
import type { SourceContext } from './apiSources.ts';
import { SpecError, type SpecField } from './spec.ts';
import type { Provenance, Result, ResultRow } from './types.ts';

type Fields = ReadonlyMap<string, SpecField>;

function allowOnly(fields: Fields, allowed: readonly string[], what: string): void {
  for (const f of fields.values()) {
    if (!allowed.includes(f.key)) throw new SpecError(`${what} takes ${allowed.filter((k) => k !== 'indicator').join(', ')}, not ${f.key}`, f.line);
  }
}

function intField(fields: Fields, key: string, fallback: number, min: number, max: number): number {
  const f = fields.get(key);
  if (!f || f.value === '') return fallback;
  const n = Number(f.value);
  if (!Number.isInteger(n) || n < min || n > max) throw new SpecError(`${key} must be a whole number ${min}..${max}, not "${f.value}"`, f.line);
  return n;
}

function columnsOf(rows: readonly ResultRow[]): string[] {
  const cols = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) cols.add(k);
  return [...cols];
}

export async function assessmentResult(fields: Fields, ctx: SourceContext): Promise<Omit<Result, 'name' | 'block'>> {
  allowOnly(fields, ['indicator', 'year', 'window'], 'an assessment block');
  const year = intField(fields, 'year', ctx.data.lastYear, ctx.data.firstYear, ctx.data.lastYear);
  const windowText = fields.get('window')?.value || undefined;
  if (windowText !== undefined && windowText !== 'year' && windowText !== 'statyear') throw new SpecError(`window must be year or statyear, not "${windowText}"`, fields.get('window')!.line);
  const computed = await runAssessment(ctx.db, ctx.data, ctx.config, year, windowText);
  const inScope = computed.townships.filter((t) => ctx.who.scope.kind === 'county' || ctx.who.scope.codes.has(t.township));
  const { answer } = await publish(ctx, { kind: 'assessment', answer: { ...computed, townships: inScope }, ...assessmentPeriods(computed, year) });
  const visible = answer.townships;
  const rows: ResultRow[] = visible.map((t) => ({
    rank: t.rank, township: t.township, name: t.name, total: t.total, category: t.category, category_name: t.category_name,
    veto: t.veto, veto_reasons: t.veto_reasons.join('；'), bottom_two_years: t.bottom_two_years,
    warnings: t.items.filter((i) => i.warn).map((i) => i.name).join('、'), has_warning: t.items.some((i) => i.warn) ? '是' : '',
    ...Object.fromEntries(t.items.flatMap((i) => [[i.id, i.value], [`${i.id}_score`, i.score], [`${i.id}_warn`, i.warn ? '是' : '']])),
  }));
  const api = `/api/assessment?year=${year}${windowText ? `&window=${windowText}` : ''}`;
  const provenance: Record<string, Provenance> = Object.fromEntries(['rank', 'name', 'total', 'category', 'category_name', 'veto', 'bottom_two_years']
    .map((c) => [c, { api, rowsAt: 'townships', field: c, keys: ['township'] }]));
  return { rows, columns: columnsOf(rows), provenance };
}

/** A measure's unit as a planner's table writes it (a sex ratio: boys per 100 girls). */
const UNIT_WORDS: Record<string, string> = { persons: '人', '%': '%', '‰': '‰', ratio: '女=100', 'children per woman': '个/妇女' };

export async function progressResult(fields: Fields, ctx: SourceContext): Promise<Omit<Result, 'name' | 'block'>> {
  allowOnly(fields, ['indicator', 'township', 'year', 'through'], 'a progress block');
  const township = fields.get('township')?.value || 'all';
  if (township !== 'all' && !ctx.data.townships.has(township)) throw new SpecError(`township: no township ${township} in the data`, fields.get('township')!.line);
  checkScope(ctx.who.scope, [township]);
  const year = intField(fields, 'year', ctx.data.lastYear, ctx.data.firstYear, ctx.data.lastYear);
  const through = intField(fields, 'through', 6, 1, 12);
  const computed = await progressFor(ctx.db, ctx.data, ctx.config, township, year, through);
  const { answer: p } = await publish(ctx, { kind: 'progress', answer: computed, ...progressPeriods(year, through) });
  const words = { at_least: '不低于', at_most: '不高于', between: '' } as const;
  const rows: ResultRow[] = p.items.map((i) => {
    // a count is a whole number of persons (its nowcast too); a target reads with its unit
    const unit = UNIT_WORDS[i.unit] ?? '';
    const v = (x: number | null | undefined) => (x === null || x === undefined ? null : i.unit === 'persons' ? Math.round(x) : x);
    // a target reads with a rate's sign (不低于99%), not with persons or 女=100 (不高于107)
    const t = (x: number) => `${x < 0 ? '−' : ''}${Math.abs(x)}${unit === '%' || unit === '‰' ? unit : ''}`;
    return {
      measure: i.measure, name: i.name.zh, unit,
      target: i.target ? (i.target.direction === 'between' ? `${t(i.target.value)}～${t(i.target.upper!)}` : `${words[i.target.direction]}${t(i.target.value)}`) : null,
      ytd: v(i.ytd), elapsed_share: i.elapsed_share, reached_share: i.reached_share, on_track: i.on_track,
      nowcast: v(i.nowcast?.value), nowcast_lo: v(i.nowcast?.lo), nowcast_hi: v(i.nowcast?.hi), nowcast_meets: i.nowcast_meets,
    };
  });
  const api = `/api/progress?year=${year}&through=${through}&township=${township}`;
  const provenance: Record<string, Provenance> = {
    ytd: { api, rowsAt: 'items', field: 'ytd', keys: ['measure'] },
    reached_share: { api, rowsAt: 'items', field: 'reached_share', keys: ['measure'] },
    elapsed_share: { api, rowsAt: 'items', field: 'elapsed_share', keys: ['measure'] },
    on_track: { api, rowsAt: 'items', field: 'on_track', keys: ['measure'] },
    nowcast_meets: { api, rowsAt: 'items', field: 'nowcast_meets', keys: ['measure'] },
  };
  return { rows, columns: columnsOf(rows), provenance };
}
