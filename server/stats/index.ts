/**
 * @module stats
 * Pure statistics for the sex ratio at birth (出生人口性别比) and small-area rates: Wilson
 * intervals, beta-binomial empirical-Bayes smoothing, funnel-plot limits and the 103–107
 * flag. No I/O; every result a JSON API returns uses null, never Infinity or NaN.
 *
 * @example
 * import { srbInterval, flag } from '../stats/index.ts';
 * const { srb, lo, hi } = srbInterval(590, 410); // srb 143.90, interval 126.87–163.22
 * flag(lo, hi);                                  // 'high'
 */
export { Z95, wilsonInterval, srbInterval } from './wilson.ts';
export type { ProportionInterval, SrbInterval } from './wilson.ts';
export { fitSrbPrior, posteriorSrb, smoothSrb } from './empiricalBayes.ts';
export type { AreaBirths, BetaPrior, PriorFit, PriorFitError, SmoothedSrb, SmoothResult } from './empiricalBayes.ts';
export { Z998, funnelLimits, funnelGrid, classifyFunnel } from './funnel.ts';
export type { FunnelMethod, FunnelPoint, FunnelClass } from './funnel.ts';
export { flag, SRB_NORMAL_BAND } from './srbFlag.ts';
export type { SrbFlag } from './srbFlag.ts';
export { srbFromShare, shareFromSrb } from './ratio.ts';
export { lnGamma, lnBeta, betaInc, betaIncInv, binomialCdf, normalQuantile } from './special.ts';
