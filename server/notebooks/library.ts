/**
 * @module notebooks/library
 * The report notebooks on disk: `notebooks/<name>.md` in the repository (another folder can be
 * given, e.g. by tests). Names are checked before any file is touched; an unknown one is a 404.
 *
 * @example
 * listNotebooks().map((n) => n.name); // ['situation-analysis', 'township-profile']
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ApiError } from '../errors.ts';
import { REPO_ROOT } from '../paths.ts';
import { parseNotebook } from './parse.ts';
import type { Notebook } from './types.ts';

export const NOTEBOOK_DIR = path.join(REPO_ROOT, 'notebooks');
const NAME = /^[a-z0-9][a-z0-9-]*$/;

export function notebookNames(dir = NOTEBOOK_DIR): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.md') && NAME.test(f.slice(0, -3))).map((f) => f.slice(0, -3)).sort();
}

export function listNotebooks(dir = NOTEBOOK_DIR): Notebook[] {
  return notebookNames(dir).map((n) => loadNotebook(n, dir));
}

/** Loads `<dir>/<name>.md`; also accepts a path to a `.md` file (the CLI's own notebooks). */
export function loadNotebook(nameOrPath: string, dir = NOTEBOOK_DIR): Notebook {
  if (nameOrPath.endsWith('.md') && existsSync(nameOrPath)) {
    return parseNotebook(path.basename(nameOrPath, '.md'), readFileSync(nameOrPath, 'utf8'));
  }
  if (!NAME.test(nameOrPath) || !notebookNames(dir).includes(nameOrPath)) {
    throw new ApiError(404, 'unknown_report', `no report "${nameOrPath}"; GET /api/reports lists them (${notebookNames(dir).join(', ') || 'none'})`, { parameter: 'name' });
  }
  return parseNotebook(nameOrPath, readFileSync(path.join(dir, `${nameOrPath}.md`), 'utf8'));
}
