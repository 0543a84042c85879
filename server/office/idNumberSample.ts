/**
 * @module office/idNumberSample
 * Whether an ID-number column's first values were damaged by Excel before the file reached us:
 * saved as a number, an 18-digit 公民身份号码 keeps 15 significant digits (9.99901E+17 in a CSV,
 * 999901199505010000 or worse from a workbook's number cell), so its check character no longer
 * fits. The import would quarantine those rows one by one (id_check_digit); the mapping step says
 * it of the column at once, while the planner can still export it again as text.
 *
 * @example
 * damagedIdNumbers(['9.99901E+17', '9.99901E+17']); // '2 个中有 2 个是科学计数法（9.99901E+17）'
 */

/** GB 11643's check character of 17 digits: weights 2^(17−i) mod 11, (12 − Σ mod 11) mod 11, 10 as X. */
function checkCharacter(body: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * (2 ** (17 - i) % 11);
  const v = (12 - (sum % 11)) % 11;
  return v === 10 ? 'X' : String(v);
}

/** A number as Excel writes one too long to show (9.99901E+17): its last digits are gone. */
export function isExcelExponent(v: string): boolean {
  return /^\d(\.\d+)?E\+\d+$/i.test(v);
}

/**
 * A number in Excel's exponent form as a message shows it: six significant digits (the area code, as
 * Excel's own CSV keeps them), not the fifteen an .xlsx number cell keeps (birth date included).
 */
export function exponentShown(v: string): string {
  return v.replace(/^(\d\.\d{5})\d+(E\+\d+)$/i, '$1…$2');
}

/** Why the sample looks damaged (in Chinese), or null: scientific notation, or most 18-digit numbers failing their check. */
export function damagedIdNumbers(samples: readonly string[]): string | null {
  const values = samples.map((v) => v.replace(/\s/g, '')).filter((v) => v !== '');
  if (values.length === 0) return null;
  const scientific = values.filter(isExcelExponent);
  if (scientific.length > 0) return `${values.length} 个中有 ${scientific.length} 个是科学计数法（如 ${exponentShown(scientific[0]!)}）`;
  const long = values.filter((v) => /^\d{17}[\dXx]$/.test(v));
  const failing = long.filter((v) => checkCharacter(v.slice(0, 17)) !== v[17]!.toUpperCase());
  if (long.length >= 3 && failing.length * 2 > long.length) return `${long.length} 个18位号码中有 ${failing.length} 个校验码不符`;
  return null;
}

function isCalendarDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A whole 公民身份号码: 18 characters whose check character and birth date fit, or 15 digits with a date of 19YY. */
export function isIdNumber(value: string): boolean {
  const v = value.replace(/\s/g, '').toUpperCase();
  if (/^\d{17}[\dX]$/.test(v)) {
    return checkCharacter(v.slice(0, 17)) === v[17] && isCalendarDate(Number(v.slice(6, 10)), Number(v.slice(10, 12)), Number(v.slice(12, 14)));
  }
  return /^\d{15}$/.test(v) && isCalendarDate(1900 + Number(v.slice(6, 8)), Number(v.slice(8, 10)), Number(v.slice(10, 12)));
}
