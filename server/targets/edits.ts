/**
 * @module targets/edits
 * Targets set by admins on the 目标 page, kept in a JSON file beside the database
 * (`RENKOU_TARGETS`, default data/targets.json) so they survive imports, with who set each and
 * when. Written atomically (a temporary file renamed into place); re-read when the file changes.
 * Without a file (tests, a read-only setup) edits are kept in memory.
 *
 * @example
 * const edits = new TargetEdits('data/targets.json');
 * edits.set({ measure: 'compliance_registered', scope: 'all', year: 2025, direction: 'at_least', value: 98.5, upper: null }, 'wang');
 */
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { targetKey, type Target } from './book.ts';
import type { TargetRule } from './measures.ts';

export type TargetEdit = TargetRule & Pick<Target, 'measure' | 'scope' | 'year'>;

export class TargetEdits {
  private edits: Target[] = [];
  private loadedMtime = -1;
  private changes = 0;

  constructor(readonly file: string | null) {}

  private load(): void {
    if (this.file === null) return;
    const mtime = statSync(this.file, { throwIfNoEntry: false })?.mtimeMs ?? 0;
    if (mtime === this.loadedMtime) return;
    this.edits = mtime === 0 ? [] : (JSON.parse(readFileSync(this.file, 'utf8')) as { targets: Target[] }).targets;
    this.loadedMtime = mtime;
    this.changes++;
  }

  private save(): void {
    if (this.file === null) return;
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify({ targets: this.edits }, null, 2));
    renameSync(tmp, this.file);
    this.loadedMtime = -1;
  }

  list(): readonly Target[] {
    this.load();
    return this.edits;
  }

  /** A number that changes whenever the edits do (set or removed here, or the file rewritten): answers that quote targets are kept per revision. */
  revision(): number {
    this.load();
    return this.changes;
  }

  /** Sets (or replaces) the target of a measure, place and year. */
  set(edit: TargetEdit, by: string, at = new Date().toISOString()): Target {
    this.load();
    const target: Target = { ...edit, source: 'edit', by, at };
    this.edits = [...this.edits.filter((t) => targetKey(t) !== targetKey(edit)), target];
    this.changes++;
    this.save();
    return target;
  }

  /** Removes an edit, so the file's target or the default applies again; false when there was none. */
  remove(key: Pick<Target, 'measure' | 'scope' | 'year'>): boolean {
    this.load();
    const before = this.edits.length;
    this.edits = this.edits.filter((t) => targetKey(t) !== targetKey(key));
    if (this.edits.length === before) return false;
    this.changes++;
    this.save();
    return true;
  }
}
