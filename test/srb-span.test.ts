/**
 * The ranking's span counts are summed in DuckDB (sql/srb/births_by_sex_year.sql): they must equal
 * the fixture's births counted here in TypeScript, and the per-year rows summed (the path the
 * ranking used before); the prior fitted on them must equal the one fitted on the yearly sums,
 * and the cached ranking must equal a freshly computed one.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../server/db/Database.ts';
import { catalog } from '../server/indicators/catalog.ts';
import { ingest } from '../server/ingest/ingest.ts';
import type { ResidenceFilter } from '../server/indicators/types.ts';
import { computeRanking, srbRanking } from '../server/srb/ranking.ts';
import { spanBirthsBySex } from '../server/srb/spanCounts.ts';
import { birthsBySex, priorsByPeriod, type BirthOrderFilter } from '../server/srb/srbRows.ts';
import { demoCounty } from './fixtures/demoCounty.ts';
import { spansFor } from '../server/indicators/periods.ts';
import { buildRandomCounty, TOWNS, writeRandomCounty } from './fixtures/randomCounty.ts';
import { copyWithoutTables, tempDir } from './helpers.ts';

const county = buildRandomCounty();
const ORDERS: BirthOrderFilter[] = ['all', '1', '2', '3+'];
const RESIDENCES: ResidenceFilter[] = ['all', 'registered', 'migrant'];
const SPANS: [number, number][] = [[2019, 2024], [2021, 2023], [2024, 2024]];

type Counts = Map<string, { male: number; female: number }>;

/** The old path: per-year rows from `birthsBySex`, summed per township. */
async function yearlySums(db: Database, from: number, to: number, residence: ResidenceFilter, order: BirthOrderFilter): Promise<Counts> {
  const { counts } = await birthsBySex(db, { spans: spansFor({ period: 'year', from, to }), residence }, order);
  const sums: Counts = new Map();
  for (const c of counts) {
    const s = sums.get(c.township) ?? { male: 0, female: 0 };
    s.male += c.male ?? 0;
    s.female += c.female ?? 0;
    sums.set(c.township, s);
  }
  return sums;
}

async function spanMap(db: Database, from: number, to: number, residence: ResidenceFilter, order: BirthOrderFilter): Promise<Counts> {
  const { counts } = await spanBirthsBySex(db, { from, to, residence }, order);
  return new Map(counts.map((c) => [c.township, { male: c.male, female: c.female }]));
}

describe('SRB span counts pooled in SQL', () => {
  const dir = tempDir('srb-span');
  let db: Database;

  beforeAll(async () => {
    const source = path.join(dir, 'exports');
    await writeRandomCounty(source, county);
    await ingest({ source, dbPath: path.join(dir, 'r.duckdb'), today: '2026-11-23' });
    db = await Database.open(path.join(dir, 'r.duckdb'));
  });
  afterAll(() => db.close());

  it('equal the fixture births counted in TypeScript, for every span, residence and order', async () => {
    for (const [from, to] of SPANS) {
      for (const residence of RESIDENCES) {
        for (const order of ORDERS) {
          const births = county.births.filter((b) => {
            const year = Number(b.date.slice(0, 4));
            const o = b.order >= 3 ? '3+' : String(b.order);
            return year >= from && year <= to && (residence === 'all' || b.residence === residence) && (order === 'all' || o === order);
          });
          const expected: Counts = new Map();
          for (const b of births) {
            for (const key of [b.town, 'all']) {
              const s = expected.get(key) ?? { male: 0, female: 0 };
              if (b.sex === 'M') s.male++;
              else s.female++;
              expected.set(key, s);
            }
          }
          const got = await spanMap(db, from, to, residence, order);
          expect(got, `${from}-${to} ${residence} ${order}`).toEqual(expected);
          expect([...got.keys()].every((k) => k === 'all' || (TOWNS as readonly string[]).includes(k))).toBe(true);
        }
      }
    }
  });

  it('equal the yearly rows summed, with the same prior, on the demo county', async () => {
    const demo = await Database.open((await demoCounty()).dbPath);
    try {
      const { lastYear } = await catalog(demo);
      for (const [from, to] of [[lastYear - 4, lastYear], [lastYear, lastYear]] as const) {
        for (const order of ORDERS) {
          const yearly = await yearlySums(demo, from, to, 'all', order);
          expect(await spanMap(demo, from, to, 'all', order)).toEqual(yearly);
          const pooled = [...yearly].map(([township, s]) => ({ township, period: 'span', ...s }));
          const { prior } = await spanBirthsBySex(demo, { from, to, residence: 'all' }, order);
          expect(prior).toEqual(priorsByPeriod(pooled).get('span') ?? null);
        }
      }
    } finally {
      demo.close();
    }
  });

  it('answer the same from a database imported before the yearly rollup (read from the monthly one)', async () => {
    const oldPath = path.join(dir, 'before-yearly.duckdb');
    await copyWithoutTables(path.join(dir, 'r.duckdb'), oldPath, ['r_births_year']);
    const old = await Database.open(oldPath);
    try {
      for (const residence of RESIDENCES) {
        for (const order of ORDERS) {
          expect(await spanMap(old, 2019, 2024, residence, order)).toEqual(await spanMap(db, 2019, 2024, residence, order));
          const spans = spansFor({ period: 'year', from: 2019, to: 2024 });
          const [a, b] = await Promise.all([birthsBySex(old, { spans, residence }, order), birthsBySex(db, { spans, residence }, order)]);
          expect(a.counts).toEqual(b.counts);
          expect(a.counts.length).toBeGreaterThan(TOWNS.length);
          expect(a.priors).toEqual(b.priors);
        }
      }
    } finally {
      old.close();
    }
  });

  it('serves the cached ranking equal to a fresh computation, and the same object on a repeat', async () => {
    const { names } = await catalog(db);
    const q = { from: 2019, to: 2024, residence: 'all' as const };
    const cached = await srbRanking(db, q, 'all', 5, names);
    expect(await srbRanking(db, q, 'all', 5, names)).toBe(cached);
    expect(JSON.stringify(await computeRanking(db, q, 'all', 5, names))).toBe(JSON.stringify(cached));
  });
});
