/**
 * @module test/demography/refdata
 * Reading the published reference data copied into `test/fixtures/refdata/` (UN WPP, ccmppWPP,
 * Preston; sources and licences in its README) for the validation tests, so that every clone
 * runs them.
 *
 * @example
 * const rows = readCsv('preston_box6_2_sweden1993_female.csv');
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const REFDATA_DIR = path.resolve(repoRoot, 'test/fixtures/refdata');

export type CsvRow = Record<string, string>;

const cache = new Map<string, CsvRow[]>();

/** A small CSV reader (the refdata files have no quoted fields). */
export function readCsv(file: string): CsvRow[] {
  const hit = cache.get(file);
  if (hit !== undefined) return hit;
  const lines = readFileSync(path.join(REFDATA_DIR, file), 'utf8').split(/\r?\n/).filter((l) => l !== '');
  const header = lines[0]!.split(',');
  const rows = lines.slice(1).map((l) => {
    const cells = l.split(',');
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
  cache.set(file, rows);
  return rows;
}

/** Number of a cell. */
export const num = (r: CsvRow, col: string): number => Number(r[col]);

/** Relative difference |a − b| / |b|. */
export const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);
