/**
 * @module http/network
 * How Renkou is reached, as the office sets it up: behind a reverse proxy it trusts
 * (`RENKOU_TRUST_PROXY=1`: only then are `X-Forwarded-For` / `-Proto` / `-Host` believed) and
 * under which public origin(s) the browser sees it (`RENKOU_PUBLIC_ORIGIN`, e.g.
 * `https://renkou.office.lan`; several separated by commas). Without either, Renkou believes only
 * the TCP connection and the `Host` header.
 *
 * @example
 * const network = networkConfigFromEnv();
 * clientAddress(c, network); // '10.1.2.3'
 * isHttps(c, network);       // true behind the documented HTTPS proxy
 */
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

export interface NetworkConfig {
  /** Believe the X-Forwarded-* headers (set only when a reverse proxy in front of Renkou sets them). */
  readonly trustProxy: boolean;
  /** Origins the browser uses to reach Renkou (scheme://host[:port]), besides the Host header's. */
  readonly publicOrigins: readonly string[];
}

export const DIRECT: NetworkConfig = { trustProxy: false, publicOrigins: [] };

export function networkConfigFromEnv(env: NodeJS.ProcessEnv = process.env): NetworkConfig {
  const origins = (env.RENKOU_PUBLIC_ORIGIN ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const origin of origins) {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      throw new Error(`RENKOU_PUBLIC_ORIGIN: "${origin}" is not an origin such as https://renkou.office.lan`);
    }
    if (url.origin !== origin.replace(/\/$/, '')) throw new Error(`RENKOU_PUBLIC_ORIGIN: give scheme://host[:port] only, not "${origin}"`);
  }
  return { trustProxy: env.RENKOU_TRUST_PROXY === '1', publicOrigins: origins.map((o) => o.replace(/\/$/, '')) };
}

/** The last value of a forwarded header: the one the trusted proxy itself added. */
function lastForwarded(c: Context, header: string): string | undefined {
  const value = c.req.header(header);
  const last = value?.split(',').pop()?.trim();
  return last ? last.slice(0, 100) : undefined;
}

/** The client's address: the proxy's X-Forwarded-For when trusted, else the TCP peer ('local' in tests). */
export function clientAddress(c: Context, network: NetworkConfig): string {
  if (network.trustProxy) {
    const forwarded = lastForwarded(c, 'x-forwarded-for');
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'local';
  } catch {
    return 'local'; // app.request() in tests has no socket
  }
}

/** True when the browser reached Renkou over HTTPS (the documented proxy, or an https public origin). */
export function isHttps(c: Context, network: NetworkConfig): boolean {
  if (network.trustProxy && lastForwarded(c, 'x-forwarded-proto') === 'https') return true;
  return network.publicOrigins.length > 0 && network.publicOrigins.every((o) => o.startsWith('https:'));
}

/** The origins a same-origin browser request may carry: the public ones and the one the Host header names. */
export function ownOrigins(c: Context, network: NetworkConfig): string[] {
  const host = (network.trustProxy ? lastForwarded(c, 'x-forwarded-host') : undefined) ?? c.req.header('host');
  const scheme = network.trustProxy ? lastForwarded(c, 'x-forwarded-proto') ?? 'http' : 'http';
  return host ? [...network.publicOrigins, `${scheme}://${host}`] : [...network.publicOrigins];
}
