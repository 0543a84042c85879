/** `renkou <command> --help` prints that command's usage and succeeds (it was refused as an unknown option). */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../server/paths.ts';

describe('renkou <command> --help', () => {
  it('prints the usage of ingest and of map, and exits 0', () => {
    for (const name of ['ingest', 'map']) {
      const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'server/cli/main.ts'), name, '--help'], { cwd: REPO_ROOT, encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`^usage: renkou ${name} `));
    }
  }, 120_000);
});
