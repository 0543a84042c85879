import { describe, expect, it } from 'vitest';
import { flag } from '../../server/stats/srbFlag.ts';
import { srbInterval } from '../../server/stats/wilson.ts';

describe('flag', () => {
  it.each([
    [107.01, 120, 'high'],
    [107, 120, 'normal'], // touches the band
    [90, 102.99, 'low'],
    [90, 103, 'normal'], // touches the band
    [100, 110, 'normal'], // straddles
    [103, 107, 'normal'],
    [104, 106, 'normal'], // inside
  ] as const)('[%f, %f] → %s', (lo, hi, want) => {
    expect(flag(lo, hi)).toBe(want);
  });

  it('treats null as an unbounded end', () => {
    expect(flag(108, null)).toBe('high');
    expect(flag(104, null)).toBe('normal');
    expect(flag(null, 102)).toBe('low');
  });

  it('takes another band', () => {
    expect(flag(108, 115, [105, 110])).toBe('normal');
    expect(flag(110.5, 115, [105, 110])).toBe('high');
    expect(() => flag(100, 110, [110, 105])).toThrow(RangeError);
  });

  it('flags through the Wilson interval: 590 boys / 410 girls is high, 515 / 485 is normal', () => {
    const high = srbInterval(590, 410); // 126.87–163.22
    expect(flag(high.lo, high.hi)).toBe('high');
    const normal = srbInterval(515, 485); // 93.81–120.20
    expect(flag(normal.lo, normal.hi)).toBe('normal');
    const low = srbInterval(4400, 5600); // 75.53–81.74
    expect(flag(low.lo, low.hi)).toBe('low');
  });
});
