/**
 * Endpoint latencies over HTTP against a `renkou serve` child: the first call of each endpoint
 * (cold: a fresh server process) and repeated warm calls, three ways:
 *
 * - **the answer**: request to last byte, as a browser's network timing shows it (it accepts
 *   gzip; the bytes are not unzipped or parsed). This is the endpoint's latency, judged against
 *   the ≤ 5 ms target.
 * - **revalidated**: the same request with `If-None-Match` and the answer's ETag, as a browser
 *   that holds the answer asks again (`Cache-Control: no-cache`): a 304 with no body.
 * - **fetched and parsed**: `fetch` then `res.json()`, as the bench measured before 2026-12-03:
 *   adds undici's unzipping and the client's `JSON.parse` (8 ms for the province's 698 KB SRB
 *   ranking), which are the caller's work, not the server's.
 */
import http from 'node:http';
import { median, p95, timed } from './stats.ts';

export interface EndpointCase { id: string; name: string; kind: 'trend' | 'srb' | 'other'; path: string }
export interface Spread { medianMs: number; p95Ms: number }
export interface EndpointResult extends EndpointCase, Spread {
  coldMs: number;
  rows: number;
  /** Bytes of the warm answer as sent to a client accepting gzip. */
  bytes: number;
  revalidated: Spread;
  parsed: Spread;
}

export function endpointCases(township: string, last: number): EndpointCase[] {
  const span = `from=${last - 9}&to=${last}`;
  const t = (name: string, query: string, id = name): EndpointCase => ({ id, name, kind: 'trend', path: `/api/indicators/${name}?${query}` });
  return [
    t('births', `township=${township}&${span}`),
    t('births', `township=${township}&${span}&period=month`, 'births-month'),
    t('births', `township=all&${span}&period=statyear&compare=yoy`, 'births-county-statyear'),
    t('cbr', `township=${township}&${span}&residence=registered`),
    t('tfr', `township=${township}&${span}`),
    t('tfr', `township=all&${span}`, 'tfr-county'),
    t('asfr', `township=all&from=${last}&to=${last}&ages=5`),
    t('order_share', `township=${township}&${span}`),
    t('compliance', `township=${township}&${span}&residence=migrant`),
    t('marriages', `township=${township}&${span}&period=quarter`),
    t('first_marriage_age', `township=all&${span}`),
    t('migrant_stock', `township=${township}&${span}&period=month`, 'migrant_stock-month'),
    t('migrant_stock', `township=all&${span}`, 'migrant_stock-county'),
    t('certificate_rate', `township=${township}&${span}`),
    t('age_structure', `township=${township}&${span}`),
    t('pyramid', `township=all&from=${last}&to=${last}&ages=5`),
    { id: 'srb', name: 'srb', kind: 'srb', path: `/api/srb?township=${township}&${span}` },
    { id: 'srb-county-order2', name: 'srb', kind: 'srb', path: `/api/srb?township=all&${span}&order=2` },
    { id: 'srb-ranking', name: 'srb/ranking', kind: 'srb', path: `/api/srb/ranking?from=${last - 4}&to=${last}` },
    { id: 'meta', name: 'meta', kind: 'other', path: '/api/meta' },
    { id: 'map-svg', name: 'map.svg', kind: 'other', path: `/api/map.svg?layer=tfr&year=${last}&period=year&lang=zh` },
  ];
}

async function fetchParsed(url: string): Promise<number> {
  const res = await fetch(url);
  if (res.ok && res.headers.get('content-type')?.startsWith('image/svg+xml')) {
    return (await res.text()).split('aria-roledescription="geoshape"').length - 1; // the map's polygons
  }
  const body = (await res.json()) as { rows?: unknown[]; townships?: unknown[] };
  if (!res.ok) throw new Error(`${url}: ${res.status} ${JSON.stringify(body)}`);
  return body.rows?.length ?? body.townships?.length ?? 0;
}

interface Delivered { status: number; bytes: number; etag: string | undefined }

/** One GET over a kept-alive connection, timed to its last byte, the body neither unzipped nor parsed. */
function deliver(agent: http.Agent, url: string, headers: Record<string, string>): Promise<Delivered> {
  return new Promise((resolve, reject) => {
    http.get(url, { agent, headers: { 'accept-encoding': 'gzip, deflate, br', ...headers } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => { bytes += chunk.length; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, etag: res.headers.etag }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

const spread = (samples: number[]): Spread => ({ medianMs: median(samples), p95Ms: p95(samples) });

export async function benchEndpoints(base: string, cases: readonly EndpointCase[], repeats: number): Promise<EndpointResult[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const results: EndpointResult[] = [];
  try {
    for (const c of cases) {
      const url = base + c.path;
      const [coldMs, rows] = await timed(() => fetchParsed(url));
      const answer: number[] = [];
      let last: Delivered = { status: 0, bytes: 0, etag: undefined };
      for (let i = 0; i < repeats; i++) {
        const [ms, got] = await timed(() => deliver(agent, url, {}));
        if (got.status !== 200) throw new Error(`${url}: ${got.status}`);
        answer.push(ms);
        last = got;
      }
      const revalidated: number[] = [];
      for (let i = 0; i < repeats; i++) {
        const [ms, got] = await timed(() => deliver(agent, url, { 'if-none-match': last.etag ?? '' }));
        if (got.status !== 304) throw new Error(`${url}: ${got.status} to a revalidation with its own ETag`);
        revalidated.push(ms);
      }
      const parsed: number[] = [];
      for (let i = 0; i < repeats; i++) parsed.push((await timed(() => fetchParsed(url)))[0]);
      results.push({ ...c, coldMs, rows, bytes: last.bytes, ...spread(answer), revalidated: spread(revalidated), parsed: spread(parsed) });
    }
  } finally {
    agent.destroy();
  }
  return results;
}
