/**
 * @module pages/shared
 * Lookups the pages share: township names, labels of periods, residences and birth orders in the
 * page's language, the colours of series, and the control option lists.
 */
import type { BirthOrder, Meta, PeriodKind, Residence } from '../api.ts';
import { COUNTY_COLOR, PALETTE } from '../charts/common.ts';
import { t, type Lang, type StringKey } from '../i18n.ts';
import type { Option } from '../ui.ts';

export function townshipName(meta: Meta, code: string, lang: Lang): string {
  if (code === 'all') return t('county', lang);
  return meta.townships.find((x) => x.code === code)?.name ?? code;
}

export function allCodes(meta: Meta): string {
  return meta.townships.map((x) => x.code).join(',');
}

export function townshipOptions(meta: Meta, lang: Lang, withCounty = false): Option[] {
  return [
    ...(withCounty ? [{ value: 'all', label: `${meta.county.name}（${t('county', lang)}）` }] : []),
    ...meta.townships.map((x) => ({ value: x.code, label: x.name })),
  ];
}

export function yearOptions(from: number, to: number): Option[] {
  const out: Option[] = [];
  for (let y = to; y >= from; y--) out.push({ value: String(y), label: String(y) });
  return out;
}

const PERIOD_KEYS: Record<PeriodKind, StringKey> = {
  year: 'gYear', statyear: 'gStatyear', half: 'gHalf', quarter: 'gQuarter', month: 'gMonth', stathalf: 'gStathalf', ytd: 'gYtd', rolling: 'gRolling', range: 'gRange',
};
export function periodKindOptions(kinds: readonly PeriodKind[], lang: Lang): Option[] {
  return kinds.map((k) => ({ value: k, label: t(PERIOD_KEYS[k], lang) }));
}

const RES_KEYS: Record<Residence, StringKey> = { all: 'resAll', registered: 'resRegistered', migrant: 'resMigrant' };
export function residenceLabel(r: Residence, lang: Lang): string {
  return t(RES_KEYS[r], lang);
}
export function residenceOptions(lang: Lang): Option[] {
  return (['all', 'registered', 'migrant'] as const).map((r) => ({ value: r, label: residenceLabel(r, lang) }));
}

const ORDER_KEYS: Record<BirthOrder, StringKey> = { all: 'orderAll', 1: 'order1', 2: 'order2', '3+': 'order3' };
export function orderOptions(lang: Lang): Option[] {
  return (['all', '1', '2', '3+'] as const).map((o) => ({ value: o, label: t(ORDER_KEYS[o], lang) }));
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A period label for people: 'SY2024' → '2024统计年度', '2024Q1' → '2024年第1季度'. */
export function periodLabel(period: string, lang: Lang): string {
  let m = /^SY(\d{4})$/.exec(period);
  if (m) return lang === 'zh' ? `${m[1]}统计年度` : `SY ${m[1]}`;
  m = /^(\d{4})Q(\d)$/.exec(period);
  if (m) return lang === 'zh' ? `${m[1]}年${m[2]}季度` : period;
  m = /^(\d{4})H(\d)$/.exec(period);
  if (m) return lang === 'zh' ? `${m[1]}年${m[2] === '1' ? '上' : '下'}半年` : period;
  m = /^SY(\d{4})H(\d)$/.exec(period);
  if (m) return lang === 'zh' ? `${m[1]}统计年度${m[2] === '1' ? '上' : '下'}半年` : `SY ${m[1]} H${m[2]}`;
  m = /^(\d{4})YTD(\d{2})$/.exec(period);
  if (m) return lang === 'zh' ? `${m[1]}年1–${Number(m[2])}月` : `${m[1]} Jan–${MONTHS_EN[Number(m[2]) - 1]}`;
  m = /^R12-(\d{4})-(\d{2})$/.exec(period);
  if (m) return lang === 'zh' ? `截至${m[1]}年${Number(m[2])}月的12个月` : `12 months to ${MONTHS_EN[Number(m[2]) - 1]} ${m[1]}`;
  return period;
}

/** Colours for the county (dark) and the townships (palette), in legend order. */
export function seriesColors(names: readonly string[], countyName: string): { domain: string[]; range: string[] } {
  const townships = names.filter((n) => n !== countyName);
  return {
    domain: [...(names.includes(countyName) ? [countyName] : []), ...townships],
    range: [...(names.includes(countyName) ? [COUNTY_COLOR] : []), ...townships.map((_, i) => PALETTE[i % PALETTE.length]!)],
  };
}

/** File names for exports: ascii-safe, with the county code. */
export function fileName(meta: Meta, ...parts: (string | number)[]): string {
  return ['renkou', meta.county.code, ...parts].join('-').replace(/[^\w.+-]+/g, '_');
}
