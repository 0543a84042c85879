/**
 * Projections from the data (server/projection) on an ingested database: the deterministic
 * projection of the county and all townships (30 years, townships raked to the county every
 * year) and the probabilistic county projection (1,000 draws × 30 years). Data are read once
 * (memoised per database generation, as in the server); the timings are the computation, with
 * the first, cold run (reading the rollups) reported separately. Medians of repeated runs.
 *
 * `npx tsx bench/projection.ts [--db file] [--repeats 5]` prints JSON; bench/run.ts may call
 * `benchProjection(dbPath)`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Database } from '../server/db/Database.ts';
import { DATA_DIR } from '../server/paths.ts';
import { dataSpan, projectFromData, runProjection } from '../server/projection/project.ts';
import { loadProjectionData, resolveBaseYear } from '../server/projection/data.ts';
import { parseProjectionRequest } from '../server/projection/request.ts';
import { median } from './stats.ts';

export interface ProjectionBench {
  readonly db: string;
  readonly townships: number;
  /** The first projection after opening the database: the projections page's default (the county, 20 years), reading the stored assumptions. */
  readonly coldCountyMs: number;
  /** The first run of the county and all townships after that (30 years, with pyramids). */
  readonly coldDeterministicMs: number;
  /** County + every township, 30 years, with county control (data already read): the projection itself. */
  readonly projectAllTownshipsMs: number;
  /** The same through `POST /api/projections`'s function: with the answer (series and pyramids of 1,501 units) built. */
  readonly deterministicAllTownshipsMs: number;
  /** The same with `pyramids: false` (series only), and the JSON sizes of both answers. */
  readonly deterministicSeriesOnlyMs: number;
  readonly answerMiB: { readonly full: number; readonly seriesOnly: number };
  /** County, 1,000 draws × 30 years. */
  readonly probabilisticCountyMs: number;
  readonly repeats: number;
}

export async function benchProjection(dbPath: string, repeats = 5): Promise<ProjectionBench> {
  const db = await Database.open(dbPath);
  try {
    const towns = await db.query<{ code: string }>('projection/townships');
    const all = parseProjectionRequest({ scope: ['all', ...towns.map((t) => t.code)], horizon: 30 });
    const lean = parseProjectionRequest({ scope: ['all', ...towns.map((t) => t.code)], horizon: 30, pyramids: false });
    const prob = parseProjectionRequest({ scope: 'all', horizon: 30, variant: 'probabilistic', draws: 1000, seed: 1 });
    let t0 = performance.now();
    await runProjection(db, parseProjectionRequest({ scope: 'all', horizon: 20 }));
    const coldCounty = performance.now() - t0;
    t0 = performance.now();
    await runProjection(db, all);
    const cold = performance.now() - t0;
    const det: number[] = [];
    const pr: number[] = [];
    const proj: number[] = [];
    const seriesOnly: number[] = [];
    const base = await resolveBaseYear(db, undefined);
    const span = dataSpan(base);
    const data = await loadProjectionData(db, span.from, span.to);
    for (let r = 0; r < repeats; r++) {
      t0 = performance.now();
      projectFromData(data, base, 30, { name: 'medium' }, true);
      proj.push(performance.now() - t0);
      t0 = performance.now();
      await runProjection(db, all);
      det.push(performance.now() - t0);
      t0 = performance.now();
      await runProjection(db, lean);
      seriesOnly.push(performance.now() - t0);
      t0 = performance.now();
      await runProjection(db, prob);
      pr.push(performance.now() - t0);
    }
    const mib = async (req: typeof all) => JSON.stringify(await runProjection(db, req)).length / 2 ** 20;
    const answerMiB = { full: await mib(all), seriesOnly: await mib(lean) };
    return {
      db: dbPath, townships: towns.length, coldCountyMs: coldCounty, coldDeterministicMs: cold,
      projectAllTownshipsMs: median(proj), deterministicAllTownshipsMs: median(det), deterministicSeriesOnlyMs: median(seriesOnly),
      answerMiB, probabilisticCountyMs: median(pr), repeats,
    };
  } finally {
    db.close();
  }
}

const invoked = process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (invoked) {
  const { values } = parseArgs({ options: { db: { type: 'string' }, repeats: { type: 'string' } } });
  const dbPath = values.db ?? path.join(DATA_DIR, 'bench', 'demo.duckdb');
  if (!existsSync(dbPath)) {
    console.error(`bench/projection: no database at ${dbPath} (give --db)`);
    process.exit(2);
  }
  console.log(JSON.stringify(await benchProjection(dbPath, Number(values.repeats ?? 5)), null, 2));
}
