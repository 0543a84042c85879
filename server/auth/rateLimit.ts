/**
 * @module auth/rateLimit
 * Failed attempts counted per key (a client address, a user id) in fixed windows: past the limit,
 * the key is refused until its window ends. Bounded: expired windows are dropped, and the map
 * never holds more than `maxKeys` keys (the oldest go first), so a flood of addresses cannot grow it.
 *
 * @example
 * const perClient = new FailureLimit({ max: 10, windowMs: 60_000 });
 * if (perClient.retryAfter(ip) > 0) return tooMany();
 * perClient.fail(ip);        // counted before the expensive check, so parallel attempts count too
 * if (ok) perClient.forgive(ip);
 */

export interface LimitOptions {
  readonly max: number;
  readonly windowMs: number;
  readonly maxKeys?: number;
}

export class FailureLimit {
  private readonly windows = new Map<string, { count: number; endsAt: number }>();
  constructor(readonly options: LimitOptions, private readonly now: () => number = Date.now) {}

  /** Seconds until `key` may try again; 0 when it may now. */
  retryAfter(key: string): number {
    const w = this.windows.get(key);
    const t = this.now();
    if (!w || w.endsAt <= t) return 0;
    return w.count >= this.options.max ? Math.ceil((w.endsAt - t) / 1000) : 0;
  }

  /** Counts a failure; true when this one reached the limit (the moment to write it down once). */
  fail(key: string): boolean {
    const t = this.now();
    let w = this.windows.get(key);
    if (!w || w.endsAt <= t) {
      this.windows.delete(key);
      this.prune(t);
      w = { count: 0, endsAt: t + this.options.windowMs };
      this.windows.set(key, w);
    }
    w.count++;
    return w.count === this.options.max;
  }

  /** Takes back one failure counted in advance for an attempt that succeeded. */
  forgive(key: string): void {
    const w = this.windows.get(key);
    if (w && w.endsAt > this.now() && w.count > 0) w.count--;
  }

  private prune(t: number): void {
    const maxKeys = this.options.maxKeys ?? 100_000;
    if (this.windows.size < maxKeys) return;
    for (const [k, w] of this.windows) if (w.endsAt <= t) this.windows.delete(k);
    for (const k of this.windows.keys()) {
      if (this.windows.size < maxKeys) break;
      this.windows.delete(k);
    }
  }
}
