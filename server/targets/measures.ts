/**
 * @module targets/measures
 * What a target can be set on (指标): each measure is one indicator with its options (residence,
 * direction, birth order), the names a targets file may call it by, and the county's default
 * where nothing is set (DESIGN.md: registered compliance 99%, migrant 85%; SRB at most 107).
 *
 * @example
 * MEASURES.get('compliance_registered')?.indicator; // 'compliance'
 * measureByName('户籍人口政策符合率')?.id;          // 'compliance_registered'
 */
import { meetsTarget } from '../../common/targetComparison.ts';
import type { Bilingual } from '../indicators/types.ts';
import { DIRECTIONS } from '../../contract/assessment.ts';
import type { Direction, TargetRule } from '../../contract/assessment.ts';
export { DIRECTIONS };
export type { Direction, TargetRule };

export interface Measure {
  readonly id: string;
  readonly name: Bilingual;
  /** The indicator that answers it (`srb` is the SRB route's ratio). */
  readonly indicator: string;
  readonly options: Readonly<Record<string, string>>;
  readonly unit: string;
  /** The values a target of this measure can sensibly take (a rate 0–100 %), both ends included. */
  readonly range: readonly [number, number];
  /** Other names a targets file may use (Chinese first). */
  readonly aliases: readonly string[];
  readonly fallback: TargetRule | null;
}

const at = (direction: Direction, value: number, upper: number | null = null): TargetRule => ({ direction, value, upper });

const LIST: readonly Measure[] = [
  { id: 'compliance_registered', name: { zh: '户籍人口出生政策符合率', en: 'Policy compliance, registered' }, indicator: 'compliance', options: { residence: 'registered' }, unit: '%', range: [0, 100],
    aliases: ['户籍人口政策符合率', '户籍人口计划生育率', '户籍计划生育率', '户籍政策符合率', '户籍符合率'], fallback: at('at_least', 99) },
  { id: 'compliance_migrant', name: { zh: '流动人口出生政策符合率', en: 'Policy compliance, migrant' }, indicator: 'compliance', options: { residence: 'migrant' }, unit: '%', range: [0, 100],
    aliases: ['流动人口政策符合率', '流动人口计划生育率', '流动计划生育率', '流动政策符合率', '流动符合率'], fallback: at('at_least', 85) },
  { id: 'srb', name: { zh: '出生人口性别比', en: 'Sex ratio at birth' }, indicator: 'srb', options: {}, unit: 'ratio', range: [80, 150],
    aliases: ['性别比', '出生性别比'], fallback: at('at_most', 107) },
  { id: 'certificate_rate', name: { zh: '流动育龄妇女持证率', en: 'Certificate-holding rate' }, indicator: 'certificate_rate', options: { direction: 'in' }, unit: '%', range: [0, 100],
    aliases: ['持证率', '婚育证明持证率', '流动人口持证率'], fallback: at('at_least', 90) },
  { id: 'hospital_rate', name: { zh: '住院分娩率', en: 'Hospital-delivery rate' }, indicator: 'hospital_rate', options: {}, unit: '%', range: [0, 100],
    aliases: ['住院分娩'], fallback: at('at_least', 98) },
  { id: 'births_change', name: { zh: '出生人数增减幅度', en: 'Change in births on the year before' }, indicator: 'births', options: { compare: 'yoy' }, unit: '%', range: [-100, 100],
    aliases: ['出生增减', '出生人口变动'], fallback: at('between', -15, 15) },
  { id: 'births', name: { zh: '出生人数', en: 'Births' }, indicator: 'births', options: {}, unit: 'persons', range: [0, 10_000_000],
    aliases: ['出生人口', '出生数', '人口出生计划'], fallback: null },
  { id: 'cbr', name: { zh: '出生率', en: 'Crude birth rate' }, indicator: 'cbr', options: {}, unit: '‰', range: [0, 100],
    aliases: ['人口出生率'], fallback: null },
  { id: 'tfr', name: { zh: '总和生育率', en: 'Total fertility rate' }, indicator: 'tfr', options: {}, unit: 'children per woman', range: [0, 10],
    aliases: [], fallback: null },
  { id: 'multi_child_share', name: { zh: '多孩率', en: 'Third-and-later births share' }, indicator: 'order_share', options: { order: '3+' }, unit: '%', range: [0, 100],
    aliases: ['多孩占比', '三孩及以上占比'], fallback: null },
];

export const MEASURES: ReadonlyMap<string, Measure> = new Map(LIST.map((m) => [m.id, m]));

/**
 * Why a target's value (and a band's upper end) cannot be one of this measure, in Chinese, or null:
 * a rate of 150 % or a sex ratio of −3 would be kept and would change every township's score.
 */
export function targetValueProblem(measure: Measure, value: number, upper: number | null = null): string | null {
  const [lo, hi] = measure.range;
  const unit = measure.unit === '%' || measure.unit === '‰' ? measure.unit : '';
  for (const v of upper === null ? [value] : [value, upper]) {
    if (!(v >= lo && v <= hi)) return `${measure.name.zh}的目标值应在 ${lo}${unit} 到 ${hi.toLocaleString('en')}${unit} 之间，不能是 ${v}${unit}`;
  }
  return null;
}

const BY_NAME = new Map<string, Measure>();
for (const m of LIST) for (const n of [m.id, m.name.zh, m.name.en, ...m.aliases]) BY_NAME.set(normaliseName(n), m);

/** Names compare without spaces, brackets or case: “户籍人口 政策符合率（%）” finds the measure. */
export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[\s（）()%‰]/g, '');
}

export function measureByName(name: string): Measure | null {
  return BY_NAME.get(normaliseName(name)) ?? null;
}

/** Whether a value meets a rule (null when there is no value). */
export function meets(rule: TargetRule, value: number | null): boolean | null {
  if (value === null || !Number.isFinite(value)) return null;
  if (rule.direction === 'at_least') return value >= rule.value;
  if (rule.direction === 'at_most') return value <= rule.value;
  return value >= rule.value && value <= (rule.upper ?? Infinity);
}

/**
 * Met or not for a share in % given by its counts, decided on the counts (common/targetComparison),
 * never on a rounded share: 3,955 of 3,995 misses ≥ 99 even though it prints as 99.00% at 2 decimals.
 * At most t ⇔ the complement is at least 100 − t.
 */
export function meetsShare(rule: TargetRule, numerator: number, denominator: number): boolean | null {
  const atLeast = (t: number) => meetsTarget(numerator, denominator, t);
  const atMost = (t: number) => meetsTarget(denominator - numerator, denominator, 100 - t);
  if (!(denominator > 0)) return null;
  if (rule.direction === 'at_least') return atLeast(rule.value);
  if (rule.direction === 'at_most') return atMost(rule.value);
  return atLeast(rule.value) && atMost(rule.upper ?? 100);
}

/** The rule as planners write it: ≥ 99, ≤ 107, 103～107. */
export function ruleText(rule: TargetRule): string {
  if (rule.direction === 'at_least') return `≥ ${rule.value}`;
  if (rule.direction === 'at_most') return `≤ ${rule.value}`;
  return `${rule.value}～${rule.upper}`;
}
