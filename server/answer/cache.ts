/**
 * @module answer/cache
 * Published answers, serialised once: the bytes the API sent (after the scope check and the
 * small-cell pattern of answer/pipeline.ts), gzipped once when large, their headers and a strong ETag, kept in memory up to
 * a bound in bytes (least recently used first out). Every entry belongs to one *epoch* — the
 * database generation and the inputs outside the database (admins' target edits, the 考核 scheme
 * file): when the epoch changes (an import swapped in, a target set) the cache is emptied, and an
 * answer computed under an old epoch is not stored.
 *
 * Keys are made by answer/cacheMiddleware.ts (route, canonical parameters, representation and the
 * asker's scope); this class only stores bytes.
 *
 * @example
 * const cache = new AnswerCache(64 * 2 ** 20);
 * cache.store(epoch, key, { body, headers, etag, gzip: null });
 * const hit = cache.lookup(epoch, key);
 */

export interface CachedAnswer {
  readonly body: Uint8Array<ArrayBuffer>;
  /** The route's own headers (content type; an Arrow answer's envelope). */
  readonly headers: Readonly<Record<string, string>>;
  /** A strong validator: the same bytes give the same ETag. */
  readonly etag: string;
  /** The body gzipped once (answers of at least GZIP_MIN_BYTES), for browsers that accept it; else null. */
  readonly gzip: Uint8Array<ArrayBuffer> | null;
}

/** What an entry costs beyond its body: the key (UTF-16), headers and the map's own bookkeeping. */
const ENTRY_OVERHEAD = 256;

function sizeOf(key: string, answer: CachedAnswer): number {
  let headers = 0;
  for (const [name, value] of Object.entries(answer.headers)) headers += 2 * (name.length + value.length);
  return answer.body.byteLength + (answer.gzip?.byteLength ?? 0) + 2 * key.length + 2 * answer.etag.length + headers + ENTRY_OVERHEAD;
}

export class AnswerCache {
  private readonly entries = new Map<string, { answer: CachedAnswer; size: number }>();
  private epoch: string | null = null;
  private used = 0;
  private hitCount = 0;
  private missCount = 0;

  /** `maxBytes`: the bound on everything held (0 turns the cache off). */
  constructor(readonly maxBytes: number) {}

  /** The answer stored under `key` in this epoch; a new epoch empties the cache first. */
  lookup(epoch: string, key: string): CachedAnswer | undefined {
    this.enter(epoch);
    const entry = this.entries.get(key);
    if (entry === undefined) {
      this.missCount++;
      return undefined;
    }
    this.hitCount++;
    this.entries.delete(key); // re-inserted last: the most recently used
    this.entries.set(key, entry);
    return entry.answer;
  }

  /**
   * Keeps an answer computed in `epoch`; dropped if the epoch has moved on meanwhile (it may be
   * old data) or if it alone is larger than the bound. Evicts the least recently used to fit.
   */
  store(epoch: string, key: string, answer: CachedAnswer): void {
    if (epoch !== this.epoch) return;
    const size = sizeOf(key, answer);
    if (size > this.maxBytes) return;
    this.remove(key);
    while (this.used + size > this.maxBytes) this.remove(this.entries.keys().next().value!);
    this.entries.set(key, { answer, size });
    this.used += size;
  }

  /** Bytes held, answers held, and lookups answered and missed since the start. */
  stats(): { bytes: number; entries: number; hits: number; misses: number } {
    return { bytes: this.used, entries: this.entries.size, hits: this.hitCount, misses: this.missCount };
  }

  private enter(epoch: string): void {
    if (epoch === this.epoch) return;
    this.entries.clear();
    this.used = 0;
    this.epoch = epoch;
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.entries.delete(key);
    this.used -= entry.size;
  }
}
