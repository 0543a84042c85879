/**
 * @module common/planningGroups
 * The population groups a planning document (人口发展规划) tabulates, defined once for the
 * planning table (`GET /api/projections/table`), the `age_groups` indicator, the 人口结构 page
 * and the reports. Ages are completed years at 31 December; 100 is the open group 100+.
 *
 * @example
 * PLANNING_GROUPS.find((g) => g.id === '0-2')!.zh; // '托育（0–2岁）'
 */

export interface PlanningGroup {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
  /** Ages (inclusive); births is a flow, not an age group. */
  readonly ages?: readonly [number, number];
  readonly sex?: 'F';
}

export const PLANNING_GROUPS: readonly PlanningGroup[] = [
  { id: 'total', zh: '总人口', en: 'Total population', ages: [0, 100] },
  { id: 'births', zh: '出生人数', en: 'Births' },
  { id: '0-2', zh: '托育（0–2岁）', en: 'Nursery (0–2)', ages: [0, 2] },
  { id: '3-5', zh: '学前（3–5岁）', en: 'Pre-school (3–5)', ages: [3, 5] },
  { id: '6-11', zh: '小学（6–11岁）', en: 'Primary (6–11)', ages: [6, 11] },
  { id: '12-14', zh: '初中（12–14岁）', en: 'Junior secondary (12–14)', ages: [12, 14] },
  { id: '15-17', zh: '高中（15–17岁）', en: 'Senior secondary (15–17)', ages: [15, 17] },
  { id: 'women15-49', zh: '育龄妇女（15–49岁）', en: 'Women 15–49', ages: [15, 49], sex: 'F' },
  { id: '15-59', zh: '劳动年龄人口（15–59岁）', en: 'Working age (15–59)', ages: [15, 59] },
  { id: '15-64', zh: '劳动年龄人口（15–64岁）', en: 'Working age (15–64)', ages: [15, 64] },
  { id: '60+', zh: '60岁及以上', en: 'Aged 60+', ages: [60, 100] },
  { id: '65+', zh: '65岁及以上', en: 'Aged 65+', ages: [65, 100] },
  { id: '80+', zh: '80岁及以上', en: 'Aged 80+', ages: [80, 100] },
];

export const PLANNING_GROUP_IDS = PLANNING_GROUPS.map((g) => g.id);

/** Persons of a group from single-age counts by sex (index = age, 0..100). */
export function groupCount(group: PlanningGroup, male: ArrayLike<number>, female: ArrayLike<number>): number {
  if (!group.ages) throw new Error(`${group.id} is not an age group`);
  const [lo, hi] = group.ages;
  let n = 0;
  for (let a = lo; a <= hi && a < female.length; a++) n += female[a]! + (group.sex === 'F' ? 0 : male[a]!);
  return n;
}

/** Default years of a planning table: the base year, the next, and the next three years ending in 0 or 5 (2024 → 2024, 2025, 2030, 2035). */
export function defaultTableYears(base: number): number[] {
  const next5 = base + 5 - (base % 5);
  return [...new Set([base, base + 1, next5, next5 + 5, next5 + 10])].filter((y) => y <= base + 30);
}
