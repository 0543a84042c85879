/**
 * @module disclosure/projection
 * A township account's projection under small-cell suppression. Its assumptions quote counts of
 * the township — base population by age, births pooled over years, the SRB's male and female
 * births, births by mother's age — and each is shown only where every published cell it is made
 * of is (a pooled count needs every year's cell). What would give suppressed counts back and maps
 * to no published cell is withheld: the life table's m(x) and l(x) (deaths by age) and net
 * migration by age. The base year of the projected pyramid is the published pyramid, so its
 * suppressed cells are withheld too; later years are the model's, not counts.
 */
import type { ProjectionAnswer } from '../projection/project.ts';
import type { AssumptionsSummary } from '../projection/output.ts';
import { cellKey } from './cells.ts';
import { SINGLE_AGES } from './families/population.ts';
import { AGES } from './families/births.ts';
import type { Pattern } from './pattern.ts';

/** A published answer: any number in it may be withheld (null). */
export type Withheld<T> = T extends number ? number | null
  : T extends readonly (infer U)[] ? readonly Withheld<U>[]
  : T extends object ? { [K in keyof T]: Withheld<T[K]> }
  : T;

export type PublishedAssumptions = Withheld<AssumptionsSummary>;
export type PublishedProjection = Withheld<ProjectionAnswer>;

/** A value shown only when none of its cells is suppressed. */
const unless = <T>(pattern: Pattern, keys: readonly string[], value: T): T | null => (keys.some((k) => pattern.hides(k)) ? null : value);

export function discloseAssumptions(a: PublishedAssumptions, pattern: Pattern, deathThreshold: number): PublishedAssumptions {
  const t = a.scope;
  const pop = (c: string, coords: Record<string, string> = {}) => cellKey('population', t, String(a.baseYear), { C: c, ...coords });
  const births = (year: number | null, coords: Record<string, string> = {}) => cellKey('births', t, String(year), coords);
  const fy = a.fertility.years;
  const sy = a.srb.years;
  const outAges = ['M', 'F'].flatMap((S) => SINGLE_AGES.map((A) => pop('out', { S, A })));
  const bySex = (S: 'M' | 'F') => a.basePopulation[S === 'M' ? 'male' : 'female'].map((v, i) => unless(pattern, [pop('resident', { S, A: SINGLE_AGES[i]! })], v));
  const pooledBirths = fy.map((y) => births(y));
  const male = sy.map((y) => births(y, { S: 'M' }));
  const female = sy.map((y) => births(y, { S: 'F' }));
  const deaths = a.mortality.deaths ?? 0;
  const fewDeaths = deaths > 0 && deaths < deathThreshold;
  const withheld = (xs: readonly (number | null)[]): null[] => xs.map(() => null);
  return {
    ...a,
    basePopulation: {
      ...a.basePopulation,
      total: unless(pattern, [pop('resident')], a.basePopulation.total),
      registered: unless(pattern, [pop('registered')], a.basePopulation.registered),
      migrantsIn: unless(pattern, [pop('in')], a.basePopulation.migrantsIn),
      migrantsOut: unless(pattern, outAges, a.basePopulation.migrantsOut),
      male: bySex('M'),
      female: bySex('F'),
    },
    fertility: {
      ...a.fertility,
      births: unless(pattern, pooledBirths, a.fertility.births),
      asfr: a.fertility.asfr.map((v, k) => unless(pattern, fy.map((y) => births(y, { A: AGES[k]! })), v)),
      shape: a.fertility.shape.map((v, k) => unless(pattern, fy.map((y) => births(y, { A: AGES[k]! })), v)),
      series: a.fertility.series.map((p) => ({ ...p, births: unless(pattern, [births(p.year)], p.births), tfr: unless(pattern, [births(p.year)], p.tfr) })),
    },
    mortality: {
      ...a.mortality,
      deaths: fewDeaths ? null : a.mortality.deaths,
      smrObserved: fewDeaths ? null : a.mortality.smrObserved,
      lifeTable: {
        male: { ...a.mortality.lifeTable.male, mx: withheld(a.mortality.lifeTable.male.mx), lx: withheld(a.mortality.lifeTable.male.lx) },
        female: { ...a.mortality.lifeTable.female, mx: withheld(a.mortality.lifeTable.female.mx), lx: withheld(a.mortality.lifeTable.female.lx) },
      },
    },
    srb: {
      ...a.srb,
      male: unless(pattern, [...male, ...female], a.srb.male),
      female: unless(pattern, [...male, ...female], a.srb.female),
      observed: unless(pattern, [...male, ...female], a.srb.observed),
      srb: a.srb.source === 'own' ? unless(pattern, [...male, ...female], a.srb.srb) : a.srb.srb,
    },
    migration: { ...a.migration, male: withheld(a.migration.male), female: withheld(a.migration.female) },
  };
}

export function discloseProjection(answer: PublishedProjection, patterns: ReadonlyMap<string, Pattern>, deathThreshold: number): PublishedProjection {
  return {
    ...answer,
    assumptions: answer.assumptions.map((a) => discloseAssumptions(a, patterns.get(a.scope)!, deathThreshold)),
    results: answer.results.map((r) => {
      if (!r.pyramids) return r;
      const pattern = patterns.get(r.scope)!;
      const base = String(answer.baseYear);
      const year0 = (S: string, row: readonly (number | null)[]) => row.map((v, i) => unless(pattern, [cellKey('population', r.scope, base, { C: 'resident', S, A: SINGLE_AGES[i]! })], v));
      return { ...r, pyramids: { ...r.pyramids, male: [year0('M', r.pyramids.male[0]!), ...r.pyramids.male.slice(1)], female: [year0('F', r.pyramids.female[0]!), ...r.pyramids.female.slice(1)] } };
    }),
  };
}
