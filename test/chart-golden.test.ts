/**
 * Golden SVGs: a handful of dashboard charts (printed variant) and report chart kinds, rendered
 * server-side as the reports are (vega View toSVG, Noto Sans CJK SC metrics), compared with the
 * files in test/fixtures/golden/. Ids (Vega numbers clip paths per process) are renumbered and
 * long decimals rounded to 3 places; anything else that changes is a visual change. On a
 * mismatch the new drawing is written to test-artifacts/golden/<name>-changed.svg;
 * `UPDATE_GOLDEN=1 npx vitest run test/chart-golden.test.ts` rewrites the files after a
 * deliberate change.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { specToSvg, withReportConfig } from '../server/notebooks/charts.ts';
import { REPO_ROOT } from '../server/paths.ts';
import { dashboardCharts, reportCharts } from './fixtures/chartGallery.ts';

const GOLDEN = path.join(REPO_ROOT, 'test/fixtures/golden');
const CHANGED = path.join(REPO_ROOT, 'test-artifacts/golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** Ids renumbered in order of appearance, long decimals rounded, one element per line (readable diffs). */
export function normalizeSvg(svg: string): string {
  const ids = new Map<string, string>();
  for (const [, id] of svg.matchAll(/\sid="([^"]+)"/g)) if (!ids.has(id!)) ids.set(id!, `id${ids.size}`);
  let out = svg.replace(/(\sid="|#)([\w-]+)(?=[")])/g, (all, lead: string, id: string) => (ids.has(id) ? `${lead}${ids.get(id)}` : all));
  out = out.replace(/-?\d+\.\d{4,}/g, (d) => String(Number(Number(d).toFixed(3))));
  return `${out.replace(/></g, '>\n<')}\n`;
}

const print = dashboardCharts('print');
const report = reportCharts();
const SHOWN: Record<string, TopLevelSpec> = {
  'dashboard-trend': print.trend!,
  'dashboard-srb-series': print.srbSeries!,
  'dashboard-pyramid': print.pyramid!,
  'dashboard-bars': print.bars!,
  'dashboard-funnel': print.funnel!,
  'report-trend': report['report-trend']!,
  'report-trend-series': report['report-trend-series']!,
  'report-trend-results': report['report-trend-results']!,
  'report-bars': report['report-bars']!,
  'report-pyramid': report['report-pyramid']!,
  'report-srb-band': report['report-srb-band']!,
  'report-intervals': report['report-intervals']!,
  'report-projection-fan': report['report-projection-fan']!,
};

const render = async (spec: TopLevelSpec) => normalizeSvg(await specToSvg(withReportConfig(spec)));

/** The first line where two drawings differ, for the failure message. */
function firstDifference(expected: string, actual: string): string {
  const [e, a] = [expected.split('\n'), actual.split('\n')];
  const i = e.findIndex((line, k) => line !== a[k]);
  const at = i === -1 ? e.length : i;
  return `line ${at + 1}:\n  golden: ${e[at] ?? '(end)'}\n  now:    ${a[at] ?? '(end)'}`;
}

describe('golden SVGs of the chart library', () => {
  it.each(Object.keys(SHOWN))('%s draws as its golden file', async (name) => {
    const file = path.join(GOLDEN, `${name}.svg`);
    const actual = await render(SHOWN[name]!);
    if (UPDATE) {
      mkdirSync(GOLDEN, { recursive: true });
      writeFileSync(file, actual);
    }
    expect(existsSync(file), `${file} is missing: run UPDATE_GOLDEN=1 npx vitest run test/chart-golden.test.ts`).toBe(true);
    const expected = readFileSync(file, 'utf8');
    if (actual !== expected) {
      mkdirSync(CHANGED, { recursive: true });
      writeFileSync(path.join(CHANGED, `${name}-changed.svg`), actual);
    }
    expect(actual === expected, `${name} changed (new drawing in test-artifacts/golden/${name}-changed.svg), ${firstDifference(expected, actual)}`).toBe(true);
  });

  it('is robust to render order (ids) but not to a visual change', async () => {
    const spec = withReportConfig(SHOWN['dashboard-funnel']!); // clipped marks: Vega numbers their clip paths per process
    const [first, second] = [await specToSvg(spec), await specToSvg(spec)];
    expect(first).toMatch(/clip-path="url\(#clip\d+\)"/);
    expect(first).not.toBe(second);
    expect(normalizeSvg(first)).toBe(normalizeSvg(second));
    const recoloured = JSON.parse(JSON.stringify(spec).replace(/"#8c1c13"/g, '"#8c1c14"')) as TopLevelSpec;
    expect(normalizeSvg(await specToSvg(recoloured))).not.toBe(normalizeSvg(first));
  });
});
