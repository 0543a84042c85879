/**
 * @module generator
 * The deterministic synthetic demo-county generator: `generate(options)` writes regions,
 * population, births, marriages, migrants and deaths as Parquet (the export contract), the
 * township polygons as regions.topojson, and manifest.json. Same options ⇒ identical rows.
 *
 * Pipeline: regions.ts (townships) → geometry.ts (polygons) → simulate.ts (cohort simulation
 * of the registered population) → records-*.ts (one row per simulated event, as small integers
 * staged in DuckDB by write.ts; migrants and births township by township, each birth to an
 * in-migrant mother adding the child's in-migrant record) → defects.ts (known bad rows) →
 * COPY to Parquet (ids, codes, dates and labels built in SQL; each table's COPY overlaps the
 * generation of the next) → manifest.json. See docs/generator.md.
 *
 * @example
 * const summary = await generate({ seed: 1, outDir: 'data/demo' });
 * summary.rowCounts.births; // ≈ 190 000
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { STORAGE_TYPE, TABLE_ORDER, TABLES, type TableName, type TypeFamily } from '../../contract/tables.ts';
import type { Context } from './context.ts';
import { dayOf } from './dates.ts';
import { injectBirthDefects, injectMigrantDefects, type InjectedDefect } from './defects.ts';
import { buildGeometry, topojsonText } from './geometry.ts';
import { BIRTHS_SELECT, BIRTHS_STAGE, birthsOutcome, writeBirths } from './records-births.ts';
import { MARRIAGES_SELECT, MARRIAGES_STAGE, writeMarriages } from './records-marriages.ts';
import { MIGRANTS_SELECT, MIGRANTS_STAGE, migrantOutcome, writeMigrantChild, writeMigrants } from './records-migrants.ts';
import { DEATHS_SELECT, DEATHS_STAGE, POPULATION_SELECT, POPULATION_STAGE, writeDeaths, writePopulation } from './records-registry.ts';
import { Rng } from '../../common/random.ts';
import { STREAM } from './streams.ts';
import { buildRegions, type Township } from './regions.ts';
import { AGES, popIndex, simulate } from './simulate.ts';
import { codeInt, copyToParquet, sqlCode, StageWriter } from './write.ts';

export const GENERATOR_VERSION = '1.1.0';

/** Where the registered-moves check file is written, relative to outDir (not a contract table). */
export const MOVES_CHECK_FILE = '_checks/registered_moves.parquet';

export interface GenerateOptions {
  readonly seed?: number;
  readonly outDir: string;
  readonly townships?: number;
  readonly fromYear?: number;
  readonly toYear?: number;
  readonly scale?: number;
  readonly injectDefects?: boolean;
  readonly onProgress?: (msg: string) => void;
}

export interface Manifest {
  readonly seed: number;
  readonly options: { seed: number; townships: number; fromYear: number; toYear: number; scale: number; injectDefects: boolean };
  readonly county: { code: string; name: string };
  readonly counties: number;
  readonly rowCounts: Record<TableName, number>;
  readonly injected: InjectedDefect[];
  readonly hotspots: string[];
  /** County total of net registered moves at age 0 (infants) by year. */
  readonly movesAge0: Record<string, number>;
  /** Net registered moves by year, township, sex and age at year end (only non-zero rows). */
  readonly movesFile: string;
  readonly migrantBirths: number;
  /** In-migrant records of children born here to in-migrant mothers (one per such birth). */
  readonly migrantChildren: number;
  readonly generatorVersion: string;
}

export interface GenerateSummary {
  readonly outDir: string;
  readonly rowCounts: Record<TableName, number>;
  readonly eventRows: number;
  readonly seconds: number;
  readonly manifest: Manifest;
}

