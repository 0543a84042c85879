/**
 * @module cli/map
 * `renkou map <folder>`: reads the headers and first rows of every CSV / Excel file in an export
 * folder, recognises the tables and columns, prints what it found and writes (or refreshes)
 * renkou-mapping.yaml beside the files for the planner to check and correct.
 */
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { isOfficeError } from '../office/OfficeError.ts';
import { readProfile, writeProfile } from '../office/profile.ts';
import { ignoresMatchingNothing, profileEntries, suggestMapping } from '../office/suggest.ts';
import { parseCommandArgs, UsageError, type Command } from './command.ts';
import { dataDirFrom } from './config.ts';
import { printMapping } from './printMapping.ts';

export const command: Command = {
  name: 'map',
  summary: 'recognise the tables and columns of CSV / Excel exports and write renkou-mapping.yaml beside them',
  usage: 'renkou map [<folder>] [--print]',
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, { print: { type: 'boolean' } }, true);
    if (positionals.length > 1) throw new UsageError('give one export folder');
    const folder = dataDirFrom(positionals[0]);
    const work = path.join(os.tmpdir(), `renkou-map-${process.pid}`);
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      const profile = readProfile(folder);
      const found = await suggestMapping(connection, folder, work, profile);
      const suggestions = found.map((f) => f.suggestion);
      if (suggestions.length === 0) {
        console.error(`${folder}: 没有 CSV 或 Excel 文件（Parquet 导出不需要映射）`);
        return 1;
      }
      printMapping(suggestions);
      const unplaced = suggestions.filter((s) => s.table === null && !s.ignored).map((s) => s.source);
      if (!values.print) console.log(`\nwrote ${writeProfile(folder, profileEntries(suggestions), profile?.values ?? {}, profile?.ignored ?? [], unplaced)}`);
      const problems = suggestions.flatMap((s) => s.problems).length;
      if (problems > 0) for (const p of ignoresMatchingNothing(profile, found)) console.log(`  ! ${p}`);
      console.log(problems === 0 ? '映射完整，可以导入：renkou ingest <folder>' : `有 ${problems} 个问题需要处理（见上），修改 renkou-mapping.yaml 后再导入`);
      return problems === 0 ? 0 : 1;
    } catch (e) {
      if (!isOfficeError(e)) throw e;
      console.error(e.message);
      return 1;
    } finally {
      connection.closeSync();
      instance.closeSync();
      rmSync(work, { recursive: true, force: true });
    }
  },
};
