/**
 * @module indicators/registry
 * Every indicator the API answers, by id: a lookup table, so `GET /api/indicators` lists exactly
 * what `GET /api/indicators/:name` computes.
 */
import { births, cbr, compliance, hospitalRate, orderShare } from './families/births.ts';
import { asfr, meanAgeChildbearing, tfr } from './families/fertility.ts';
import { cmr, firstMarriageAge, firstMarriageRate, marriages, remarriageShare } from './families/marriages.ts';
import { certificateRate, migrantInflow, migrantOutflow, migrantStock, migrantWomen, migrantsByOrigin } from './families/migrants.ts';
import { ageStructure, dependencyRatio, population, pyramid, schoolAge, women1549 } from './families/structure.ts';
import { ageGroups, cdr, deaths, lifeExpectancyIndicator, ngr } from './families/deaths.ts';
import { cbrResident } from './families/resident.ts';
import type { IndicatorDef } from './types.ts';

const ALL: readonly IndicatorDef[] = [
  births, cbr, asfr, tfr, meanAgeChildbearing, orderShare, compliance, hospitalRate,
  marriages, cmr, firstMarriageRate, firstMarriageAge, remarriageShare,
  migrantStock, migrantInflow, migrantOutflow, migrantsByOrigin, migrantWomen, certificateRate,
  population, ageStructure, dependencyRatio, women1549, schoolAge, pyramid, ageGroups,
  cbrResident, deaths, cdr, ngr, lifeExpectancyIndicator,
];

export const INDICATORS: ReadonlyMap<string, IndicatorDef> = new Map(ALL.map((d) => [d.id, d]));