export async function generate(options: GenerateOptions): Promise<GenerateSummary> {
  const started = performance.now();
  const seed = options.seed ?? 1;
  const townshipCount = options.townships ?? 20;
  const fromYear = options.fromYear ?? 2000;
  const toYear = options.toYear ?? 2024;
  const scale = options.scale ?? 1;
  const injectDefects = options.injectDefects ?? true;
  if (!Number.isInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  if (!(scale > 0)) throw new Error(`scale must be positive, got ${scale}`);
  if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || fromYear > toYear) throw new Error(`bad years ${fromYear}..${toYear}`);
  const outDir = resolve(options.outDir);
  const progress = (msg: string) => options.onProgress?.(`[generate ${((performance.now() - started) / 1000).toFixed(1)} s] ${msg}`);
  await mkdir(join(outDir, '_checks'), { recursive: true });

  const { counties, townships } = buildRegions(townshipCount);
  const geo = buildGeometry(counties);
  await writeFile(join(outDir, 'regions.topojson'), topojsonText(townships, geo));
  progress(`${townships.length} townships in ${counties.length} ${counties.length === 1 ? 'county' : 'counties'}; polygons written`);

  const sim = simulate(townships, fromYear, toYear, scale, seed);
  progress('cohort simulation done');
  const ctx: Context = { seed, fromYear, toYear, years: toYear - fromYear + 1, scale, townships, sim, endDay: dayOf(toYear, 12, 31) };

  const instance = await DuckDBInstance.create(':memory:', { threads: '2', memory_limit: '2GB', preserve_insertion_order: 'true', temp_directory: join(outDir, '_checks', '.tmp') });
  const conn = await instance.connect();
  const rowCounts = {} as Record<TableName, number>;
  const injected: InjectedDefect[] = [];
  const unknownCode = `${counties[0]!.code}999`;
  const file = (t: string) => join(outDir, `${t}.parquet`);
  // each table's COPY runs on its own connection while the next table is generated
  const copies: Promise<void>[] = [];
  const copyAsync = (w: StageWriter, path: string, select: string, done: (rows: number) => void) => {
    const rows = w.close();
    const copy = (async () => {
      const c: DuckDBConnection = await instance.connect();
      try {
        await copyToParquet(c, `SELECT ${select} FROM "${w.table}"`, path);
        await c.run(`DROP TABLE "${w.table}"`);
      } finally {
        c.closeSync();
      }
      done(rows);
    })();
    copy.catch(() => undefined); // reported by Promise.all below, not as an unhandled rejection meanwhile
    copies.push(copy);
  };
  const contract = (t: TableName, select: string) => (w: StageWriter) => copyAsync(w, file(t), select, (rows) => {
    rowCounts[t] = rows;
    progress(`${t}: ${rows} rows written`);
  });
  try {
    await writeRegions(conn, townships, geo.areas);
    await copyToParquet(conn, 'SELECT * FROM regions', file('regions'));
    await conn.run('DROP TABLE regions');
    rowCounts.regions = townships.length;

    const population = await StageWriter.open(conn, 'population', POPULATION_STAGE);
    writePopulation(population, ctx);
    contract('population', POPULATION_SELECT)(population);
    progress(`population: ${population.rows} rows staged`);

    const deaths = await StageWriter.open(conn, 'deaths', DEATHS_STAGE);
    writeDeaths(deaths, ctx);
    contract('deaths', DEATHS_SELECT)(deaths);
    progress(`deaths: ${deaths.rows} rows staged`);

    // migrants and births township by township: migrant births come from the woman-years of
    // the township's in-migrant women, and each adds a child's in-migrant record
    const migrants = await StageWriter.open(conn, 'migrants', MIGRANTS_STAGE);
    const births = await StageWriter.open(conn, 'births', BIRTHS_STAGE);
    const mig = migrantOutcome(ctx);
    const b = birthsOutcome(ctx);
    for (const t of townships) {
      writeMigrants(migrants, ctx, t, mig);
      const crng = new Rng(seed, STREAM.migrantChildren, t.index);
      writeBirths(births, ctx, t, mig.exposure, b, (day, sex) => writeMigrantChild(migrants, ctx, t, mig, crng, day, sex));
    }
    if (injectDefects) injected.push(...injectMigrantDefects(migrants, mig.sample, unknownCode));
    if (injectDefects) injected.unshift(...injectBirthDefects(births, b.samples, unknownCode));
    contract('migrants', MIGRANTS_SELECT)(migrants);
    contract('births', BIRTHS_SELECT)(births);
    progress(`migrants: ${migrants.rows} rows (${mig.children} children of in-migrant mothers), births: ${births.rows} rows staged`);

    const marriages = await StageWriter.open(conn, 'marriages', MARRIAGES_STAGE);
    writeMarriages(marriages, ctx);
    contract('marriages', MARRIAGES_SELECT)(marriages);
    progress(`marriages: ${marriages.rows} rows staged`);

    const moves = await StageWriter.open(conn, 'registered_moves', [
      { name: 'year', type: 'INTEGER' }, { name: 'code', type: 'INTEGER' }, { name: 'sex', type: 'ENUM', labels: ['M', 'F'] },
      { name: 'age', type: 'UTINYINT' }, { name: 'net', type: 'INTEGER' },
    ]);
    const movesAge0: Record<string, number> = {};
    for (let y = 0; y < ctx.years; y++) {
      let age0 = 0;
      for (const t of townships) {
        const code = codeInt(t.code);
        for (let s = 0; s < 2; s++) {
          const base = popIndex(sim, t.index, y, s, 0);
          for (let a = 0; a < AGES; a++) {
            const net = sim.moves[base + a]!;
            if (a === 0) age0 += net;
            if (net !== 0) moves.push([fromYear + y, code, s, a, net]);
          }
        }
      }
      movesAge0[String(fromYear + y)] = age0;
    }
    copyAsync(moves, join(outDir, MOVES_CHECK_FILE), `year, ${sqlCode('code')} AS township_code, sex, age::INTEGER AS age, net`, () => {});
    await Promise.all(copies);

    const counts = Object.fromEntries(TABLE_ORDER.map((t) => [t, rowCounts[t]])) as Record<TableName, number>;
    const manifest: Manifest = {
      seed,
      options: { seed, townships: townshipCount, fromYear, toYear, scale, injectDefects },
      county: { code: counties[0]!.code, name: counties[0]!.name },
      counties: counties.length,
      rowCounts: counts,
      injected,
      hotspots: townships.filter((t) => t.hotspot).map((t) => t.code),
      movesAge0,
      movesFile: MOVES_CHECK_FILE,
      migrantBirths: b.migrantBirths,
      migrantChildren: mig.children,
      generatorVersion: GENERATOR_VERSION,
    };
    await writeFile(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
    const seconds = (performance.now() - started) / 1000;
    const eventRows = rowCounts.population + rowCounts.births + rowCounts.deaths + rowCounts.marriages + rowCounts.migrants;
    progress(`done: ${eventRows} rows in ${seconds.toFixed(1)} s`);
    return { outDir, rowCounts: counts, eventRows, seconds, manifest };
  } finally {
    await Promise.allSettled(copies);
    conn.closeSync();
    instance.closeSync();
    await rm(join(outDir, '_checks', '.tmp'), { recursive: true, force: true });
  }
}

/** The regions table (20..few thousand rows, appended as values). */
async function writeRegions(conn: DuckDBConnection, townships: readonly Township[], areas: ReadonlyMap<string, number>): Promise<void> {
  const ddl = contractColumns('regions').map((c) => `"${c.name}" ${c.sqlType}`).join(', ');
  await conn.run(`CREATE OR REPLACE TABLE regions (${ddl})`);
  const app = await conn.createAppender('regions');
  for (const t of townships) {
    app.appendVarchar(t.code);
    app.appendVarchar(t.name);
    app.appendVarchar(t.countyCode);
    app.appendVarchar(t.kind);
    app.appendVarchar(t.nameEn);
    const area = areas.get(t.code);
    if (area === undefined) app.appendNull();
    else app.appendDouble(area);
    app.endRow();
  }
  app.flushSync();
  app.closeSync();
}

function contractColumns(table: TableName): { name: string; sqlType: string }[] {
  return TABLES[table].columns.filter((c) => !c.office).map((c) => ({ name: c.name, sqlType: STORAGE_TYPE[c.family as TypeFamily] }));
}
