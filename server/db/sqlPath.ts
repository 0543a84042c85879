/**
 * @module db/sqlPath
 * A file path as a SQL string literal, for the one statement that takes no bound parameter:
 * ATTACH. Every other value reaches SQL bound (db/bind.ts).
 */

/** A path as a SQL string literal (ATTACH takes no bound parameter). */
export function quoted(p: string): string {
  return `'${p.replaceAll("'", "''")}'`;
}
