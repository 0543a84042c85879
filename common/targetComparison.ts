/**
 * @module common/targetComparison
 * The one rule for comparing a share with a target (政策符合率 against 99%, …), used by the
 * dashboard, the reports and the Word/CSV outputs alike:
 *
 * - **Met or not is decided on the counts**: numerator × 100 ≥ target × denominator (no
 *   floating-point share in between), so 3,960 of 4,000 meets 99% exactly.
 * - **The share is printed with enough digits to show the verdict**: two decimals, and more
 *   (up to six) while the rounded text would land on the other side of the target — a miss of
 *   98.999% is printed `98.999%`, never `99.00%` beside 未达到目标.
 * - The counts can be quoted beside it (`3,955/3,995`), which settles any doubt.
 *
 * Pure code (no I/O, no DOM): the server, the notebooks and the browser import it.
 *
 * @example
 * const c = compareWithTarget(3955, 3995, 99);
 * c.meets;      // false
 * c.valueText;  // '98.999%'
 * targetSentence(c, 'zh'); // '98.999%（3,955/3,995，目标99%），未达到目标'
 */

export interface TargetComparison {
  readonly numerator: number;
  readonly denominator: number;
  readonly target: number;
  /** The share in %, null without a denominator. */
  readonly value: number | null;
  /** Decided on the counts; null without a denominator. */
  readonly meets: boolean | null;
  /** The share with as many decimals (≥ 2) as the verdict needs, e.g. '98.999%'. */
  readonly valueText: string;
  readonly digits: number;
  readonly targetText: string;
}

const MAX_DIGITS = 6;

/** numerator × 100 ≥ target × denominator, on the counts (tolerant of a target such as 99.5 given in binary). */
export function meetsTarget(numerator: number, denominator: number, target: number): boolean | null {
  if (!(denominator > 0)) return null;
  return numerator * 100 - target * denominator >= -1e-9 * Math.max(1, denominator);
}

/** Decimals (from `min`) needed so that the rounded share stays on its side of the target. */
export function digitsFor(value: number, target: number, meets: boolean, min = 2): number {
  for (let d = min; d <= MAX_DIGITS; d++) {
    const shown = Number(value.toFixed(d));
    if (meets ? shown >= target : shown < target) return d;
  }
  return MAX_DIGITS;
}

/** A number as Chinese reports print it: fixed decimals, thousands separators for counts. */
function plain(n: number, d: number): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
}

/** Target as given: `99` → '99%', `99.5` → '99.5%'. */
export function targetText(target: number): string {
  return `${Number.isInteger(target) ? String(target) : String(Number(target.toFixed(3)))}%`;
}

export function compareWithTarget(numerator: number, denominator: number, target: number, minDigits = 2): TargetComparison {
  const meets = meetsTarget(numerator, denominator, target);
  if (meets === null) return { numerator, denominator, target, value: null, meets, valueText: '—', digits: minDigits, targetText: targetText(target) };
  const value = (numerator / denominator) * 100;
  const digits = digitsFor(value, target, meets, minDigits);
  return { numerator, denominator, target, value, meets, valueText: `${value.toFixed(digits)}%`, digits, targetText: targetText(target) };
}

/** A share already computed (no counts at hand): met or not on the value, digits as above. */
export function compareValueWithTarget(value: number, target: number, minDigits = 2): Omit<TargetComparison, 'numerator' | 'denominator'> {
  const meets = value >= target;
  const digits = digitsFor(value, target, meets, minDigits);
  return { target, value, meets, valueText: `${value.toFixed(digits)}%`, digits, targetText: targetText(target) };
}

const VERDICT = { zh: ['达到目标', '未达到目标'], en: ['target met', 'target missed'] } as const;

export function verdictText(meets: boolean | null, lang: 'zh' | 'en' = 'zh'): string {
  return meets === null ? '—' : VERDICT[lang][meets ? 0 : 1];
}

/** '98.999%（3,955/3,995，目标99%），未达到目标' — the share, the counts, the target and the verdict. */
export function targetSentence(c: TargetComparison, lang: 'zh' | 'en' = 'zh'): string {
  if (c.meets === null) return lang === 'zh' ? '—（无出生）' : '— (no births)';
  const counts = `${plain(c.numerator, 0)}/${plain(c.denominator, 0)}`;
  return lang === 'zh'
    ? `${c.valueText}（${counts}，目标${c.targetText}），${verdictText(c.meets, 'zh')}`
    : `${c.valueText} (${counts}, target ${c.targetText}): ${verdictText(c.meets, 'en')}`;
}
