/**
 * @module config
 * Analysis settings a county office may change: the small-cell threshold, small-cell suppression
 * and where admins' target edits are kept (the targets themselves come from the export folder's
 * targets file, the 目标 page and the defaults: server/targets/). From environment variables.
 */
import path from 'node:path';
import { DEFAULT_TARGETS_FILE } from './paths.ts';
import { TargetEdits } from './targets/edits.ts';

export interface AnalyticsConfig {
  /** Cells computed from fewer events than this are marked `small` (RENKOU_SMALL_CELL, default 5). */
  readonly smallCell: number;
  /** Township users get small cells suppressed (values null), not just marked (RENKOU_SUPPRESS_SMALL=1). */
  readonly suppressSmall: boolean;
  /** Targets set on the 目标 page (RENKOU_TARGETS, default data/targets.json). */
  readonly targets: TargetEdits;
}

function numberFrom(name: string, fallback: number, min: number, max: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const n = Number(text);
  if (!Number.isFinite(n) || n < min || n > max) throw new Error(`${name} must be a number in ${min}..${max}, not "${text}"`);
  return n;
}

/** `targetsFile` overrides RENKOU_TARGETS (a server given its own scratch folder, as in tests). */
export function analyticsConfigFromEnv(targetsFile?: string): AnalyticsConfig {
  return {
    smallCell: numberFrom('RENKOU_SMALL_CELL', 5, 0, 1_000_000),
    suppressSmall: process.env.RENKOU_SUPPRESS_SMALL === '1',
    targets: new TargetEdits(path.resolve(targetsFile ?? process.env.RENKOU_TARGETS ?? DEFAULT_TARGETS_FILE)),
  };
}

/** The answer cache's bound (RENKOU_ANSWER_CACHE_MB, default 64 MiB; 0 turns it off): answer/cache.ts. */
export function answerCacheBytesFromEnv(): number {
  return numberFrom('RENKOU_ANSWER_CACHE_MB', 64, 0, 1_000_000) * 2 ** 20;
}

/** Defaults with target edits in memory (tests, tools). */
export function defaultAnalytics(): AnalyticsConfig {
  return { smallCell: 5, suppressSmall: false, targets: new TargetEdits(null) };
}

export const DEFAULT_ANALYTICS: AnalyticsConfig = defaultAnalytics();
