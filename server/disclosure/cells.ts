/**
 * @module disclosure/cells
 * How a published cell is named: its family (births, marriages, migrants, population), the
 * township, the period (a period label such as `2024Q1`; `E2024-03` for a stock at the end of
 * March; a year such as `2024` for a year-end population) and its coordinates, the dimensions it
 * is split by (`R` residence, `O` order, `S` sex, …) — a dimension summed over is left out. Two
 * answers that show the same count name the same cell, so they are suppressed together.
 *
 * @example
 * cellKey('births', '999901101', '2024', { R: 'registered', O: '3' }); // 'births/999901101/2024/O=3;R=registered'
 */

export type Family = 'births' | 'marriages' | 'persons' | 'migrants' | 'population' | 'deaths';
export type Coords = Readonly<Record<string, string | undefined>>;

/** Every dimension, in the order keys name them. */
const DIMENSIONS = ['A', 'C', 'D', 'H', 'O', 'P', 'R', 'S', 'cert', 'ev', 'first', 'o', 're', 'w'] as const;

/** The coordinate part of a key (`O=3;R=registered`), to build many keys of one period from. */
export function coordsPart(coords: Coords = {}): string {
  let parts = '';
  for (const k of DIMENSIONS) {
    const v = coords[k];
    if (v !== undefined && v !== '*' && v !== 'all') parts += parts ? `;${k}=${v}` : `${k}=${v}`;
  }
  return parts;
}

export function cellKey(family: Family, township: string, period: string, coords: Coords = {}): string {
  return `${family}/${township}/${period}/${coordsPart(coords)}`;
}

/** The period key of a stock at the end of a month ('2024-12' → 'E2024-12'). */
export const stockPeriod = (month: string): string => `E${month}`;

/** Every combination of the given dimension choices (each dimension: a value or '*'). */
export function combos(choices: Readonly<Record<string, readonly string[]>>): Record<string, string>[] {
  let out: Record<string, string>[] = [{}];
  for (const [dim, values] of Object.entries(choices)) {
    out = out.flatMap((c) => values.map((v) => ({ ...c, [dim]: v })));
  }
  return out;
}
