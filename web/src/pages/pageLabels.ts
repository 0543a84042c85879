/**
 * @module pages/pageLabels
 * Lookups the pages share: township names, labels of periods, residences and birth orders in the
 * page's language, the colours of series, and the control option lists.
 */
import type { BirthOrder, Meta, PeriodKind, Residence } from '../api.ts';
import { COUNTY_COLOR, PALETTE } from '../charts/common.ts';
import { paren, t, type Lang, type StringKey } from '../i18n/index.ts';
import type { Option } from '../ui.ts';

/** Code → name per meta: a page names every township of a province (1,500) for its map and lists. */
const namesOf = new WeakMap<Meta, Map<string, string>>();

export function townshipName(meta: Meta, code: string, lang: Lang): string {
  if (code === 'all') return t('county', lang);
  let names = namesOf.get(meta);
  if (!names) namesOf.set(meta, (names = new Map(meta.townships.map((x) => [x.code, x.name]))));
  return names.get(code) ?? code;
}

export function townshipOptions(meta: Meta, lang: Lang, withCounty = false): Option[] {
  return [
    ...(withCounty ? [{ value: 'all', label: `${meta.county.name}${paren(t('county', lang), lang)}` }] : []),
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

/** What an export part means in a file name: an indicator or chart id, a period kind, a scenario. */
const FILE_WORDS: Record<string, { zh: string; en: string }> = {
  map: { zh: '分布图', en: 'map' }, srb: { zh: '出生人口性别比', en: 'SRB' }, 'srb-funnel': { zh: '性别比漏斗图控制限', en: 'SRB-funnel' },
  'srb-ranking': { zh: '性别比乡镇排名', en: 'SRB-ranking' }, pyramid: { zh: '人口金字塔', en: 'pyramid' }, 'age-structure': { zh: '年龄构成', en: 'age-structure' },
  'school-age': { zh: '学龄人口', en: 'school-age' }, compliance: { zh: '计划生育率', en: 'compliance' }, 'cbr-townships': { zh: '各乡镇出生率', en: 'CBR-by-township' },
  projection: { zh: '人口预测', en: 'projection' }, quarantine: { zh: '隔离记录', en: 'quarantine' }, births: { zh: '出生人数', en: 'births' },
  cbr: { zh: '出生率', en: 'CBR' }, tfr: { zh: '总和生育率', en: 'TFR' }, marriages: { zh: '结婚登记', en: 'marriages' }, migrant_stock: { zh: '流入人口', en: 'migrants' },
  age_structure: { zh: '65岁及以上比重', en: 'share-65' }, population: { zh: '常住人口', en: 'population' }, population_registered: { zh: '户籍人口', en: 'registered' },
  share65: { zh: '65岁及以上比重', en: 'share-65' }, age_groups: { zh: '规划人群', en: 'planning-groups' }, life_expectancy: { zh: '平均预期寿命', en: 'life-expectancy' },
  deaths: { zh: '死亡', en: 'deaths' }, assessment: { zh: '目标管理考核', en: 'assessment' }, funnel: { zh: '漏斗图', en: 'funnel' },
  townships: { zh: '乡镇多指标对比', en: 'township-comparison' },
  compliance_registered: { zh: '户籍人口出生政策符合率', en: 'compliance-registered' }, compliance_migrant: { zh: '流动人口出生政策符合率', en: 'compliance-migrant' },
  certificate_rate: { zh: '流动育龄妇女持证率', en: 'certificate-rate' }, hospital_rate: { zh: '住院分娩率', en: 'hospital-rate' },
  'scenarios-total': { zh: '各方案总人口', en: 'scenarios-total' }, 'scenarios-births': { zh: '各方案出生人数', en: 'scenarios-births' },
  year: { zh: '按年', en: 'yearly' }, statyear: { zh: '按统计年度', en: 'by-stat-year' }, half: { zh: '按半年', en: 'half-yearly' }, quarter: { zh: '按季', en: 'quarterly' }, month: { zh: '按月', en: 'monthly' },
  low: { zh: '低方案', en: 'low' }, medium: { zh: '中方案', en: 'medium' }, high: { zh: '高方案', en: 'high' }, constant: { zh: '不变方案', en: 'constant' },
  zero_migration: { zh: '零迁移方案', en: 'zero-migration' }, custom: { zh: '自定义方案', en: 'custom' },
  deterministic: { zh: '', en: '' }, probabilistic: { zh: '概率预测', en: 'probabilistic' }, none: { zh: '', en: '' }, all: { zh: '', en: '' },
  '1': { zh: '一孩', en: 'order1' }, '2': { zh: '二孩', en: 'order2' }, '3plus': { zh: '三孩及以上', en: 'order3plus' },
};

/**
 * A file name that says what the file holds: the place, what, and the years
 * (`城关街道_出生人数_按年_2015-2024`); township codes become names, ids become Chinese words,
 * two years in a row become a span. Characters Windows forbids are replaced.
 */
export function fileName(meta: Meta, ...parts: (string | number)[]): string {
  const lang: Lang = document.documentElement.lang === 'en' ? 'en' : 'zh';
  const words: string[] = [];
  let place = meta.county.name;
  for (const [i, part] of parts.entries()) {
    const s = String(part);
    if (/^\d{9}$/.test(s)) { place = townshipName(meta, s, lang); continue; }
    if (/^(19|20)\d\d$/.test(s) && /^(19|20)\d\d$/.test(String(parts[i + 1] ?? '')) && Number(parts[i + 1]) > Number(s)) { words.push(`${s}-${parts[i + 1]}`); parts[i + 1] = ''; continue; }
    const w = FILE_WORDS[s]?.[lang] ?? (s.startsWith('proj') ? t(s as StringKey, lang) : s);
    if (w) words.push(w);
  }
  return [place, ...words].join('_').replace(/[\\/:*?"<>|\s]+/g, '_').replace(/_+/g, '_').replace(/_$/, '');
}
