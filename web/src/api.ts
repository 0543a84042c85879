/**
 * @module api
 * Typed calls to the Renkou API. A non-2xx answer throws an `ApiFailure` with the server's
 * planner-facing message. GET answers are memoised for the session (the database only changes
 * on a new import, and the page re-renders often as controls change).
 *
 * @example
 * const births = await api.indicator('births', { township: 'all', from: 2023, to: 2024, compare: 'yoy' });
 */
import type { Topology } from 'topojson-specification';

export type RegionKind = 'town' | 'township' | 'subdistrict';
export interface TownshipInfo { code: string; name: string; kind: RegionKind }
export interface Meta {
  county: { code: string; name: string };
  townships: TownshipInfo[];
  years: { from: number; to: number; eventsFrom?: number; eventsTo?: number };
  /** Rows accepted per table. */
  rowCounts: Record<string, number>;
  rowsRead?: Record<string, number>;
  quarantine: Record<string, Record<string, number>>;
  /** What the account may see: the county (`all`) or its township codes. */
  scope?: 'all' | string[];
  ingestedAt?: string | null;
  /** True when the population came in 5-year groups and was graduated to single ages at import. */
  populationGraduated?: boolean;
}

export type Role = 'admin' | 'analyst' | 'township';
export interface SessionUser { name: string; role: Role; townships: 'all' | string[] }
/** `GET /api/session`: access control is on when users exist; `user` is null until a login. */
export interface Session { accessControl: boolean; user: SessionUser | null }
export interface MapRow { township: string; name: string; kind: string; value: number }
export interface MapLayer { indicator: string; year: number; unit: string; label: { zh: string; en: string }; rows: MapRow[] }

// The parameter vocabularies are the server's own (type-only imports: nothing of the server is bundled).
import type { Extra, PeriodKind, ResidenceFilter as Residence } from '../../server/indicators/types.ts';
import type { BirthOrderFilter as BirthOrder } from '../../server/srb/srbRows.ts';
import type { SrbJudgement } from '../../common/srbWording.ts';
export type { BirthOrder, Extra, PeriodKind, Residence };

export interface IndicatorRow {
  township: string;
  period: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  small: boolean;
  previous?: number | null;
  change?: number | null;
  change_pct?: number | null;
  [field: string]: Extra | undefined;
}
export interface IndicatorAnswer { indicator: string; unit: string; name: { zh: string; en: string }; rows: IndicatorRow[] }
export interface IndicatorInfo {
  id: string; unit: string; name: { zh: string; en: string }; definition: { zh: string; en: string };
  parameters: { period: PeriodKind[] };
}
export interface IndicatorCatalog { indicators: IndicatorInfo[]; smallCell: number }

export interface IndicatorParams {
  township?: string;
  from?: number;
  to?: number;
  period?: PeriodKind;
  residence?: Residence;
  compare?: 'none' | 'yoy' | 'prev';
  ages?: 'single' | '5';
  direction?: 'in' | 'out';
}

export type SrbFlag = 'high' | 'low' | 'normal' | null;
export interface SrbRow extends IndicatorRow {
  order: BirthOrder; male: number; female: number; births: number;
  srb: number | null; lo: number | null; hi: number | null;
  smoothed: number | null; smoothed_lo: number | null; smoothed_hi: number | null;
  shrinkage: number; flag: SrbFlag;
  /** 偏高 / 未显著偏高 / 正常 / … (common/srbWording.ts). */
  judgement: SrbJudgement;
}
export interface SrbAnswer { indicator: 'srb'; unit: string; band: [number, number]; rows: SrbRow[] }
export type FunnelClass = 'above998' | 'above95' | 'inside' | 'below95' | 'below998' | 'no_births';
export interface FunnelLimit { births: number; lo95: number; hi95: number | null; lo998: number; hi998: number | null }
export interface SrbRankingRow extends SrbRow { name: string; rank: number; funnel: FunnelClass }
export interface SrbRanking {
  span: string;
  from: number;
  to: number;
  rule: { zh: string; en: string; funnel: { zh: string; en: string } };
  county: SrbRow;
  prior: { meanSrb: number; strength: number; pooled: boolean } | null;
  townships: SrbRankingRow[];
  funnel: FunnelLimit[];
}

export class ApiFailure extends Error {
  constructor(readonly status: number, message: string, readonly code: string) {
    super(message);
  }
}

export function isApiFailure(e: unknown): e is ApiFailure {
  return e instanceof ApiFailure;
}

