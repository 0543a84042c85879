/**
 * The periods planners report in — year-to-date (1–N月累计), the statistical half-year, rolling 12
 * months and ranges of months — against counts made here in plain TypeScript from the fixture's
 * rows (test/fixtures/randomCounty.ts), with births placed on the boundary days (31 Dec / 1 Jan,
 * 31 Mar / 1 Apr, 30 Jun / 1 Jul, 30 Sep / 1 Oct), independently of the SQL and the period code.
 */
import { describe, expect, it } from 'vitest';
import { labelOf, spansFor } from '../server/indicators/periods.ts';
import { buildRandomCounty, TOWNS, type Birth } from './fixtures/randomCounty.ts';
import { serveRandomCounty } from './fixtures/randomCountyApp.ts';

const county = buildRandomCounty();
const EDGES = ['2023-12-31', '2024-01-01', '2024-03-31', '2024-04-01', '2024-06-30', '2024-07-01', '2023-06-30', '2023-07-01'];
EDGES.forEach((date, i) => county.births.push({
  id: `EDGE-${i}`, date, town: TOWNS[1], sex: 'M', order: 1, mother: '1994-05-05', residence: 'registered', policy: 'compliant', place: 'hospital',
}));

/** Births with a date in first..last (ISO dates compare as text), in a township or all. */
function count(first: string, last: string, town = 'all', keep: (b: Birth) => boolean = () => true): number {
  return county.births.filter((b) => b.date >= first && b.date <= last && (town === 'all' || b.town === town) && keep(b)).length;
}
const registeredAt = (year: number, town: string) => county.population.filter((p) => p.year === year && p.town === town).reduce((a, p) => a + p.count, 0);

interface Row { township: string; period: string; value: number | null; numerator: number | null; denominator: number | null; previous?: number | null }

describe('period labels (pure)', () => {
  it('names each kind of span as planners read it', () => {
    expect(spansFor({ period: 'ytd', from: 2024, to: 2024, through: 6 }).map(labelOf)).toEqual(['2024YTD06']);
    expect(spansFor({ period: 'stathalf', from: 2024, to: 2024 }).map(labelOf)).toEqual(['SY2024H1', 'SY2024H2']);
    expect(spansFor({ period: 'rolling', from: 2024, to: 2024, through: 6 }).map(labelOf)).toEqual(['R12-2024-06']);
    expect(spansFor({ period: 'rolling', from: 2024, to: 2024 })).toHaveLength(12);
    // the months of 1至N月 of each year
    expect(spansFor({ period: 'month', from: 2023, to: 2024, through: 2 }).map(labelOf)).toEqual(['2023-01', '2023-02', '2024-01', '2024-02']);
    expect(spansFor({ period: 'month', from: 2024, to: 2024 })).toHaveLength(12);
    expect(spansFor({ period: 'statyear', from: 2023, to: 2024 }).map(labelOf)).toEqual(['SY2023', 'SY2024']);
  });
});

