/**
 * @module contract/assessment
 * The assessment year on the wire: targets (`GET/POST /api/targets`), year-to-date progress
 * (`GET /api/progress`), the scorecard (`GET /api/assessment`) and the assessment scheme's
 * format (assessment.yaml, validated with `schemeSchema` by the server).
 *
 * @example
 * const edit: TargetEdit = { measure: 'compliance_registered', scope: 'all', year: 2024, direction: 'at_least', value: 99, upper: null };
 */
import { z } from 'zod';

export const DIRECTIONS = ['at_least', 'at_most', 'between'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export interface TargetRule {
  readonly direction: Direction;
  /** The bound (at least / at most), or the lower end of a band. */
  readonly value: number;
  /** The upper end of a band (`between`), else null. */
  readonly upper: number | null;
}

export const TARGET_SOURCES = ['edit', 'file', 'default'] as const;
export type TargetSource = (typeof TARGET_SOURCES)[number];

export interface Target extends TargetRule {
  readonly measure: string;
  /** 'all' for the county, else a 9-digit township code. */
  readonly scope: string;
  /** The year it applies to; null for every year. */
  readonly year: number | null;
  readonly source: TargetSource;
  /** Who set an edit and when (ISO time); where a file target came from (file and line). */
  readonly by?: string;
  readonly at?: string;
}

export interface ShownTarget extends Target { rule: string; name: { zh: string; en: string } | null; place?: string }
export interface MeasureInfo { id: string; name: { zh: string; en: string }; unit: string }
/** `GET /api/targets?year=`. */
export interface TargetsAnswer { year: number; measures: MeasureInfo[]; set: ShownTarget[]; effective: ShownTarget[]; canEdit: boolean }
/** The body of `POST /api/targets`. */
export interface TargetEdit { measure: string; scope: string; year: number | null; direction: Direction; value: number; upper: number | null }

export interface ProgressItem {
  measure: string; name: { zh: string; en: string }; unit: string;
  target: (Target & { rule: string }) | null;
  ytd: number | null;
  counts: Record<string, number | null>;
  /** Months elapsed as % of the year (时间进度), the same for every item. */
  elapsed_share: number;
  /** Counts with a target: the 1–N月 figure as % of the annual target. */
  reached_share: number | null;
  on_track: boolean | null;
  nowcast: { value: number; lo: number; hi: number } | null;
  nowcast_meets: boolean | null;
}
/** `GET /api/progress?year=&through=&township=`. */
export interface Progress { township: string; year: number; through: number; elapsed_share: number; period: string; items: ProgressItem[] }

export const ITEM_KINDS = ['compliance_registered', 'compliance_migrant', 'srb', 'certificate_rate', 'births_change', 'data_quality', 'hospital_rate'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

const threshold = z.union([z.number(), z.literal('target')]);

const rule = z.discriminatedUnion('rule', [
  z.strictObject({ rule: z.literal('linear'), full_at: threshold, zero_at: threshold }),
  z.strictObject({ rule: z.literal('pass_fail') }),
  z.strictObject({ rule: z.literal('deduction'), per_case: z.number().positive() }),
  z.strictObject({ rule: z.literal('band'), margin: z.number().positive() }),
  z.strictObject({ rule: z.literal('interval'), zero_at: z.number() }),
]);

const veto = z.strictObject({
  field: z.string().min(1),
  above: z.number().optional(),
  below: z.number().optional(),
  reason: z.string().min(1),
}).refine((v) => (v.above === undefined) !== (v.below === undefined), { message: 'a veto needs exactly one of above or below' });

const item = z.strictObject({
  id: z.string().regex(/^[a-z0-9_]+$/, 'an item id is lower-case letters, digits and _'),
  kind: z.enum(ITEM_KINDS),
  name: z.string().min(1),
  weight: z.number().positive(),
  /** The targets-table measure the item is judged against (defaults to the kind's own). */
  target: z.string().optional(),
  scoring: rule,
  veto: veto.optional(),
  /** 单项预警: the bottom N townships of this item by score (0 for none). */
  warn_bottom: z.number().int().min(0).default(3),
  /** SRB: years of births pooled up to the window's end (more births, narrower intervals). */
  pool_years: z.number().int().min(1).max(5).default(1),
});

const category = z.strictObject({
  id: z.string().regex(/^[a-z0-9_]+$/),
  name: z.string().min(1),
  when: z.strictObject({
    veto: z.boolean().optional(),
    total_below: z.number().optional(),
    bottom: z.number().int().positive().optional(),
    top_share: z.number().positive().max(1).optional(),
  }),
  /** A bottom group: two years running in one is marked. */
  bottom_group: z.boolean().default(false),
});

/** An assessment scheme (assessment.yaml): items, their scoring rules and the categories. */
export const schemeSchema = z.strictObject({
  name: z.string().min(1),
  window: z.enum(['year', 'statyear']).default('year'),
  items: z.array(item).min(1),
  categories: z.array(category),
  /** The category of a township no rule puts anywhere else. */
  default_category: z.strictObject({ id: z.string(), name: z.string() }),
}).superRefine((s, ctx) => {
  const ids = new Set<string>();
  s.items.forEach((it, i) => {
    if (ids.has(it.id)) ctx.addIssue({ code: 'custom', path: ['items', i, 'id'], message: `item id ${it.id} is used twice` });
    ids.add(it.id);
  });
});

export type Scheme = z.infer<typeof schemeSchema>;
export type SchemeItem = Scheme['items'][number];
export type SchemeCategory = Scheme['categories'][number];
export type ScoringRule = SchemeItem['scoring'];

/** The measured figures of an item (counts, rates) by name. */
export type Fields = Readonly<Record<string, number | null>>;

export interface ItemResult {
  id: string; kind: string; name: string; weight: number; score: number;
  value: number | null; target: number | null; target_upper: number | null; target_rule: string | null;
  met: boolean | null; warn: boolean; veto: boolean; fields: Fields;
}
export interface TownshipResult {
  township: string; name: string; total: number; rank: number; category: string; category_name: string;
  veto: boolean; veto_reasons: string[]; bottom_group: boolean; bottom_two_years: boolean | null; items: ItemResult[];
}

/** `GET /api/assessment?year=&window=`: the scorecard of every township. */
export interface Assessment {
  scheme: Pick<Scheme, 'name' | 'window' | 'items' | 'categories' | 'default_category'> & { file: string };
  year: number;
  window: { kind: 'year' | 'statyear'; label: string; first_day: string; last_day: string };
  /** Whether the year before could be assessed (for the two-years-running mark). */
  previous_year: number | null;
  townships: TownshipResult[];
}

/**
 * The months a year's 1–N月 progress runs through when none is asked: a year still open (its last
 * month with births before December, `lastBirths` as YYYY-MM) through that month, as a monthly
 * refresh is followed; any other year through June (双过半, the half-year).
 */
export function defaultThroughMonth(lastBirths: string | null | undefined, year: number): number {
  const months = monthsWithBirths(lastBirths, year);
  return months > 0 && months < 12 ? months : 6;
}

/**
 * How many months of `year` have births in: 12, but for the year still open its last month with births,
 * and none for a year after the births (a year-end population later than them).
 */
export function monthsWithBirths(lastBirths: string | null | undefined, year: number): number {
  const m = /^(\d{4})-(\d{2})$/.exec(lastBirths ?? '');
  if (!m) return 12;
  return year > Number(m[1]) ? 0 : year === Number(m[1]) ? Number(m[2]) : 12;
}

/** The last year with births (YYYY-MM's year), or null. */
export function birthsYear(lastBirths: string | null | undefined): number | null {
  const m = /^(\d{4})-\d{2}$/.exec(lastBirths ?? '');
  return m ? Number(m[1]) : null;
}
