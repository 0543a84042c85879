/** The answers cache (db/lru.ts): least recently used out first, and `reserve` grows it for an account's townships. */
import { describe, expect, it } from 'vitest';
import { Lru } from '../server/db/lru.ts';
import type { Database } from '../server/db/Database.ts';

const db = { generation: async () => 1 } as unknown as Database;

describe('Lru', () => {
  it('keeps the most recently used, and as many as reserved', async () => {
    const computed: string[] = [];
    const cache = new Lru<string>(2);
    const get = (key: string) => cache.get(db, key, async () => { computed.push(key); return key; });
    for (const key of ['a', 'b', 'a', 'c', 'a', 'b']) await get(key);
    expect(computed).toEqual(['a', 'b', 'c', 'b']); // b was least recently used when c came
    cache.reserve(3);
    cache.reserve(1); // never shrinks
    for (const key of ['c', 'a', 'b', 'c']) await get(key);
    expect(computed).toEqual(['a', 'b', 'c', 'b', 'c']); // a, b and c all kept now
    expect(cache.size).toBe(3);
  });
});
