/**
 * What a stopped import leaves beside the database is removed: a dry run's files carry its process
 * id (concurrent dry runs keep apart), so a later import removes those of processes no longer
 * running — their work folders hold decoded copies of office files, names and ID numbers included —
 * and leaves a running one's alone.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeDeadDryRuns } from '../server/ingest/ingest.ts';
import { tempDir } from './helpers.ts';

describe('leftovers of stopped imports', () => {
  it("removes dead processes' dry-run files and keeps a running process's", async () => {
    const dir = tempDir('leftovers');
    const db = path.join(dir, 'renkou.duckdb');
    const dead = await new Promise<number>((resolve) => { const p = spawn(process.execPath, ['-e', '0']); p.on('exit', () => resolve(p.pid!)); });
    const deadWork = `${db}.dryrun-${dead}.renkou-work`;
    mkdirSync(deadWork);
    writeFileSync(path.join(deadWork, '出生医学证明.csv.csv'), '姓名,公民身份号码\n张三,11010519491231002X\n');
    writeFileSync(`${db}.dryrun-${dead}`, '');
    const alive = `${db}.dryrun-${process.pid}`;
    writeFileSync(alive, '');
    const other = path.join(dir, 'other.duckdb.dryrun-1');
    writeFileSync(other, '');

    removeDeadDryRuns(db);
    expect(existsSync(deadWork)).toBe(false);
    expect(existsSync(`${db}.dryrun-${dead}`)).toBe(false);
    expect(existsSync(alive)).toBe(true);
    expect(existsSync(other)).toBe(true); // another database's
  });
});
