/**
 * @module config
 * Analysis settings a county office may change: the small-cell threshold and the compliance
 * targets. From environment variables, with the defaults of DESIGN.md.
 */
import type { ComplianceTargets } from './indicators/types.ts';

export interface AnalyticsConfig {
  /** Cells computed from fewer events than this are marked `small` (RENKOU_SMALL_CELL, default 5). */
  readonly smallCell: number;
  /** Compliance targets in % (RENKOU_TARGET_REGISTERED 99, RENKOU_TARGET_MIGRANT 85). */
  readonly targets: ComplianceTargets;
  /** Township users get small cells suppressed (values null), not just marked (RENKOU_SUPPRESS_SMALL=1). */
  readonly suppressSmall: boolean;
}

function numberFrom(name: string, fallback: number, min: number, max: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const n = Number(text);
  if (!Number.isFinite(n) || n < min || n > max) throw new Error(`${name} must be a number in ${min}..${max}, not "${text}"`);
  return n;
}

export function analyticsConfigFromEnv(): AnalyticsConfig {
  return {
    smallCell: numberFrom('RENKOU_SMALL_CELL', 5, 0, 1_000_000),
    targets: {
      registered: numberFrom('RENKOU_TARGET_REGISTERED', 99, 0, 100),
      migrant: numberFrom('RENKOU_TARGET_MIGRANT', 85, 0, 100),
    },
    suppressSmall: process.env.RENKOU_SUPPRESS_SMALL === '1',
  };
}

export const DEFAULT_ANALYTICS: AnalyticsConfig = { smallCell: 5, targets: { registered: 99, migrant: 85 }, suppressSmall: false };
