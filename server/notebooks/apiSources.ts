/**
 * @module notebooks/apiSources
 * Indicator blocks: named results fetched in-process from the same functions the API routes call
 * (`answerIndicator`, the SRB rows and ranking), so a report's figures equal the API's exactly.
 * Each result column records the API request that answers it (its provenance).
 *
 * ```indicator births
 * indicator: births, township: {{ township }}, from: {{ year }}, to: {{ year }}, compare: yoy
 * ```
 * `indicator:` is an indicator id, `srb`, `srb_ranking`, `projection`, or several indicator ids
 * separated by commas (one column per indicator, e.g. a township table; per-indicator options
 * as `population.residence: registered`). `township: each` means every township in scope.
 */
import type { Principal } from '../auth/principal.ts';
import { publish } from '../answer/pipeline.ts';
import type { AnalyticsConfig } from '../config.ts';
import type { Database } from '../db/Database.ts';
import { answerIndicator } from '../indicators/answer.ts';
import type { Catalog } from '../indicators/catalog.ts';
import { indicatorQuerySchema, resolveQuery, type RawIndicatorQuery } from '../indicators/params.ts';
import { INDICATORS } from '../indicators/registry.ts';
import type { IndicatorRow } from '../indicators/types.ts';
import { restrictRanking, srbRanking } from '../srb/ranking.ts';
import { srbListSpan } from '../../common/srbWording.ts';
import { BIRTH_ORDERS, srbRowsFor, type BirthOrderFilter } from '../srb/srbRows.ts';
import { projectionResult } from './projection.ts';
import { assessmentResult, progressResult } from './assessmentBlocks.ts';
import { SpecError, checkKeys, parseSpec, required, type SpecField } from './spec.ts';
import type { BlockRef, Cell, Provenance, Result, ResultRow } from './types.ts';
import { firstIssue } from '../errors/zodIssue.ts';
import type { CellCache } from '../indicators/cellCache.ts';

export interface SourceContext {
  readonly db: Database;
  readonly config: AnalyticsConfig;
  readonly data: Catalog;
  readonly who: Principal;
  readonly countyName: string;
  /** The render's shared query results: blocks asking for the same cells run the query once. */
  readonly cells: CellCache;
}

const QUERY_KEYS = ['township', 'from', 'to', 'period', 'residence', 'compare', 'ages', 'direction', 'through', 'start', 'end'] as const;
const KEYS = ['indicator', ...QUERY_KEYS, 'order', 'horizon', 'scenario', 'year', 'window'];

type Fields = ReadonlyMap<string, SpecField>;

function optionFor(fields: Fields, key: string, id?: string): string | undefined {
  const specific = id ? fields.get(`${id}.${key}`) : undefined;
  return (specific ?? fields.get(key))?.value || undefined;
}

/** The raw query string an indicator block stands for (what the API would be sent). */
function rawQuery(fields: Fields, ctx: SourceContext, id?: string): Record<string, string> {
  const raw: Record<string, string> = {};
  for (const key of QUERY_KEYS) {
    const v = optionFor(fields, key, id);
    if (v !== undefined) raw[key] = v;
  }
  // township: each is the API's own (every township in scope, indicators/params.ts)
  // A trend reaching back before the data starts begins where the data begins.
  if (raw.from !== undefined && Number(raw.from) < ctx.data.firstYear) raw.from = String(ctx.data.firstYear);
  return raw;
}

function parseRaw(raw: Record<string, string>): RawIndicatorQuery {
  const parsed = indicatorQuerySchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const { path, message } = firstIssue(parsed.error);
  throw new Error(`${path || 'query'}: ${message}`);
}

function apiPath(path: string, raw: Record<string, string>): string {
  return `${path}?${new URLSearchParams(raw).toString()}`;
}

