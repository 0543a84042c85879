/**
 * @module demography
 * The projection engine's public surface (pure computation, no I/O).
 *
 * @example
 * import { parseProjectionInput, project, summarize } from '../demography/index.ts';
 */
export * from './types.ts';
export * from './schedule.ts';
export * from './lifetable.ts';
export * from './survivorship.ts';
export * from './ccmp.ts';
export * from './derived.ts';
export * from './graduation.ts';
export * from './projectionInput.ts';
export * from './projectionOutput.ts';
