/**
 * @module projection/constants
 * The documented defaults of the data-driven projection (docs/projection.md, "Projections from
 * the data"). Every one of them is a modelling choice, stated here once.
 */
import { TFR_FLOOR } from '../../contract/projection.ts';
export const DEFAULTS = {
  /** Years pooled for the ASFR schedule and the TFR (the last years up to the base). */
  fertilityYears: 3,
  /** Years pooled for mortality, SRB and net migration. */
  mortalityYears: 5,
  migrationYears: 5,
  /** Township TFR level: w = B / (B + k) with B the township's births in the pooled years. */
  tfrShrinkBirths: 100,
  /** Township ASFR shape: w = B / (B + k); the shape is noisier than the level, so k is larger. */
  shapeShrinkBirths: 1000,
  /** Township SMR = (D + k) / (E + k): a gamma prior with mean 1 worth k expected deaths. */
  smrShrinkDeaths: 50,
  /** Fewer county deaths per sex than this in the pooled years: use the model life table. */
  minDeathsPerSex: 100,
  /** A township keeps its own SRB only with at least this many births and a 95% interval excluding the county's. */
  srbOwnMinBirths: 1000,
  /** e0 improvement per year (both sexes) and its caps. */
  e0Gain: 0.15,
  e0Cap: { male: 84, female: 88 },
  /** low / high: TFR ∓ this, phased in linearly over `scenarioPhaseYears`. */
  scenarioTfrDelta: 0.25,
  scenarioPhaseYears: 5,
  /** No TFR path goes below this. */
  tfrFloor: TFR_FLOOR,
  /** Probabilistic variant. */
  tfrSeriesYears: 15,
  minSeriesYears: 8,
  arPhiDefault: 0.7,
  arSigmaDefault: 0.06,
  arPhiMax: 0.95,
  migrationPhi: 0.8,
  migrationSigmaDefault: 0.2,
  migrationSigmaRange: [0.05, 0.5] as const,
  draws: 1000,
  seed: 1,
} as const;
