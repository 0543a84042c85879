/**
 * @module office/gb18030
 * GB18030 → UTF-8 for whole lines at a time, by a table of every two-byte character: three to
 * four times the speed of Node's WHATWG decoder followed by re-encoding the string as UTF-8 (a
 * province's 5.7 GB of office CSV took about 35–90 s of a core that way, beside DuckDB's work on
 * the other). The table is made by that same decoder, one pair at a time, so the two agree by
 * construction; a piece holding anything else — a four-byte sequence (rare characters), a stray
 * byte — is left to the decoder itself. A file is cut into pieces after a byte below 0x30 (a
 * newline, comma, quote or space): no multi-byte sequence holds one, and the decoder reads one
 * after a broken sequence as itself, so the pieces decode as the whole file does.
 *
 * @example
 * const cut = safeCut(bytes);               // bytes.subarray(0, cut) decodes on its own
 * const utf8 = gb18030Piece(bytes.subarray(0, cut));
 */

/** UTF-8 of each two-byte sequence (lead 0x81–0xFE, trail 0x40–0xFE): its length in the top byte, then up to three bytes; 0 where the decoder must judge. */
let pairs: Uint32Array | null = null;

function pairTable(): Uint32Array {
  if (pairs) return pairs;
  const decoder = new TextDecoder('gb18030');
  const encoder = new TextEncoder();
  const table = new Uint32Array(1 << 16);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const utf8 = encoder.encode(decoder.decode(Uint8Array.of(lead, trail)));
      // More than three bytes: not one character (an unmapped pair is U+FFFD and the trail byte again).
      if (utf8.length === 0 || utf8.length > 3) continue;
      let packed = utf8.length << 24;
      for (let k = 0; k < utf8.length; k++) packed |= utf8[k]! << (8 * (2 - k));
      table[(lead << 8) | trail] = packed;
    }
  }
  pairs = table;
  return table;
}

/** The table's translation of `bytes`, or null at the first sequence it does not hold. */
function byTable(bytes: Uint8Array): Buffer | null {
  const table = pairTable();
  const out = Buffer.allocUnsafe(bytes.length * 2); // a two-byte character is at most three bytes of UTF-8
  const n = bytes.length;
  let j = 0;
  for (let i = 0; i < n;) {
    const b = bytes[i]!;
    if (b < 0x80) {
      out[j++] = b;
      i++;
      continue;
    }
    const packed = i + 1 < n ? table[(b << 8) | bytes[i + 1]!]! : 0;
    if (packed === 0) return null;
    const length = packed >>> 24;
    out[j++] = (packed >>> 16) & 0xff;
    if (length > 1) out[j++] = (packed >>> 8) & 0xff;
    if (length > 2) out[j++] = packed & 0xff;
    i += 2;
  }
  return out.subarray(0, j);
}

/** Where `bytes` may be cut: after their last byte below 0x30 (0 when there is none). */
export function safeCut(bytes: Uint8Array): number {
  for (let i = bytes.length - 1; i >= 0; i--) if (bytes[i]! < 0x30) return i + 1;
  return 0;
}

/** UTF-8 of a GB18030 piece: cut at `safeCut`, or the file's end. */
export function gb18030Piece(bytes: Uint8Array): Buffer {
  return byTable(bytes) ?? Buffer.from(new TextDecoder('gb18030').decode(bytes), 'utf8');
}
