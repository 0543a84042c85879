/**
 * Property-based tests (fast-check): no input makes the query validators or the projection input
 * validator throw anything but their documented errors, and no request input reaches SQL text —
 * every statement DuckDB is asked to run is exactly the text of a file under sql/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../server/app.ts';
import { AnswerCache } from '../server/answer/cache.ts';
import { COUNTY_SCOPE, townshipScope } from '../server/auth/scope.ts';
import { parseProjectionInput } from '../server/demography/projectionInput.ts';
import { Database } from '../server/db/Database.ts';
import { asApiError } from '../server/http/errors.ts';
import { indicatorQuerySchema, resolveQuery } from '../server/indicators/params.ts';
import { ingest } from '../server/ingest/ingest.ts';
import { SQL_DIR } from '../server/paths.ts';
import { buildRandomCounty, TOWNS, writeRandomCounty } from './fixtures/randomCounty.ts';
import { tempDir } from './helpers.ts';

const catalog = { townships: new Set<string>(TOWNS), names: new Map<string, string>(), firstYear: 2018, lastYear: 2024, birthsLast: '2024-12' };

/** Query-string-like values: plausible tokens, codes, numbers, junk and injection attempts. */
const queryValue = fc.oneof(
  fc.constantFrom('all', 'year', 'statyear', 'half', 'quarter', 'month', 'registered', 'migrant', 'yoy', 'prev', 'none', '5', 'single', 'in', 'out', '3+', '1', '2'),
  fc.constantFrom(...TOWNS, `${TOWNS[0]},${TOWNS[1]}`, '999901999', "'; DROP TABLE births; --", '1 OR 1=1', '$from', '2024', '1999', '-1', '1e9', 'NaN', ''),
  fc.integer({ min: -5000, max: 5000 }).map(String),
  fc.string({ maxLength: 40 }),
);
const queryObject = fc.dictionary(
  fc.oneof(fc.constantFrom('township', 'from', 'to', 'period', 'residence', 'compare', 'ages', 'direction', 'order'), fc.string({ maxLength: 12 })),
  queryValue, { maxKeys: 6 },
);

describe('query parameter validation never throws anything but a refusal the API answers 400/403', () => {
  it('schema + resolveQuery', () => {
    fc.assert(fc.property(queryObject, fc.boolean(), (raw, county) => {
      const parsed = indicatorQuerySchema.safeParse(raw);
      if (!parsed.success) {
        expect(parsed.error.issues.length).toBeGreaterThan(0);
        return;
      }
      try {
        const q = resolveQuery(parsed.data, catalog, county ? COUNTY_SCOPE : townshipScope([TOWNS[0]]));
        expect(q.from).toBeLessThanOrEqual(q.to);
        expect(q.from).toBeGreaterThanOrEqual(catalog.firstYear);
        for (const code of q.townships) expect(code === 'all' || catalog.townships.has(code)).toBe(true);
      } catch (e) {
        const answer = asApiError(e);
        expect(answer, String(e)).not.toBeNull();
        expect([400, 403]).toContain(answer?.status);
      }
    }), { numRuns: 2000 });
  });
});

describe('the projection input validator answers errors, never throws', () => {
  const numberish = fc.oneof(fc.double(), fc.integer(), fc.constant(Number.NaN), fc.constant(-1), fc.constant(1.5), fc.string({ maxLength: 3 }), fc.constant(null));
  const arrayish = fc.oneof(fc.array(numberish, { maxLength: 25 }), fc.array(fc.array(numberish, { maxLength: 25 }), { maxLength: 4 }), numberish);
  const input = fc.record({
    ageWidth: fc.oneof(fc.constantFrom(1, 5), numberish),
    startYear: fc.oneof(fc.integer({ min: 1900, max: 2100 }), numberish),
    steps: fc.oneof(fc.integer({ min: 0, max: 5 }), numberish),
    population: fc.oneof(fc.record({ male: arrayish, female: arrayish }), numberish),
    fertility: fc.oneof(fc.record({ asfr: arrayish }), numberish),
    mortality: fc.oneof(fc.record({ male: fc.oneof(fc.record({ mx: arrayish }), fc.record({ sx: arrayish })), female: fc.oneof(fc.record({ mx: arrayish }), fc.record({ sx: arrayish })) }), numberish),
    srb: fc.oneof(numberish, arrayish),
    migration: fc.oneof(fc.record({ male: arrayish, female: arrayish, timing: fc.constantFrom('even', 'end', 'later') }), fc.constant(undefined)),
  }, { requiredKeys: [] });

  it('returns ok, or errors that each name a field', () => {
    fc.assert(fc.property(fc.oneof(input, fc.anything()), (json) => {
      const result = parseProjectionInput(json);
      if (!result.ok) {
        expect(result.errors.length).toBeGreaterThan(0);
        for (const error of result.errors) expect([typeof error.path, typeof error.message]).toEqual(["string", "string"]);
      }
    }), { numRuns: 1500 });
  });
});

