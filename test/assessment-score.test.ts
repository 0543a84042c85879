/**
 * The scorecard worked by hand for five townships under a small scheme: a linear item against a
 * target, a pass/fail item, a deduction per case, an interval item with a veto, categories with
 * cut-offs (veto or total below 50, bottom 3, top 20%), 单项预警 for the bottom township of each
 * item, and the mark for a township in a bottom group two years running. Every expected figure
 * below is computed in the comments, not by the code under test.
 */
import { describe, expect, it } from 'vitest';
import { parseScheme } from '../server/assessment/scheme.ts';
import { assess, type ItemInput, type TownshipInput } from '../server/assessment/score.ts';
import { DEFAULT_SCHEME_FILE, loadScheme } from '../server/assessment/scheme.ts';

const scheme = parseScheme(`
name: 测试方案
items:
  - { id: a, kind: compliance_registered, name: 符合率, weight: 40, scoring: { rule: linear, full_at: target, zero_at: 70 }, warn_bottom: 1 }
  - { id: b, kind: srb, name: 是否不高于107, weight: 20, scoring: { rule: pass_fail }, warn_bottom: 1 }
  - { id: c, kind: data_quality, name: 数据质量, weight: 20, scoring: { rule: deduction, per_case: 2 }, warn_bottom: 1 }
  - id: d
    kind: srb
    name: 性别比
    weight: 20
    scoring: { rule: interval, zero_at: 125 }
    veto: { field: value, above: 130, reason: 性别比严重偏高 }
    warn_bottom: 1
categories:
  - { id: key_help, name: 重点帮助, when: { veto: true, total_below: 50 }, bottom_group: true }
  - { id: key_management, name: 重点管理, when: { bottom: 3 }, bottom_group: true }
  - { id: advanced, name: 先进, when: { top_share: 0.2 } }
default_category: { id: pass, name: 达标 }
`, 'test-scheme.yaml');

const atLeast90 = { direction: 'at_least' as const, value: 90, upper: null };
const atMost107 = { direction: 'at_most' as const, value: 107, upper: null };
const a = (value: number | null): ItemInput => ({ value, target: atLeast90, fields: {} });
const b = (value: number): ItemInput => ({ value, target: atMost107, fields: {} });
const c = (cases: number): ItemInput => ({ value: cases, cases, target: null, fields: {} });
const d = (value: number, lo: number): ItemInput => ({ value, lo, target: atMost107, fields: {} });
const town = (code: string, items: [ItemInput, ItemInput, ItemInput, ItemInput]): TownshipInput =>
  ({ township: code, name: code, items: { a: items[0], b: items[1], c: items[2], d: items[3] } });

const towns = [
  // a: 95 ≥ 90 → 40; b: 105 ≤ 107 → 20; c: 20 − 2×1 = 18; d: lo 104 ≤ 107 → 20.            total 98
  town('T1', [a(95), b(105), c(1), d(110, 104)]),
  // a: 40×(80−70)/(90−70) = 20; b: 110 > 107 → 0; c: 20; d: 20×(125−116)/(125−107) = 10.     total 50
  town('T2', [a(80), b(110), c(0), d(116, 109)]),
  // a: no births → 40; b: 20; c: 20 − 30 → 0; d: 131 ≥ 125 → 0, and 131 > 130: veto.          total 60, vetoed
  town('T3', [a(null), b(100), c(15), d(131, 120)]),
  // a: 70 → 0; b: 107 ≤ 107 → 20; c: 20 − 6 = 14; d: lo 100 → 20.                            total 54
  town('T4', [a(70), b(107), c(3), d(107.5, 100)]),
  // a: 90 → 40; b: 107.01 → 0; c: 20 − 20 = 0; d: 20×(125−120)/18 = 5.555… → 5.56.             total 45.56
  town('T5', [a(90), b(107.01), c(10), d(120, 108)]),
];

describe('the scorecard by hand', () => {
  const results = assess(scheme, towns, new Set(['T2', 'T4']));
  const by = new Map(results.map((r) => [r.township, r]));

  it('scores every item by its rule and totals the rounded scores', () => {
    const scores = (code: string) => by.get(code)!.items.map((i) => i.score);
    expect(scores('T1')).toEqual([40, 20, 18, 20]);
    expect(scores('T2')).toEqual([20, 0, 20, 10]);
    expect(scores('T3')).toEqual([40, 20, 0, 0]);
    expect(scores('T4')).toEqual([0, 20, 14, 20]);
    expect(scores('T5')).toEqual([40, 0, 0, 5.56]);
    expect(results.map((r) => [r.township, r.total])).toEqual([['T1', 98], ['T4', 54], ['T2', 50], ['T5', 45.56], ['T3', 60]]);
  });

  it('a veto ranks the township last whatever its total, and names the reason', () => {
    expect(by.get('T3')).toMatchObject({ veto: true, veto_reasons: ['性别比严重偏高'], rank: 5 });
    expect(results.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
  });

  it('categories: first match wins (veto or total < 50 → 重点帮助; bottom 3 → 重点管理; top 20% → 先进)', () => {
    expect(Object.fromEntries(results.map((r) => [r.township, r.category_name]))).toEqual({
      T1: '先进', T4: '达标', T2: '重点管理', T5: '重点帮助', T3: '重点帮助',
    });
  });

  it('单项预警: the lowest score of each item below full marks (ties by code)', () => {
    const warned = (id: string) => results.filter((r) => r.items.find((i) => i.id === id)!.warn).map((r) => r.township);
    expect(warned('a')).toEqual(['T4']);
    expect(warned('b')).toEqual(['T2']);
    expect(warned('c')).toEqual(['T3']);
    expect(warned('d')).toEqual(['T3']);
  });

  it('marks a township in a bottom group this year and last year', () => {
    expect(results.map((r) => [r.township, r.bottom_two_years])).toEqual([['T1', false], ['T4', false], ['T2', true], ['T5', false], ['T3', false]]);
    expect(assess(scheme, towns, null).every((r) => r.bottom_two_years === null)).toBe(true);
  });

  it('equal totals share a rank', () => {
    const tied = assess(scheme, [town('X1', [a(90), b(100), c(0), d(100, 95)]), town('X2', [a(90), b(100), c(0), d(100, 95)]), town('X3', [a(80), b(100), c(0), d(100, 95)])]);
    expect(tied.map((r) => [r.township, r.rank])).toEqual([['X1', 1], ['X2', 1], ['X3', 3]]);
  });

  it('the demo county scheme file is valid and has the six required items', () => {
    const demo = loadScheme(DEFAULT_SCHEME_FILE);
    expect(demo.items.map((i) => i.id)).toEqual(['compliance_registered', 'compliance_migrant', 'srb', 'certificate_rate', 'births_change', 'data_quality']);
    expect(demo.items.reduce((s, i) => s + i.weight, 0)).toBe(100);
  });

  it('a wrong scheme is refused with the field named', () => {
    expect(() => parseScheme('name: x\nitems: [{ id: a, kind: nope, name: n, weight: 1, scoring: { rule: pass_fail } }]\ncategories: []\ndefault_category: { id: p, name: p }', 'bad.yaml'))
      .toThrow(/bad\.yaml: items\.0\.kind/);
  });
});
