/**
 * @module generator/cli
 * Stand-alone entry: `npx tsx data/generator/cli.ts [--out dir] [--seed N] [--townships N]
 * [--from 2000] [--to 2024] [--scale S] [--no-defects]`; prints progress and timing.
 * (`renkou generate` in server/cli is the user-facing command.)
 */
import { parseArgs } from 'node:util';
import { generate } from './index.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'data/demo' }, seed: { type: 'string', default: '1' },
    townships: { type: 'string', default: '20' }, from: { type: 'string', default: '2000' },
    to: { type: 'string', default: '2024' }, scale: { type: 'string', default: '1' }, 'no-defects': { type: 'boolean', default: false },
  },
});
const summary = await generate({
  outDir: values.out, seed: Number(values.seed), townships: Number(values.townships), fromYear: Number(values.from),
  toYear: Number(values.to), scale: Number(values.scale), injectDefects: !values['no-defects'], onProgress: (m) => console.error(m),
});
console.log(JSON.stringify({ rowCounts: summary.rowCounts, eventRows: summary.eventRows, seconds: Number(summary.seconds.toFixed(2)) }));