describe('no request input reaches SQL text', () => {
  const dir = tempDir('fuzz');
  let db: Database;
  let app: ReturnType<typeof createApp>;
  const files = new Set<string>();
  const seen: string[] = [];

  function walk(folder: string): void {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.sql')) files.add(readFileSync(full, 'utf8'));
    }
  }

  beforeAll(async () => {
    walk(SQL_DIR);
    await writeRandomCounty(path.join(dir, 'exports'), buildRandomCounty());
    await ingest({ source: path.join(dir, 'exports'), dbPath: path.join(dir, 'r.duckdb'), today: '2026-11-23' });
    db = await Database.open(path.join(dir, 'r.duckdb'));
    // No answer cache: every request runs its queries, so every statement is seen.
    app = createApp({ db, webRoot: path.join(dir, 'none'), log: () => {}, answerCache: new AnswerCache(0) });
    // every way a statement reaches DuckDB: named files (runNamed) and numeric reads (runNamedNumeric)
    const extract = DuckDBConnection.prototype.extractStatements;
    vi.spyOn(DuckDBConnection.prototype, 'extractStatements').mockImplementation(function (this: DuckDBConnection, sql: string) {
      seen.push(sql);
      return extract.call(this, sql);
    });
    const prepare = DuckDBConnection.prototype.prepare;
    vi.spyOn(DuckDBConnection.prototype, 'prepare').mockImplementation(function (this: DuckDBConnection, sql: string) {
      seen.push(sql);
      return prepare.call(this, sql);
    });
  });
  afterAll(() => {
    vi.restoreAllMocks();
    db.close();
  });

  it('every statement run for any request is the text of a sql/ file, and every answer is JSON 200/400/403', async () => {
    const names = ['births', 'cbr', 'tfr', 'asfr', 'compliance', 'migrant_stock', 'pyramid', 'first_marriage_age', "x'; select 1; --", '../meta'];
    const url = (name: string, raw: object) => {
      const qs = new URLSearchParams(raw as Record<string, string>).toString();
      return name === 'srb' ? `/api/srb?${qs}` : `/api/indicators/${encodeURIComponent(name)}?${qs}`;
    };
    // Each real name once with its defaults, first: each runs its SQL, so the check below is never
    // vacuous (random queries alone ran as few as 38 statements on some seeds: most answer 400).
    for (const name of [...names.slice(0, 8), 'srb']) {
      const before = seen.length;
      expect((await app.request(url(name, {}))).status).toBe(200);
      expect(seen.length, name).toBeGreaterThan(before);
    }
    const fromDefaults = seen.length;
    await fc.assert(fc.asyncProperty(fc.constantFrom(...names, 'srb'), queryObject, async (name, raw) => {
      const res = await app.request(url(name, raw));
      expect([200, 400, 403, 404]).toContain(res.status);
      const body = (await res.json()) as { error?: { code: string } };
      if (res.status !== 200) expect(body.error?.code).toBeTruthy();
    }), { numRuns: 300 });
    expect(seen.length).toBeGreaterThan(fromDefaults);
    for (const sql of seen) expect(files.has(sql), sql.slice(0, 120)).toBe(true);
  });
});

describe('the notebook parser and slots never throw', () => {
  // Notebook-shaped text: front matter, fences, slots, and random junk in between.
  const piece = fc.oneof(
    fc.constantFrom('---', 'title: 报告', 'params:', '  township: township = all', '  year: year = latest', '  n: int(1..5) = 3', 'audience: township',
      '```sql births', '```indicator tfr', '```chart c', '```table t', '```', 'SELECT 1', 'indicator: tfr, township: {{ township }}',
      '{{ births.value | int }}', '{{ x[-1].period }}', '{{ }}', '{{', '}}', '{"mark": "bar"}', '# 标题', ''),
    fc.string({ maxLength: 30 }),
  );
  const notebook = fc.array(piece, { maxLength: 40 }).map((lines) => lines.join('\n'));

  it('parseNotebook answers a notebook (errors in place) for any text', async () => {
    const { parseNotebook } = await import('../server/notebooks/parse.ts');
    fc.assert(fc.property(notebook, (source) => {
      const nb = parseNotebook('fuzz', source);
      expect(Array.isArray(nb.blocks)).toBe(true);
      for (const error of nb.frontMatterErrors) expect(typeof error.message).toBe('string');
    }), { numRuns: 2000 });
  });

  it('slot templates fill or answer an error, for any text', async () => {
    const { fillTemplate } = await import('../server/notebooks/slots.ts');
    const scope: Parameters<typeof fillTemplate>[1] = { params: { township: 'all', year: 2024 }, meta: { place: '全县' }, result: () => undefined };
    fc.assert(fc.property(fc.array(piece, { maxLength: 10 }).map((p) => p.join(' ')), (text) => {
      const out = fillTemplate(text, scope);
      if (out.ok) expect(typeof out.text).toBe('string');
      else expect(out.message.length).toBeGreaterThan(0);
    }), { numRuns: 2000 });
  });
});
