/**
 * @module notebooks/formats
 * Number formats for slots and table columns, in the conventions of Chinese statistical reports:
 * thousands separators, fixed decimals, ‰ and %, and 同比 wording (增长/下降/持平). A lookup table
 * of small functions; formats chain left to right (`abs | num:1`). Missing values print "—".
 *
 * @example
 * applyFormats(-3.24, ['change']);   // '下降3.2%'
 * applyFormats(8.123, ['permille']); // '8.12‰'
 */
import { compareWithTarget, targetSentence } from '../../common/targetComparison.ts';
import { JUDGEMENT_WORDS, type SrbJudgement } from '../../common/srbWording.ts';
import type { Cell, ResultRow } from './types.ts';

export type FormatValue = Cell | Cell[];
type Format = (value: FormatValue, args: readonly string[]) => FormatValue;

export const MISSING = '—';

function num(value: FormatValue): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return null;
}

function decimals(args: readonly string[], fallback: number): number {
  const d = args[0] === undefined || args[0] === '' ? fallback : Number(args[0]);
  if (!Number.isInteger(d) || d < 0 || d > 6) throw new Error(`decimals must be 0..6, not "${args[0]}"`);
  return d;
}

/** Fixed decimals, with or without thousands separators; never "-0". */
export function fixed(n: number, d: number, separators: boolean): string {
  const rounded = Number(n.toFixed(d));
  const v = Object.is(rounded, -0) || rounded === 0 ? 0 : rounded;
  return separators ? withSeparators(d).format(v) : v.toFixed(d);
}

