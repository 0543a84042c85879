/**
 * @module client
 * Hono's typed client over the API's route tree (contract/routes.ts): a path, a path parameter
 * or a query parameter the server does not have is a compile error. It builds the URLs that
 * api.ts fetches and memoises (so the answer cache, the 401 handler and the error codes stay
 * in one place).
 *
 * @example
 * const url = apiUrl(client.srb.ranking.$path({ query: { from: '2022', to: '2024' } })); // '/api/srb/ranking?from=2022&to=2024'
 */
import { hc } from 'hono/client';
import type { ApiRoutes } from '../../contract/routes.ts';

export const API_BASE = '/api';

export const client = hc<ApiRoutes>(API_BASE);

/** A path the client built (relative to the API's base) as the URL the browser fetches. */
export function apiUrl(path: string): string {
  return `${API_BASE}${path}`;
}
