/**
 * @module cli/project
 * `renkou project --inputs <file.json> --out <file.json>`: run a cohort-component projection
 * from explicit inputs (format in docs/projection.md) and write the outputs as JSON.
 *
 * @example
 * npm run renkou -- project --inputs china.json --out china-out.json
 */
import { readFile, writeFile } from 'node:fs/promises';
import { project } from '../demography/ccmp.ts';
import { parseProjectionInput } from '../demography/projectionInput.ts';
import { projectionOutput } from '../demography/projectionOutput.ts';
import { parseCommandArgs, UsageError, type Command } from './command.ts';

const usage = 'renkou project --inputs <file.json> --out <file.json>';

export const command: Command = {
  name: 'project',
  summary:
    'cohort-component projection (both sexes; single years with annual steps or 5-year groups with 5-year steps) ' +
    'from explicit inputs; writes population by age and sex, births, deaths, migrants and summary series as JSON ' +
    '(formats: docs/projection.md)',
  usage,
  async run(argv) {
    const { values } = parseCommandArgs(argv, {
      inputs: { type: 'string' },
      out: { type: 'string' },
    });
    if (values.inputs === undefined || values.out === undefined) {
      throw new UsageError('both --inputs and --out are required');
    }
    let json: unknown;
    try {
      json = JSON.parse(await readFile(values.inputs, 'utf8'));
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      console.error(`project: cannot read ${values.inputs} as JSON: ${why}`);
      return 2;
    }
    const parsed = parseProjectionInput(json);
    if (!parsed.ok) {
      console.error(`project: ${values.inputs} has ${parsed.errors.length} problem(s):`);
      for (const e of parsed.errors) console.error(`  ${e.message}`);
      return 2;
    }
    const started = performance.now();
    const result = project(parsed.value.inputs);
    const out = projectionOutput(parsed.value, result);
    const ms = performance.now() - started;
    await writeFile(values.out, `${JSON.stringify(out)}\n`, 'utf8');
    const last = out.summary.total[out.summary.total.length - 1] ?? NaN;
    console.log(
      `project: ${result.steps} steps of ${result.ageWidth} year(s), ${out.years[0]}–${out.years[out.years.length - 1]}, ` +
        `total ${Math.round(out.summary.total[0] ?? NaN)} → ${Math.round(last)}; wrote ${values.out} (${ms.toFixed(1)} ms)`,
    );
    return 0;
  },
};
