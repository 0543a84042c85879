/**
 * @module projection/types
 * Shapes shared by the data-driven projection: what is read from the rollups for one unit
 * (the county `all` or a township), the assumptions derived from it, and the scenario names.
 *
 * @example
 * const unit: UnitData = data.units.get('all')!;
 */
import type { SexPair } from '../demography/types.ts';
import { FERTILE_FROM, FERTILE_TO, FERTILE_AGES, SCENARIOS } from '../../contract/projection.ts';
import type { ScenarioName } from '../../contract/projection.ts';
export { FERTILE_FROM, FERTILE_TO, FERTILE_AGES, SCENARIOS };
export type { ScenarioName };

/** Single ages 0..100 (100 = 100+). */
export const AGES = 101;
export const OPEN_AGE = 100;

export type SexAges = SexPair<Float64Array>;

/** Everything read from the rollups for one unit, by year. */
export interface UnitData {
  readonly code: string;
  /** Registered (户籍) population at 31 Dec. */
  readonly registered: Map<number, SexAges>;
  /** In-migrants present at 31 Dec (流入). */
  readonly migIn: Map<number, SexAges>;
  /** Out-migrants away at 31 Dec (流出). */
  readonly migOut: Map<number, SexAges>;
  /** Births by mother's age 15..49 (35 values), both residences. */
  readonly birthsByAge: Map<number, Float64Array>;
  /** Births by sex of the child: all residences and registered mothers only. */
  readonly birthsBySex: Map<number, { male: number; female: number; registeredMale: number; registeredFemale: number }>;
  /** Registered deaths by sex and completed age at death. */
  readonly deaths: Map<number, SexAges>;
}

export interface ProjectionData {
  /** Years loaded: `from`..`to` (population year-ends and events). */
  readonly from: number;
  readonly to: number;
  /** `all` and every township. */
  readonly units: ReadonlyMap<string, UnitData>;
  readonly townships: readonly { readonly code: string; readonly name: string }[];
  /** What `all` stands for: the county, or a township account's area (projection/area.ts). */
  readonly reference?: 'county' | 'area';
}

/** Fertility of one unit: the schedule applied in the projection and where it came from. */
export interface FertilityAssumption {
  /** Years pooled. */
  readonly years: readonly number[];
  readonly births: number;
  /** TFR of the pooled years (after shrinkage for a township). */
  readonly tfr: number;
  /** TFR of the unit's own data, before shrinkage. */
  readonly tfrObserved: number;
  /** Shape: ASFR / TFR at ages 15..49 (sums to 1). */
  readonly shape: Float64Array;
  /** Weights of the township's own level and shape (1 for the county). */
  readonly weightLevel: number;
  readonly weightShape: number;
  /** (registered + in-migrant) / resident women-years by age 15..49: the engine's ASFR is ASFR × this. */
  readonly exposureRatio: Float64Array;
  /** Annual TFR series of the unit (observed, unshrunk), for the probabilistic variant. */
  readonly series: readonly { readonly year: number; readonly tfr: number; readonly births: number }[];
}

export interface MortalityAssumption {
  readonly source: 'deaths' | 'model';
  readonly years: readonly number[];
  readonly deaths: number;
  /** Base-year m(x), single ages 0..100+, by sex (for a township: county × SMR). */
  readonly mx: SexAges;
  readonly e0: { readonly male: number; readonly female: number };
  /** Township standardized mortality ratio (shrunk toward 1); 1 for the county. */
  readonly smr: number;
  readonly smrObserved: number | null;
}

export interface SrbAssumption {
  readonly years: readonly number[];
  readonly male: number;
  readonly female: number;
  /** Males per 100 females, as applied. */
  readonly srb: number;
  /** Males per 100 females in the unit's own births. */
  readonly observed: number | null;
  /** `county` (or `area`, for a township account: its townships pooled) when the unit's own births were too few. */
  readonly source: 'own' | 'county' | 'area';
}

export interface MigrationAssumption {
  readonly years: readonly number[];
  /** Net migrants per year by age at the start of the step (as the engine takes them). */
  readonly net: SexAges;
  /** The parts: migrant stocks (in − out) and registered transfers (户籍迁移, residual). */
  readonly migrantNet: SexAges;
  readonly registeredNet: SexAges;
  /** Annual totals (net migrants, both sexes) of the years used, for the probabilistic variant. */
  readonly annual: readonly { readonly year: number; readonly net: number }[];
}

export interface Assumptions {
  readonly scope: string;
  readonly baseYear: number;
  readonly base: SexAges;
  readonly baseParts: { readonly registered: SexAges; readonly migIn: SexAges; readonly migOut: SexAges };
  readonly fertility: FertilityAssumption;
  readonly mortality: MortalityAssumption;
  readonly srb: SrbAssumption;
  readonly migration: MigrationAssumption;
}