interface ErrorBody { error?: { code?: string; message?: string } }

let unauthorized: (() => void) | null = null;

/** Called when any API answer is 401 (not logged in, or the session ended): the shell shows the login page. */
export function onUnauthorized(handler: () => void): void {
  unauthorized = handler;
}

function failure(response: Response, text: string): ApiFailure {
  let body: unknown = null;
  try { body = text ? JSON.parse(text) : null; } catch { body = null; }
  const err = (body as ErrorBody | null)?.error;
  return new ApiFailure(response.status, err?.message ?? `${response.status} ${response.statusText}`, err?.code ?? 'http');
}

async function parse<T>(response: Response): Promise<T> {
  const text = await response.text();
  if (!response.ok) {
    if (response.status === 401) unauthorized?.();
    throw failure(response, text);
  }
  return (text ? JSON.parse(text) : null) as T;
}

async function parseText(response: Response): Promise<string> {
  const text = await response.text();
  if (!response.ok) {
    if (response.status === 401) unauthorized?.();
    throw failure(response, text);
  }
  return text;
}

const cache = new Map<string, Promise<unknown>>();

/** Forgets every memoised answer (after a login or logout: what may be seen has changed). */
export function clearCache(): void {
  cache.clear();
}

/** A text answer (the HTML fragment of a report), memoised like `getJson`. */
export function getText(url: string): Promise<string> {
  const key = `TEXT ${url}`;
  let hit = cache.get(key) as Promise<string> | undefined;
  if (!hit) {
    hit = fetch(url).then(parseText);
    cache.set(key, hit);
    hit.catch(() => cache.delete(key));
  }
  return hit;
}

export function getJson<T>(url: string): Promise<T> {
  let hit = cache.get(url) as Promise<T> | undefined;
  if (!hit) {
    hit = fetch(url).then((r) => parse<T>(r));
    cache.set(url, hit);
    hit.catch(() => cache.delete(url));
  }
  return hit;
}

export function postJson<T>(url: string, body: unknown): Promise<T> {
  const key = `POST ${url} ${JSON.stringify(body)}`;
  let hit = cache.get(key) as Promise<T> | undefined;
  if (!hit) {
    hit = fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => parse<T>(r));
    cache.set(key, hit);
    hit.catch(() => cache.delete(key));
  }
  return hit;
}

function qs(params: object): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') search.set(k, String(v));
  return search.toString();
}

export const api = {
  meta: () => getJson<Meta>('/api/meta'),
  topology: () => getJson<Topology>('/api/regions.topojson'),
  map: (indicator: string, year: number) => getJson<MapLayer>(`/api/map?${qs({ indicator, year })}`),
  catalog: () => getJson<IndicatorCatalog>('/api/indicators'),
  indicator: (name: string, params: IndicatorParams) => getJson<IndicatorAnswer>(`/api/indicators/${encodeURIComponent(name)}?${qs(params)}`),
  srb: (params: IndicatorParams & { order?: BirthOrder }) => getJson<SrbAnswer>(`/api/srb?${qs(params)}`),
  srbRanking: (params: { from?: number; to?: number; residence?: Residence; order?: BirthOrder }) => getJson<SrbRanking>(`/api/srb/ranking?${qs(params)}`),
};

export const auth = {
  session: () => getJson<Session>('/api/session'),
  /** Logs in with an access token; a bad token is an `ApiFailure` with status 401 (not sent to the login handler). */
  async login(token: string): Promise<SessionUser> {
    const r = await fetch('/api/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
    const text = await r.text();
    if (!r.ok) throw failure(r, text);
    clearCache();
    return JSON.parse(text) as SessionUser;
  },
  async logout(): Promise<void> {
    try {
      await fetch('/api/logout', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    } finally {
      clearCache();
    }
  },
};

/**
 * Records a download in the audit trail (`POST /api/audit/export`), fire-and-forget: the chart
 * id and the view's parameters from the URL, as strings. A failure never blocks the download.
 */
export function auditExport(chart: string, what = 'csv'): void {
  const params: Record<string, string> = { chart };
  for (const [k, v] of new URLSearchParams(location.search)) if (k !== 'chart') params[k] = v.slice(0, 2000);
  void fetch('/api/audit/export', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ what, params }) })
    .catch(() => undefined);
}

/** The URL of an indicator request, for tests and for "open the raw data" links. */
export function indicatorUrl(name: string, params: IndicatorParams): string {
  return `/api/indicators/${encodeURIComponent(name)}?${qs(params)}`;
}
