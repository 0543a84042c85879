/**
 * @module contract/projectionRequest
 * The body of `POST /api/projections` as a zod schema: the server validates with it (routes'
 * json() validator, projection/request.ts) and the client's type is its input.
 *
 * @example
 * const body: ProjectionBodyInput = { scope: 'all', horizon: 20, scenario: 'medium' };
 */
import { z } from 'zod';
import { FERTILE_AGES, SCENARIOS, TFR_FLOOR, VARIANTS } from './projection.ts';

const code = z.string().regex(/^\d{9}$/, 'a township is a 9-digit code');

export const CustomSchema = z.strictObject({
  tfr: z.number().min(TFR_FLOOR).max(6).optional(),
  tfrYear: z.number().int().min(1900).max(2200).optional(),
  e0Gain: z.number().min(0).max(0.5).optional(),
  e0: z.strictObject({ male: z.number().min(30).max(95), female: z.number().min(30).max(98) }).optional(),
  srb: z.number().min(90).max(130).optional(),
  migrationMultiplier: z.number().min(0).max(5).optional(),
  /** Relative fertility by age 15..49 (normalised to sum 1): some fertility, and no weight beyond a million. */
  asfrShape: z.array(z.number().min(0).max(1e6, 'each value is a relative weight: at most 1,000,000'))
    .length(FERTILE_AGES, `asfrShape needs ${FERTILE_AGES} values (ages 15..49)`)
    .refine((a) => a.some((v) => v > 0), 'asfrShape needs fertility at some age: all its values are 0')
    .optional(),
});

export const ProjectionRequestSchema = z.strictObject({
  scope: z.union([z.literal('all'), code, z.array(z.union([z.literal('all'), code])).min(1).max(5000)]),
  baseYear: z.number().int().min(1900).max(2200).optional(),
  horizon: z.number().int().min(5).max(30).default(20),
  scenario: z.enum(SCENARIOS).default('medium'),
  custom: CustomSchema.optional(),
  variant: z.enum(VARIANTS).default('deterministic'),
  draws: z.number().int().min(100).max(5000).optional(),
  seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
  /** false: series only. A pyramid is 101 ages × 2 sexes × every year: for 1,500 townships most of a 200 MB answer. */
  pyramids: z.boolean().default(true),
});

/** The body as the client sends it (defaults left to the server). */
export type ProjectionBodyInput = z.input<typeof ProjectionRequestSchema>;
/** The body after validation, defaults filled. */
export type ProjectionBody = z.infer<typeof ProjectionRequestSchema>;