function withNames(rows: readonly object[], ctx: SourceContext): ResultRow[] {
  return rows.map((r) => {
    const row = r as ResultRow;
    const t = String(row.township ?? '');
    // a month's row also says its month of the year, so that two years' months can be drawn over each other
    const month: ResultRow = typeof row.period === 'string' && /^\d{4}-\d{2}$/.test(row.period) ? { month_of_year: `${Number(row.period.slice(5))}月` } : {};
    return { ...row, ...month, name: row.name ?? (t === 'all' ? ctx.countyName : ctx.data.names.get(t) ?? t) };
  });
}

function columnsOf(rows: readonly ResultRow[]): string[] {
  const cols = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) cols.add(k);
  return [...cols];
}

function provenanceFor(columns: readonly string[], api: string, rowsAt: Provenance['rowsAt'], keys: readonly string[]): Record<string, Provenance> {
  return Object.fromEntries(columns.filter((c) => c !== 'name').map((c) => [c, { api, rowsAt, field: c, keys }]));
}

async function oneIndicator(id: string, fields: Fields, ctx: SourceContext): Promise<{ rows: IndicatorRow[]; api: string; keys: readonly string[] }> {
  if (optionFor(fields, 'residence', id) === 'each') return residenceSplit(id, fields, ctx);
  const def = INDICATORS.get(id);
  if (!def) throw new Error(`no indicator "${id}" (${[...INDICATORS.keys()].join(', ')}, srb, srb_ranking, projection)`);
  const raw = rawQuery(fields, ctx, id);
  const query = resolveQuery(parseRaw(raw), ctx.data, ctx.who.scope);
  const answer = await answerIndicator(ctx.db, def, query, ctx.data, ctx.config, ctx.cells);
  const { rows } = await publish(ctx, { kind: 'indicator', indicator: def.id, query, envelope: {}, rows: answer.rows });
  return { rows, api: apiPath(`/api/indicators/${id}`, raw), keys: ['township', 'period', ...def.keys] };
}

/** `residence: each`: the registered rows, then the migrant rows, each with `residence` (e.g. compliance against the two targets). */
async function residenceSplit(id: string, fields: Fields, ctx: SourceContext): Promise<{ rows: IndicatorRow[]; api: string; keys: readonly string[] }> {
  const split = await Promise.all((['registered', 'migrant'] as const).map((residence) => {
    const one = new Map(fields);
    one.set(`${id}.residence`, { ...fields.get('residence')!, key: `${id}.residence`, value: residence });
    return oneIndicator(id, one, ctx).then((a) => ({ ...a, rows: a.rows.map((r) => ({ ...r, residence })) }));
  }));
  // No single API request answers both halves: the rows carry no provenance (tables, not quoted figures).
  return { rows: split.flatMap((a) => a.rows), api: '', keys: [...split[0]!.keys, 'residence'] };
}

async function srb(fields: Fields, ctx: SourceContext): Promise<Omit<Result, 'name' | 'block'>> {
  const raw = rawQuery(fields, ctx);
  const order = orderOf(fields);
  const q = resolveQuery(parseRaw(raw), ctx.data, ctx.who.scope);
  const computed = await srbRowsFor(ctx.db, q, order, ctx.who.scope, ctx.config.smallCell);
  const rows = withNames((await publish(ctx, { kind: 'srb', query: q, order, envelope: {}, rows: computed })).rows, ctx);
  const columns = columnsOf(rows);
  const api = apiPath('/api/srb', { ...raw, order });
  return { rows, columns, provenance: provenanceFor(columns, api, 'rows', ['township', 'period']) };
}

function orderOf(fields: Fields): BirthOrderFilter {
  const order = fields.get('order')?.value || 'all';
  if (!(BIRTH_ORDERS as readonly string[]).includes(order)) throw new SpecError(`order must be ${BIRTH_ORDERS.join(', ')}, not "${order}"`, fields.get('order')!.line);
  return order as BirthOrderFilter;
}

