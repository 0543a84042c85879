/**
 * @module demography/graduation
 * From 5-year census tables to single years of age, for the single-year engine:
 * - population: Sprague fifth-difference multipliers (Shryock & Siegel; the same panels as
 *   DemoTools `graduate_sprague`). Each 5-year group's single years sum exactly to the group;
 *   polynomials up to degree 4 are reproduced in the middle panels. The open group is kept as
 *   the open single-year group. Rare negative single years (tiny groups next to big ones) are
 *   set to 0 and the rest of their group rescaled, so group totals still hold.
 * - mortality: constant hazard within groups, i.e. each single age takes its group's m(x)
 *   (0 → ₁m₀, 1-4 → ₄m₁, 5-9 → ₅m₅, …); build the single-year life table from that.
 * - fertility: ASFR flat within groups (TFR is preserved).
 * - migrants: spread evenly over the ages of their group (totals preserved).
 *
 * @example
 * const single = spragueSplit(pop5); // 21 groups (0-4 … 95-99, 100+) → 101 ages (0 … 99, 100+)
 */

/* Rows: single years within the group; columns: the five groups the panel uses. */
const FIRST: readonly (readonly number[])[] = [
  [0.3616, -0.2768, 0.1488, -0.0336, 0],
  [0.264, -0.096, 0.04, -0.008, 0],
  [0.184, 0.04, -0.032, 0.008, 0],
  [0.12, 0.136, -0.072, 0.016, 0],
  [0.0704, 0.1968, -0.0848, 0.0176, 0],
];
const SECOND: readonly (readonly number[])[] = [
  [0.0336, 0.2272, -0.0752, 0.0144, 0],
  [0.008, 0.232, -0.048, 0.008, 0],
  [-0.008, 0.216, -0.008, 0, 0],
  [-0.016, 0.184, 0.04, -0.008, 0],
  [-0.0176, 0.1408, 0.0912, -0.0144, 0],
];
const MIDDLE: readonly (readonly number[])[] = [
  [-0.0128, 0.0848, 0.1504, -0.024, 0.0016],
  [-0.0016, 0.0144, 0.2224, -0.0416, 0.0064],
  [0.0064, -0.0336, 0.2544, -0.0336, 0.0064],
  [0.0064, -0.0416, 0.2224, 0.0144, -0.0016],
  [0.0016, -0.024, 0.1504, 0.0848, -0.0128],
];
/** A panel read from the other end (next-to-last and last groups). */
const reversed = (p: readonly (readonly number[])[]) => [...p].reverse().map((r) => [...r].reverse());
const NEXT_TO_LAST = reversed(SECOND);
const LAST = reversed(FIRST);

/**
 * Split 5-year groups into single years by Sprague multipliers. `groups` holds K closed
 * 5-year groups (K ≥ 5) followed by the open group; the result has 5·K + 1 values, the last
 * being the open group unchanged.
 */
export function spragueSplit(groups: ArrayLike<number>): Float64Array {
  const K = groups.length - 1;
  if (K < 5) throw new RangeError(`Sprague needs at least 5 closed groups, got ${K}`);
  const out = new Float64Array(5 * K + 1);
  for (let g = 0; g < K; g++) {
    let panel: readonly (readonly number[])[];
    let first: number;
    if (g === 0) [panel, first] = [FIRST, 0];
    else if (g === 1) [panel, first] = [SECOND, 0];
    else if (g === K - 1) [panel, first] = [LAST, K - 5];
    else if (g === K - 2) [panel, first] = [NEXT_TO_LAST, K - 5];
    else [panel, first] = [MIDDLE, g - 2];
    let negative = false;
    for (let j = 0; j < 5; j++) {
      let v = 0;
      for (let c = 0; c < 5; c++) v += panel[j]![c]! * groups[first + c]!;
      out[5 * g + j] = v;
      if (v < 0) negative = true;
    }
    if (negative) fixNegatives(out, 5 * g, groups[g]!);
  }
  out[5 * K] = groups[K]!;
  return out;
}

function fixNegatives(out: Float64Array, from: number, total: number): void {
  let pos = 0;
  for (let j = from; j < from + 5; j++) {
    if (out[j]! < 0) out[j] = 0;
    pos += out[j]!;
  }
  for (let j = from; j < from + 5; j++) out[j] = pos > 0 ? (out[j]! * total) / pos : total / 5;
}

/** Start age and width of each group of an abridged or 5-year table (last open). */
function groupBounds(starts: ArrayLike<number>, openAge: number, i: number): [number, number] {
  const a = starts[i]!;
  const b = i + 1 < starts.length ? starts[i + 1]! : openAge + 1;
  return [a, b];
}

/**
 * Single-year m(x) 0 … openAge (openAge+1 values, the last open) from grouped m(x) with the
 * given start ages (e.g. 0, 1, 5, 10, …, 100): constant hazard within each group.
 */
export function mxSingleFromGroups(mx: ArrayLike<number>, starts: ArrayLike<number>): Float64Array {
  const openAge = starts[starts.length - 1]!;
  const out = new Float64Array(openAge + 1);
  for (let i = 0; i < mx.length; i++) {
    const [a, b] = groupBounds(starts, openAge, i);
    for (let x = a; x < b; x++) out[x] = mx[i]!;
  }
  return out;
}

/** Single-year ASFR from 5-year ASFR (groups 0-4, 5-9, …, open), flat within groups. */
export function asfrSingleFromGroups(asfr: ArrayLike<number>, n = 5): Float64Array {
  const K = asfr.length - 1;
  const out = new Float64Array(n * K + 1);
  for (let g = 0; g < K; g++) out.fill(asfr[g]!, n * g, n * (g + 1));
  out[n * K] = asfr[K]!;
  return out;
}

/** Single-year counts from counts of n-year groups (the last open), evenly within groups. */
export function countsSingleFromGroups(counts: ArrayLike<number>, n = 5): Float64Array {
  const K = counts.length - 1;
  const out = new Float64Array(n * K + 1);
  for (let g = 0; g < K; g++) out.fill(counts[g]! / n, n * g, n * (g + 1));
  out[n * K] = counts[K]!;
  return out;
}
