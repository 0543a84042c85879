/**
 * @module notebooks/renderedReports
 * Rendered reports kept for their epoch (answer/cacheMiddleware.ts `epochOf`: the database
 * generation, the admins' target edits, the 考核 scheme file), like every other answer: a report
 * depends only on that, its notebook file, its parameters and who asks. A planner who opens a
 * report and then saves its fifteen charts one by one (`GET /api/reports/:name/charts/:chart`,
 * which needs the whole render) waits for one render, not sixteen. A new epoch empties it.
 * Holds a few reports (a province's is a few MB of SVG); the least recently used go first.
 *
 * @example
 * const report = await reports.get(epoch, key, () => jobs.run({ kind: 'report', … }));
 */
export class RenderedReports<T> {
  private readonly entries = new Map<string, Promise<T>>();
  private epoch: string | null = null;

  constructor(private readonly capacity = 4) {}

  get(epoch: string, key: string, render: () => Promise<T>): Promise<T> {
    if (epoch !== this.epoch) {
      this.entries.clear();
      this.epoch = epoch;
    }
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key); // re-inserted last: the most recently used
      this.entries.set(key, hit);
      return hit;
    }
    const value = render();
    this.entries.set(key, value);
    value.catch(() => { if (this.entries.get(key) === value) this.entries.delete(key); });
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}
