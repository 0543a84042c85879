/**
 * GB18030 → UTF-8 by the pair table (server/office/gb18030): hand-worked characters, every
 * two-byte pair against Node's WHATWG decoder, the pieces a stream is cut into, and the bytes the
 * table does not hold (four-byte sequences, 0x80, stray and broken bytes) left to the decoder.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { transcodeToUtf8 } from '../server/office/encoding.ts';
import { gb18030Piece, safeCut } from '../server/office/gb18030.ts';
import { tempDir } from './helpers.ts';

const bytes = (...b: number[]) => Uint8Array.from(b);
const decoded = (b: Uint8Array) => Buffer.from(new TextDecoder('gb18030').decode(b), 'utf8');

describe('GB18030 pieces', () => {
  it('turns hand-worked characters into their UTF-8', () => {
    // 人口 is C8CB BFDA in GB2312; U+4EBA U+53E3 are E4BABA E58FA3 in UTF-8.
    expect([...gb18030Piece(bytes(0xc8, 0xcb, 0xbf, 0xda, 0x2c, 0x31, 0x0a))]).toEqual([0xe4, 0xba, 0xba, 0xe5, 0x8f, 0xa3, 0x2c, 0x31, 0x0a]);
    // U+20000 (𠀀) is the four-byte 95 32 82 36; 0x80 alone is € (U+20AC) in the WHATWG decoder.
    expect(gb18030Piece(bytes(0x95, 0x32, 0x82, 0x36, 0x80)).toString('utf8')).toBe('𠀀€');
  });

  it('agrees with the WHATWG decoder on every two-byte pair', () => {
    const line: number[] = [];
    for (let lead = 0x81; lead <= 0xfe; lead++) for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) line.push(lead, trail, 0x2c);
    const all = Uint8Array.from(line);
    expect(gb18030Piece(all).equals(decoded(all))).toBe(true);
  });

  it('leaves stray and broken bytes to the decoder, as the whole file would decode', () => {
    for (const b of [bytes(0x31, 0xff, 0x32), bytes(0xc8, 0x0a, 0xcb), bytes(0xc8, 0x2c), bytes(0x81, 0x30, 0x2c, 0x41), bytes(0x41, 0xc8)]) {
      expect(gb18030Piece(b).equals(decoded(b))).toBe(true);
    }
  });

  it('cuts only after a byte that no multi-byte sequence holds', () => {
    expect(safeCut(bytes(0x31, 0x2c, 0xc8, 0xcb))).toBe(2);
    expect(safeCut(bytes(0x95, 0x32, 0x82, 0x36))).toBe(0); // the digits inside a four-byte sequence are not cuts
    expect(safeCut(bytes(0x41, 0x0a))).toBe(2);
  });

  it('copies a file of many chunks as the decoder reads it whole', async () => {
    // Over 256 KiB (the copy's chunk) of rows mixing ASCII, two-byte, four-byte and broken sequences,
    // with lines far longer than a chunk, so that characters straddle every kind of cut.
    // Most chunks hold only two-byte characters (the table's); a few, the others (the decoder's).
    const row = [0xc8, 0xcb, 0xbf, 0xda, 0x2c, 0x31, 0x39, 0x39, 0x30, 0xc4, 0xea, 0x2c, 0x20];
    const rare = [0x95, 0x32, 0x82, 0x36, 0x2c, 0xff, 0x80, 0x20];
    const parts: number[] = [];
    for (let i = 0; i < 60_000; i++) parts.push(...row, ...(i % 25_000 === 7 ? rare : []), ...(i % 5000 === 4999 ? [0x0d, 0x0a] : []));
    const source = Uint8Array.from(parts);
    const dir = tempDir('gb18030');
    const file = path.join(dir, 'in.csv');
    const out = path.join(dir, 'out.csv');
    writeFileSync(file, source);
    await transcodeToUtf8(file, 'gb18030', out);
    expect(readFileSync(out).equals(decoded(source))).toBe(true);
  });
});
