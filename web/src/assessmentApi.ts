/**
 * @module assessmentApi
 * Typed calls for the assessment year: targets (`GET /api/targets`, admins' `POST /api/targets`
 * and `/api/targets/remove`), year-to-date progress (`GET /api/progress`) and the scorecard
 * (`GET /api/assessment`). The answer types are the contract's (contract/assessment.ts).
 */
import type {
  Assessment, Direction, ItemResult, MeasureInfo, Progress, ShownTarget, Target, TargetEdit, TargetsAnswer, TownshipResult,
} from '../../contract/assessment.ts';
import { clearCache, getJson, isApiFailure, ApiFailure } from './api.ts';

export type { Assessment, Direction, ItemResult, MeasureInfo, Progress, ShownTarget, Target, TargetEdit, TargetsAnswer, TownshipResult };

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
