/**
 * @module auth/tokens
 * Checks access tokens (`rk_<id>_<secret>`) without letting one client slow everyone down:
 *
 * - scrypt runs off the event loop (`crypto.scrypt` on libuv's pool), at most two at a time, with
 *   a bounded queue; a full queue is refused like a rate limit, never waited out;
 * - a token once verified is remembered by its SHA-256, and so is a token once refused: repeating
 *   either costs a hash lookup, not a scrypt;
 * - failures are counted per client address and per user id; past the limit (10 a minute per
 *   client, 20 per user id) further attempts are refused with a Retry-After until the window
 *   ends — a verified token still passes, so a flood against someone's id does not lock them out;
 * - a refused attempt gets its 429 after a second (a timer, no CPU): a flooding client that waits
 *   for its answers slows to about one request a second per connection (a tarpit);
 * - an unknown user id costs the same scrypt as a known one (against a random salt), so the time
 *   of an answer does not tell whether an id exists.
 *
 * @example
 * const verifier = new TokenVerifier(store);
 * const verdict = await verifier.verify(token, '10.1.2.3');
 * if (verdict.ok) verdict.user.name;
 */
import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { promisify } from 'node:util';
import { FailureLimit, type LimitOptions } from './rateLimit.ts';
import { SCRYPT_KEYLEN, type User, type UserStore } from './users.ts';

const TOKEN = /^rk_([a-z0-9]{8})_([A-Za-z0-9_-]{43})$/;
const scryptAsync = promisify(scrypt) as (secret: string, salt: Buffer, keylen: number) => Promise<Buffer>;

type RateLimited = { readonly ok: false; readonly reason: 'rate_limited'; readonly retryAfterSeconds: number; readonly key: string };
export type Verdict =
  | { readonly ok: true; readonly user: User }
  | { readonly ok: false; readonly reason: 'malformed' | 'wrong' }
  | RateLimited;

export interface VerifierOptions {
  readonly perClient?: LimitOptions;
  readonly perUserId?: LimitOptions;
  /** Concurrent scrypt computations, and how many may wait for one. */
  readonly concurrency?: number;
  readonly queue?: number;
  /** How long a refused attempt waits for its answer (1,000 ms; tests use less). */
  readonly refusalDelayMs?: number;
  /** Called once when a key reaches its limit (for the audit log). */
  readonly onLimited?: (key: string) => void;
  /** The key derivation (scrypt off the event loop); tests count calls through it. */
  readonly hash?: (secret: string, salt: Buffer) => Promise<Buffer>;
}

/** A set of recent digests, oldest dropped first beyond `max`. */
class RecentSet {
  private readonly items = new Map<string, string>();
  constructor(private readonly max: number) {}
  get(k: string): string | undefined { return this.items.get(k); }
  set(k: string, v: string): void {
    this.items.delete(k);
    this.items.set(k, v);
    if (this.items.size > this.max) this.items.delete(this.items.keys().next().value!);
  }
  clear(): void { this.items.clear(); }
}

/** At most `limit` tasks at once; at most `queue` waiting; beyond that `run` answers null. */
class Gate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly limit: number, private readonly queue: number) {}
  async run<T>(task: () => Promise<T>): Promise<T | null> {
    if (this.running >= this.limit) {
      if (this.waiting.length >= this.queue) return null;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.running++;
    try {
      return await task();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}

export class TokenVerifier {
  private readonly verified = new RecentSet(10_000);
  private readonly refused = new RecentSet(10_000);
  private readonly perClient: FailureLimit;
  private readonly perUserId: FailureLimit;
  private readonly gate: Gate;
  private readonly refusalDelayMs: number;
  /** Salt for unknown ids: their scrypt costs the same and never matches. */
  private readonly decoySalt = randomBytes(16);
  private seenGeneration = -1;
  private readonly hash: (secret: string, salt: Buffer) => Promise<Buffer>;

  constructor(private readonly store: UserStore, private readonly options: VerifierOptions = {}) {
    this.perClient = new FailureLimit(options.perClient ?? { max: 10, windowMs: 60_000 });
    this.perUserId = new FailureLimit(options.perUserId ?? { max: 20, windowMs: 60_000 });
    this.refusalDelayMs = options.refusalDelayMs ?? 1_000;
    this.gate = new Gate(options.concurrency ?? 2, options.queue ?? 32);
    this.hash = options.hash ?? ((secret, salt) => scryptAsync(secret, salt, SCRYPT_KEYLEN));
  }

  async verify(token: string, client: string): Promise<Verdict> {
    const generation = this.store.generation;
    if (generation !== this.seenGeneration) {
      // The user file changed (a user removed, a token replaced): nothing remembered still holds.
      this.verified.clear();
      this.refused.clear();
      this.seenGeneration = generation;
    }
    const match = TOKEN.exec(token);
    const clientKey = `client:${client}`;
    const limited = this.limited(clientKey);
    if (!match) {
      if (limited) return this.refuse(limited);
      this.failed(clientKey);
      return { ok: false, reason: 'malformed' };
    }
    const id = match[1]!;
    const digest = createHash('sha256').update(token).digest('base64');
    if (this.verified.get(digest) === id) {
      const user = this.store.byId(id);
      if (user) return { ok: true, user };
    }
    const idKey = `user:${id}`;
    const blocked = limited ?? this.limited(idKey);
    if (blocked) return this.refuse(blocked);
    // Counted before the key derivation, so that parallel attempts count against the limit too.
    this.failed(clientKey, idKey);
    if (this.refused.get(digest) !== undefined) return { ok: false, reason: 'wrong' };
    const credentials = this.store.credentials(id);
    const salt = credentials ? Buffer.from(credentials.salt, 'base64') : this.decoySalt;
    const actual = await this.gate.run(() => this.hash(match[2]!, salt));
    if (actual === null) return this.refuse({ ok: false, reason: 'rate_limited', retryAfterSeconds: 1, key: 'busy' });
    const expected = credentials ? Buffer.from(credentials.hash, 'base64') : null;
    if (expected && expected.length === actual.length && timingSafeEqual(expected, actual)) {
      const user = this.store.byId(id);
      if (user) {
        this.verified.set(digest, id);
        this.perClient.forgive(clientKey);
        this.perUserId.forgive(idKey);
        return { ok: true, user };
      }
    }
    this.refused.set(digest, id);
    return { ok: false, reason: 'wrong' };
  }

  /**
   * A refusal is answered only after `refusalDelayMs` (a timer, no CPU): a client over its limit
   * that waits for each answer can then send about one attempt a second per connection instead of
   * thousands, which is what kept the event loop busy for everyone else under a flood.
   */
  private async refuse(verdict: RateLimited): Promise<RateLimited> {
    if (this.refusalDelayMs > 0) await delay(this.refusalDelayMs, undefined, { ref: false });
    return verdict;
  }

  private limited(key: string): RateLimited | null {
    const limiter = key.startsWith('client:') ? this.perClient : this.perUserId;
    const seconds = limiter.retryAfter(key);
    return seconds > 0 ? { ok: false, reason: 'rate_limited', retryAfterSeconds: seconds, key } : null;
  }

  private failed(...keys: string[]): void {
    for (const key of keys) {
      const limiter = key.startsWith('client:') ? this.perClient : this.perUserId;
      if (limiter.fail(key)) this.options.onLimited?.(key);
    }
  }
}
