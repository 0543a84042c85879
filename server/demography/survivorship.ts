/**
 * @module demography/survivorship
 * Survivorship ratios for the projection from life-table person-years L(x).
 *
 * With equal groups of width n and the open group at (A − 1)·n:
 * - s[0] = L(0) / (n·l(0))              births of the step → first group at its end;
 * - s[i] = L(i) / L(i − 1)               group i − 1 → group i (0 < i < A − 1);
 * - s[A−1] = T(open) / T(open − n)       last closed group + open group → open group.
 *
 * @example
 * const sx = survivalFromMx(mx, 5, 18, 'female'); // abridged m(x) (19 values) → 18 ratios
 */
import { abridgedWidths, coaleDemenyA0, defaultAx, equalWidths, lifeTable, type LifeTable } from './lifetable.ts';
import type { Sex } from './types.ts';

/**
 * Person-years lived in A equal groups of width n, the last being T at the open age.
 * The life table's group boundaries must fall on multiples of n (abridged 0 + 1-4 is fine for n = 5).
 */
export function groupedLx(lt: LifeTable, n: number, groups: number): Float64Array {
  const out = new Float64Array(groups);
  const openAge = (groups - 1) * n;
  const k = lt.ages.length;
  if (lt.ages[k - 1]! < openAge) {
    throw new RangeError(`life table opens at ${lt.ages[k - 1]}, below the projection's open age ${openAge}`);
  }
  for (let i = 0; i < k; i++) {
    const a = lt.ages[i]!;
    const g = Math.min(groups - 1, Math.floor(a / n + 1e-9));
    const end = a + lt.widths[i]!;
    if (g < groups - 1 && end > (g + 1) * n + 1e-9) {
      throw new RangeError(`life-table group starting at ${a} straddles the projection's groups of ${n}`);
    }
    out[g] += lt.Lx[i]!;
  }
  return out;
}

/** Survivorship ratios from grouped L (the last entry being T at the open age) and l(0). */
export function survivalRatiosFromLx(Lx: ArrayLike<number>, l0: number, n: number): Float64Array {
  const A = Lx.length;
  const s = new Float64Array(A);
  s[0] = Lx[0]! / (n * l0);
  for (let i = 1; i < A - 1; i++) s[i] = Lx[i - 1]! > 0 ? Lx[i]! / Lx[i - 1]! : 0;
  const lastTwo = Lx[A - 2]! + Lx[A - 1]!;
  s[A - 1] = lastTwo > 0 ? Lx[A - 1]! / lastTwo : 0;
  return s;
}

/** Survivorship ratios for A groups of width n from a life table. */
export function survivalRatios(lt: LifeTable, n: number, groups: number): Float64Array {
  return survivalRatiosFromLx(groupedLx(lt, n, groups), lt.lx[0]!, n);
}

/**
 * Build the life table from m(x) and return the A survivorship ratios. `mx` has either
 * A values (groups of width n, the last open) or, when n = 5, A + 1 values in abridged form
 * (0, 1-4, 5-9, …, open), which is what census and WPP life tables give.
 */
export function survivalFromMx(
  mx: ArrayLike<number>,
  n: number,
  groups: number,
  sex: Sex,
  ax?: ArrayLike<number>,
): Float64Array {
  if (mx.length === groups) return survivalFromEqualMx(mx, n, sex, ax);
  const widths = mx.length === groups + 1 && n === 5 ? abridgedWidths(groups + 1) : equalWidths(mx.length, n);
  const lt = lifeTable(mx, widths, ax === undefined ? { sex } : { sex, ax });
  return survivalRatios(lt, n, groups);
}

/**
 * The same as {@link survivalFromMx} for A equal groups of width n, without building the
 * whole table (no intermediate arrays: this runs once per township, sex and year).
 */
