/**
 * Endpoint latencies over HTTP against a `renkou serve` child: the first call of each endpoint
 * (cold: a fresh server process) and the median and p95 of repeated warm calls.
 */
import { median, p95, timed } from './stats.ts';

export interface EndpointCase { id: string; name: string; kind: 'trend' | 'srb' | 'other'; path: string }
export interface EndpointResult extends EndpointCase { coldMs: number; medianMs: number; p95Ms: number; rows: number }

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
  ];
}

async function call(url: string): Promise<number> {
  const res = await fetch(url);
  const body = (await res.json()) as { rows?: unknown[]; townships?: unknown[] };
  if (!res.ok) throw new Error(`${url}: ${res.status} ${JSON.stringify(body)}`);
  return body.rows?.length ?? body.townships?.length ?? 0;
}

export async function benchEndpoints(base: string, cases: readonly EndpointCase[], repeats: number): Promise<EndpointResult[]> {
  const results: EndpointResult[] = [];
  for (const c of cases) {
    const [coldMs, rows] = await timed(() => call(base + c.path));
    const warm: number[] = [];
    for (let i = 0; i < repeats; i++) warm.push((await timed(() => call(base + c.path)))[0]);
    results.push({ ...c, coldMs, medianMs: median(warm), p95Ms: p95(warm), rows });
  }
  return results;
}
