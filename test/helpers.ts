/** Small shared helpers for tests: temporary folders that clean themselves up. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, onTestFinished } from 'vitest';

/**
 * A fresh folder under the OS temp folder, removed when the test that made it finishes (called
 * inside `it`) or after its suite (called while a `describe` is collected). `afterAll` registered
 * from inside a running test is never run, which used to leave DuckDB folders behind.
 */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `renkou-${prefix}-`));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  if (expect.getState().currentTestName !== undefined) onTestFinished(remove);
  else afterAll(remove);
  return dir;
}
