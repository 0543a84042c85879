/**
 * @module notebooks/projection
 * `indicator: projection` blocks: the population projection from the data, computed in-process
 * by the same function as `POST /api/projections` (`runProjection`, server/projection/), once
 * per scenario (low, medium, high). One row per year: `low`, `medium`, `high` (total population)
 * and the medium scenario's `births`, `deaths`, `age65plus`, `age65plus_share` (%),
 * `women15to49`, `medianAge`, `tfr`.
 *
 * ```indicator projection
 * indicator: projection, township: {{ township }}, from: {{ year }}, to: {{ horizon }}
 * ```
 * `from` is the base year (31 Dec), `to` the horizon year (5–30 years later).
 */
import { publish } from '../answer/pipeline.ts';
import { areaOf } from '../projection/area.ts';
import type { PublishedProjection } from '../disclosure/projection.ts';
import { parseProjectionRequest, runProjection } from '../projection/index.ts';
import type { SourceContext } from './apiSources.ts';
import { SpecError, type SpecField } from './spec.ts';
import type { Provenance, Result, ResultRow } from './types.ts';

const SCENARIO_COLUMNS = ['low', 'medium', 'high'] as const;
const MEDIUM_SERIES = ['births', 'deaths', 'age65plus', 'women15to49', 'medianAge', 'tfr'] as const;
const ALLOWED = new Set(['indicator', 'township', 'from', 'to']);

function year(fields: ReadonlyMap<string, SpecField>, key: 'from' | 'to'): number {
  const f = fields.get(key);
  const n = Number(f?.value);
  if (!f || !Number.isInteger(n)) throw new SpecError(`a projection block needs ${key}: a year`, f?.line ?? 0);
  return n;
}

export async function projectionResult(fields: ReadonlyMap<string, SpecField>, ctx: SourceContext): Promise<Omit<Result, 'name' | 'block'>> {
  for (const f of fields.values()) {
    if (!ALLOWED.has(f.key)) throw new SpecError(`a projection block takes township, from (base year) and to (horizon year), not ${f.key}`, f.line);
  }
  const scope = fields.get('township')?.value || 'all';
  const baseYear = year(fields, 'from');
  const horizon = year(fields, 'to') - baseYear;
  const bodies = SCENARIO_COLUMNS.map((scenario) => ({ scope, baseYear, horizon, scenario }));
  // Validation (scope, horizon 5..30) and the 403 for a township account outside its scope, as the route.
  const requests = bodies.map((b) => parseProjectionRequest(b));
  if (ctx.who.scope.kind !== 'county' && !requests[0]!.scopes.every((s) => ctx.who.scope.kind === 'townships' && ctx.who.scope.codes.has(s))) {
    throw new Error(`township: your account may not project ${scope}`);
  }
  const answers: PublishedProjection[] = await Promise.all(requests.map(async (r) =>
    (await publish(ctx, { kind: 'projection', answer: await runProjection(ctx.db, r, baseYear, areaOf(ctx.who.scope)) })).answer));
  const rows: ResultRow[] = answers[0]!.years.map((y, i) => {
    const row: ResultRow = { year: y };
    answers.forEach((a, k) => { row[SCENARIO_COLUMNS[k]!] = a.results[0]!.series.total[i] ?? null; });
    const medium = answers[1]!.results[0]!.series;
    for (const s of MEDIUM_SERIES) row[s] = medium[s][i] ?? null;
    const total = medium.total[i];
    const old = medium.age65plus[i];
    row.age65plus_share = total && old != null ? (old / total) * 100 : null;
    return row;
  });
  const provenance: Record<string, Provenance> = {};
  SCENARIO_COLUMNS.forEach((c, k) => {
    provenance[c] = { api: '/api/projections', method: 'POST', body: bodies[k]!, rowsAt: 'series', field: 'total', keys: ['year'] };
  });
  for (const s of MEDIUM_SERIES) provenance[s] = { api: '/api/projections', method: 'POST', body: bodies[1]!, rowsAt: 'series', field: s, keys: ['year'] };
  const columns = ['year', ...SCENARIO_COLUMNS, ...MEDIUM_SERIES, 'age65plus_share'];
  return { rows, columns, provenance };
}
