/**
 * The SRB township ranking without its answer cache (`computeRanking`): what a request costs the
 * first time a span, residence and birth order are asked for after the pooled counts and the
 * prior are known (the HTTP figures in bench/api.ts repeat one question, so they hit the cache).
 *
 * `npx tsx bench/srbRanking.ts [--db file] [--repeats 30]` prints JSON; bench/run.ts calls `benchSrbRanking`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Database } from '../server/db/Database.ts';
import { catalog } from '../server/indicators/catalog.ts';
import { DATA_DIR } from '../server/paths.ts';
import { computeRanking } from '../server/srb/ranking.ts';
import { median, p95 } from './stats.ts';

export interface SrbRankingBench { readonly townships: number; readonly uncachedMedianMs: number; readonly uncachedP95Ms: number; readonly repeats: number }

export async function benchSrbRanking(dbPath: string, from: number, to: number, repeats = 30): Promise<SrbRankingBench> {
  const db = await Database.open(dbPath);
  try {
    const { names } = await catalog(db);
    const query = { from, to, residence: 'all' as const };
    const first = await computeRanking(db, query, 'all', 5, names); // reads the counts and fits the prior once
    const times: number[] = [];
    for (let r = 0; r < repeats; r++) {
      const t0 = performance.now();
      await computeRanking(db, query, 'all', 5, names);
      times.push(performance.now() - t0);
    }
    return { townships: first.townships.length, uncachedMedianMs: median(times), uncachedP95Ms: p95(times), repeats };
  } finally {
    db.close();
  }
}

const invoked = process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (invoked) {
  const { values } = parseArgs({ options: { db: { type: 'string' }, repeats: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } } });
  const dbPath = values.db ?? path.join(DATA_DIR, 'bench', 'province.duckdb');
  if (!existsSync(dbPath)) {
    console.error(`bench/srbRanking: no database at ${dbPath} (give --db)`);
    process.exit(2);
  }
  console.log(JSON.stringify(await benchSrbRanking(dbPath, Number(values.from ?? 2020), Number(values.to ?? 2024), Number(values.repeats ?? 30)), null, 2));
}
