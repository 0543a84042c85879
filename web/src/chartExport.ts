/**
 * @module chartExport
 * Saves a dashboard chart as a picture for a document: the spec from charts/exportSpec.ts (title
 * in the image, white background, at most 16:9) rendered off screen by Vega with the expression
 * interpreter (the page's CSP allows no eval), measured and re-shaped once, then as PNG at 2×
 * (192 dpi at its size) or SVG.
 */
import type { View } from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { exportSpec } from './charts/exportSpec.ts';
import { loadCharts } from './embed.ts';

async function view(spec: TopLevelSpec): Promise<View> {
  const { vega, vegaLite, expressionInterpreter } = await loadCharts();
  const runtime = vega.parse(vegaLite.compile(spec).spec, undefined, { ast: true });
  const v = new vega.View(runtime, { renderer: 'none', expr: expressionInterpreter } as ConstructorParameters<typeof vega.View>[1]);
  await v.runAsync();
  return v;
}

function svgSize(svg: string): { width: number; height: number } {
  const m = /<svg[^>]*?\swidth="([\d.]+)"[^>]*?\sheight="([\d.]+)"/.exec(svg);
  return { width: Number(m?.[1] ?? 0), height: Number(m?.[2] ?? 1) };
}

/** The PNG of a data: URL, decoded here: the page's CSP (connect-src 'self') refuses `fetch` of a data: URL. */
function pngBlob(dataUrl: string): Blob {
  const bytes = atob(dataUrl.slice(dataUrl.indexOf(',') + 1));
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = bytes.charCodeAt(i);
  return new Blob([out], { type: 'image/png' });
}

export async function chartImage(spec: TopLevelSpec, title: string, format: 'png' | 'svg'): Promise<Blob> {
  let v = await view(exportSpec(spec, title, null));
  const first = await v.toSVG();
  v.finalize();
  v = await view(exportSpec(spec, title, svgSize(first)));
  try {
    if (format === 'svg') return new Blob([await v.toSVG()], { type: 'image/svg+xml' });
    return pngBlob(await v.toImageURL('png', 2));
  } finally {
    v.finalize();
  }
}
