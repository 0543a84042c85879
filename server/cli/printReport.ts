/** @module cli/printReport — the per-table table printed after an import or a dry run, in Chinese first. */
import { TABLES } from '../../contract/tables.ts';
import type { IngestReport } from '../ingest/ingest.ts';
import { lossMessages } from '../ingest/previousImport.ts';

/** Prints the report; answers false when a dry run found that the import itself would stop. */
export function printIngestReport(report: IngestReport): boolean {
  console.log('表 table                  文件 files   读取 read   接受 accepted  隔离（按规则）quarantined (by rule)');
  for (const t of report.tables) {
    const rules = Object.entries(t.quarantined).map(([rule, n]) => `${rule} ${n.toLocaleString('en')}`).join('，');
    const name = `${TABLES[t.table].zh}（${t.table}）`;
    console.log(`${name.padEnd(22)} ${String(t.files).padStart(8)} ${t.rowsRead.toLocaleString('en').padStart(11)} ${t.rowsAccepted.toLocaleString('en').padStart(13)}  ${rules || '0'}`);
  }
  for (const t of report.tables) {
    const name = `${TABLES[t.table].zh}（${t.table}）`;
    if (t.records !== undefined) {
      // why lines and records differ: as many of these as apply
      const how = [
        t.graduated ? '按5岁组分解为单岁' : t.records > t.rowsRead ? '按性别分列的每行男、女各为一条' : null,
        t.openAgeFrom ? `最高年龄组分到各岁直至100岁及以上` : null,
        t.linesAdded ? `${t.linesAdded.toLocaleString('en')} 行与同一乡镇、年度、性别、年龄的行相加` : null,
        t.totalLines ? `合计行 ${t.totalLines.toLocaleString('en')} 行不是记录` : null,
      ].filter((x) => x !== null).join('；');
      console.log(`${name}：读取的 ${t.rowsRead.toLocaleString('en')} 行为 ${t.records.toLocaleString('en')} 条记录（${how}），接受、隔离按记录计 — ${t.rowsRead.toLocaleString('en')} rows read became ${t.records.toLocaleString('en')} records; accepted and quarantined count records`);
    }
    if (t.blankRows) console.log(`${name}：空行 ${t.blankRows.toLocaleString('en')} 行未读取（所读各列都为空，不是记录）— ${t.blankRows.toLocaleString('en')} empty rows left out`);
    if (t.emptyFiles) console.log(`${name}：${t.emptyFiles.join('、')} 只有表头，没有数据行 — header only, no rows`);
    for (const line of lossMessages(t)) console.log(line);
    if (t.graduated) console.log(`${name}：按5岁组提供，已用 Sprague 方法分解为单岁 — 5-year groups graduated to single ages (Sprague)`);
    if (t.totalLines) console.log(`${name}：合计行 ${t.totalLines.toLocaleString('en')} 行未作为记录读取 — total lines (合计) left out`);
    if (t.linesAdded) console.log(`${name}：${t.linesAdded.toLocaleString('en')} 行与同一年度、乡镇、性别、年龄的行相加（按村或按户口性质分行）— lines added to lines of the same year, township, sex and age`);
    for (const from of t.openAgeFrom ?? []) {
      console.log(`${name}：最高年龄组“${from}岁及以上”已按模型生命表分到各岁直至100岁及以上（合计不变）— the ${from}+ group shared over ages to 100+ by a model life table`);
    }
  }
  const stops = report.tables.flatMap((t) => (t.wouldStop ? [t.wouldStop] : []));
  for (const stop of stops) console.log(`正式导入将会停止 — the import would stop: ${stop}`);
  console.log(report.dryRun
    ? `试运行：未导入任何数据（${report.seconds.toFixed(1)} 秒）— dry run: nothing was imported`
    : `数据库 database：${report.dbPath}（${report.seconds.toFixed(1)} 秒）`);
  return stops.length === 0;
}
