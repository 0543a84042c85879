/**
 * @module projection/backtest
 * Backtest: project from an earlier base year using only the data up to it (medium scenario,
 * townships controlled to the county), and compare each later year with the observed resident
 * population (registered + in − out at 31 Dec, as the base is built): the error in % of the
 * observed value on the total and on 0-14, 15-64 and 65+, for the county and every township,
 * and the mean absolute percentage error (MAPE) across townships.
 *
 * @example
 * const report = await backtest(db, { baseYear: 2014, to: 2024 });
 * report.horizon.mape.total;
 */
import type { Database } from '../db/Database.ts';
import { Invalid } from '../errors/domain.ts';
import { loadProjectionData, populationYears, residentAt, townshipList } from './data.ts';
import { dataSpan, projectFromData } from './project.ts';
import { AGES, type ProjectionData } from './types.ts';
import { BACKTEST_MEASURES } from '../../contract/projection.ts';
import type { BacktestFigures, BacktestMeasure, BacktestRow, BacktestReport } from '../../contract/projection.ts';
export { BACKTEST_MEASURES };
export type { BacktestMeasure, BacktestRow, BacktestReport };

type Figures = BacktestFigures;

function figures(m: ArrayLike<number>, f: ArrayLike<number>): Figures {
  let total = 0;
  let young = 0;
  let old = 0;
  for (let a = 0; a < AGES; a++) {
    const p = m[a]! + f[a]!;
    total += p;
    if (a < 15) young += p;
    else if (a >= 65) old += p;
  }
  return { total, age0to14: young, age15to64: total - young - old, age65plus: old };
}

const pct = (p: number, o: number) => (o !== 0 ? (100 * (p - o)) / o : 0);

/** Pure: `past` holds data up to the base, `later` the observed year-ends after it. */
export function backtestFromData(
  past: ProjectionData, later: ProjectionData, baseYear: number, to: number, names: ReadonlyMap<string, string>,
): BacktestReport {
  const horizon = to - baseYear;
  const { results } = projectFromData(past, baseYear, horizon, { name: 'medium' }, true);
  const years = Array.from({ length: horizon }, (_, i) => baseYear + 1 + i);
  const county: BacktestRow[] = [];
  const townships: BacktestRow[] = [];
  for (const [scope, r] of results) {
    const u = later.units.get(scope);
    if (u === undefined) continue;
    for (const year of years) {
      if (!u.registered.has(year)) continue;
      const t = year - baseYear;
      const obs = residentAt(u, year);
      const observed = figures(obs.male, obs.female);
      const projected = figures(r.population.male.subarray(t * AGES, (t + 1) * AGES), r.population.female.subarray(t * AGES, (t + 1) * AGES));
      const errorPct = Object.fromEntries(BACKTEST_MEASURES.map((k) => [k, pct(projected[k], observed[k])])) as Figures;
      (scope === 'all' ? county : townships).push({ scope, name: names.get(scope) ?? scope, year, observed, projected, errorPct });
    }
  }
  const mape = years.map((year) => {
    const rows = townships.filter((r) => r.year === year);
    const m = Object.fromEntries(BACKTEST_MEASURES.map((k) => [k, rows.length ? rows.reduce((s, r) => s + Math.abs(r.errorPct[k]), 0) / rows.length : NaN])) as Figures;
    return { year, ...m };
  });
  const last = mape[mape.length - 1];
  const lastCounty = county[county.length - 1];
  const { year: lastYear = to, ...lastMape } = last ?? { year: to, total: NaN, age0to14: NaN, age15to64: NaN, age65plus: NaN };
  return {
    baseYear, to, scenario: 'medium', years, county, townships, mape,
    horizon: { year: lastYear, county: lastCounty?.errorPct ?? { total: NaN, age0to14: NaN, age15to64: NaN, age65plus: NaN }, mape: lastMape },
  };
}

export async function backtest(db: Database, options: { baseYear: number; to: number }): Promise<BacktestReport> {
  const years = await populationYears(db);
  const { baseYear, to } = options;
  if (!years.includes(baseYear)) {
    throw new Invalid('bad_parameter', `baseYear: no population at 31 Dec ${baseYear}; years with population are ${years[0]}–${years[years.length - 1]}`, { parameter: 'baseYear' });
  }
  if (!(to > baseYear) || !years.includes(to)) {
    throw new Invalid('bad_parameter', `to: must be a later year with population (${baseYear + 1}–${years[years.length - 1]})`, { parameter: 'to' });
  }
  const span = dataSpan(baseYear);
  const [past, later, towns] = await Promise.all([
    loadProjectionData(db, span.from, span.to),
    loadProjectionData(db, baseYear + 1, to),
    townshipList(db),
  ]);
  return backtestFromData(past, later, baseYear, to, new Map(towns.map((t) => [t.code, t.name])));
}

/** A plain-text table of the report (the CLI prints it). */
export function formatBacktest(r: BacktestReport): string {
  const f = (v: number) => (Number.isFinite(v) ? `${v >= 0 ? '+' : ''}${v.toFixed(2)}` : '—').padStart(8);
  const lines = [
    `Backtest ${r.baseYear} → ${r.to} (medium scenario, data up to ${r.baseYear} only; error = projected vs observed resident population, %)`,
    '',
    'year   county: total    0-14   15-64     65+  | townships MAPE: total    0-14   15-64     65+',
  ];
  for (const m of r.mape) {
    const c = r.county.find((x) => x.year === m.year)?.errorPct;
    lines.push(`${m.year}  ${' '.repeat(6)}${c ? BACKTEST_MEASURES.map((k) => f(c[k])).join('') : ''}  |${' '.repeat(15)}${BACKTEST_MEASURES.map((k) => f(m[k]).replace('+', ' ')).join('')}`);
  }
  lines.push('', `At ${r.horizon.year}: county total error ${f(r.horizon.county.total).trim()}%, MAPE across townships ${f(r.horizon.mape.total).trim().replace('+', '')}%`);
  lines.push('', 'township           total    0-14   15-64     65+   (error at the horizon, %)');
  for (const t of r.townships.filter((x) => x.year === r.horizon.year)) {
    lines.push(`${t.scope} ${t.name.padEnd(6, '　')}${BACKTEST_MEASURES.map((k) => f(t.errorPct[k])).join('')}`);
  }
  return lines.join('\n');
}
