/**
 * @module stats/srbFlag
 * The SRB flag of DESIGN.md ("Indicators"): a township is flagged when its interval for the
 * sex ratio at birth lies wholly outside the normal band of 103–107 boys per 100 girls (the
 * range conventionally cited as normal in China's 出生人口性别比 monitoring, 正常值域 103–107).
 *
 *     'high'   if lo > band[1]   (the whole interval is above the band)
 *     'low'    if hi < band[0]   (the whole interval is below the band)
 *     'normal' otherwise         (the interval touches or overlaps the band)
 *
 * Comparisons are strict: an interval ending exactly on 107 or 103 is 'normal'. A null `hi`
 * means an unbounded upper end (no girls born; see `wilson.ts`), so it is never 'low'; a null
 * `lo` is treated as no lower bound, so it is never 'high'.
 *
 * @example
 * flag(108.2, 131.5);        // 'high'
 * flag(95.0, 102.9);         // 'low'
 * flag(101.0, 107.0);        // 'normal'
 * flag(104, null);           // 'normal'
 */

export type SrbFlag = 'high' | 'low' | 'normal';

/** The normal SRB band, boys per 100 girls. */
export const SRB_NORMAL_BAND: readonly [number, number] = [103, 107];

export function flag(
  lo: number | null,
  hi: number | null,
  band: readonly [number, number] = SRB_NORMAL_BAND,
): SrbFlag {
  const [bandLo, bandHi] = band;
  if (!(Number.isFinite(bandLo) && Number.isFinite(bandHi) && bandLo <= bandHi)) {
    throw new RangeError(`band must be two finite numbers with lower ≤ upper, got [${bandLo}, ${bandHi}]`);
  }
  if (lo !== null && hi !== null && lo > hi) throw new RangeError(`interval lower end ${lo} exceeds upper end ${hi}`);
  if (lo !== null && lo > bandHi) return 'high';
  if (hi !== null && hi < bandLo) return 'low';
  return 'normal';
}
