/**
 * Checks report slots against the API: each quoted figure's source request is sent to the demo
 * county's app (or, for the projection's POST, to the report routes) and the figure must equal
 * the field of the one matching row (or, for list/count slots, every matching row).
 */
import { expect } from 'vitest';
import type { Cell, SlotRecord } from '../../server/notebooks/types.ts';
import type { DemoCounty } from './demoCounty.ts';

export type ApiRow = Record<string, Cell>;

export function slotChecker(demo: () => DemoCounty) {
  const apiCache = new Map<string, Promise<Record<string, unknown>>>();
  /** GET from the API app, or POST a JSON body (the projection, mounted beside the report routes). */
  function api(url: string, body?: Readonly<Record<string, unknown>>): Promise<Record<string, unknown>> {
    const key = `${url} ${JSON.stringify(body ?? null)}`;
    let hit = apiCache.get(key);
    if (!hit) {
      const res = body
        ? demo().reports.request(url, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } })
        : demo().app.request(url);
      hit = Promise.resolve(res).then(async (r) => {
        if (r.status !== 200) throw new Error(`${url} answered ${r.status}: ${await r.text()}`);
        return (await r.json()) as Record<string, unknown>;
      });
      apiCache.set(key, hit);
    }
    return hit!;
  }

  /** The rows a slot source names: `rows`/`townships` as answered; a projection's series as one row per year. */
  function rowsOf(body: Record<string, unknown>, rowsAt: string): ApiRow[] {
    if (rowsAt !== 'series') return body[rowsAt] as ApiRow[];
    const { years, results } = body as { years: number[]; results: { series: Record<string, (number | null)[]> }[] };
    return years.map((year, i) => ({ year, ...Object.fromEntries(Object.entries(results[0]!.series).map(([k, v]) => [k, v[i] ?? null])) }));
  }

  /** Checks each slot against the API; returns how many were checked. */
  async function checkSlotsAgainstApi(slots: readonly SlotRecord[]): Promise<number> {
    let checked = 0;
    for (const slot of slots) {
      if (slot.kind !== 'result') continue;
      const where = `${slot.expr} (line ${slot.line})`;
      expect(slot.source, `${where} quotes a figure with no API source`).not.toBeNull();
      const s = slot.source!;
      const body = await api(s.api, s.body);
      const rows = rowsOf(body, s.rowsAt).filter((r) => Object.entries(s.match).every(([k, v]) => String(r[k]) === String(v)));
      if (s.aggregate === 'one') {
        expect(rows.length, `${where}: rows of ${s.api} matching ${JSON.stringify(s.match)}`).toBe(1);
        expect(slot.value, `${where} vs ${s.api}`).toBe(rows[0]![s.field] ?? null);
      } else if (s.aggregate === 'count') {
        expect((slot.value as Cell[]).length, where).toBe(rows.length);
      } else {
        expect(slot.value, where).toEqual(rows.map((r) => r[s.field] ?? null));
      }
      checked++;
    }
    return checked;
  }

  return { api, rowsOf, checkSlotsAgainstApi };
}
