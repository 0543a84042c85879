/**
 * @module routes/meta
 * `GET /api/meta`: what the ingested database holds — the county, its townships, the years
 * covered, rows per table and quarantine counts by rule.
 */
import { Hono } from 'hono';
import { principal, type AppEnv } from '../auth/principal.ts';
import type { Database } from '../db/Database.ts';
import { publish } from '../answer/pipeline.ts';
import { respond } from '../answer/respond.ts';
import type { AnalyticsConfig } from '../config.ts';

export interface Township { code: string; name: string; kind: string; county_code: string; name_en: string; area_km2: number | null }

/** The longest code prefix shared by every township's county: the county itself, or the prefecture/province of a larger set. */
function commonCountyCode(townships: readonly Township[]): string {
  const codes = [...new Set(townships.map((t) => t.county_code))];
  if (codes.length <= 1) return codes[0] ?? '';
  let prefix = codes[0]!;
  for (const code of codes) while (!code.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

export function metaRoutes(db: Database, config: AnalyticsConfig) {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const [townships, years, tables, quarantine, meta] = await Promise.all([
        db.query<Township>('meta/townships'),
        db.query('meta/years'),
        db.query('meta/tables'),
        db.query('meta/quarantine'),
        db.query('meta/ingest_meta'),
      ]);
      const info = Object.fromEntries(meta.map((r) => [String(r.key), String(r.value)]));
      const y = years[0] ?? {};
      const quarantineByTable: Record<string, Record<string, number>> = {};
      for (const r of quarantine) (quarantineByTable[String(r.table_name)] ??= {})[String(r.rule)] = Number(r.n);
      const code = commonCountyCode(townships);
      // Table and quarantine counts are county figures: a township user does not see them.
      const who = principal(c);
      const county = who.scope.kind === 'county';
      return respond(c, await publish({ db, config, who }, { kind: 'plain', body: {
        county: { code, name: info.county_name || code },
        townships: townships.map(({ code: tc, name, kind }) => ({ code: tc, name, kind })),
        years: { from: y.population_from, to: y.population_to, eventsFrom: y.events_from, eventsTo: y.events_to, birthsLastMonth: y.births_last_month ?? null },
        rowCounts: county ? Object.fromEntries(tables.map((r) => [String(r.table_name), Number(r.rows_accepted)])) : {},
        rowsRead: county ? Object.fromEntries(tables.map((r) => [String(r.table_name), Number(r.rows_read)])) : {},
        quarantine: county ? quarantineByTable : {},
        scope: who.scope.kind === 'county' ? 'all' : [...who.scope.codes],
        ingestedAt: info.ingested_at ?? null,
        populationGraduated: info.population_graduated === 'true',
        populationOpenAgeFrom: (info.population_open_age_from ?? '').split(',').filter(Boolean).map(Number),
      } }));
    });
}
