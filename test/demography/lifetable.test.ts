/**
 * Life table and survivorship ratios against values computed by hand in the test.
 */
import { describe, expect, it } from 'vitest';
import { abridgedWidths, coaleDemenyA0, equalWidths, lifeTable, singleYearWidths } from '../../server/demography/lifetable.ts';
import { groupedLx, survivalFromEqualMx, survivalFromMx, survivalRatios, survivalSingleYear } from '../../server/demography/survivorship.ts';

describe('lifeTable', () => {
  it('a 3-group table (0-4, 5-9, 10+) by hand', () => {
    const lt = lifeTable([0.02, 0.01, 0.1], equalWidths(3, 5), { sex: 'female' });
    // 5-year groups: ₅a₀ = 1.1, a(5) = 2.5; q = n·m / (1 + (n − a)·m)
    const q0 = (5 * 0.02) / (1 + (5 - 1.1) * 0.02);
    const q1 = (5 * 0.01) / (1 + 2.5 * 0.01);
    const l5 = 1 - q0;
    const l10 = l5 * (1 - q1);
    const L0 = 5 * l5 + 1.1 * q0;
    const L5 = 5 * l10 + 2.5 * l5 * q1;
    const L10 = l10 / 0.1;
    expect(lt.qx[0]).toBeCloseTo(q0, 14);
    expect(lt.lx[2]).toBeCloseTo(l10, 14);
    expect(lt.Lx[0]).toBeCloseTo(L0, 14);
    expect(lt.Lx[1]).toBeCloseTo(L5, 14);
    expect(lt.ex[0]).toBeCloseTo(L0 + L5 + L10, 14);
    const sx = survivalRatios(lt, 5, 3);
    [L0 / 5, L5 / L0, L10 / (L5 + L10)].forEach((v, i) => expect(sx[i]).toBeCloseTo(v, 14));
  });

  it('constant hazard m gives e0 close to 1/m and the Coale-Demeny a0 at age 0', () => {
    const m = 0.02;
    const lt = lifeTable(new Array(101).fill(m), singleYearWidths(101), { sex: 'male' });
    expect(lt.ax[0]).toBeCloseTo(coaleDemenyA0(m, 'male').a0, 14);
    expect(lt.ax[0]).toBeCloseTo(0.045 + 2.684 * 0.02, 14);
    expect(lt.ex[0]).toBeGreaterThan(49.5);
    expect(lt.ex[0]).toBeLessThan(50.5);
    expect(lt.ex[100]).toBeCloseTo(50, 12); // open group: 1 / m
  });

  it('Coale-Demeny rules switch at m0 = 0.107', () => {
    expect(coaleDemenyA0(0.2, 'female')).toEqual({ a0: 0.35, a1to4: 1.361 });
    expect(coaleDemenyA0(0.05, 'female').a1to4).toBeCloseTo(1.522 - 1.518 * 0.05, 14);
  });

  it('abridged m(x) collapses 0 and 1-4 into 0-4 for 5-year survivorship', () => {
    const mx = [0.01, 0.001, 0.0005, 0.001, 0.2];
    const lt = lifeTable(mx, abridgedWidths(5), { sex: 'female' });
    const L = groupedLx(lt, 5, 4);
    expect(L[0]).toBeCloseTo(lt.Lx[0]! + lt.Lx[1]!, 14);
    expect(L[3]).toBeCloseTo(lt.Tx[4]!, 14);
    const sx = survivalFromMx(mx, 5, 4, 'female');
    expect(sx[0]).toBeCloseTo((lt.Lx[0]! + lt.Lx[1]!) / 5, 14);
    expect(sx[1]).toBeCloseTo(lt.Lx[2]! / (lt.Lx[0]! + lt.Lx[1]!), 14);
    expect(sx[3]).toBeCloseTo(lt.Lx[4]! / (lt.Lx[3]! + lt.Lx[4]!), 14);
  });
});

describe('survivalFromEqualMx (fast path)', () => {
  const mx = Array.from({ length: 101 }, (_, x) => (x === 0 ? 0.008 : 0.00004 * Math.exp(0.09 * x)));
  it.each([1, 5] as const)('equals the full life table for groups of width %i, with and without a(x)', (n) => {
    const A = n === 1 ? 101 : 21;
    const m = mx.slice(0, A);
    const ax = m.map((_, i) => (i === A - 1 ? 1.7 : n * 0.45));
    for (const a of [undefined, ax]) {
      const full = survivalRatios(lifeTable(m, equalWidths(A, n), a === undefined ? { sex: 'male' } : { sex: 'male', ax: a }), n, A);
      const fast = survivalFromEqualMx(m, n, 'male', a);
      full.forEach((v, i) => expect(fast[i]).toBeCloseTo(v, 14));
    }
  });
});

describe('survivalSingleYear (one division per age)', () => {
  const mx = Float64Array.from({ length: 101 }, (_, x) => (x === 0 ? 0.008 : 0.00004 * Math.exp(0.09 * x)));
  it.each([['male', 1], ['female', 0.6], ['male', 1.8], ['female', 40]] as const)(
    'equals the full life table of m(x) × scale (%s, scale %d)', (sex, scale) => {
      const scaled = Array.from(mx, (m) => m * scale);
      const full = survivalRatios(lifeTable(scaled, singleYearWidths(101), { sex }), 1, 101);
      const fast = survivalSingleYear(mx, scale, sex, new Float64Array(101));
      full.forEach((v, i) => expect(fast[i]).toBeCloseTo(v, 13));
    });
  it('reads one year of a path from its offset', () => {
    const path = new Float64Array(3 * 101);
    path.set(mx.map((m) => m * 3), 0);
    path.set(mx, 101);
    path.set(mx.map((m) => m * 9), 202);
    const own = survivalSingleYear(mx, 1.3, 'female', new Float64Array(101));
    expect(Array.from(survivalSingleYear(path, 1.3, 'female', new Float64Array(101), 101))).toEqual(Array.from(own));
  });
  it('a rate of 2 or more (q = 1) gives nobody past that age, as the full table does', () => {
    const fast = survivalSingleYear(mx, 40, 'male', new Float64Array(101)); // m(x) ≥ 2 from about age 82
    const cut = Array.from(mx).findIndex((m) => m * 40 >= 2);
    expect(cut).toBeGreaterThan(50);
    expect(fast[cut + 1]).toBe(0);
    expect(fast[cut]).toBeGreaterThan(0);
  });
});
