/**
 * @module contract/imports
 * The 数据导入 (import) API on the wire: the suggested mapping of office files onto the export
 * contract, the mapping the admin saves, and the report of a dry run or an import.
 *
 * @example
 * const mapping: FileMapping = { file: 'births.xlsx', table: 'births', direction: null, columns: { 出生日期: 'birth_date' } };
 */
import type { Direction, TableName } from './tables.ts';

export interface FileMapping {
  /** File name in the folder (relative path). */
  readonly file: string;
  /** The worksheet, for a workbook with several. */
  readonly sheet?: string;
  readonly table: TableName;
  /** Migrants: the direction of every row of the file, when no column says it. */
  readonly direction: Direction | null;
  /** Header → source field (or `ignore`). Headers not listed are not read. */
  readonly columns: Readonly<Record<string, string>>;
}

export type Confidence = 'exact' | 'close' | 'personal' | 'none';

export interface ColumnGuess {
  readonly header: string;
  /** A source field of the table, or `ignore`. */
  readonly field: string;
  readonly confidence: Confidence;
  /** Why a column was left unplaced (e.g. another column claims the same field). */
  readonly note?: string;
  /** Another column claims its field as surely: neither is read until the planner chooses (a problem, not just a note). */
  readonly undecided?: boolean;
}

export interface ColumnSuggestion extends ColumnGuess {
  /** Up to three distinct values from the first rows; empty for personal columns and ID numbers. */
  readonly samples: string[];
}

export interface Suggestion {
  readonly source: string;
  readonly file: string;
  readonly sheet?: string;
  readonly encoding: string;
  /** The table the file was recognised as, or null when no table fits. */
  readonly table: TableName | null;
  /** True when the table was recognised clearly (the best table is well ahead of the next). */
  readonly tableSure: boolean;
  readonly direction: FileMapping['direction'];
  readonly columns: ColumnSuggestion[];
  readonly headers: string[];
  /** Required contract columns nothing fills. */
  readonly missing: string[];
  /** Problems in Chinese: what the planner must decide before the import. */
  readonly problems: string[];
  /** Notes in Chinese: what the planner should know, not a reason to stop (a column other files of the table have). */
  readonly notes?: string[];
  /** True when the mapping came from the folder's profile. */
  readonly fromProfile: boolean;
  /** Left out by the mapping's `ignore:` list (a 填表说明 sheet, another system's file): not read, not a problem. */
  readonly ignored?: boolean;
}

export interface TableReport {
  readonly table: TableName;
  readonly files: number;
  /** Data lines read, as the planner counts them in the files (Excel's rows under the header; a Parquet file's rows). */
  readonly rowsRead: number;
  /**
   * The records those lines became, when not one a line (a population wide by sex: two a line; in
   * 5-year groups: graduated single ages). Accepted and quarantined count records.
   */
  readonly records?: number;
  readonly rowsAccepted: number;
  readonly quarantined: Record<string, number>;
  readonly seconds: number;
  /** Office files: rows with nothing in any column read (Excel's ',,,,' lines), left out and not counted as read. */
  readonly blankRows?: number;
  /** Population total lines (合计, 小计, 全县) among the lines read: no records of their own, left out. */
  readonly totalLines?: number;
  /** Office files of the table with a header and no rows under it: read, nothing taken from them. */
  readonly emptyFiles?: readonly string[];
  /** The population came in 5-year groups and was graduated to single ages (office/graduate.ts). */
  readonly graduated?: boolean;
  /** First ages of the population's open age groups below 100 (85岁及以上), shared over the ages to 100+ (office/openAgeGroup.ts). */
  readonly openAgeFrom?: readonly number[];
  /** Population lines added into another line's row of the same year, township, sex and age (a line per village or per 户口性质). */
  readonly linesAdded?: number;
  /** The rows the previous import of the same county accepted, when this one accepted less than half as many. */
  readonly fellFrom?: number;
  /** Migrant directions with less than half the previous import's migrants (part: in / out). */
  readonly fellParts?: readonly { part: Direction; now: number; before: number }[];
  /** Population years the previous import of the county had and this one has not. */
  readonly lostYears?: readonly number[];
  /** A dry run's: why the import itself would stop on this table (every row quarantined). */
  readonly wouldStop?: string;
}

/** `GET /api/import/:id/mapping`. */
export interface MappingAnswer {
  suggestions: Suggestion[];
  fields: Record<string, { name: string; zh: string }[]>;
  tables: { name: string; zh: string; en: string }[];
  /** The township boundary file for the map (.geojson/.topojson): its townships, or why it cannot be used; null when there is none. */
  boundaries: { file: string; townships: number } | { file: string; problem: string } | null;
}
/** `GET /api/import/:id/status`. */
export interface ImportStatus {
  state: 'none' | 'running' | 'done' | 'failed'; messages: string[]; tables: TableReport[] | null; seconds: number | null; error: string | null;
  /** The failed import's API code (import_table_vanished …). */
  errorCode: string | null;
  /** import_table_vanished: the tables the stop named, which a confirmation sends back as dropTables. */
  errorTables: string[] | null;
}
/** `GET /api/quality/townships`: accepted and quarantined rows of one township. */
export interface TownshipQuality {
  township: string | null;
  accepted: Record<string, number>;
  quarantined: Record<string, Record<string, number>>;
  unknownPolicy: number;
}

/** Years as a planner reads them: runs joined (2000–2022, 2024), for the note on population years gone. */
export function yearRanges(years: readonly number[], join = '、'): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    runs.push(j > i ? `${sorted[i]}–${sorted[j]}` : String(sorted[i]));
    i = j + 1;
  }
  return runs.join(join);
}
