/**
 * @module outputs/table
 * A table as planners receive it, whatever the file: a title, Chinese column headers, cells
 * already rounded as shown on screen (whole persons, 2 decimals for rates), text for coded values,
 * and a note. The CSV, XLSX and Word writers all take this shape, so the three files agree.
 *
 * @example
 * const t: OutputTable = { title: '表1 …', columns: [{ header: '指标' }, { header: '2025年', decimals: 0 }], rows: [['总人口', 685021]] };
 */

export type OutputCell = string | number | null;

export interface OutputColumn {
  readonly header: string;
  /** Decimals of a numeric column (0 = whole numbers); absent for text. */
  readonly decimals?: number;
  /** Text already formatted as a number (`4,839`, `111.13`): aligned right like numbers. */
  readonly alignRight?: boolean;
}

export interface OutputTable {
  readonly title: string;
  readonly columns: readonly OutputColumn[];
  readonly rows: readonly (readonly OutputCell[])[];
  readonly note?: string;
}

/** A number rounded to a column's decimals (the value written to the file, not only its look). */
export function rounded(value: OutputCell, decimals: number | undefined): OutputCell {
  if (typeof value !== 'number' || decimals === undefined) return value;
  if (!Number.isFinite(value)) return null;
  const r = Number(value.toFixed(decimals));
  return Object.is(r, -0) ? 0 : r;
}

/** A file-name-safe version of a title: Windows' forbidden characters and spaces become underscores. */
export function fileSafe(name: string): string {
  return name.replace(/[\\/:*?"<>|\s]+/g, '_').replace(/_+/g, '_').replace(/^_|_$/g, '');
}
