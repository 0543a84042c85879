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
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from '../paths.ts';
import { ITEM_KINDS, schemeSchema } from '../../contract/assessment.ts';
import type { ItemKind, Scheme, SchemeItem, SchemeCategory, ScoringRule } from '../../contract/assessment.ts';
export { ITEM_KINDS, schemeSchema };
export type { ItemKind, Scheme, SchemeItem, SchemeCategory, ScoringRule };

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

/**
 * The scheme in force and its modification time: RENKOU_SCHEME, else assessment.yaml beside the
 * database, else the demo county's. One `stat` per candidate: every answer's cache key asks.
 */
export function schemeInForce(dbPath: string): { file: string; mtimeMs: number } {
  const beside = path.join(path.dirname(dbPath), 'assessment.yaml');
  const candidates = [process.env.RENKOU_SCHEME, beside].filter((f): f is string => !!f);
  for (const file of candidates) {
    const stat = statSync(file, { throwIfNoEntry: false });
    if (stat?.isFile()) return { file, mtimeMs: stat.mtimeMs };
  }
  return { file: DEFAULT_SCHEME_FILE, mtimeMs: statSync(DEFAULT_SCHEME_FILE, { throwIfNoEntry: false })?.mtimeMs ?? 0 };
}

export function schemeFileFor(dbPath: string): string {
  return schemeInForce(dbPath).file;
}

export function loadScheme(file: string): Scheme {
  return parseScheme(readFileSync(file, 'utf8'), file);
}
