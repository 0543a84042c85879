/**
 * Import of a data set written as a county office would send it (data/office/dress.ts): every
 * table as GB18030 CSV, or every table as XLSX, next to the Parquet import of the same set. The
 * two imports alternate (Parquet, office, Parquet, office …) so that both meet the same load on a
 * shared machine, and the ratio is of their medians. The dressed folder is made once and kept
 * under data/bench/ (`--regenerate` remakes it).
 */
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dressOfficeExport } from '../data/office/dress.ts';
import { runCli } from './children.ts';
import { median } from './stats.ts';

export interface OfficeImportRun {
  readonly dataset: string;
  readonly layout: 'gb18030' | 'xlsx';
  readonly dressSeconds: number | null;
  readonly fileMiB: number;
  /** Median of `importRuns`. */
  readonly importSeconds: number;
  readonly importRuns: number[];
  readonly importPeakMiB: number | null;
  /** Median of `parquetRuns`: the Parquet import of the same set, alternating with the office one. */
  readonly parquetSeconds: number;
  readonly parquetRuns: number[];
}

function folderMiB(dir: string): number {
  return readdirSync(dir).reduce((sum, f) => sum + statSync(path.join(dir, f)).size, 0) / 2 ** 20;
}

export async function benchOfficeImport(
  benchDir: string, dataset: string, layout: 'gb18030' | 'xlsx', regenerate: boolean, repeats: number, log: (m: string) => void,
): Promise<OfficeImportRun> {
  const out = path.join(benchDir, `${dataset}-office-${layout}`);
  const done = path.join(out, '.dressed');
  let dressSeconds: number | null = null;
  if (regenerate || !existsSync(done)) {
    log(`writing ${dataset} as office files (${layout}) …`);
    rmSync(out, { recursive: true, force: true });
    const started = performance.now();
    await dressOfficeExport(path.join(benchDir, dataset), out, { layout, scratchDb: path.join(benchDir, `${dataset}-dress.duckdb`) });
    dressSeconds = (performance.now() - started) / 1000;
    writeFileSync(done, new Date().toISOString());
  }
  const parquetDb = path.join(benchDir, `${dataset}-parquet-beside-office.duckdb`);
  const importRuns: number[] = [];
  const parquetRuns: number[] = [];
  let importPeakMiB: number | null = null;
  for (let k = 1; k <= repeats; k++) {
    log(`importing ${dataset} from Parquet, then from ${layout} office files (${k} of ${repeats}) …`);
    parquetRuns.push((await runCli(['ingest', path.join(benchDir, dataset), '--db', parquetDb, '--keep', '0'], log)).seconds);
    const run = await runCli(['ingest', out, '--db', path.join(benchDir, `${dataset}-office-${layout}.duckdb`), '--keep', '0'], log);
    importRuns.push(run.seconds);
    if (run.peakRssMiB !== null) importPeakMiB = Math.max(importPeakMiB ?? 0, run.peakRssMiB);
  }
  for (const f of [parquetDb, `${parquetDb}.wal`]) rmSync(f, { force: true });
  return {
    dataset, layout, dressSeconds, fileMiB: folderMiB(out), importSeconds: median(importRuns), importRuns, importPeakMiB,
    parquetSeconds: median(parquetRuns), parquetRuns,
  };
}

export function officeTable(runs: readonly OfficeImportRun[]): string[] {
  const lines = [
    '| data set | written as | files MiB | import s, median (runs) | import peak MiB | Parquet import s, median (runs, alternating) | ratio of medians |',
    '|---|---|---|---|---|---|---|',
  ];
  const runsText = (xs: readonly number[]) => xs.map((x) => x.toFixed(1)).join(', ');
  for (const r of runs) {
    lines.push(`| ${r.dataset} | ${r.layout === 'gb18030' ? 'GB18030 CSV' : 'XLSX'} | ${r.fileMiB.toFixed(0)} | ${r.importSeconds.toFixed(1)} (${runsText(r.importRuns)}) | ${r.importPeakMiB?.toFixed(0) ?? '?'} | ${r.parquetSeconds.toFixed(1)} (${runsText(r.parquetRuns)}) | ${(r.importSeconds / r.parquetSeconds).toFixed(2)}× |`);
  }
  return lines;
}
