/**
 * @module assessmentApi
 * Typed calls for the assessment year: targets (`GET /api/targets`, admins' `POST /api/targets`
 * and `/api/targets/remove`), year-to-date progress (`GET /api/progress`) and the scorecard
 * (`GET /api/assessment`). The answer types are the server's own (type-only imports).
 */
import type { Assessment } from '../../server/assessment/run.ts';
import type { Progress } from '../../server/progress/progress.ts';
import type { Target } from '../../server/targets/book.ts';
import type { Direction } from '../../server/targets/measures.ts';
import { clearCache, getJson, isApiFailure, ApiFailure } from './api.ts';

export type { Assessment, Direction, Progress, Target };
export type { ItemResult, TownshipResult } from '../../server/assessment/score.ts';

export interface ShownTarget extends Target { rule: string; name: { zh: string; en: string } | null; place?: string }
export interface MeasureInfo { id: string; name: { zh: string; en: string }; unit: string }
export interface TargetsAnswer { year: number; measures: MeasureInfo[]; set: ShownTarget[]; effective: ShownTarget[]; canEdit: boolean }
export interface TargetEdit { measure: string; scope: string; year: number | null; direction: Direction; value: number; upper: number | null }

async function post(url: string, body: unknown): Promise<void> {
  const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await r.text();
  if (!r.ok) {
    let message = `${r.status}`;
    try { message = (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? message; } catch { /* not JSON */ }
    throw new ApiFailure(r.status, message, 'http');
  }
  clearCache(); // every answer that compares with a target may have changed
}

export const assessmentApi = {
  targets: (year: number) => getJson<TargetsAnswer>(`/api/targets?year=${year}`),
  setTarget: (edit: TargetEdit) => post('/api/targets', edit),
  removeTarget: (key: Pick<TargetEdit, 'measure' | 'scope' | 'year'>) => post('/api/targets/remove', key),
  progress: (year: number, through: number, township = 'all') => getJson<Progress>(`/api/progress?year=${year}&through=${through}&township=${township}`),
  assessment: (year: number, window: 'year' | 'statyear') => getJson<Assessment>(`/api/assessment?year=${year}&window=${window}`),
};

export { isApiFailure };