async function ranking(fields: Fields, ctx: SourceContext): Promise<Omit<Result, 'name' | 'block'>> {
  const raw = rawQuery(fields, ctx);
  for (const k of ['township', 'period', 'compare', 'ages', 'direction']) {
    if (raw[k] !== undefined) throw new Error(`srb_ranking takes from, to, residence and order only, not ${k}`);
  }
  const order = orderOf(fields);
  const parsed = parseRaw(raw);
  // without `from`, the elevated-SRB list's span (the same default as the API and every page)
  const span = srbListSpan(parsed.to ?? ctx.data.lastYear, ctx.data.firstYear);
  const q = resolveQuery({ ...parsed, from: parsed.from ?? span.from, township: 'all', period: 'year', compare: 'none', ages: 'single', direction: 'in' }, ctx.data, { kind: 'county' });
  const restricted = restrictRanking(await srbRanking(ctx.db, q, order, ctx.config.smallCell, ctx.data.names), ctx.who.scope);
  const { ranking: answer } = await publish(ctx, { kind: 'ranking', query: q, order, ranking: restricted });
  const rows = answer.townships.map((t) => ({ ...t }) as unknown as ResultRow);
  const columns = columnsOf(rows);
  const api = apiPath('/api/srb/ranking', { ...raw, order });
  const provenance = provenanceFor(columns, api, 'townships', ['township']);
  return { rows, columns, provenance: { ...provenance, name: { api, rowsAt: 'townships', field: 'name', keys: ['township'] } } };
}

/** Several indicators side by side, one row per township and period, one column per indicator. */
async function wide(ids: readonly string[], fields: Fields, ctx: SourceContext): Promise<Omit<Result, 'name' | 'block'>> {
  const answers = await Promise.all(ids.map((id) => oneIndicator(id, fields, ctx)));
  const byKey = new Map<string, ResultRow>();
  const provenance: Record<string, Provenance> = {};
  answers.forEach((a, i) => {
    const id = ids[i]!;
    if (a.keys.length > 2) throw new Error(`${id} has several rows per township and period (${a.keys.slice(2).join(', ')}); give it a block of its own`);
    provenance[id] = { api: a.api, rowsAt: 'rows', field: 'value', keys: ['township', 'period'] };
    const compared = a.rows.some((r) => 'change_pct' in r);
    if (compared) provenance[`${id}_change_pct`] = { api: a.api, rowsAt: 'rows', field: 'change_pct', keys: ['township', 'period'] };
    for (const r of a.rows) {
      const key = `${r.township}|${r.period}`;
      const row = byKey.get(key) ?? { township: r.township, period: r.period };
      row[id] = r.value;
      if (compared) row[`${id}_change_pct`] = (r.change_pct ?? null) as Cell;
      byKey.set(key, row);
    }
  });
  const rows = withNames([...byKey.values()], ctx);
  return { rows, columns: columnsOf(rows), provenance };
}

export async function runIndicatorBlock(block: BlockRef, text: string, ctx: SourceContext): Promise<Result> {
  const fields = parseSpec(text);
  checkKeys(fields, KEYS, 'an indicator block');
  const ids = required(fields, 'indicator', 'an indicator block').value.split(',').map((s) => s.trim()).filter(Boolean);
  let out: Omit<Result, 'name' | 'block'>;
  if (ids.length > 1) out = await wide(ids, fields, ctx);
  else if (ids[0] === 'srb') out = await srb(fields, ctx);
  else if (ids[0] === 'srb_ranking') out = await ranking(fields, ctx);
  else if (ids[0] === 'projection') out = await projectionResult(fields, ctx);
  else if (ids[0] === 'assessment') out = await assessmentResult(fields, ctx);
  else if (ids[0] === 'progress') out = await progressResult(fields, ctx);
  else {
    const a = await oneIndicator(ids[0]!, fields, ctx);
    const rows = withNames(a.rows, ctx);
    const columns = columnsOf(rows);
    out = { rows, columns, provenance: a.api ? provenanceFor(columns, a.api, 'rows', a.keys) : {} };
  }
  return { name: block.name, block, ...out };
}
