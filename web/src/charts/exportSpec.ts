/**
 * @module charts/exportSpec
 * A dashboard chart made ready to paste into a document: the panel's title drawn in the image,
 * a white background, and a print shape — a chart wider than 16:9 (the 性别比 trend is about
 * 4:1 on screen) gets a narrower, taller plot. DOM-free: the page renders the result
 * (web/src/chartExport.ts) and measures it.
 *
 * @example
 * exportSpec(spec, '出生人口性别比及95%区间', { width: 1233, height: 323 });
 */
import type { TopLevelSpec } from 'vega-lite';

export const EXPORT_WIDTH = 900;
const WIDEST = 16 / 9;
const MIN_HEIGHT = 220;

/** `size` is the spec's rendered size (to fit the whole image to 16:9 at most); null on the first pass. */
export function exportSpec(spec: TopLevelSpec, title: string, size: { width: number; height: number } | null): TopLevelSpec {
  const s = spec as { width?: unknown; height?: unknown; config?: Record<string, unknown> };
  const out: Record<string, unknown> = {
    ...spec,
    title: { text: title, anchor: 'start', fontSize: 16, fontWeight: 'bold', offset: 12 },
    background: '#ffffff',
    padding: 12,
    config: { ...(s.config ?? {}), background: '#ffffff' },
  };
  if (typeof s.width === 'number' && s.width > EXPORT_WIDTH) out.width = EXPORT_WIDTH;
  if (size && typeof s.height === 'number' && size.width / size.height > WIDEST) {
    out.height = Math.max(MIN_HEIGHT, Math.round(s.height + size.width / WIDEST - size.height));
  }
  return out as unknown as TopLevelSpec;
}
