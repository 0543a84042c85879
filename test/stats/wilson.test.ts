import { describe, expect, it } from 'vitest';
import { srbInterval, wilsonInterval, Z95 } from '../../server/stats/wilson.ts';

const round4 = (x: number): number => Number(x.toFixed(4));

describe('wilsonInterval', () => {
  // Newcombe (1998), "Two-sided confidence intervals for the single proportion: comparison of
  // seven methods", Stat Med 17:857–872, Table I, method 3 (Wilson score, no continuity correction).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0.0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i/%i matches Newcombe 1998 Table I: %f–%f', (x, n, lo, hi) => {
    const ci = wilsonInterval(x, n);
    expect(round4(ci.lo)).toBe(lo);
    expect(round4(ci.hi)).toBe(hi);
  });

  it('uses z = Φ⁻¹(0.975) by default', () => {
    expect(Z95).toBe(1.959963984540054);
  });

  it('takes another z: 99% (z = 2.5758293035489004) against the closed form evaluated in Python', () => {
    const z = 2.5758293035489004;
    const a = wilsonInterval(81, 263, z);
    expect(a.lo).toBeCloseTo(0.24013690268760768, 12);
    expect(a.hi).toBeCloseTo(0.3852825023182298, 12);
    const b = wilsonInterval(1, 29, z);
    expect(b.lo).toBeCloseTo(0.0040614941968838275, 12);
    expect(b.hi).toBeCloseTo(0.23825425313641302, 12);
  });

  it('is exactly 0 at x = 0, exactly 1 at x = n, and [0, 1] with no trials', () => {
    expect(wilsonInterval(0, 20).lo).toBe(0);
    expect(wilsonInterval(20, 20).hi).toBe(1);
    // symmetric to 0/20 (Newcombe): 20/20 → 0.8389–1
    expect(round4(wilsonInterval(20, 20).lo)).toBe(0.8389);
    expect(wilsonInterval(0, 0)).toEqual({ lo: 0, hi: 1 });
  });

  it('rejects impossible counts', () => {
    expect(() => wilsonInterval(5, 4)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 4)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 4, 0)).toThrow(RangeError);
  });
});

describe('srbInterval', () => {
  it('maps the Wilson interval of the male share by 100·p/(1−p) (values from the closed form in Python)', () => {
    const r = srbInterval(530, 470);
    expect(r.srb).toBeCloseTo(112.76595744680851, 10);
    expect(r.lo).toBeCloseTo(99.60490567971902, 9);
    expect(r.hi).toBeCloseTo(127.66601275427556, 9);
    const s = srbInterval(590, 410);
    expect(s.srb).toBeCloseTo(143.90243902439025, 10);
    expect(s.lo).toBeCloseTo(126.8748924132, 9);
    expect(s.hi).toBeCloseTo(163.21520801552933, 9);
  });

  it('Newcombe 81/263 as a ratio: 100·0.2553/0.7447 … 100·0.3662/0.6338', () => {
    // 81 boys, 182 girls: share interval 0.2553–0.3662 (Newcombe 1998) → ratio 34.28–57.78
    const r = srbInterval(81, 182);
    expect(r.lo).toBeCloseTo((100 * 0.2553) / 0.7447, 1);
    expect(r.hi).toBeCloseTo((100 * 0.3662) / 0.6338, 1);
  });

  it('uses null where the ratio has no finite value', () => {
    // no girls: infinite ratio, unbounded upper end; the lower end is the Wilson lower end mapped
    const noGirls = srbInterval(20, 0);
    expect(noGirls.srb).toBeNull();
    expect(noGirls.hi).toBeNull();
    expect(noGirls.lo).toBeCloseTo(520.6355432540117, 9); // closed form in Python
    // no boys: ratio 0, interval from 0 to the 0/20 upper end 0.1611 mapped
    const noBoys = srbInterval(0, 20);
    expect(noBoys.srb).toBe(0);
    expect(noBoys.lo).toBe(0);
    expect(noBoys.hi).toBeCloseTo((100 * 0.1611) / 0.8389, 1);
    // no births: undefined ratio, interval [0, unbounded)
    expect(srbInterval(0, 0)).toEqual({ srb: null, lo: 0, hi: null });
    expect(JSON.parse(JSON.stringify(srbInterval(3, 0)))).toEqual(srbInterval(3, 0));
  });
});
