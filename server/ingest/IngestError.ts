/**
 * @module ingest/IngestError
 * Why an import stopped, in words for the planner who ran it: which file, which column, which rule.
 * Nothing already ingested is touched when one is thrown.
 */
export type IngestErrorCode =
  | 'source_missing'
  | 'table_missing'
  | 'table_vanished'
  | 'file_unreadable'
  | 'file_empty'
  | 'all_quarantined'
  | 'column_missing'
  | 'column_type'
  | 'topojson_invalid'
  | 'targets_invalid'
  | 'ingest_running'
  | 'disk_full'
  | 'read_only'
  | 'not_writable'
  | 'table_twice'
  | 'office_file'
  | 'mapping_needed'
  | 'spark_missing'
  | 'spark_failed';

export class IngestError extends Error {
  override readonly name = 'IngestError';
  constructor(
    readonly code: IngestErrorCode,
    message: string,
    readonly file?: string,
    readonly column?: string,
    /** table_vanished: the tables whose data the import would empty (what a confirmation must name). */
    readonly tables?: readonly string[],
  ) {
    super(message);
  }
}

export function isIngestError(e: unknown): e is IngestError {
  return e instanceof IngestError;
}
