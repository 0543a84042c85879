/**
 * Issue 11, item 12 (imports): a damaged Parquet file, a full disk and a read-only folder stop an
 * import with an IngestError that names the file and the problem — never an uncaught DuckDB or
 * Node error — and the database in use is not touched. The disk cases mount a small tmpfs (and a
 * read-only one) in the test's folder: the test machines and CI run as root.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../server/ingest/ingest.ts';
import { isIngestError } from '../../server/ingest/IngestError.ts';
import { buildRandomCounty, writeRandomCounty } from '../fixtures/randomCounty.ts';
import { tempDir } from '../helpers.ts';

/** Byte changes (offset, value) that DuckDB 1.5 reports without naming the file ("Out of buffer", Thrift errors, "dictionary offset"). */
const DAMAGE: { table: string; bytes: [number, number][] }[] = [
  { table: 'births', bytes: [[2584, 161], [8434, 173], [5702, 44], [7480, 181]] },
  { table: 'migrants', bytes: [[3523, 86], [3782, 49], [2764, 59], [998, 201], [4151, 216]] },
  { table: 'population', bytes: [[1157, 94], [3797, 222]] },
  { table: 'population', bytes: [[3162, 57], [640, 21], [1014, 88], [1978, 126], [262, 83]] },
];

async function stopped(run: Promise<unknown>): Promise<unknown> {
  return run.then(() => null, (e: unknown) => e);
}

describe('imports stop with the file and the problem named', () => {
  const dir = tempDir('ingest-errors');
  const exports = path.join(dir, 'exports');
  const mounts: string[] = [];

  beforeAll(async () => {
    await writeRandomCounty(exports, buildRandomCounty());
  });
  afterAll(() => {
    for (const m of mounts) execFileSync('umount', [m]);
  });

  it('a damaged Parquet file is named, whatever DuckDB says', async () => {
    for (const [i, damage] of DAMAGE.entries()) {
      const copy = path.join(dir, `damaged-${i}`);
      cpSync(exports, copy, { recursive: true });
      const file = path.join(copy, `${damage.table}.parquet`);
      const bytes = readFileSync(file);
      for (const [at, value] of damage.bytes) bytes[at] = value;
      writeFileSync(file, bytes);
      const error = await stopped(ingest({ source: copy, dbPath: path.join(copy, 'r.duckdb'), today: '2026-11-23' }));
      expect(isIngestError(error), String(error)).toBe(true);
      expect(error).toMatchObject({ code: 'file_unreadable', file });
      expect((error as Error).message).toContain(`${file}: the Parquet file is damaged`);
    }
  });

  it('a full disk and a read-only folder are said as such, with the file', async () => {
    const full = path.join(dir, 'full');
    const readOnly = path.join(dir, 'read-only');
    mkdirSync(full);
    mkdirSync(readOnly);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=600k', 'tmpfs', full]);
    mounts.push(full);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=64k', 'tmpfs', readOnly]);
    mounts.push(readOnly);

    const noSpace = await stopped(ingest({ source: exports, dbPath: path.join(full, 'r.duckdb'), today: '2026-11-23' }));
    expect(isIngestError(noSpace), String(noSpace)).toBe(true);
    expect(noSpace).toMatchObject({ code: 'disk_full' });
    expect((noSpace as Error).message).toMatch(new RegExp(`^${full}/r\\.duckdb\\.building[^:]*: the disk is full`));

    const lock = path.join(readOnly, 'r.duckdb.lock');
    const roError = await stopped(ingest({ source: exports, dbPath: path.join(readOnly, 'r.duckdb'), today: '2026-11-23' }));
    expect(isIngestError(roError), String(roError)).toBe(true);
    expect(roError).toMatchObject({ code: 'read_only' });
    expect((roError as Error).message).toMatch(new RegExp(`^${lock}[^:]*: the folder is on a read-only file system`));
  });
});
