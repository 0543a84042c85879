/**
 * Every chart the chart library specifies — each dashboard builder on screen and in print, each
 * report chart kind — is valid Vega-Lite: checked against the JSON schema vega-lite ships
 * (build/vega-lite-schema.json), so a misspelt property fails here instead of being silently
 * ignored by the compiler.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../server/paths.ts';
import { dashboardCharts, reportCharts } from './fixtures/chartGallery.ts';

// not in vega-lite's package exports: read from the installed package
const schema = JSON.parse(readFileSync(path.join(REPO_ROOT, 'node_modules/vega-lite/build/vega-lite-schema.json'), 'utf8')) as object;
// strict mode and formats concern the schema's own style (union types, uri), not the specs;
// unoptimised code compiles the 1.9 MB schema in about half the time
const validate = new Ajv({ strict: false, validateFormats: false, code: { optimize: false } }).compile(schema);

const charts = { ...dashboardCharts('screen'), ...Object.fromEntries(Object.entries(dashboardCharts('print')).map(([k, v]) => [`${k} (print)`, v])), ...reportCharts() };

describe('every chart spec the library builds', () => {
  it('covers each builder and each report kind', () => {
    expect(Object.keys(charts)).toHaveLength(2 * 12 + 9);
  });

  it.each(Object.entries(charts))('%s is valid against the Vega-Lite JSON schema', (_name, spec) => {
    // JSON round trip: what the browser and the report receive (no undefined-valued keys)
    const ok = validate(JSON.parse(JSON.stringify(spec)));
    expect(ok ? [] : validate.errors!.slice(0, 5).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`)).toEqual([]);
  });

  it('rejects a misspelt property (the validator is not a no-op)', () => {
    const spec = JSON.parse(JSON.stringify(charts.bars)) as { layer: { layer: { mark: Record<string, unknown> }[] }[] };
    spec.layer[0]!.layer[0]!.mark.colour = 'red';
    expect(validate(spec)).toBe(false);
  });
});
