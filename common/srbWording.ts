/**
 * @module common/srbWording
 * One definition of the elevated-SRB list and one set of words for a sex ratio at birth, shared
 * by the 总览, 性别比 and 报告 pages, the notebooks and the CSV/Word outputs:
 *
 * - **The list** (偏高乡镇): births pooled over the last {@link SRB_LIST_YEARS} years up to the
 *   year in view; a township is on it when the 95% Wilson interval of its raw ratio lies wholly
 *   above 107 (the upper end of the 103–107 normal range). Every page states the span and this rule.
 * - **The words** for one ratio with its interval:
 *   偏高 (interval wholly above 107) · 未显著偏高 (ratio above 107, interval reaching 107) ·
 *   正常 (ratio within 103–107) · 未显著偏低 (ratio below 103, interval reaching 103) ·
 *   偏低 (interval wholly below 103). A township whose interval includes 107 is never 偏高.
 * - **The funnel** is a different question: centred on the county's own ratio, it asks whether a
 *   township differs from the county, not from the normal range — say so wherever both appear.
 *
 * @example
 * srbJudgement(114.0, 103.2, 126.0); // 'elevated_ns' → 未显著偏高
 * srbListSpan(2024);                 // { from: 2022, to: 2024 }
 */

export const SRB_NORMAL: readonly [number, number] = [103, 107];
/** Years pooled for the elevated-SRB list on every page and in every report. */
export const SRB_LIST_YEARS = 3;

export type SrbJudgement = 'high' | 'elevated_ns' | 'normal' | 'reduced_ns' | 'low' | 'none';

export function srbJudgement(srb: number | null, lo: number | null, hi: number | null): SrbJudgement {
  if (srb === null || !Number.isFinite(srb)) return 'none';
  const [bandLo, bandHi] = SRB_NORMAL;
  if (lo !== null && lo > bandHi) return 'high';
  if (hi !== null && hi < bandLo) return 'low';
  if (srb > bandHi) return 'elevated_ns';
  if (srb < bandLo) return 'reduced_ns';
  return 'normal';
}

export const JUDGEMENT_WORDS: Record<SrbJudgement, { zh: string; en: string }> = {
  high: { zh: '偏高', en: 'elevated' },
  elevated_ns: { zh: '未显著偏高', en: 'not significantly elevated' },
  normal: { zh: '正常', en: 'normal' },
  reduced_ns: { zh: '未显著偏低', en: 'not significantly low' },
  low: { zh: '偏低', en: 'low' },
  none: { zh: '无出生', en: 'no births' },
};

/** The words for a row's flag (its interval against 103–107), as a chart's tooltip shows them. */
export function flagWords(lang: 'zh' | 'en' = 'zh'): Record<'high' | 'low' | 'normal', string> {
  return {
    high: JUDGEMENT_WORDS.high[lang], low: JUDGEMENT_WORDS.low[lang],
    normal: lang === 'zh' ? '区间与正常范围相交' : 'interval meets the normal range',
  };
}

export function judgementText(j: SrbJudgement, lang: 'zh' | 'en' = 'zh'): string {
  return JUDGEMENT_WORDS[j][lang];
}

/** The default span of the list ending in `year`, not before the first year of data. */
export function srbListSpan(year: number, firstYear = -Infinity): { from: number; to: number } {
  return { from: Math.max(firstYear, year - SRB_LIST_YEARS + 1), to: year };
}

export function spanText(from: number, to: number, lang: 'zh' | 'en' = 'zh'): string {
  if (from === to) return lang === 'zh' ? `${to}年` : String(to);
  return lang === 'zh' ? `${from}–${to}年` : `${from}–${to}`;
}

/** The rule as every page states it, with its span. */
export function srbListRule(from: number, to: number, lang: 'zh' | 'en' = 'zh'): string {
  return lang === 'zh'
    ? `偏高乡镇：按${spanText(from, to)}合计出生计算，出生人口性别比95%置信区间整体高于107（正常范围103–107的上限）；区间包含107的为“未显著偏高”。`
    : `Elevated townships: births pooled over ${spanText(from, to, 'en')}; the 95% interval of the sex ratio at birth lies wholly above 107 (the top of the normal range 103–107). An interval that includes 107 is "not significantly elevated".`;
}

/** Why the funnel's centre is not 107. */
export function funnelRule(countySrb: number | null, lang: 'zh' | 'en' = 'zh'): string {
  const c = countySrb === null ? '—' : countySrb.toFixed(2);
  return lang === 'zh'
    ? `漏斗图以全县同期性别比（${c}）为中心，点在控制限外表示与全县水平差异显著；“偏高”则以正常范围上限107为界。两者回答不同的问题：全县整体偏高时，乡镇可在漏斗内而仍属偏高。`
    : `The funnel is centred on the county's own ratio (${c}): a point outside the limits differs from the county. "Elevated" compares with 107, the top of the normal range. They answer different questions: when the whole county is high, a township inside the funnel can still be elevated.`;
}
