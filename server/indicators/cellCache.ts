/**
 * @module indicators/cellCache
 * The cells of named queries shared by the indicator blocks of one report render. A report asks
 * many indicators of the same townships and years, and they read the same cells (the exposure
 * under CBR and the marriage rate; the births under births, CBR and compliance; a year's births
 * and women-years by age under TFR, ASFR and the mean age at childbearing): with a cache
 * each query runs once per render, and blocks running at the same time wait for the same promise.
 * It lives as long as the render, so it needs no bound and never outlives an import.
 *
 * The cells are shared, so indicator code must not change them (it does not: it reads and groups).
 *
 * @example
 * const cells = new CellCache();
 * await answerIndicator(db, def, query, data, config, cells);
 */
import type { Params } from '../db/bind.ts';

export class CellCache {
  private readonly results = new Map<string, Promise<unknown>>();

  get<T>(name: string, params: Params, run: () => Promise<T>): Promise<T> {
    const key = `${name}|${JSON.stringify(params)}`;
    let hit = this.results.get(key);
    if (hit === undefined) {
      hit = run();
      this.results.set(key, hit);
    }
    return hit as Promise<T>;
  }
}
