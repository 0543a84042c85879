/**
 * @module db/lru
 * A small LRU of computed answers keyed by a request and the database generation
 * (`db.generation()`), so an import that swaps in new data never serves old answers. Used for
 * projections, the SRB priors and rendered reports.
 *
 * @example
 * const answer = await cache.get(db, key, () => runProjection(db, req));
 */
import type { Database } from './Database.ts';

export class Lru<T> {
  private readonly map = new Map<string, Promise<T>>();
  constructor(private capacity: number) {}

  /** Grows the capacity to at least `n` (never shrinks it). */
  reserve(n: number): void {
    this.capacity = Math.max(this.capacity, n);
  }

  async get(db: Database, key: string, compute: () => Promise<T>): Promise<T> {
    const full = `${await db.generation()}|${key}`;
    const hit = this.map.get(full);
    if (hit !== undefined) {
      this.map.delete(full);
      this.map.set(full, hit);
      return hit;
    }
    const value = compute();
    this.map.set(full, value);
    value.catch(() => this.map.delete(full));
    while (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value!);
    return value;
  }

  get size(): number {
    return this.map.size;
  }
}