// One formatter per number of decimals: toLocaleString with options builds one per call (a
// province's township table formats ten thousand cells).
const separatorFormats = new Map<number, Intl.NumberFormat>();
function withSeparators(d: number): Intl.NumberFormat {
  let f = separatorFormats.get(d);
  if (!f) separatorFormats.set(d, f = new Intl.NumberFormat('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }));
  return f;
}

function numeric(render: (n: number, args: readonly string[]) => string): Format {
  return (value, args) => {
    const n = num(value);
    return n === null ? MISSING : render(n, args);
  };
}

/** "增长3.2%" / "下降3.2%" / "持平" style wording for a signed change. */
function signed(n: number, d: number, up: string, down: string, suffix: string, separators = false): string {
  const magnitude = fixed(Math.abs(n), d, separators);
  if (Number(magnitude.replace(/,/g, '')) === 0) return '持平';
  return `${n > 0 ? up : down}${magnitude}${suffix}`;
}

function words(arg: string | undefined, up: string, down: string): [string, string] {
  if (!arg) return [up, down];
  const [u, d] = arg.split('/');
  if (!u || !d) throw new Error(`change words must be up/down such as 增加/减少, not "${arg}"`);
  return [u, d];
}

const FORMATS: Record<string, Format> = {
  int: numeric((n) => fixed(n, 0, true)),
  num: numeric((n, a) => fixed(n, decimals(a, 1), true)),
  fixed: numeric((n, a) => fixed(n, decimals(a, 1), false)),
  year: numeric((n) => fixed(n, 0, false)),
  permille: numeric((n, a) => `${fixed(n, decimals(a, 2), false)}‰`),
  pct: numeric((n, a) => `${fixed(n, decimals(a, 1), false)}%`),
  ratio: numeric((n, a) => fixed(n, decimals(a, 2), false)),
  /** A column of mixed units (persons beside rates): a whole number as 2,330, anything else with `auto:2` decimals. */
  auto: numeric((n, a) => (Number.isInteger(n) ? fixed(n, 0, true) : fixed(n, decimals(a, 2), true))),
  wan: numeric((n, a) => `${fixed(n / 10_000, decimals(a, 2), false)}万`),
  /** Relative change in % (change_pct): 增长3.2% / 下降3.2% / 持平. `change:1:增加/减少` changes the words. */
  change: numeric((n, a) => signed(n, decimals(a, 1), ...words(a[1], '增长', '下降'), '%')),
  /** Change of a percentage: 上升1.2个百分点. */
  pp: numeric((n, a) => signed(n, decimals(a, 1), ...words(a[1], '上升', '下降'), '个百分点')),
  /** Change of a ‰ rate: 下降0.51个千分点. */
  kp: numeric((n, a) => signed(n, decimals(a, 2), ...words(a[1], '上升', '下降'), '个千分点')),
  /** Absolute change with a unit: `delta:0:人` → 增加1,234人 / 减少1,234人 / 持平. */
  delta: numeric((n, a) => signed(n, decimals(a, 0), ...words(a[2], '增加', '减少'), a[1] ?? '', true)),
  abs: (v) => { const n = num(v); return n === null ? null : Math.abs(n); },
  /** Yes/no wording for a boolean: `yesno:达到/未达到`. */
  yesno: (v, a) => {
    const [yes, no] = words(a[0], '是', '否');
    return v === null ? MISSING : v === true ? yes : no;
  },
  /** Value map: `map:high=偏高/low=偏低/normal=正常`. */
  map: (v, a) => {
    const table = new Map((a[0] ?? '').split('/').map((kv) => kv.split('=') as [string, string]));
    return v === null ? MISSING : table.get(String(v)) ?? String(v);
  },
  /** SRB words of a `judgement` value: 偏高 / 未显著偏高 / 正常 / 未显著偏低 / 偏低 (common/srbWording.ts). */
  judgement: (v) => (typeof v === 'string' && Object.hasOwn(JUDGEMENT_WORDS, v) ? JUDGEMENT_WORDS[v as SrbJudgement].zh : v === null ? MISSING : String(v)),
  sex: (v) => (v === 'M' ? '男' : v === 'F' ? '女' : v === null ? MISSING : String(v)),
  text: (v) => (v === null ? MISSING : Array.isArray(v) ? v.join('、') : String(v)),
  /** Several rows' values joined with 、 (`list:无` says 无 when no row matches). */
  list: (v, a) => {
    const items = (Array.isArray(v) ? v : [v]).filter((x) => x !== null).map(String);
    return items.length ? items.join('、') : (a[0] ?? MISSING);
  },
  count: (v) => (Array.isArray(v) ? v.length : v === null ? 0 : 1),
};

/**
 * Formats of a whole row (a slot naming a result without a column: `{{ comp_reg | vstarget }}`).
 * `vstarget`: a share against its target by the one rule of common/targetComparison.ts — met or
 * not on the counts, enough digits, the counts quoted: 98.999%（3,955/3,995，目标99%），未达到目标.
 */
const ROW_FORMATS: Record<string, (row: ResultRow) => string> = {
  vstarget: (row) => {
    const [n, d, target] = [row.numerator, row.denominator, row.target];
    if (typeof n !== 'number' || typeof d !== 'number' || typeof target !== 'number') {
      throw new Error('vstarget needs a row with numerator, denominator and target (the compliance indicator with a residence)');
    }
    return targetSentence(compareWithTarget(n, d, target));
  },
};

export function isRowFormat(text: string | undefined): boolean {
  return text !== undefined && Object.hasOwn(ROW_FORMATS, text.trim());
}

export function applyRowFormat(row: ResultRow, format: string): string {
  return ROW_FORMATS[format.trim()]!(row);
}

export const FORMAT_NAMES = [...Object.keys(FORMATS), ...Object.keys(ROW_FORMATS)];

/** Formats that take every matching row rather than exactly one. */
export const MULTI_ROW_FORMATS = new Set(['list', 'count']);

/** One format step: `name` or `name:arg:arg`. */
export function parseFormat(text: string): { name: string; args: string[] } {
  const [name, ...args] = text.trim().split(':');
  if (!name || (!Object.hasOwn(FORMATS, name) && !Object.hasOwn(ROW_FORMATS, name))) throw new Error(`unknown format "${text.trim()}" (${FORMAT_NAMES.join(', ')})`);
  return { name, args };
}

/** Applies a chain of formats and returns the text; without formats numbers print as they are (at most 2 decimals). */
export function applyFormats(value: FormatValue, formats: readonly string[]): string {
  let v: FormatValue = value;
  for (const f of formats) {
    const { name, args } = parseFormat(f);
    const format = FORMATS[name];
    if (!format) throw new Error(`${name} formats a whole row: write {{ result | ${name} }}, without a column`);
    v = format(v, args);
  }
  if (Array.isArray(v)) return v.map((x) => (x === null ? MISSING : String(x))).join('、');
  if (v === null) return MISSING;
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : fixed(v, 2, false);
  return String(v);
}
