/**
 * @module office/plan
 * Which office tables an import reads, and how: the folder's profile where it has one, else
 * the automatic mapping — used only when every file's table and every required column is
 * recognised without doubt. Otherwise the import stops before reading a row, listing what could
 * not be placed and pointing to `renkou map`. Once the plan stands, the files that need decoding
 * are decoded in the background, in the order the import reads the tables.
 *
 * @example
 * const plan = await planOffice(connection, folder, work);
 * plan?.byTable.births; // the mapped births files
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { TABLE_ORDER, type TableName } from '../../contract/tables.ts';
import { ignoresMatchingNothing, mappingOf, suggestMapping, type Suggestion } from './suggest.ts';
import type { MappedSource } from './normalise.ts';
import { OfficeError } from './OfficeError.ts';
import { readProfile, PROFILE_FILE } from './profile.ts';
import { copyLater, listOfficeFiles, type LaterCopies } from './tabular.ts';
import type { MappingProfile } from './mapping.ts';

export interface OfficePlan {
  readonly byTable: Partial<Record<TableName, MappedSource[]>>;
  readonly values: MappingProfile['values'];
  /** What was recognised, for the report (and printed when no profile was used). */
  readonly suggestions: Suggestion[];
  readonly fromProfile: boolean;
  /** The decoded copies of the files (GB18030 CSVs), written in table order while the import reads. */
  readonly copies: LaterCopies;
}

export async function planOffice(connection: DuckDBConnection, folder: string, work: string): Promise<OfficePlan | null> {
  if (listOfficeFiles(folder).length === 0) return null;
  const profile = readProfile(folder);
  const found = await suggestMapping(connection, folder, work, profile, 'later');
  const problems = found.flatMap(({ suggestion }) => suggestion.problems);
  if (problems.length > 0) {
    problems.push(...ignoresMatchingNothing(profile, found));
    const how = profile
      ? `请在“数据导入”页面中修正，或修改 ${PROFILE_FILE}（renkou map 可重新生成）`
      : `请在“数据导入”页面中修正，或运行 renkou map <文件夹> 生成 ${PROFILE_FILE}，核对、修改后再导入`;
    throw new OfficeError('unmapped', `导入映射不完整：\n- ${problems.join('\n- ')}\n${how}`);
  }
  const byTable: Partial<Record<TableName, MappedSource[]>> = {};
  for (const { source, suggestion } of found) {
    const mapping = mappingOf(suggestion);
    if (mapping && source) (byTable[mapping.table] ??= []).push({ source, mapping, headers: suggestion.headers });
  }
  const copies = copyLater(TABLE_ORDER.flatMap((t) => byTable[t] ?? []).map((m) => m.source));
  return { byTable, values: profile?.values ?? {}, suggestions: found.map((f) => f.suggestion), fromProfile: profile !== null, copies };
}
