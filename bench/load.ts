/**
 * Loopback load test: autocannon with 50 concurrent connections for 60 s against a `renkou serve`
 * child on the province set, each connection cycling through a mix of the calls an overview and a
 * township page make. Reports throughput, p50/p99 latency, errors and non-2xx answers, and the
 * server's resident memory before and after.
 */
import autocannon from 'autocannon';
import { currentRssMiB } from './stats.ts';

export interface LoadResult {
  connections: number;
  seconds: number;
  requests: number;
  throughputRps: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  rssBeforeMiB: number | null;
  rssAfterMiB: number | null;
  /** The pass over the mix before the load (each call once, in order). */
  warmUpMs: number;
}


/** The calls behind the overview and a township page, in the order a browser makes them. */
export function dashboardMix(townships: readonly string[], last: number): string[] {
  const span = `from=${last - 9}&to=${last}`;
  // the overview's map: the picture the server draws and the values behind its table and tooltips
  const paths: string[] = ['/api/meta', `/api/map.svg?layer=population&year=${last}&period=year&lang=zh`, `/api/indicators/population?township=each&from=${last}&to=${last}&residence=all`];
  for (const name of ['births', 'cbr', 'tfr', 'marriages', 'migrant_stock']) paths.push(`/api/indicators/${name}?township=all&from=${last}&to=${last}&compare=yoy`);
  paths.push(`/api/srb?township=all&from=${last}&to=${last}`, `/api/srb/ranking?from=${last - 4}&to=${last}`);
  for (const t of townships) {
    for (const name of ['births', 'tfr', 'order_share', 'compliance', 'migrant_stock']) paths.push(`/api/indicators/${name}?township=${t}&${span}`);
    paths.push(`/api/srb?township=${t}&${span}`, `/api/indicators/pyramid?township=${t}&from=${last}&to=${last}&ages=5`);
  }
  return paths;
}

export async function loadTest(url: string, pid: number, paths: readonly string[], seconds = 60, connections = 50): Promise<LoadResult> {
  // One pass over the mix first, one request at a time: the load test measures a server whose
  // answers for these calls exist (as after one planner opened the pages since the import). Its
  // first answers are the cold ones, measured per endpoint elsewhere; without this pass the 50
  // connections queue behind the first few hundred cold answers and the p99 measures start-up.
  const warmStart = performance.now();
  for (const path of paths) {
    const answer = await fetch(`${url}${path}`);
    if (!answer.ok) throw new Error(`warm-up ${path}: ${answer.status}`);
    await answer.arrayBuffer();
  }
  const warmUpMs = performance.now() - warmStart;
  const rssBeforeMiB = currentRssMiB(pid);
  const result = await autocannon({
    url, connections, duration: seconds, timeout: 30,
    // as a browser asks: a large answer (the map, the SRB ranking) goes gzipped
    headers: { 'accept-encoding': 'gzip' },
    requests: paths.map((path) => ({ method: 'GET' as const, path })),
  });
  return {
    connections, seconds,
    requests: result.requests.total,
    throughputRps: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    rssBeforeMiB,
    rssAfterMiB: currentRssMiB(pid),
    warmUpMs,
  };
}
