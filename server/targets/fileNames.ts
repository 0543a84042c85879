/**
 * @module targets/fileNames
 * The names a targets file may have at the top of an export folder. Kept apart from its reader
 * (targets/file) so that the office-file listing (office/tabular), which that reader uses, can
 * leave the targets file out of the contract tables without an import cycle.
 *
 * @example
 * findTargetsFile('exports'); // 'exports/targets.csv', or null
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

export const TARGET_FILES = ['targets.csv', 'targets.xlsx', '目标.csv', '目标.xlsx'] as const;

/** True for a targets file named relative to the export folder (one at the top, not in a sub-folder). */
export function isTargetsFile(relativeName: string): boolean {
  return (TARGET_FILES as readonly string[]).includes(relativeName.toLowerCase());
}

/** The targets file of an export folder, or null when there is none. */
export function findTargetsFile(source: string): string | null {
  for (const name of TARGET_FILES) {
    const file = path.join(source, name);
    if (existsSync(file)) return file;
  }
  return null;
}
