/**
 * @module notebooks/library
 * The report notebooks on disk. The API renders only notebooks of the library folder
 * (`notebooks/<name>.md` in the repository; tests may give another folder): a name is checked
 * against the pattern and the folder's listing before any file is touched, and anything else —
 * a path, a `.md` file elsewhere, `..` — is the same 404, so the answer never tells whether a
 * path exists. The CLI may also render a notebook file anywhere on disk (`loadNotebookFile`).
 *
 * @example
 * listNotebooks().map((n) => n.name); // ['situation-analysis', 'township-profile']
 * loadNotebook('situation-analysis');   // the API and the CLI
 * loadNotebookFile('my/own-report.md'); // the CLI only
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { NotFound } from '../errors/domain.ts';
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

/** Loads `<dir>/<name>.md` of the library; any other name (a path included) is a 404. */
export function loadNotebook(name: string, dir = NOTEBOOK_DIR): Notebook {
  const names = notebookNames(dir);
  if (!NAME.test(name) || !names.includes(name)) {
    const shown = NAME.test(name) ? `"${name}"` : 'by that name';
    throw new NotFound('unknown_report', `no report ${shown}; GET /api/reports lists them (${names.join(', ') || 'none'})`, { parameter: 'name' });
  }
  return parseNotebook(name, readFileSync(path.join(dir, `${name}.md`), 'utf8'));
}

/** Loads a notebook file anywhere on disk: for the CLI (`renkou report ./my-report.md`), never for the API. */
export function loadNotebookFile(file: string): Notebook {
  return parseNotebook(path.basename(file, '.md'), readFileSync(file, 'utf8'));
}
