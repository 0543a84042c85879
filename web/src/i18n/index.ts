/**
 * @module i18n
 * The dashboard speaks Chinese first (zh-CN), with an English switch kept in the URL (`?lang=en`).
 * Strings are lookup tables keyed by id (strings/: base, assessment, pages; the import page's
 * own `w` table; the API error codes); `t(key)` answers in the page's language.
 *
 * @example
 * t('overview', 'en'); // 'Overview'
 */
import { ASSESSMENT_STRINGS } from './strings/assessment.ts';
import { BASE_STRINGS } from './strings/base.ts';
import { ERROR_STRINGS } from './strings/errors.ts';
import { PAGE_STRINGS } from './strings/pages.ts';

export type Lang = 'zh' | 'en';

/** Every string of the dashboard but the import page's (see strings/import.ts). */
export const STRINGS = { ...BASE_STRINGS, ...ASSESSMENT_STRINGS, ...PAGE_STRINGS } as const satisfies Record<string, Record<Lang, string>>;

export type StringKey = keyof typeof STRINGS;

export function currentLang(): Lang {
  return new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh';
}

export function t(key: StringKey, lang: Lang = currentLang()): string {
  return STRINGS[key][lang];
}

/** `t` with `{name}` slots filled. */
export function tf(key: StringKey, lang: Lang, values: Record<string, string | number>): string {
  return t(key, lang).replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

export function isStringKey(key: string): key is StringKey {
  return Object.hasOwn(STRINGS, key);
}

/** A bilingual name from the API in the page's language. */
/** Text in brackets after a word: full-width in Chinese (出生人数（人）), a space and ASCII brackets in English (Births (persons)). */
export function paren(text: string | number, lang: Lang): string {
  return lang === 'zh' ? `（${text}）` : ` (${text})`;
}

/** The colon after a label: full-width in Chinese (出生：), a colon and a space in English (Births: ). */
export function colon(lang: Lang): string {
  return lang === 'zh' ? '：' : ': ';
}

export function pick(name: { zh: string; en: string }, lang: Lang): string {
  return name[lang];
}

/** Column headers of CSV downloads, by API field. */
const CSV_HEADERS: Record<string, { zh: string; en: string }> = {
  township: { zh: '乡镇代码', en: 'township' }, name: { zh: '名称', en: 'name' }, period: { zh: '时期', en: 'period' },
  value: { zh: '数值', en: 'value' }, numerator: { zh: '分子', en: 'numerator' }, denominator: { zh: '分母', en: 'denominator' },
  // a TFR is a sum of ages' rates: its births and women-years are not a fraction that gives it
  tfr_numerator: { zh: '出生数（各年龄合计）', en: 'births (all ages)' },
  tfr_denominator: { zh: '育龄妇女人年数（15–49岁；总和生育率为各年龄生育率之和，不等于两数之比）', en: 'women-years 15–49 (the TFR sums the ages\' rates; it is not births ÷ women-years)' },
  small: { zh: '样本量小', en: 'small' }, previous: { zh: '上期值', en: 'previous' }, change: { zh: '增减', en: 'change' },
  change_pct: { zh: '增减（%）', en: 'change_pct' }, residence: { zh: '人口类别', en: 'residence' },
  male: { zh: '男婴', en: 'male' }, female: { zh: '女婴', en: 'female' }, births: { zh: '出生数', en: 'births' },
  srb: { zh: '性别比', en: 'srb' }, lo: { zh: '95%下限', en: 'lo' }, hi: { zh: '95%上限', en: 'hi' },
  smoothed: { zh: '平滑性别比', en: 'smoothed' }, smoothed_lo: { zh: '平滑下限', en: 'smoothed_lo' }, smoothed_hi: { zh: '平滑上限', en: 'smoothed_hi' },
  shrinkage: { zh: '收缩权重', en: 'shrinkage' }, flag: { zh: '95%区间与103–107比较', en: 'interval vs 103–107' }, judgement: { zh: '判断', en: 'judgement' }, order: { zh: '孩次', en: 'order' },
  rank: { zh: '名次', en: 'rank' }, funnel: { zh: '漏斗位置', en: 'funnel' }, age: { zh: '年龄', en: 'age' }, sex: { zh: '性别', en: 'sex' },
  registered: { zh: '户籍', en: 'registered' }, migrant_in: { zh: '流入', en: 'migrant_in' }, migrant_out: { zh: '流出', en: 'migrant_out' },
  group: { zh: '组别', en: 'group' }, kind: { zh: '类别', en: 'kind' }, target: { zh: '目标（%）', en: 'target' },
  meets_target: { zh: '是否达标', en: 'meets_target' }, unknown: { zh: '政策属性不详', en: 'unknown' },
  unknown_share: { zh: '不详占比（%）', en: 'unknown_share' }, noncompliant: { zh: '政策外', en: 'noncompliant' },
  year: { zh: '年份', en: 'year' }, scenario: { zh: '方案', en: 'scenario' }, series: { zh: '系列', en: 'series' },
  table: { zh: '数据表', en: 'table' }, rule: { zh: '规则', en: 'rule' }, rows: { zh: '行数', en: 'rows' },
  series_label: { zh: '系列', en: 'series' }, births_limit: { zh: '出生数', en: 'births' },
  lo2: { zh: '80%下限', en: 'lo80' }, hi2: { zh: '80%上限', en: 'hi80' }, deterministic: { zh: '确定性预测', en: 'deterministic' },
  n: { zh: '例数', en: 'n' }, met: { zh: '达到目标', en: 'met' }, tableLabel: { zh: '数据表', en: 'table' }, ruleLabel: { zh: '规则', en: 'rule' },
  scope: { zh: '范围', en: 'scope' }, target_rule: { zh: '目标', en: 'target' }, share: { zh: '占比（%）', en: 'share (%)' }, deaths: { zh: '死亡数', en: 'deaths' },
  category: { zh: '类别', en: 'category' }, highlight: { zh: '所选乡镇', en: 'chosen' },
  lo95: { zh: '95%下限', en: 'lo95' }, hi95: { zh: '95%上限', en: 'hi95' }, lo998: { zh: '99.8%下限', en: 'lo998' }, hi998: { zh: '99.8%上限', en: 'hi998' },
};

export function csvHeader(key: string, lang: Lang): string {
  return CSV_HEADERS[key]?.[lang] ?? key;
}

/** Fills every `[data-i18n]` element with its string in the current language. */
export function translatePage(lang: Lang = currentLang()): void {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const key = el.dataset.i18n ?? '';
    if (isStringKey(key)) el.textContent = t(key, lang);
  }
}

/**
 * What an API error code means to a planner, or `null` for a code without an entry. Codes
 * `import_<reason>` share the `import_` entry unless they have their own.
 */
export function errorCodeText(code: string, lang: Lang): string | null {
  const own = Object.hasOwn(ERROR_STRINGS, code) ? ERROR_STRINGS[code as keyof typeof ERROR_STRINGS] : null;
  const shared = code.startsWith('import_') ? ERROR_STRINGS.import_ : null;
  return (own ?? shared)?.[lang] ?? null;
}
