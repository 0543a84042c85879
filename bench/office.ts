/**
 * Import of a data set written as a county office would send it (data/office/dress.ts): every
 * table as GB18030 CSV, or every table as XLSX, next to the Parquet import of the same set in the
 * same run. The dressed folder is made once and kept under data/bench/ (`--regenerate` remakes it).
 */
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dressOfficeExport } from '../data/office/dress.ts';
import { runCli } from './children.ts';

export interface OfficeImportRun {
  readonly dataset: string;
  readonly layout: 'gb18030' | 'xlsx';
  readonly dressSeconds: number | null;
  readonly fileMiB: number;
  readonly importSeconds: number;
  readonly importPeakMiB: number | null;
  readonly parquetSeconds: number;
}

function folderMiB(dir: string): number {
  return readdirSync(dir).reduce((sum, f) => sum + statSync(path.join(dir, f)).size, 0) / 2 ** 20;
}

export async function benchOfficeImport(
  benchDir: string, dataset: string, layout: 'gb18030' | 'xlsx', parquetSeconds: number, regenerate: boolean, log: (m: string) => void,
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
  log(`importing ${dataset} from ${layout} office files …`);
  const run = await runCli(['ingest', out, '--db', path.join(benchDir, `${dataset}-office-${layout}.duckdb`), '--keep', '0'], log);
  return { dataset, layout, dressSeconds, fileMiB: folderMiB(out), importSeconds: run.seconds, importPeakMiB: run.peakRssMiB, parquetSeconds };
}

export function officeTable(runs: readonly OfficeImportRun[]): string[] {
  const lines = ['| data set | written as | files MiB | import s | import peak MiB | Parquet import s (same run) | ratio |', '|---|---|---|---|---|---|---|'];
  for (const r of runs) {
    lines.push(`| ${r.dataset} | ${r.layout === 'gb18030' ? 'GB18030 CSV' : 'XLSX'} | ${r.fileMiB.toFixed(0)} | ${r.importSeconds.toFixed(1)} | ${r.importPeakMiB?.toFixed(0) ?? '?'} | ${r.parquetSeconds.toFixed(1)} | ${(r.importSeconds / r.parquetSeconds).toFixed(2)}× |`);
  }
  return lines;
}
