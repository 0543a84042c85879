/**
 * @module projection/planningTable
 * The planning table of a county or township plan (人口发展规划): chosen years × scenarios ×
 * planning groups (common/planningGroups.ts) in whole persons, from the same projections as
 * `POST /api/projections` (one run per scenario, horizon to the last year asked, ≤ 30 years).
 *
 * The base year is a column of observed figures (the resident population at 31 Dec; births as
 * recorded), so the first projected births can be read beside the last observed ones; `jumpOff`
 * splits their difference into the fertility level assumed (the mean of the pooled years, not
 * the base year alone) and the change in women of childbearing age.
 *
 * @example
 * const t = await planningTable(db, { scope: 'all', years: [2025, 2030, 2035], scenarios: ['low', 'medium', 'high'], groups: PLANNING_GROUP_IDS });
 */
import { PLANNING_GROUPS, groupCount, type PlanningGroup } from '../../common/planningGroups.ts';
import type { Database } from '../db/Database.ts';
import { badParameter } from '../errors/domain.ts';
import { areaData } from './area.ts';
import { deriveAssumptions } from './assumptions.ts';
import { womenYears } from './fertility.ts';
import { loadProjectionData, residentAt, resolveBaseYear } from './data.ts';
import { dataSpan, runProjection } from './project.ts';
import { parseProjectionRequest, type ProjectionBody } from './request.ts';
import { FERTILE_AGES } from './types.ts';
import { TABLE_SCENARIOS } from '../../contract/projection.ts';
import type { TableScenario, PlanningColumn, JumpOff, PlanningTable } from '../../contract/projection.ts';
export { TABLE_SCENARIOS };
export type { TableScenario, PlanningColumn, JumpOff, PlanningTable };

export const SCENARIO_ZH: Record<TableScenario, string> = { low: '低方案', medium: '中方案', high: '高方案', constant: '不变方案', zero_migration: '零迁移方案', custom: '自定义方案' };
const MAX_YEARS_OUT = 30;

export interface PlanningTableRequest {
  readonly scope: string;
  readonly years: readonly number[];
  readonly scenarios: readonly TableScenario[];
  readonly groups: readonly string[];
  /** The `custom` scenario's assumptions (as `POST /api/projections` takes them); none: the data's own. */
  readonly custom?: ProjectionBody['custom'];
  readonly baseYear?: number | undefined;
}

const sum = (a: ArrayLike<number>) => { let s = 0; for (let i = 0; i < a.length; i++) s += a[i]!; return s; };

/** `area`: a township account's townships, which stand in for the county (projection/area.ts); null for the county. */
export async function planningTable(db: Database, req: PlanningTableRequest, area: readonly string[] | null = null): Promise<PlanningTable> {
  const baseYear = await resolveBaseYear(db, req.baseYear);
  const years = [...new Set(req.years)].sort((a, b) => a - b);
  for (const y of years) {
    if (y < baseYear || y > baseYear + MAX_YEARS_OUT) throw badParameter('years', `${y} is outside ${baseYear}–${baseYear + MAX_YEARS_OUT} (the base year and up to ${MAX_YEARS_OUT} years on)`);
  }
  const groups = req.groups.map((id) => PLANNING_GROUPS.find((g) => g.id === id) ?? (() => { throw badParameter('groups', `no group "${id}" (${PLANNING_GROUPS.map((g) => g.id).join(', ')})`); })());
  const horizon = Math.max(5, years[years.length - 1]! - baseYear);
  const answers = await Promise.all(req.scenarios.map((scenario) =>
    runProjection(db, parseProjectionRequest({ scope: req.scope, horizon, scenario, pyramids: true, ...(scenario === 'custom' && req.custom ? { custom: req.custom } : {}) }), baseYear, area)));
  // the county's own name in the title of the table it files (清河县人口发展规划…), not 全县
  const countyName = req.scope === 'all' && area === null
    ? (await db.query<{ key: string; value: string }>('meta/ingest_meta')).find((r) => r.key === 'county_name')?.value || null : null;
  const name = countyName ?? answers[0]?.results[0]?.name ?? req.scope;
  const data = areaData(await loadProjectionData(db, dataSpan(baseYear).from, baseYear), area);
  const unit = data.units.get(req.scope);
  if (!unit) throw badParameter('scope', `no township ${req.scope} in the data`);
  const base = residentAt(unit, baseYear);
  const observedBirths = unit.birthsByAge.get(baseYear);

  const columns = years.flatMap((year): PlanningColumn[] => (year === baseYear
    ? [{ year, scenario: 'observed' }]
    : req.scenarios.map((scenario) => ({ year, scenario }))));
  const value = (g: PlanningGroup, col: PlanningColumn): number | null => {
    if (col.scenario === 'observed') {
      if (g.id === 'births') return observedBirths ? Math.round(sum(observedBirths)) : null;
      return Math.round(groupCount(g, base.male, base.female));
    }
    const a = answers[req.scenarios.indexOf(col.scenario)]!;
    const i = a.years.indexOf(col.year);
    const r = a.results[0]!;
    if (g.id === 'births') { const b = r.series.births[i]; return b == null ? null : Math.round(b); }
    return Math.round(groupCount(g, r.pyramids!.male[i]!, r.pyramids!.female[i]!));
  };
  const rows = groups.map((g) => ({ group: g.id, zh: g.zh, en: g.en, values: columns.map((c) => value(g, c)) }));
  const firstBirths: Partial<Record<TableScenario, number>> = {};
  req.scenarios.forEach((s, k) => { const b = answers[k]!.results[0]!.series.births[1]; if (b != null) firstBirths[s] = Math.round(b); });
  return {
    scope: req.scope, name, baseYear, years, scenarios: req.scenarios, columns, rows,
    jumpOff: jumpOff(data, req.scope, baseYear, firstBirths),
    notes: {
      zh: `人数为各年12月31日常住人口（户籍 + 流入 − 流出），按四舍五入取整，分组合计与总人口可相差1–2人；出生人数为全年出生。${baseYear}年为实际数。预测方法：队列要素法，乡镇控制到全县合计；低、高方案总和生育率比中方案低、高0.25，5年内逐步到位。`,
      en: `Persons at 31 Dec (resident: registered + in − out), rounded to whole persons (groups may differ from the total by 1–2); births over the year. ${baseYear} is observed. Cohort-component projection, townships controlled to the county; low and high: the medium TFR ∓ 0.25 phased in over 5 years.`,
    },
  };
}

