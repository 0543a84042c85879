/**
 * @module projection
 * Projections from the data (issue 4 parts 3-6): assumptions derived from the rollups, scenarios,
 * townships controlled to the county, the probabilistic variant and the backtest. The engine
 * itself is `server/demography/`; methods and constants in docs/projection.md.
 *
 * @example
 * import { runProjection, parseProjectionRequest } from '../projection/index.ts';
 * const answer = await runProjection(db, parseProjectionRequest({ scope: 'all' }));
 */
export { runProjection, projectFromData, type ProjectionAnswer, type ScopeResult, type Projected } from './project.ts';
export { parseProjectionRequest, ProjectionRequestSchema, type ProjectionRequest } from './request.ts';
export { backtest, backtestFromData, formatBacktest, type BacktestReport, type BacktestRow } from './backtest.ts';
export { deriveAllAssumptions, deriveAssumptions } from './assumptions.ts';
export { assumptionsSummary, type AssumptionsSummary } from './output.ts';
export { loadProjectionData, resolveBaseYear } from './data.ts';
export { DEFAULTS } from './constants.ts';
export { SCENARIOS, type ScenarioName } from './types.ts';
