/**
 * @module assessment/scheme
 * The county's 考核方案 as a YAML file: the window (calendar or statistical year), the items
 * (what each measures, its weight, its target and how it is scored), veto conditions (一票否决)
 * and the categories with their cut-offs (先进, 重点管理, 重点帮助, 单项预警). Checked with zod: a
 * wrong scheme is refused with the field named. The demo county's scheme is schemes/demo-county.yaml.
 *
 * Scoring rules (weight w, value v):
 * - `linear`: w × clamp((v − zero_at) / (full_at − zero_at), 0, 1); `full_at: target` takes the
 *   target in force (targets table). Works both ways (full_at below zero_at for "lower is better").
 * - `pass_fail`: w when the target is met, else 0.
 * - `deduction`: max(0, w − per_case × cases).
 * - `band`: w inside the target band, falling linearly to 0 at `margin` outside it.
 * - `interval`: for a ratio with an interval (the SRB): w while the interval's lower end is at or
 *   below the target (a miss within chance is no miss), else linear from the target (w) to zero_at (0).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { REPO_ROOT } from '../paths.ts';

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

export const DEFAULT_SCHEME_FILE = path.join(REPO_ROOT, 'schemes', 'demo-county.yaml');

export class SchemeError extends Error {
  override readonly name = 'SchemeError';
}

export function parseScheme(text: string, file: string): Scheme {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (e) {
    throw new SchemeError(`${file}: not valid YAML (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`);
  }
  const parsed = schemeSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SchemeError(`${file}: ${issue?.path.join('.') || 'scheme'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/** The scheme in force: RENKOU_SCHEME, else assessment.yaml beside the database, else the demo county's. */
export function schemeFileFor(dbPath: string): string {
  const beside = path.join(path.dirname(dbPath), 'assessment.yaml');
  const candidates = [process.env.RENKOU_SCHEME, beside].filter((f): f is string => !!f);
  for (const file of candidates) {
    try {
      readFileSync(file);
      return file;
    } catch { /* not there: next */ }
  }
  return DEFAULT_SCHEME_FILE;
}

export function loadScheme(file: string): Scheme {
  return parseScheme(readFileSync(file, 'utf8'), file);
}
