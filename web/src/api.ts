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
import { apiUrl, client } from './client.ts';

// The wire types are the contract's (contract/api.ts), shared with the server.
import type {
  BirthOrderFilter as BirthOrder, Extra, FunnelClass, FunnelPoint as FunnelLimit, IndicatorAnswer, IndicatorCatalog, IndicatorInfo,
  IndicatorParams, IndicatorRow, MapLayer, MapRow, Meta, PeriodKind, RegionKind, ResidenceFilter as Residence, Role, Session, SessionUser,
  SrbAnswer, SrbFlag, SrbRanking, SrbRankingRow, SrbRow, TownshipInfo,
} from '../../contract/api.ts';
/** Fired on `window` when an import through the page has replaced the data (main.ts forgets what it holds). */
export const DATA_CHANGED = 'renkou:data-changed';

export type {
  BirthOrder, Extra, FunnelClass, FunnelLimit, IndicatorAnswer, IndicatorCatalog, IndicatorInfo, IndicatorParams, IndicatorRow,
  MapLayer, MapRow, Meta, PeriodKind, RegionKind, Residence, Role, Session, SessionUser, SrbAnswer, SrbFlag, SrbRanking, SrbRankingRow,
  SrbRow, TownshipInfo,
};
export { EACH_TOWNSHIP } from '../../contract/api.ts';

export class ApiFailure extends Error {
  constructor(readonly status: number, message: string, readonly code: string, readonly tables: readonly string[] = []) {
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

/** Parameters as the URL carries them: strings (a vocabulary keeps its words), unset and empty ones left out. */
type AsQuery<T> = { [K in keyof T]: Exclude<T[K], undefined> extends string ? T[K] : string | Extract<T[K], undefined> };
function queryOf<T extends object>(params: T): AsQuery<T> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') out[k] = String(v);
  return out as AsQuery<T>;
}

// Paths come from the typed client (client.ts): a route or parameter the server lacks does not compile.
export const api = {
  meta: () => getJson<Meta>(apiUrl(client.meta.$path())),
  topology: () => getJson<Topology>(apiUrl(client['regions.topojson'].$path())),
  map: (indicator: 'population', year: number) => getJson<MapLayer>(apiUrl(client.map.$path({ query: queryOf({ indicator, year }) }))),
  catalog: () => getJson<IndicatorCatalog>(apiUrl(client.indicators.$path())),
  indicator: (name: string, params: IndicatorParams) => getJson<IndicatorAnswer>(indicatorUrl(name, params)),
  srb: (params: IndicatorParams & { order?: BirthOrder }) => getJson<SrbAnswer>(apiUrl(client.srb.$path({ query: queryOf(params) }))),
  srbRanking: (params: { from?: number; to?: number; residence?: Residence; order?: BirthOrder }) =>
    getJson<SrbRanking>(apiUrl(client.srb.ranking.$path({ query: queryOf(params) }))),
};

/**
 * The meta asked beside the session, before it is known whether the visitor may see it: null on
 * any refusal (the session's own answer then shows the login page), so the page's first answers
 * need not wait for the session and then for the meta in turn.
 */
export function metaQuietly(): Promise<Meta | null> {
  return fetch(apiUrl(client.meta.$path())).then((r) => (r.ok ? (r.json() as Promise<Meta>) : null)).catch(() => null);
}

export const auth = {
  session: () => getJson<Session>(apiUrl(client.session.$path())),
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
  return apiUrl(client.indicators[':name'].$path({ param: { name }, query: queryOf(params) }));
}
