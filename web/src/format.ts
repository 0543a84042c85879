/**
 * @module format
 * Numbers the way Chinese statistical reports print them: thousands separators for counts,
 * two decimals for rates (‰, %) and ratios (TFR, SRB), changes in 个千分点 / 个百分点 for rates.
 * The same conventions as d3-format strings, for Vega-Lite axes and tooltips.
 *
 * @example
 * formatValue(8.523, '‰');        // '8.52‰'
 * formatValue(4839, 'persons');    // '4,839'
 */
import { compareValueWithTarget, compareWithTarget } from '../../common/targetComparison.ts';
import type { Lang } from './i18n/index.ts';

export type UnitKind = 'count' | 'permille' | 'percent' | 'ratio' | 'years';

export function unitKind(unit: string): UnitKind {
  if (unit === '‰') return 'permille';
  if (unit === '%') return 'percent';
  if (unit === 'persons' || unit === 'couples' || unit === 'births') return 'count';
  if (unit === 'years') return 'years';
  return 'ratio';
}

/** d3-format string for Vega-Lite axes and tooltips. */
export function d3Format(unit: string): string {
  return unitKind(unit) === 'count' ? ',.0f' : ',.2f';
}

const intFmt = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });
const dec2 = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const dec1 = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const dec3 = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 3, maximumFractionDigits: 3 });

/** A count; '—' where the server withheld it (small-cell suppression). */
export function formatInt(n: number | null): string {
  return n === null ? '—' : intFmt.format(Math.round(n));
}

export function formatDec(n: number | null, digits: 1 | 2 | 3 = 2): string {
  return n === null ? '—' : (digits === 1 ? dec1 : digits === 3 ? dec3 : dec2).format(n);
}

/** A value with its unit sign: '8.52‰', '95.14%', '1.05', '4,839'. */
export function formatValue(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  switch (unitKind(unit)) {
    case 'count': return formatInt(value);
    case 'permille': return `${formatDec(value)}‰`;
    case 'percent': return `${formatDec(value)}%`;
    case 'years': return formatDec(value, 1);
    case 'ratio': return formatDec(value);
  }
}

/** A figure's minus written as the pages write it (−1.192%, −15～15), not the ASCII hyphen Intl gives. */
export function minusSign(text: string): string {
  return text.replace(/(^|[～（(\s–])-(?=\d)/g, '$1−');
}

function signed(text: string, n: number): string {
  return n > 0 ? `+${text}` : n < 0 ? `−${text.replace('-', '')}` : text;
}

/**
 * The change on the previous period, as a report writes it: counts as '+153（+3.27%）', rates in
 * points ('+0.35个千分点' / '+0.35 ‰ points'), ratios as '+0.12'.
 */
export function formatChange(change: number | null | undefined, changePct: number | null | undefined, unit: string, lang: Lang): string {
  if (change === null || change === undefined || !Number.isFinite(change)) return '—';
  const kind = unitKind(unit);
  if (kind === 'count') {
    const pct = changePct === null || changePct === undefined || !Number.isFinite(changePct) ? '' : `（${signed(`${formatDec(changePct)}%`, changePct)}）`;
    return signed(formatInt(change), change) + (lang === 'en' ? pct.replace('（', ' (').replace('）', ')') : pct);
  }
  if (kind === 'permille') return signed(formatDec(change), change) + (lang === 'zh' ? '个千分点' : ' ‰ pts');
  if (kind === 'percent') return signed(formatDec(change), change) + (lang === 'zh' ? '个百分点' : ' % pts');
  return signed(formatDec(change, kind === 'years' ? 1 : 2), change);
}

/** d3 number locale for vega-embed (`formatLocale`): the separators of zh-CN reports. */
/** The charts' zh-CN number locale, for vega-embed's `formatLocale`. */
export { ZH_NUMBER_LOCALE as ZH_FORMAT_LOCALE } from './charts/common.ts';

/**
 * A percentage compared with a target, by the one rule of common/targetComparison.ts: judged on
 * the counts when given, and printed with the digits the verdict needs (98.999%, never 99.00%
 * beside 未达标).
 */
export function formatVsTarget(value: number | null | undefined, target: number | null | undefined, numerator?: number | null, denominator?: number | null): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (target === null || target === undefined) return formatValue(value, '%');
  if (typeof numerator === 'number' && typeof denominator === 'number' && denominator > 0) return compareWithTarget(numerator, denominator, target).valueText;
  return compareValueWithTarget(value, target).valueText;
}
