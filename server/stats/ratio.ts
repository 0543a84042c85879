/**
 * @module stats/ratio
 * The sex ratio at birth (SRB, 出生人口性别比) as a function of the male share of births:
 * SRB = 100 · M / F = 100 · p / (1 − p) with p = M / (M + F), and its inverse
 * p = SRB / (100 + SRB) (DESIGN.md, "Indicators"). The map is increasing, so an interval
 * for p maps end-point by end-point to an interval for the ratio.
 *
 * JSON cannot carry Infinity or NaN, so every public result in `server/stats` uses
 * `null` where the ratio has no finite value: p = 1 (no girls) gives an infinite ratio,
 * and no births at all gives an undefined one.
 *
 * @example
 * srbFromShare(0.515);   // 106.18556701030928
 * shareFromSrb(107);     // 0.5169082125603864
 * srbFromShare(1);       // null
 */

/** 100 · p / (1 − p); null when p = 1 (infinite ratio) or p is not a finite share. */
export function srbFromShare(p: number): number | null {
  if (!(p >= 0 && p < 1)) return null;
  return (100 * p) / (1 - p);
}

/** SRB / (100 + SRB): the male share of births for a given ratio (SRB ≥ 0). */
export function shareFromSrb(srb: number): number {
  if (!(srb >= 0) || !Number.isFinite(srb)) {
    throw new RangeError(`shareFromSrb: the ratio must be a finite number ≥ 0, got ${srb}`);
  }
  return srb / (100 + srb);
}
