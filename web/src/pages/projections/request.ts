/**
 * @module pages/projections/request
 * The projection the page asks for, from its state: the custom scenario's body (only the fields
 * the planner set) and the run itself.
 */
import { projectionApi, projectionView, type CustomAssumptions, type ProjectionRequest, type ProjectionView } from '../../projection.ts';
import type { ProjectionState } from './state.ts';

export async function customBody(state: ProjectionState): Promise<CustomAssumptions | undefined> {
  const { scenario, custom, baseYear } = state;
  if (scenario !== 'custom') return undefined;
  const c: CustomAssumptions = {};
  if (custom.tfr !== undefined) c.tfr = custom.tfr;
  if (custom.tfrYear !== undefined && custom.tfr !== undefined) c.tfrYear = custom.tfrYear;
  if (custom.e0Gain !== undefined) c.e0Gain = custom.e0Gain;
  if (custom.srb !== undefined) c.srb = custom.srb;
  if (custom.migration !== undefined) c.migrationMultiplier = custom.migration;
  if (custom.e0m !== undefined || custom.e0f !== undefined) {
    // the API takes both sexes: the one left empty keeps the value derived from the data
    const derived = custom.e0m === undefined || custom.e0f === undefined ? (await projectionApi.assumptions('all', baseYear)).mortality.e0 : null;
    c.e0 = { male: custom.e0m ?? derived!.male, female: custom.e0f ?? derived!.female };
  }
  return c;
}

export async function runProjection(state: ProjectionState): Promise<ProjectionView> {
  const { scope, baseYear, horizon, scenario, variant } = state;
  const c = await customBody(state);
  const request: ProjectionRequest = { scope, baseYear, horizon, scenario, variant, ...(c ? { custom: c } : {}) };
  return projectionView(await projectionApi.run(request), scope);
}
