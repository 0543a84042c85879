/**
 * @module notebooks/png
 * Chart SVG to PNG with resvg, the Noto CJK Regular and Bold faces (Debian's fonts-noto-cjk)
 * read from disk once per process. resvg-js (native) takes only font *paths* and, for every text
 * element, reads the ~20 MB file again (thx/resvg-js#367): about 0.7 s per report chart. The
 * WebAssembly build takes font *buffers*, so the bytes stay in memory and each chart parses them
 * there; the output is byte-identical.
 *
 * @example
 * const png = await svgToPng(svg, 2); // 2× the SVG's size, about 192 dpi
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { PRINT_FONT } from '../../web/src/charts/common.ts';

export const FONT_DIR = '/usr/share/fonts/opentype/noto';
export const FONT_FILES = [`${FONT_DIR}/NotoSansCJK-Regular.ttc`, `${FONT_DIR}/NotoSansCJK-Bold.ttc`] as const;

export class FontMissingError extends Error {
  override readonly name = 'FontMissingError';
}

/** Throws a FontMissingError naming the files and the Debian package when the CJK fonts are absent. */
export function checkFonts(): void {
  const missing = FONT_FILES.filter((f) => !existsSync(f));
  if (missing.length) {
    throw new FontMissingError(`PNG charts need the Noto CJK fonts: ${missing.join(', ')} not found (Debian: apt-get install fonts-noto-cjk; check with fc-list | grep -i cjk)`);
  }
}

let wasm: Promise<void> | null = null;
let fonts: Promise<Uint8Array[]> | null = null;

function ready(): Promise<Uint8Array[]> {
  wasm ??= readFile(createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm')).then((bytes) => initWasm(bytes));
  if (fonts === null) {
    checkFonts();
    fonts = Promise.all(FONT_FILES.map(async (f) => new Uint8Array(await readFile(f))));
    fonts.catch(() => { fonts = null; }); // a font installed later is found at the next chart
  }
  return wasm.then(() => fonts!);
}

/** PNG at `scale`× the SVG's size (2 = about 192 dpi), text drawn with Noto Sans CJK SC. */
export async function svgToPng(svg: string, scale = 2): Promise<Buffer> {
  const fontBuffers = await ready();
  const resvg = new Resvg(svg, {
    font: { fontBuffers, defaultFontFamily: PRINT_FONT, sansSerifFamily: PRINT_FONT },
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
  });
  try {
    const image = resvg.render();
    try {
      return Buffer.from(image.asPng());
    } finally {
      image.free();
    }
  } finally {
    resvg.free(); // wasm memory is not garbage-collected
  }
}