/**
 * Observed births of the base year against the first projected year: the fertility part (the
 * pooled years' ASFR applied to the base year's women, against what was recorded) and the rest
 * (women of childbearing age and their ages in the first projected year, migration included).
 */
function jumpOff(data: Awaited<ReturnType<typeof loadProjectionData>>, scope: string, baseYear: number, firstYearBirths: Partial<Record<TableScenario, number>>): JumpOff | null {
  const unit = data.units.get(scope)!;
  const observed = unit.birthsByAge.get(baseYear);
  const medium = firstYearBirths.medium;
  if (!observed || medium === undefined) return null;
  const a = deriveAssumptions(data, scope, baseYear);
  const women = womenYears(unit, baseYear);
  let assumed = 0;
  for (let k = 0; k < FERTILE_AGES; k++) assumed += a.fertility.shape[k]! * a.fertility.tfr * women[k]!;
  const observedBirths = sum(observed);
  const observedTfr = a.fertility.series.find((p) => p.year === baseYear)?.tfr ?? a.fertility.tfrObserved;
  const years = a.fertility.years;
  const pooled = years.length > 1 ? `${years[0]}–${years[years.length - 1]}` : String(years[0] ?? baseYear);
  const fertilityLevel = Math.round(assumed - observedBirths);
  const womenPart = Math.round(medium - assumed);
  const first = baseYear + 1;
  const total = medium - Math.round(observedBirths);
  const pct = (n: number) => `${n >= 0 ? '+' : '−'}${Math.abs((100 * n) / observedBirths).toFixed(1)}%`;
  const signed = (n: number) => `${n >= 0 ? '+' : '−'}${Math.abs(n).toLocaleString('en-US')}`;
  return {
    baseYear, observedBirths: Math.round(observedBirths), observedTfr, assumedTfr: a.fertility.tfr, pooledYears: years,
    assumedBirthsInBaseYear: Math.round(assumed), firstYear: first, firstYearBirths, parts: { fertilityLevel, women: womenPart },
    text: {
      zh: `${first}年中方案出生${medium.toLocaleString('en-US')}人，比${baseYear}年实际出生${Math.round(observedBirths).toLocaleString('en-US')}人${signed(total)}人（${pct(total)}）：`
        + `其中${signed(fertilityLevel)}人是因为预测采用${pooled}年平均的生育水平（总和生育率${a.fertility.tfr.toFixed(2)}），而${baseYear}年单年为${observedTfr.toFixed(2)}；`
        + `${signed(womenPart)}人来自育龄妇女人数和年龄结构的变化（含迁移）。低、高方案的生育率在此基础上逐年降低、提高0.05，5年到位。`,
      en: `Medium births in ${first}: ${medium.toLocaleString('en-US')}, ${signed(total)} (${pct(total)}) on the ${Math.round(observedBirths).toLocaleString('en-US')} observed in ${baseYear}: `
        + `${signed(fertilityLevel)} because the projection uses the ${pooled} mean fertility (TFR ${a.fertility.tfr.toFixed(2)}) where ${baseYear} alone had ${observedTfr.toFixed(2)}; `
        + `${signed(womenPart)} from the number and ages of women of childbearing age (migration included). Low and high move 0.05 a year from medium, reached in 5 years.`,
    },
  };
}
