// Four lanes (Vitest projects), all run by `npm test`:
//   unit    — pure functions, no database, no server, no browser (`npm run test:unit`, a few seconds);
//   api     — everything that builds a database or starts the server (`npm run test:api`);
//   browser — the dashboard driven in Debian's Chromium (`npm run test:browser`);
//   spark   — imports on a loopback Spark cluster (`npm run test:spark`, minutes): run after the
//             others, one file at a time, so the cluster does not compete with the other lanes.
// A new test file lands in `api` unless it is listed as unit or sits in test/browser/ or test/spark/.
import { defineConfig } from 'vitest/config';

const UNIT = [
  'test/demography/**/*.test.ts',
  'test/stats/**/*.test.ts',
  'test/notebooks/parse.test.ts',
  'test/notebooks/slots.test.ts',
  'test/notebooks/markdown.test.ts',
  'test/charts.test.ts',
  'test/chart-golden.test.ts',
  'test/contract-docs.test.ts',
  'test/i18n.test.ts',
  'test/generator-calibration.test.ts',
  'test/assessment-score.test.ts',
  'test/security/csv-injection.test.ts',
];
const BROWSER = ['test/browser/**/*.test.ts'];
const SPARK = ['test/spark/**/*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 300_000,
    projects: [
      // Pure functions share one module graph: no isolation needed, and threads start faster than forks.
      { extends: true, test: { name: 'unit', include: UNIT, pool: 'threads', isolate: false } },
      { extends: true, test: { name: 'api', include: ['test/**/*.test.ts'], exclude: [...UNIT, ...BROWSER, ...SPARK] } },
      { extends: true, test: { name: 'browser', include: BROWSER } },
      {
        extends: true,
        test: { name: 'spark', include: SPARK, fileParallelism: false, testTimeout: 600_000, hookTimeout: 2_700_000 },
      },
    ],
  },
});
