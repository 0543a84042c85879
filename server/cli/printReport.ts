/** @module cli/printReport — the per-table table printed after an import. */
import type { IngestReport } from '../ingest/ingest.ts';

export function printIngestReport(report: IngestReport): void {
  console.log(`table        files   rows read    accepted  quarantined (by rule)`);
  for (const t of report.tables) {
    const rules = Object.entries(t.quarantined).map(([rule, n]) => `${rule} ${n}`).join(', ');
    console.log(`${t.table.padEnd(12)} ${String(t.files).padStart(5)} ${t.rowsRead.toLocaleString('en').padStart(11)} ${t.rowsAccepted.toLocaleString('en').padStart(11)}  ${rules || '0'}`);
  }
  console.log(report.dryRun ? `dry run: nothing was imported (${report.seconds.toFixed(1)} s)` : `database: ${report.dbPath} (${report.seconds.toFixed(1)} s)`);
}
