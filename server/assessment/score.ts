/**
 * @module assessment/score
 * The scorecard arithmetic, pure: each item's score under its rule (assessment/scheme.ts), the
 * total (the sum of the item scores as rounded to 2 decimals, so a printed total always equals its
 * printed items), vetoes, the ranking, the categories and 单项预警, and the mark for a township in
 * a bottom group two years running. No I/O: the figures come in from assessment/inputs.ts.
 *
 * Conventions: an item with no value (no births of that kind in the window) is not applicable
 * and scores full marks; ranking orders vetoed townships after all others, then by total (highest
 * first), equal totals sharing a rank (1, 2, 2, 4); categories are tried in the scheme's order and
 * the first that matches wins (a condition list matches when any of its conditions does); `bottom`
 * and `top_share` count places in that order (ties at a cut-off broken by township code), and a
 * vetoed township is never in a top group.
 */
import { meets, ruleText, type TargetRule } from '../targets/measures.ts';
import type { Scheme, SchemeItem } from './scheme.ts';
import type { Fields, ItemResult, TownshipResult } from '../../contract/assessment.ts';
export type { Fields, ItemResult, TownshipResult };

export interface ItemInput {
  /** The measured value; null when not applicable (no births of that kind in the window). */
  readonly value: number | null;
  readonly target: TargetRule | null;
  /** Cases a `deduction` rule counts. */
  readonly cases?: number;
  /** The lower end of the value's interval (`interval` rule). */
  readonly lo?: number | null;
  /** The counts behind the value, shown beside it and available to veto conditions. */
  readonly fields: Fields;
}

export interface TownshipInput {
  readonly township: string;
  readonly name: string;
  readonly items: Readonly<Record<string, ItemInput>>;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

function threshold(t: number | 'target', target: TargetRule | null): number | null {
  return t === 'target' ? target?.value ?? null : t;
}

/** One item's score (unrounded) under its rule. */
export function scoreItem(item: SchemeItem, input: ItemInput): number {
  const w = item.weight;
  const rule = item.scoring;
  if (rule.rule === 'deduction') return Math.max(0, w - rule.per_case * (input.cases ?? 0));
  const v = input.value;
  if (v === null) return w;
  switch (rule.rule) {
    case 'pass_fail':
      return input.target === null || meets(input.target, v) ? w : 0;
    case 'linear': {
      const full = threshold(rule.full_at, input.target);
      const zero = threshold(rule.zero_at, input.target);
      if (full === null || zero === null) return w;
      if (full === zero) return v >= full ? w : 0;
      return w * clamp01((v - zero) / (full - zero));
    }
    case 'band': {
      const t = input.target;
      if (t === null) return w;
      const lo = t.direction === 'at_most' ? -Infinity : t.value;
      const hi = t.direction === 'at_least' ? Infinity : t.direction === 'between' ? t.upper ?? Infinity : t.value;
      const outside = v < lo ? lo - v : v > hi ? v - hi : 0;
      return w * clamp01(1 - outside / rule.margin);
    }
    case 'interval': {
      const t = input.target?.value;
      if (t === undefined || input.lo === null || input.lo === undefined || input.lo <= t) return w;
      if (rule.zero_at <= t) return 0;
      return w * clamp01((rule.zero_at - v) / (rule.zero_at - t));
    }
  }
}

function vetoed(item: SchemeItem, input: ItemInput): boolean {
  const veto = item.veto;
  if (!veto) return false;
  const x = veto.field === 'value' ? input.value : input.fields[veto.field] ?? null;
  if (x === null || x === undefined) return false;
  return veto.above !== undefined ? x > veto.above : x < (veto.below ?? -Infinity);
}

function itemResult(item: SchemeItem, input: ItemInput): ItemResult {
  const t = input.target;
  return {
    id: item.id, kind: item.kind, name: item.name, weight: item.weight, score: round2(scoreItem(item, input)),
    value: input.value, target: t?.value ?? null, target_upper: t?.upper ?? null, target_rule: t ? ruleText(t) : null,
    met: t && input.value !== null ? meets(t, input.value) : null, warn: false, veto: vetoed(item, input), fields: input.fields,
  };
}

/**
 * Scores, ranks and categorises every township. `previousBottom` holds the townships that were in
 * a bottom group the year before (null when that year cannot be assessed).
 */
export function assess(scheme: Scheme, towns: readonly TownshipInput[], previousBottom: ReadonlySet<string> | null = null): TownshipResult[] {
  const scored = towns.map((town) => {
    const items = scheme.items.map((item) => {
      const input = town.items[item.id];
      if (!input) throw new Error(`no figures for item ${item.id} of township ${town.township}`);
      return itemResult(item, input);
    });
    const vetoItems = items.filter((i) => i.veto);
    return {
      township: town.township, name: town.name, items,
      total: round2(items.reduce((sum, i) => sum + i.score, 0)),
      veto: vetoItems.length > 0,
      veto_reasons: vetoItems.map((i) => scheme.items.find((s) => s.id === i.id)?.veto?.reason ?? i.name),
    };
  });
  scored.sort((a, b) => Number(a.veto) - Number(b.veto) || b.total - a.total || a.township.localeCompare(b.township));

  for (const item of scheme.items) {
    if (item.warn_bottom === 0) continue;
    const worst = scored
      .map((t) => ({ t, r: t.items.find((i) => i.id === item.id)! }))
      .filter(({ r }) => r.score < r.weight)
      .sort((a, b) => a.r.score - b.r.score || a.t.township.localeCompare(b.t.township))
      .slice(0, item.warn_bottom);
    for (const { r } of worst) r.warn = true;
  }

  const n = scored.length;
  return scored.map((t, position) => {
    const rank = 1 + scored.findIndex((o) => o.veto === t.veto && o.total === t.total);
    const category = scheme.categories.find((c) => {
      const w = c.when;
      return (w.veto === true && t.veto)
        || (w.total_below !== undefined && t.total < w.total_below)
        || (w.bottom !== undefined && position >= n - w.bottom)
        || (w.top_share !== undefined && !t.veto && position < Math.floor(w.top_share * n));
    });
    const bottomGroup = category?.bottom_group ?? false;
    return {
      ...t, rank,
      category: category?.id ?? scheme.default_category.id,
      category_name: category?.name ?? scheme.default_category.name,
      bottom_group: bottomGroup,
      bottom_two_years: previousBottom === null ? null : bottomGroup && previousBottom.has(t.township),
    };
  });
}