export function survivalFromEqualMx(
  mx: ArrayLike<number>,
  n: number,
  sex: Sex,
  ax?: ArrayLike<number>,
  out: Float64Array = new Float64Array(mx.length),
): Float64Array {
  const A = mx.length;
  const cd = coaleDemenyA0(mx[0]!, sex);
  let l = 1;
  let prevL = 0;
  for (let i = 0; i < A - 1; i++) {
    const m = mx[i]!;
    const a = ax !== undefined ? ax[i]! : defaultAx(i * n, n, cd);
    const q = Math.min(1, (n * m) / (1 + (n - a) * m));
    const d = l * q;
    const next = l - d;
    const L = n * next + a * d;
    out[i] = i === 0 ? L / n : prevL > 0 ? L / prevL : 0;
    prevL = L;
    l = next;
  }
  const mOpen = mx[A - 1]!;
  const aOpen = ax !== undefined && ax.length === A && ax[A - 1]! > 0 ? ax[A - 1]! : 1 / mOpen;
  const LOpen = l * aOpen;
  out[A - 1] = prevL + LOpen > 0 ? LOpen / (prevL + LOpen) : 0;
  return out;
}

/**
 * {@link survivalFromEqualMx} for single years (n = 1) with the default a(x), on m(x) × `scale`
 * (a township's SMR), in one pass and one division per age: it runs for every township, sex and
 * year of a projection (90,000 tables for 1,500 townships over 30 years).
 *
 * With a(x) = 1/2 and h = m/2: q = m/(1 + h), so l(x+1) = l(x)·(1 − h)/(1 + h) and
 * L(x) = l(x) − d/2 = l(x)/(1 + h). For 2 ≤ x < A − 1 the ratio then reduces to
 * L(x)/L(x−1) = (1 − h(x−1))/(1 + h(x)). Ages 0 and 1 (Coale-Demeny a0) and the open group are
 * computed as in the general function. A rate of 2 or more (q clamped to 1) takes the general path.
 * Reads the `out.length` rates of `mx` from index `from` (one year's row of a path).
 */
export function survivalSingleYear(mx: Float64Array, scale: number, sex: Sex, out: Float64Array, from = 0): Float64Array {
  const A = out.length;
  const m0 = mx[from]! * scale;
  if (A < 3 || !(m0 < 2)) return scaledTable(mx, scale, sex, out, from);
  const a0 = coaleDemenyA0(m0, sex).a0;
  const q0 = m0 / (1 + (1 - a0) * m0);
  let l = 1 - q0; // l(1)
  const L0 = l + a0 * q0;
  out[0] = L0;
  let h = 0.5 * mx[from + 1]! * scale;
  if (!(h < 1)) return scaledTable(mx, scale, sex, out, from);
  let inv = 1 / (1 + h);
  out[1] = L0 > 0 ? (l * inv) / L0 : 0; // L(1) / L(0)
  for (let x = 2; x < A - 1; x++) {
    l *= (1 - h) * inv; // l(x)
    const hPrev = h;
    h = 0.5 * mx[from + x]! * scale;
    if (!(h < 1)) return scaledTable(mx, scale, sex, out, from);
    inv = 1 / (1 + h);
    out[x] = (1 - hPrev) * inv;
  }
  const LLast = l * inv; // L(A − 2), the last closed group
  const LOpen = (l * (1 - h) * inv) / (mx[from + A - 1]! * scale); // T(open) = l(A − 1) / m(open)
  out[A - 1] = LLast + LOpen > 0 ? LOpen / (LLast + LOpen) : 0;
  return out;
}

/** The general path of {@link survivalSingleYear}. */
function scaledTable(mx: Float64Array, scale: number, sex: Sex, out: Float64Array, from: number): Float64Array {
  const scaled = mx.slice(from, from + out.length);
  for (let i = 0; i < scaled.length; i++) scaled[i]! *= scale;
  return survivalFromEqualMx(scaled, 1, sex, undefined, out);
}
