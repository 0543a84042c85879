/**
 * @module office/mapping
 * A mapping carries each office file onto a contract table: which table, the direction of a
 * migrant file, and for every header the source field it is (office/fields.ts) or `ignore`.
 * `missingColumns` says which required contract columns a mapping leaves unfilled, counting
 * what is derived without a column (a township's county from its code, its kind from its name,
 * a migrant file's direction from its name).
 *
 * @example
 * missingColumns({ table: 'births', direction: null, columns: { 出生日期: 'birth_date' } }); // ['birth_id', 'township_code', …]
 */
import { TABLES } from '../../contract/tables.ts';
import type { CodeTableName } from './codes.ts';
import { fieldOf, IGNORE, OFFICE_TABLES } from './fields.ts';
import type { FileMapping } from '../../contract/imports.ts';
export type { FileMapping };

export interface MappingProfile {
  readonly files: readonly FileMapping[];
  /** Value codes added to (or overriding) the built-in tables, e.g. `sex: { '9': … }`. */
  readonly values: Partial<Record<CodeTableName, Readonly<Record<string, string>>>>;
  /** Files or sheets (`file` or `file#sheet`) the import leaves alone: a 填表说明 sheet, another system's list. */
  readonly ignored: readonly string[];
}

export function sourceName(m: Pick<FileMapping, 'file' | 'sheet'>): string {
  return m.sheet ? `${m.file}#${m.sheet}` : m.file;
}

/** Required contract columns the mapping does not fill (nullable ones may be absent: all null). */
export function missingColumns(m: Pick<FileMapping, 'table' | 'direction' | 'columns'>): string[] {
  const filled = new Set<string>(OFFICE_TABLES[m.table].derived.filter((c) => c !== 'direction' || m.direction !== null));
  for (const field of Object.values(m.columns)) {
    if (field === IGNORE) continue;
    for (const column of fieldOf(m.table, field)?.fills ?? []) filled.add(column);
  }
  return TABLES[m.table].columns.filter((c) => c.required && !c.nullable && !c.office && !filled.has(c.name)).map((c) => c.name);
}

/** Problems with a hand-edited mapping: unknown fields, a field named twice. Empty when fine. */
export function mappingProblems(m: FileMapping): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const [header, field] of Object.entries(m.columns)) {
    if (field === IGNORE) continue;
    if (!fieldOf(m.table, field)) {
      const known = OFFICE_TABLES[m.table].fields.map((x) => x.name).join(', ');
      problems.push(`${sourceName(m)}：列“${header}”映射到了未知字段 ${field}（${m.table} 表可用：${known}, ignore）`);
      continue;
    }
    const other = seen.get(field);
    if (other !== undefined) problems.push(`${sourceName(m)}：列“${other}”和“${header}”都映射到了 ${field}，只能保留一个`);
    seen.set(field, header);
  }
  return problems;
}
