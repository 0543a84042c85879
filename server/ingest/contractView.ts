/**
 * @module ingest/contractView
 * The column list of a rule file's `src` view: every contract column of the table in its storage
 * type, read from the files where they have it and NULL where they do not. Shared by the Parquet
 * import (the export's files) and the office import (its mapped files), so that the rule files
 * see one shape whatever came in. Assembled from the contract's constant names only.
 *
 * @example
 * contractColumns(TABLES.births, new Set(['birth_id', 'birth_date']));
 * // ['TRY_CAST("birth_id" AS VARCHAR) AS "birth_id"', …, 'NULL::VARCHAR AS "mother_key"', …]
 */
import { STORAGE_TYPE, type TableDef } from '../../contract/tables.ts';

export function contractColumns(table: TableDef, present: ReadonlySet<string>): string[] {
  return table.columns.map((c) => {
    const type = STORAGE_TYPE[c.family];
    return present.has(c.name) ? `TRY_CAST("${c.name}" AS ${type}) AS "${c.name}"` : `NULL::${type} AS "${c.name}"`;
  });
}
