/**
 * @module cli/generate
 * `renkou generate [--seed N] [--out dir] [--townships N] [--years A..B] [--scale S] [--no-defects]`:
 * write the deterministic synthetic county (or a larger set) as Parquet exports.
 */
import { generate } from '../../data/generator/index.ts';
import { DEMO_EXPORT_DIR } from '../paths.ts';
import { parseCommandArgs, UsageError, type Command } from './command.ts';

function positiveNumber(name: string, text: string | undefined, fallback: number, integer: boolean): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
    throw new UsageError(`--${name} must be a positive ${integer ? 'whole ' : ''}number, not "${text}"`);
  }
  return n;
}

export function parseYears(text: string | undefined): { fromYear: number; toYear: number } {
  if (text === undefined) return { fromYear: 2000, toYear: 2024 };
  const match = /^(\d{4})\.\.(\d{4})$/.exec(text);
  if (!match) throw new UsageError(`--years must look like 2000..2024, not "${text}"`);
  const fromYear = Number(match[1]);
  const toYear = Number(match[2]);
  if (fromYear > toYear) throw new UsageError(`--years: ${fromYear} is after ${toYear}`);
  return { fromYear, toYear };
}

export const command: Command = {
  name: 'generate',
  summary: 'write the synthetic demo county (or a province-scale set) as Parquet exports',
  usage: 'renkou generate [--seed N] [--out <dir>] [--townships N] [--years 2000..2024] [--scale S] [--no-defects]',
  async run(argv) {
    const { values } = parseCommandArgs(argv, {
      seed: { type: 'string' }, out: { type: 'string' }, townships: { type: 'string' },
      years: { type: 'string' }, scale: { type: 'string' }, 'no-defects': { type: 'boolean' },
    });
    const started = performance.now();
    const summary = await generate({
      seed: positiveNumber('seed', values.seed, 1, true),
      outDir: values.out ?? DEMO_EXPORT_DIR,
      townships: positiveNumber('townships', values.townships, 20, true),
      scale: positiveNumber('scale', values.scale, 1, false),
      injectDefects: !values['no-defects'],
      ...parseYears(values.years),
      onProgress: (m) => console.error(m),
    });
    console.log(JSON.stringify(summary.rowCounts));
    console.error(`generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return 0;
  },
};
