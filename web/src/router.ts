/**
 * @module router
 * A small client-side router: the page and every control's value live in the URL query
 * (`?page=srb&township=999901103&order=2&lang=en`), so a link reproduces the view. Changing a
 * control pushes a new history entry; Back returns to the previous view.
 *
 * @example
 * ctx.set({ township: '999901103' });          // same page, new township
 * ctx.go('township', { township: code });       // another page
 */
import type { Meta } from './api.ts';
import type { Lang } from './i18n/index.ts';

export const PAGES = ['overview', 'township', 'assessment', 'targets', 'srb', 'structure', 'projections', 'reports', 'quality', 'import'] as const;
export type PageId = (typeof PAGES)[number];

export function isPageId(s: string | null): s is PageId {
  return (PAGES as readonly string[]).includes(s ?? '');
}

export type Changes = Record<string, string | number | undefined | null>;

export interface PageContext {
  /** The data's facts; for a township account `townships` holds only the account's townships. */
  readonly meta: Meta;
  /** True when the account may see county-wide figures (no access control, or a county role). */
  readonly county: boolean;
  readonly lang: Lang;
  readonly page: PageId;
  readonly params: URLSearchParams;
  /** Changes the view state of this page (a value of undefined/null/'' removes the key). */
  set(changes: Changes): void;
  /** Opens another page; `lang` is kept, other keys come from `changes`. */
  go(page: PageId, changes?: Changes): void;
  /** A link to a page with the given state (for `<a href>`). */
  href(page: PageId, changes?: Changes): string;
}

/** Query keys that follow the planner from page to page. */
const SHARED_KEYS = ['lang', 'year', 'period'] as const;

export function currentPage(): PageId {
  const p = new URLSearchParams(location.search).get('page');
  return isPageId(p) ? p : 'overview';
}

export function buildHref(page: PageId, from: URLSearchParams, changes: Changes = {}, keepAll = false): string {
  const next = new URLSearchParams();
  if (keepAll) for (const [k, v] of from) next.set(k, v);
  else for (const k of SHARED_KEYS) { const v = from.get(k); if (v !== null) next.set(k, v); }
  next.set('page', page);
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined || v === null || v === '') next.delete(k);
    else next.set(k, String(v));
  }
  // page first, for readable links
  const ordered = new URLSearchParams([['page', page], ...[...next].filter(([k]) => k !== 'page')]);
  return `${location.pathname}?${ordered.toString()}`;
}

/**
 * A value of the link that could not be used (a mistyped or outdated link: township=123, from=abc),
 * and what the page used instead: the shell says so above the page, so that a planner who follows
 * a wrong link is not shown another township's figures without a word. `used`: what the page shows
 * instead — a value, '—' (left out), or 'data' (the value derived from the data).
 */
export interface ParamProblem { readonly key: string; readonly value: string; readonly used: string; readonly allowed?: string }

let problems: ParamProblem[] = [];

/** The problems the readers met since the last call (one page's rendering), and forgets them. */
export function takeParamProblems(): ParamProblem[] {
  const taken = problems;
  problems = [];
  return taken;
}

/** Records a value given in the link that the page could not use. */
export function paramProblem(problem: ParamProblem): void {
  if (!problems.some((p) => p.key === problem.key && p.value === problem.value)) problems.push(problem);
}

const given = (raw: string | null): raw is string => raw !== null && raw !== '';

/** Reads an integer parameter within bounds, else the fallback. */
export function intParam(params: URLSearchParams, key: string, min: number, max: number, fallback: number): number {
  const raw = params.get(key);
  const n = raw === null ? NaN : Number(raw);
  if (Number.isInteger(n) && n >= min && n <= max) return n;
  if (given(raw)) paramProblem({ key, value: raw, used: String(fallback), allowed: `${min}–${max}` });
  return fallback;
}

/** Reads a parameter that must be one of `allowed`, else the fallback. */
export function enumParam<T extends string>(params: URLSearchParams, key: string, allowed: readonly T[], fallback: T): T {
  const raw = params.get(key);
  if ((allowed as readonly string[]).includes(raw ?? '')) return raw as T;
  if (given(raw)) paramProblem({ key, value: raw, used: fallback });
  return fallback;
}

/**
 * Township codes from a comma list, kept only when they exist. `fallback`: what the page shows when
 * none is usable (its name), said in the note; without one an unusable code is only left out.
 */
export function townshipsParam(params: URLSearchParams, key: string, meta: Meta, fallback?: string): string[] {
  const known = new Set(meta.townships.map((t) => t.code));
  const codes = (params.get(key) ?? '').split(',').filter((c) => c !== '');
  const usable = [...new Set(codes.filter((c) => known.has(c)))];
  for (const c of codes) if (!known.has(c)) paramProblem({ key, value: c, used: usable.length === 0 && fallback ? fallback : '—' });
  return usable;
}
