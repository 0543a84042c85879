/**
 * @module office/encoding
 * Which text encoding a CSV file is in — UTF-8 (with or without BOM), or GB18030 (a superset of
 * GBK and GB2312, what Excel and WPS on Chinese Windows save as "CSV") — detected from the
 * bytes, never asked. DuckDB reads UTF-8 only without its `encodings` extension (a download,
 * which Renkou never makes at run time), so a GB18030 file is decoded here into a UTF-8 copy in
 * the import's work folder (office/gb18030: in pieces, through a table of the WHATWG decoder's own).
 *
 * @example
 * const encoding = await detectEncoding('出生.csv'); // 'gb18030'
 * if (encoding !== 'utf-8') await transcodeToUtf8('出生.csv', encoding, '/work/出生.utf8.csv');
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { gb18030Piece, safeCut } from './gb18030.ts';

export const TEXT_ENCODINGS = ['utf-8', 'gb18030', 'utf-16le', 'utf-16be'] as const;
export type TextEncodingName = (typeof TEXT_ENCODINGS)[number];

/** True for a text file's encoding; false for a workbook's format (a sheet written to CSV here). */
export const isTextEncoding = (name: string): name is TextEncodingName => (TEXT_ENCODINGS as readonly string[]).includes(name);

/** How much of a file the detection reads: enough for thousands of rows. */
const SAMPLE_BYTES = 1 << 20;

function decodes(encoding: TextEncodingName, bytes: Uint8Array): boolean {
  try {
    // stream: true, so a character cut at the end of the sample is not an error
    new TextDecoder(encoding, { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** The file's encoding, or null when its first megabyte is neither UTF-8 nor GB18030. */
export async function detectEncoding(file: string): Promise<TextEncodingName | null> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
    const bytes = buffer.subarray(0, bytesRead);
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
    if (decodes('utf-8', bytes)) return 'utf-8';
    if (decodes('gb18030', bytes)) return 'gb18030';
    return null;
  } finally {
    await handle.close();
  }
}

/** Writes a UTF-8 copy of `file` (decoded from `encoding`) to `out`; `signal` stops it. */
export async function transcodeToUtf8(file: string, encoding: TextEncodingName, out: string, signal?: AbortSignal): Promise<void> {
  const decode = encoding === 'gb18030' ? byPieces() : byDecoder(encoding);
  // 256 KiB chunks: an import decodes on its main thread while DuckDB works, and a chunk's decoding
  // (about 1.5 ms) delays DuckDB's next statement no more than that; 1 MiB was ~10% faster alone.
  await pipeline(createReadStream(file, { highWaterMark: 1 << 18 }), decode, createWriteStream(out), ...(signal ? [{ signal }] : []));
}

function byDecoder(encoding: TextEncodingName): Transform {
  const decoder = new TextDecoder(encoding);
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      done(null, Buffer.from(decoder.decode(chunk, { stream: true }), 'utf8'));
    },
    flush(done) {
      done(null, Buffer.from(decoder.decode(), 'utf8'));
    },
  });
}

/** GB18030 by pieces (office/gb18030): each chunk up to its last safe cut, the rest carried to the next. */
function byPieces(): Transform {
  let carried: Buffer = Buffer.alloc(0);
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      const bytes = carried.length > 0 ? Buffer.concat([carried, chunk]) : chunk;
      const cut = safeCut(bytes);
      carried = bytes.subarray(cut);
      done(null, cut > 0 ? gb18030Piece(bytes.subarray(0, cut)) : undefined);
    },
    flush(done) {
      done(null, gb18030Piece(carried));
    },
  });
}
