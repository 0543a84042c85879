/**
 * The projection assumptions stored at import (ingest/projectionAssumptions.ts) against today's
 * in-memory derivation, on the demo county: the stored ones must be exactly the derived ones, and
 * every projection answer made from them must be the answer made by deriving. The derived side is
 * a copy of the demo database whose import record of the stored assumptions is removed, so the
 * server falls back to reading the rollups and deriving — the path every database had before.
 */
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../server/db/Database.ts';
import { deriveAllAssumptions } from '../../server/projection/assumptions.ts';
import { dataSpan } from '../../server/projection/assumptionsOf.ts';
import { loadProjectionData, populationYears, townshipList } from '../../server/projection/data.ts';
import { runProjection } from '../../server/projection/project.ts';
import { parseProjectionRequest } from '../../server/projection/request.ts';
import { storedAssumptions } from '../../server/projection/storedAssumptions.ts';
import { runJob } from '../../server/workers/jobs.ts';
import { demoCounty } from '../fixtures/demoCounty.ts';
import { tempDir } from '../helpers.ts';

describe('projection assumptions stored at import', () => {
  let stored: Database;
  let derived: Database;
  let towns: string[];
  let latest: number;

  beforeAll(async () => {
    const demo = await demoCounty();
    const copy = path.join(tempDir('stored-assumptions'), 'derived.duckdb');
    copyFileSync(demo.dbPath, copy);
    const instance = await DuckDBInstance.create(copy);
    const c = await instance.connect();
    await c.run("DELETE FROM ingest_meta WHERE key = 'projection_assumptions'");
    await c.run('CHECKPOINT');
    c.closeSync();
    instance.closeSync();
    stored = await Database.open(demo.dbPath);
    derived = await Database.open(copy);
    towns = (await townshipList(stored)).map((t) => t.code);
    latest = (await populationYears(stored)).at(-1)!;
  }, 300_000);
  afterAll(() => {
    stored?.close();
    derived?.close();
  });

  it('are the assumptions derived from the rollups, every unit, bit for bit', async () => {
    const s = await storedAssumptions(stored);
    expect(s).not.toBeNull();
    expect(await storedAssumptions(derived)).toBeNull(); // no record: the copy derives
    expect(s!.baseYear).toBe(latest);
    const span = dataSpan(latest);
    const d = deriveAllAssumptions(await loadProjectionData(derived, span.from, span.to), latest);
    expect(towns.length).toBeGreaterThan(5);
    expect([...s!.all.keys()]).toEqual([...d.keys()]);
    expect([...s!.all.keys()]).toEqual(['all', ...towns]);
    for (const [scope, a] of d) expect(s!.all.get(scope), scope).toStrictEqual(a);
    // the figures are real (a township's mortality is the county's × its SMR, its TFR shrunk toward the county's)
    const county = s!.all.get('all')!;
    const t = s!.all.get(towns[0]!)!;
    expect(county.fertility.tfr).toBeGreaterThan(0.5);
    expect(t.mortality.mx.female[70]).toBeCloseTo(county.mortality.mx.female[70]! * t.mortality.smr, 12);
  });

  const requests: [string, Record<string, unknown>][] = [
    ['county, medium', { scope: 'all', horizon: 20 }],
    ['county and three townships, low', { scope: ['all', '@0', '@1', '@2'], scenario: 'low', horizon: 15 }],
    ['every township, high, series only', { scope: ['all', '@*'], scenario: 'high', horizon: 10, pyramids: false }],
    ['a township, constant', { scope: '@3', scenario: 'constant', horizon: 25 }],
    ['two townships, zero migration', { scope: ['@1', '@4'], scenario: 'zero_migration' }],
    ['custom TFR, SRB and migration', { scope: ['all', '@2'], scenario: 'custom', custom: { tfr: 1.4, tfrYear: 2035, srb: 108, migrationMultiplier: 0.5, e0Gain: 0.2 } }],
    ['custom base e0 (derived on both sides)', { scope: ['all', '@0'], scenario: 'custom', custom: { e0: { male: 76, female: 81 } } }],
    ['probabilistic county', { scope: 'all', variant: 'probabilistic', draws: 100, seed: 3, horizon: 10 }],
    ['probabilistic township', { scope: '@5', variant: 'probabilistic', draws: 100, seed: 2, horizon: 10 }],
  ];
  const request = (body: Record<string, unknown>) => {
    const code = (s: unknown) => (s === 'all' ? s : String(s).startsWith('@') ? towns[Number(String(s).slice(1))] : s);
    const scope = Array.isArray(body.scope) ? body.scope.flatMap((s) => (s === '@*' ? towns : [code(s)])) : code(body.scope);
    return parseProjectionRequest({ ...body, scope });
  };

  it.each(requests)('give the same answer as deriving: %s', async (_name, body) => {
    const req = request(body);
    const a = await runProjection(stored, req);
    const b = await runProjection(derived, req);
    expect(a.baseYear).toBe(latest);
    expect(a).toStrictEqual(b);
  });

  it('are not used for another base year: both sides derive', async () => {
    const req = request({ scope: ['all', '@0', '@1'], baseYear: latest - 2, horizon: 10 });
    const a = await runProjection(stored, req);
    expect(a.baseYear).toBe(latest - 2);
    expect(a).toStrictEqual(await runProjection(derived, req));
    // and they differ from the latest base year's (else this would not test the fallback)
    expect(a.assumptions[0]!.basePopulation.total).not.toBe((await runProjection(stored, request({ scope: 'all' }))).assumptions[0]!.basePopulation.total);
  });

  it('are not used for a township account: its assumptions come from its own townships only', async () => {
    const area = [towns[1]!, towns[2]!].sort();
    const req = request({ scope: ['@1', '@2'], horizon: 10 });
    const a = await runProjection(stored, req, undefined, area);
    expect(a).toStrictEqual(await runProjection(derived, req, undefined, area));
    // a township's TFR shrinks toward its area's, not the county's: it differs from the county account's
    const county = await runProjection(stored, req);
    expect(a.assumptions[0]!.fertility.tfr).not.toBe(county.assumptions[0]!.fertility.tfr);
    const one = await runProjection(stored, request({ scope: '@1', horizon: 5 }), undefined, [towns[1]!]);
    // one township's area is the township itself: its own TFR, unshrunk
    expect(one.assumptions[0]!.fertility.tfr).toBe(one.assumptions[0]!.fertility.tfrObserved);
  });

  it('give the same assumptions summary (the assumptions job) for the county, a township and a township account', async () => {
    for (const [scope, area] of [['all', null], [towns[3]!, null], [towns[3]!, [towns[3]!]]] as const) {
      const job = { kind: 'assumptions', scope, name: scope, baseYear: latest, area } as const;
      expect(await runJob(stored, job)).toStrictEqual(await runJob(derived, job));
    }
  });
});
