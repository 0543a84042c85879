/**
 * @module indicators/params
 * Validation of the indicator and SRB query strings: the shape with zod at the edge, then the
 * facts of the data (known townships, years covered). Every failure is a 400 naming the parameter
 * and what is allowed.
 */
import { z } from 'zod';
import { checkScope, inScope, type Scope } from '../auth/scope.ts';
import { badParameter } from '../errors/domain.ts';
import type { Catalog } from './catalog.ts';
import { monthText, parseMonth, spansFor, type MonthIndex } from './periods.ts';
import { EACH_TOWNSHIP } from '../../contract/api.ts';
import {
  AGE_GROUPINGS, COMPARE_MODES, DIRECTION_FILTERS, PERIOD_KINDS, RESIDENCE_FILTERS, type IndicatorQuery,
} from './types.ts';

const year = z.coerce.number({ message: 'must be a year such as 2024' }).int('must be a whole year such as 2024');

export const indicatorQuerySchema = z.strictObject({
  township: z.string().max(20_000).default('all'),
  from: year.optional(),
  to: year.optional(),
  period: z.enum(PERIOD_KINDS).default('year'),
  residence: z.enum(RESIDENCE_FILTERS).default('all'),
  compare: z.enum(COMPARE_MODES).default('none'),
  ages: z.enum(AGE_GROUPINGS).default('single'),
  direction: z.enum(DIRECTION_FILTERS).default('in'),
  through: z.coerce.number({ message: 'must be a month 1–12' }).int('must be a month 1–12').min(1, 'must be a month 1–12').max(12, 'must be a month 1–12').optional(),
  start: z.string().max(10).optional(),
  end: z.string().max(10).optional(),
}, { error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown parameter ${issue.keys.join(', ')}` : undefined) });

export type RawIndicatorQuery = z.infer<typeof indicatorQuerySchema>;

/** The data's townships within the scope, in the data's order. */
function townshipsVisible(data: Catalog, scope: Scope): string[] {
  return [...data.townships].filter((code) => inScope(scope, code));
}

/** Default span: the last ten years of data. */
export const DEFAULT_SPAN_YEARS = 10;

/** Validates against the data, then against what the asker may see (403 outside their scope). */
export function resolveQuery(raw: RawIndicatorQuery, data: Catalog, scope: Scope): IndicatorQuery {
  const asked = raw.township.split(',').map((s) => s.trim()).filter(Boolean);
  if (asked.length === 0) throw badParameter('township', `give a 9-digit township code, several separated by commas, all or ${EACH_TOWNSHIP}`);
  const codes = [...new Set(asked.flatMap((code) => (code === EACH_TOWNSHIP ? townshipsVisible(data, scope) : [code])))];
  if (codes.length === 0) throw badParameter('township', 'none of the data\'s townships is open to your account');
  for (const code of codes) {
    if (code === 'all') continue;
    if (!/^\d{9}$/.test(code)) throw badParameter('township', `"${code}" is not a 9-digit township code (or all)`);
    if (!data.townships.has(code)) throw badParameter('township', `no township ${code} in the data`);
  }
  checkScope(scope, codes);
  const range = raw.period === 'range' ? monthRange(raw, data) : null;
  const to = range ? Math.floor(range.end / 12) : raw.to ?? data.lastYear;
  const from = range ? Math.floor(range.start / 12) : raw.from ?? Math.max(data.firstYear, to - DEFAULT_SPAN_YEARS + 1);
  const span = `the data covers ${data.firstYear}..${data.lastYear}`;
  if (from < data.firstYear || from > data.lastYear) throw badParameter('from', `${from} is outside the data: ${span}`);
  if (to < data.firstYear || to > data.lastYear) throw badParameter('to', `${to} is outside the data: ${span}`);
  if (from > to) throw badParameter('from', `from (${from}) is after to (${to})`);
  if (raw.period === 'ytd' && raw.through === undefined) throw badParameter('through', 'period=ytd needs the last month, e.g. through=6 for 1–6月');
  if (raw.through !== undefined && raw.period !== 'ytd' && raw.period !== 'rolling' && raw.period !== 'month') throw badParameter('through', 'only period=ytd, rolling or month takes a month');
  if (raw.period !== 'range' && (raw.start !== undefined || raw.end !== undefined)) throw badParameter(raw.start !== undefined ? 'start' : 'end', 'only period=range takes start and end months');
  const request = { period: raw.period, from, to, through: raw.through ?? null, start: range?.start ?? null, end: range?.end ?? null };
  // A rolling 12 months that would begin before the data starts is left out, not undercounted.
  const spans = spansFor(request).filter((s) => raw.period !== 'rolling' || s.start >= data.firstYear * 12);
  return { townships: codes, ...request, residence: raw.residence, compare: raw.compare, ages: raw.ages, direction: raw.direction, spans };
}

/** `start=2023-07&end=2024-06`: whole months inside the data, end not before start. */
function monthRange(raw: RawIndicatorQuery, data: Catalog): { start: MonthIndex; end: MonthIndex } {
  const read = (key: 'start' | 'end'): MonthIndex => {
    const text = raw[key];
    if (text === undefined) throw badParameter(key, 'period=range needs start and end months, e.g. start=2023-07&end=2024-06');
    const m = parseMonth(text);
    if (m === null) throw badParameter(key, `"${text}" is not a month such as 2024-06`);
    if (m < data.firstYear * 12 || m > data.lastYear * 12 + 11) throw badParameter(key, `${text} is outside the data: ${monthText(data.firstYear * 12)}..${monthText(data.lastYear * 12 + 11)}`);
    return m;
  };
  const start = read('start');
  const end = read('end');
  if (end < start) throw badParameter('end', `end (${raw.end}) is before start (${raw.start})`);
  return { start, end };
}
