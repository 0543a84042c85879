/**
 * @module indicators/periods
 * Period labels (`2024`, `SY2024`, `2024H1`, `2024Q1`, `2024-01`) and the label a comparison
 * refers to: 同比 (yoy, the same period a year earlier) or 环比 (prev, the period just before).
 */
import type { CompareMode, PeriodKind } from './types.ts';

const PATTERNS: Record<PeriodKind, RegExp> = {
  year: /^(\d{4})$/,
  statyear: /^SY(\d{4})$/,
  half: /^(\d{4})H([12])$/,
  quarter: /^(\d{4})Q([1-4])$/,
  month: /^(\d{4})-(\d{2})$/,
};

/** Sub-periods per year for each kind (a year has 2 halves, 4 quarters, 12 months). */
const PER_YEAR: Record<PeriodKind, number> = { year: 1, statyear: 1, half: 2, quarter: 4, month: 12 };

function format(kind: PeriodKind, year: number, part: number): string {
  switch (kind) {
    case 'year': return String(year);
    case 'statyear': return `SY${year}`;
    case 'half': return `${year}H${part}`;
    case 'quarter': return `${year}Q${part}`;
    case 'month': return `${year}-${String(part).padStart(2, '0')}`;
  }
}

/** The label that `label` is compared with, or null when the label is not of this kind. */
export function comparedLabel(kind: PeriodKind, label: string, mode: Exclude<CompareMode, 'none'>): string | null {
  const match = PATTERNS[kind].exec(label);
  if (!match) return null;
  const year = Number(match[1]);
  const part = match[2] === undefined ? 1 : Number(match[2]);
  if (mode === 'yoy') return format(kind, year - 1, part);
  return part > 1 ? format(kind, year, part - 1) : format(kind, year - 1, PER_YEAR[kind]);
}
