/**
 * @module ingest/schema
 * Checks a Parquet file's columns against the contract before any row is read: a missing
 * required column or a type outside the column's family stops the import, naming both.
 */
import { STORAGE_TYPE, type ColumnDef, type TableDef, type TypeFamily } from '../../contract/tables.ts';
import { IngestError } from './IngestError.ts';

const INTEGER_TYPES = ['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'HUGEINT', 'UTINYINT', 'USMALLINT', 'UINTEGER', 'UBIGINT'];

function accepts(family: TypeFamily, duckType: string): boolean {
  switch (family) {
    case 'text':
      return duckType === 'VARCHAR';
    case 'id':
      return duckType === 'VARCHAR' || INTEGER_TYPES.includes(duckType);
    case 'integer':
      return INTEGER_TYPES.includes(duckType);
    case 'number':
      return INTEGER_TYPES.includes(duckType) || ['FLOAT', 'DOUBLE'].includes(duckType) || duckType.startsWith('DECIMAL');
    case 'date':
      return duckType === 'DATE' || duckType.startsWith('TIMESTAMP');
    case 'boolean':
      return duckType === 'BOOLEAN';
  }
}

const FAMILY_WORDS: Record<TypeFamily, string> = {
  id: 'text or integer',
  text: 'text (VARCHAR / UTF8 string)',
  integer: 'integer',
  number: 'number',
  date: 'DATE',
  boolean: 'BOOLEAN',
};

export interface FileColumn {
  readonly name: string;
  readonly type: string;
}

/** Returns the contract columns present in the file; throws an IngestError for the first problem. */
export function checkColumns(table: TableDef, file: string, columns: readonly FileColumn[]): ColumnDef[] {
  const byName = new Map(columns.map((c) => [c.name, c.type]));
  const present: ColumnDef[] = [];
  for (const column of table.columns) {
    const type = byName.get(column.name);
    if (type === undefined) {
      if (column.required) {
        throw new IngestError('column_missing',
          `${file}: required column "${column.name}" (${column.zh}) is missing; the file has ${columns.map((c) => c.name).join(', ') || 'no columns'}`,
          file, column.name);
      }
      continue;
    }
    if (!accepts(column.family, type)) {
      throw new IngestError('column_type',
        `${file}: column "${column.name}" has type ${type}; the contract wants ${FAMILY_WORDS[column.family]} (stored as ${STORAGE_TYPE[column.family]})`,
        file, column.name);
    }
    present.push(column);
  }
  return present;
}
