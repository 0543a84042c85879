/**
 * @module generator/dates
 * Calendar arithmetic on day numbers (days since 1970-01-01, proleptic Gregorian), the
 * generator's internal representation of every DATE.
 *
 * @example
 * const d = dayOf(2016, 3, 1); yearOfDay(d); // 2016
 */

/** Day number of a civil date (Howard Hinnant's days_from_civil). */
export function dayOf(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Civil date of a day number: [year, month 1..12, day 1..31]. */
export function civilOf(z0: number): [number, number, number] {
  const i = z0 - TABLE_FIRST;
  if (i >= 0 && i < TABLE_DAYS) return [TABLE_YEAR[i]!, TABLE_MD[i]! >> 5, TABLE_MD[i]! & 31];
  return civilOfComputed(z0);
}

function civilOfComputed(z0: number): [number, number, number] {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

// Lookup tables for 1800-01-01 .. 2299-12-31 (every generated date; defects reach 2204): year,
// and month · 32 + day. The record writers call these functions tens of millions of times.
const TABLE_FIRST = dayOf(1800, 1, 1);
const TABLE_DAYS = dayOf(2300, 1, 1) - TABLE_FIRST;
const TABLE_YEAR = new Int16Array(TABLE_DAYS);
const TABLE_MD = new Uint16Array(TABLE_DAYS);
for (let i = 0; i < TABLE_DAYS; i++) {
  const [y, m, d] = civilOfComputed(TABLE_FIRST + i);
  TABLE_YEAR[i] = y;
  TABLE_MD[i] = m * 32 + d;
}
const YEAR_START = new Int32Array(500);
for (let y = 0; y < 500; y++) YEAR_START[y] = dayOf(1800 + y, 1, 1);

export function yearStart(y: number): number {
  if (y >= 1800 && y < 2300) return YEAR_START[y - 1800]!;
  return dayOf(y, 1, 1);
}

export function daysInYear(y: number): number {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 366 : 365;
}

export function yearOfDay(day: number): number {
  const i = day - TABLE_FIRST;
  return i >= 0 && i < TABLE_DAYS ? TABLE_YEAR[i]! : civilOfComputed(day)[0];
}

/** The same calendar day n years later (29 Feb → 28 Feb in a common year). */
export function addYears(day: number, n: number): number {
  const [y, m, d] = civilOf(day);
  const ty = y + n;
  const dd = m === 2 && d === 29 && daysInYear(ty) === 365 ? 28 : d;
  return dayOf(ty, m, dd);
}

/** Completed years of age on `day` for someone born on `birth`. */
export function ageOn(birth: number, day: number): number {
  const i = birth - TABLE_FIRST;
  const j = day - TABLE_FIRST;
  if (i >= 0 && i < TABLE_DAYS && j >= 0 && j < TABLE_DAYS) return TABLE_YEAR[j]! - TABLE_YEAR[i]! - (TABLE_MD[j]! < TABLE_MD[i]! ? 1 : 0);
  const [by, bm, bd] = civilOf(birth);
  const [y, m, d] = civilOf(day);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** ISO yyyy-mm-dd, for manifest notes. */
export function isoDate(day: number): string {
  const [y, m, d] = civilOf(day);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