describe('year-to-date, statistical half-years, rolling and ranges over a seeded county', () => {
  const served = serveRandomCounty<Row>('periods', county);
  const { get } = served;
  const app = { request: (url: string) => served.app.request(url) };

  it('period=ytd&through=6 answers the births of 1 January–30 June of each year, boundary days included', async () => {
    const rows = await get('/api/indicators/births?township=all&from=2023&to=2024&period=ytd&through=6');
    expect(rows.map((r) => r.period)).toEqual(['2023YTD06', '2024YTD06']);
    expect(rows[0]!.value).toBe(count('2023-01-01', '2023-06-30'));
    expect(rows[1]!.value).toBe(count('2024-01-01', '2024-06-30'));
    // 1 Jan and 30 Jun 2024 are in; 31 Dec 2023 and 1 Jul 2024 are not
    const withoutEdges = count('2024-01-01', '2024-06-30', 'all', (b) => !b.id.startsWith('EDGE-'));
    expect(rows[1]!.value).toBe(withoutEdges + 4);
  });

  it('1–1月 of 2024 does not reach back into December 2023, and 1–12月 is the calendar year', async () => {
    const [jan] = await get(`/api/indicators/births?township=${TOWNS[1]}&from=2024&to=2024&period=ytd&through=1`);
    expect(jan!.value).toBe(count('2024-01-01', '2024-01-31', TOWNS[1]));
    const [full] = await get(`/api/indicators/births?township=${TOWNS[1]}&from=2024&to=2024&period=ytd&through=12`);
    const [year] = await get(`/api/indicators/births?township=${TOWNS[1]}&from=2024&to=2024`);
    expect(full!.value).toBe(count('2024-01-01', '2024-12-31', TOWNS[1]));
    expect(full!.value).toBe(year!.value);
  });

  it('同比 of a year-to-date figure is the same months a year earlier; 环比 is refused', async () => {
    const [row] = await get(`/api/indicators/births?township=${TOWNS[0]}&from=2024&to=2024&period=ytd&through=9&compare=yoy`);
    expect(row!.value).toBe(count('2024-01-01', '2024-09-30', TOWNS[0]));
    expect(row!.previous).toBe(count('2023-01-01', '2023-09-30', TOWNS[0]));
    const prev = await app.request('/api/indicators/births?township=all&from=2024&to=2024&period=ytd&through=6&compare=prev');
    expect(prev.status).toBe(400);
    const noMonth = await app.request('/api/indicators/births?township=all&from=2024&to=2024&period=ytd');
    expect(noMonth.status).toBe(400);
    expect(((await noMonth.json()) as { error: { parameter: string } }).error.parameter).toBe('through');
  });

  it('the statistical half-years run 1 Oct–31 Mar and 1 Apr–30 Sep', async () => {
    const rows = await get(`/api/indicators/births?township=${TOWNS[1]}&from=2024&to=2024&period=stathalf&compare=prev`);
    expect(rows.map((r) => r.period)).toEqual(['SY2024H1', 'SY2024H2']);
    expect(rows[0]!.value).toBe(count('2023-10-01', '2024-03-31', TOWNS[1]));
    expect(rows[1]!.value).toBe(count('2024-04-01', '2024-09-30', TOWNS[1]));
    expect(rows[0]!.previous).toBe(count('2023-04-01', '2023-09-30', TOWNS[1]));
    expect(rows[1]!.previous).toBe(rows[0]!.value);
  });

  it('rolling 12 months end at the month asked; a range of months is counted whole', async () => {
    const [rolling] = await get('/api/indicators/births?township=all&from=2024&to=2024&period=rolling&through=6');
    expect(rolling).toMatchObject({ period: 'R12-2024-06', value: count('2023-07-01', '2024-06-30') });
    const [range] = await get(`/api/indicators/births?township=${TOWNS[2]}&period=range&start=2023-11&end=2024-02`);
    expect(range).toMatchObject({ period: '2023-11..2024-02', value: count('2023-11-01', '2024-02-29', TOWNS[2]) });
  });

  it('a year-to-date birth rate is a period rate (births ÷ mid-period population), not annualised', async () => {
    const [row] = await get(`/api/indicators/cbr?township=${TOWNS[0]}&from=2024&to=2024&period=ytd&through=6&residence=registered`);
    const births = count('2024-01-01', '2024-06-30', TOWNS[0], (b) => b.residence === 'registered');
    // midpoint 1 April 2024 = 2024.25: a quarter of the way from the 2023 year-end to the 2024 one
    const midPopulation = 0.75 * registeredAt(2023, TOWNS[0]) + 0.25 * registeredAt(2024, TOWNS[0]);
    expect(row!.numerator).toBe(births);
    expect(row!.denominator).toBeCloseTo(midPopulation, 6);
    expect(row!.value).toBeCloseTo((births / midPopulation) * 1000, 9);
  });
});
