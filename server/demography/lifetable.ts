/**
 * @module demography/lifetable
 * Period life table from central death rates m(x), for any grouping of ages whose last
 * group is open: single years (0, 1, …, 100+), abridged (0, 1-4, 5-9, …) or 5-year groups.
 *
 * Conventions (Preston, Heuveline & Guillot 2001, ch. 3):
 * - q(x) = n·m / (1 + (n − a)·m), capped at 1; d(x) = l(x)·q(x); l(x+n) = l(x) − d(x);
 *   L(x) = n·l(x+n) + a(x)·d(x); T(x) = Σ L from x; e(x) = T(x) / l(x).
 * - a(x), unless given: for age 0 (width 1, alone) and 1-4 (width 4) the Coale-Demeny
 *   rules of Preston Table 3.3 from ₁m₀ (males: a0 = 0.045 + 2.684·m0, ₄a₁ = 1.651 − 2.816·m0;
 *   females: a0 = 0.053 + 2.800·m0, ₄a₁ = 1.522 − 1.518·m0; when m0 ≥ 0.107 males 0.330 / 1.352,
 *   females 0.350 / 1.361). For a single-year table, age 1 uses a = 0.5.
 *   A combined 0-4 group (5-year tables without a separate infant rate) uses ₅a₀ = 1.1, a
 *   typical low-mortality value: pass ages 0 and 1-4 separately (abridged) when you can.
 *   Every other closed group uses a(x) = n/2.
 * - Open group: q = 1, L = l / m, a = 1 / m; when a(x) is given for the open group too
 *   (as in WPP / ccmppWPP tables, whose open a(x) is not exactly 1/m), L = l · a.
 *
 * @example
 * const lt = lifeTable(mx, singleYearWidths(101), { sex: 'female' });
 * lt.ex[0]; // life expectancy at birth
 */
import type { Sex } from './types.ts';

export interface LifeTable {
  /** Start age of each group. */
  readonly ages: Float64Array;
  /** Width of each group; the last (open) group has width Infinity. */
  readonly widths: Float64Array;
  readonly mx: Float64Array;
  readonly ax: Float64Array;
  readonly qx: Float64Array;
  /** Survivors to the start of each group, radix l(0). */
  readonly lx: Float64Array;
  readonly dx: Float64Array;
  readonly Lx: Float64Array;
  readonly Tx: Float64Array;
  readonly ex: Float64Array;
}

export interface LifeTableOptions {
  readonly sex: Sex;
  /** Override a(x) (e.g. a published table's nAx); a value for the open group sets its L = l·a. */
  readonly ax?: ArrayLike<number>;
  /** l(0); default 1. */
  readonly radix?: number;
}

/** Widths [1, 1, …] of a single-year table with `groups` groups (the last open). */
export function singleYearWidths(groups: number): Float64Array {
  return equalWidths(groups, 1);
}

/** Widths [n, n, …] of a table with `groups` equal groups (the last open). */
export function equalWidths(groups: number, n: number): Float64Array {
  const w = new Float64Array(groups).fill(n);
  w[groups - 1] = Infinity;
  return w;
}

/** Widths [1, 4, 5, 5, …] of an abridged table with `groups` groups (the last open). */
export function abridgedWidths(groups: number): Float64Array {
  const w = new Float64Array(groups).fill(5);
  w[0] = 1;
  w[1] = 4;
  w[groups - 1] = Infinity;
  return w;
}

/** Coale-Demeny a0 and ₄a₁ from ₁m₀ (Preston et al. 2001, Table 3.3). */
export function coaleDemenyA0(m0: number, sex: Sex): { readonly a0: number; readonly a1to4: number } {
  if (sex === 'male') {
    return m0 >= 0.107 ? { a0: 0.33, a1to4: 1.352 } : { a0: 0.045 + 2.684 * m0, a1to4: 1.651 - 2.816 * m0 };
  }
  return m0 >= 0.107 ? { a0: 0.35, a1to4: 1.361 } : { a0: 0.053 + 2.8 * m0, a1to4: 1.522 - 1.518 * m0 };
}

/** a(x) of a closed group by the conventions above, given the Coale-Demeny values for the table. */
export function defaultAx(age: number, width: number, cd: { readonly a0: number; readonly a1to4: number }): number {
  if (age === 0 && width === 1) return cd.a0;
  if (age === 1 && width === 4) return cd.a1to4;
  if (age === 0 && width === 5) return 1.1;
  return width / 2;
}

/** Build a life table from m(x). `widths` has one entry per group; the last group is open. */
export function lifeTable(mx: ArrayLike<number>, widths: ArrayLike<number>, options: LifeTableOptions): LifeTable {
  const k = mx.length;
  if (widths.length !== k) throw new RangeError(`mx has ${k} groups but widths has ${widths.length}`);
  if (k < 2) throw new RangeError('a life table needs at least one closed and the open group');
  const ages = new Float64Array(k);
  const w = new Float64Array(k);
  w.set(widths);
  w[k - 1] = Infinity;
  for (let i = 1; i < k; i++) ages[i] = ages[i - 1]! + w[i - 1]!;
  const m = new Float64Array(k);
  m.set(mx);
  const ax = new Float64Array(k);
  const cd = coaleDemenyA0(m[0]!, options.sex);
  for (let i = 0; i < k - 1; i++) {
    ax[i] = options.ax !== undefined ? options.ax[i]! : defaultAx(ages[i]!, w[i]!, cd);
  }
  const qx = new Float64Array(k);
  const lx = new Float64Array(k);
  const dx = new Float64Array(k);
  const Lx = new Float64Array(k);
  const Tx = new Float64Array(k);
  const ex = new Float64Array(k);
  lx[0] = options.radix ?? 1;
  for (let i = 0; i < k - 1; i++) {
    const n = w[i]!;
    const mi = m[i]!;
    const q = Math.min(1, (n * mi) / (1 + (n - ax[i]!) * mi));
    qx[i] = q;
    dx[i] = lx[i]! * q;
    lx[i + 1] = lx[i]! - dx[i]!;
    Lx[i] = n * lx[i + 1]! + ax[i]! * dx[i]!;
  }
  const open = k - 1;
  qx[open] = 1;
  dx[open] = lx[open]!;
  const axOpen = options.ax !== undefined && options.ax.length === k ? options.ax[open]! : NaN;
  ax[open] = axOpen > 0 ? axOpen : 1 / m[open]!;
  Lx[open] = lx[open]! * ax[open]!;
  let t = 0;
  for (let i = k - 1; i >= 0; i--) {
    t += Lx[i]!;
    Tx[i] = t;
    ex[i] = lx[i]! > 0 ? t / lx[i]! : 0;
  }
  return { ages, widths: w, mx: m, ax, qx, lx, dx, Lx, Tx, ex };
}
