/**
 * @module notebooks/slots
 * `{{ }}` slots: a reference to a parameter, to `meta` (county and place names) or to a named
 * result's column, optionally shifted by a whole number, then formatted:
 *
 *   {{ year }}  {{ year - 9 }}  {{ meta.place }}
 *   {{ births.value | int }}  {{ births.change_pct | change }}
 *   {{ order_share[order=2].value | pct }}  {{ trend[-1].value }}  {{ ranking[flag=high].name | list:无 }}
 *
 * A reference to a result with several rows needs a selector (`[0]`, `[-1]`, `[field=value]`,
 * values may be `$param`), except under `list`/`count`. Evaluation returns the text and a record of
 * where the value came from, so a test can compare it with the API.
 */
import { MULTI_ROW_FORMATS, applyFormats, applyRowFormat, isRowFormat, parseFormat } from './formats.ts';
import type { Cell, ParamValues, Result, ResultRow, SlotRecord, SlotSource } from './types.ts';

export type ResultLookup = (name: string) => Result | { failed: string; line: number } | undefined;

export interface SlotScope {
  readonly params: ParamValues;
  readonly meta: Readonly<Record<string, Cell>>;
  readonly result: ResultLookup;
}

interface Parsed {
  ref: string;
  selector: string | null;
  field: string | null;
  shift: number;
  formats: string[];
}

const EXPR = /^([a-z_][a-z0-9_]*)(?:\[([^\]]*)\])?(?:\.([a-z_][a-z0-9_]*))?\s*(?:([+-])\s*(\d+))?$/;

/** Whole-number arithmetic over parameters: `year - srb_years + 1`. */
const ARITH = /^([a-z_][a-z0-9_]*|\d+)(\s*[+-]\s*([a-z_][a-z0-9_]*|\d+))+$/;

function arithmetic(head: string, params: ParamValues): number | null {
  if (!ARITH.test(head)) return null;
  let total = 0;
  for (const m of head.matchAll(/([+-]?)\s*([a-z_][a-z0-9_]*|\d+)/g)) {
    const term = m[2]!;
    let v: number;
    if (/^\d+$/.test(term)) v = Number(term);
    else if (Object.hasOwn(params, term) && typeof params[term] === 'number') v = params[term] as number;
    else return null;
    total += m[1] === '-' ? -v : v;
  }
  return total;
}

export function parseSlot(expr: string): Parsed {
  const [head, ...formats] = expr.split('|').map((s) => s.trim());
  const m = EXPR.exec(head ?? '');
  if (!m) throw new Error(`cannot read "${expr.trim()}" (expected name, name.field or name[selector].field, then | format)`);
  for (const f of formats) parseFormat(f);
  const shift = m[4] ? (m[4] === '-' ? -1 : 1) * Number(m[5]) : 0;
  return { ref: m[1]!, selector: m[2] ?? null, field: m[3] ?? null, shift, formats };
}

export type SlotOutcome =
  | { ok: true; text: string; value: Cell | Cell[]; kind: SlotRecord['kind']; source: SlotSource | null }
  | { ok: false; message: string };

export function evaluateSlot(expr: string, scope: SlotScope): SlotOutcome {
  try {
    const [head, ...formats] = expr.split('|').map((s) => s.trim());
    const sum = arithmetic(head ?? '', scope.params);
    if (sum !== null) return { ok: true, text: applyFormats(sum, formats), value: sum, kind: 'param', source: null };
    return evaluate(parseSlot(expr), scope);
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

function shifted(value: Cell, shift: number): Cell {
  if (!shift) return value;
  if (typeof value !== 'number') throw new Error(`cannot add ${shift} to a value that is not a number`);
  return value + shift;
}

function evaluate(p: Parsed, scope: SlotScope): SlotOutcome {
  const multi = p.formats.some((f) => MULTI_ROW_FORMATS.has(parseFormat(f).name));
  if (p.ref === 'meta') {
    if (!p.field || !Object.hasOwn(scope.meta, p.field)) throw new Error(`meta has ${Object.keys(scope.meta).join(', ')}`);
    const value = shifted(scope.meta[p.field]!, p.shift);
    return { ok: true, text: applyFormats(value, p.formats), value, kind: 'meta', source: null };
  }
  if (Object.hasOwn(scope.params, p.ref) && !p.selector && !p.field) {
    const value = shifted(scope.params[p.ref]!, p.shift);
    return { ok: true, text: applyFormats(value, p.formats), value, kind: 'param', source: null };
  }
  const result = scope.result(p.ref);
  if (!result) throw new Error(`no parameter or result named "${p.ref}"`);
  if ('failed' in result) throw new Error(`result "${p.ref}" is unavailable (its block at line ${result.line} failed)`);
  const rows = select(result, p.selector, scope.params);
  const field = p.field;
  if (field !== null && rows.length > 0 && !result.columns.includes(field)) {
    throw new Error(`result "${p.ref}" has no column "${field}" (columns: ${result.columns.join(', ')})`);
  }
  if (multi) {
    const values = rows.map((r) => (field === null ? r.township ?? null : r[field] ?? null));
    const source = multiSource(result, p, field, scope.params);
    return { ok: true, text: applyFormats(values, p.formats), value: values, kind: 'result', source };
  }
  const rowFormat = field === null && isRowFormat(p.formats[0]);
  if (field === null && !rowFormat) throw new Error(`name a column of "${p.ref}" (columns: ${result.columns.join(', ')})`);
  if (rows.length !== 1) {
    const what = rows.length === 0 ? 'no row matches' : `${rows.length} rows match`;
    throw new Error(`${what} in "${p.ref}"${p.selector ? `[${p.selector}]` : ''}; pick one row with [0], [-1] or [field=value]`);
  }
  const row = rows[0]!;
  if (field === null) {
    // a whole-row format (vstarget): its figure is the row's value
    const prov = result.provenance.value;
    const source: SlotSource | null = prov
      ? { api: prov.api, rowsAt: prov.rowsAt, field: prov.field, aggregate: 'one', match: Object.fromEntries(prov.keys.map((k) => [k, row[k] ?? null])) }
      : null;
    const text = applyFormats(applyRowFormat(row, p.formats[0]!), p.formats.slice(1));
    return { ok: true, text, value: row.value ?? null, kind: 'result', source };
  }
  const value = shifted(row[field] ?? null, p.shift);
  const prov = result.provenance[field];
  const source: SlotSource | null = prov && !p.shift
    ? { api: prov.api, ...(prov.method ? { method: prov.method, body: prov.body } : {}), rowsAt: prov.rowsAt, field: prov.field, aggregate: 'one', match: Object.fromEntries(prov.keys.map((k) => [k, row[k] ?? null])) }
    : null;
  return { ok: true, text: applyFormats(value, p.formats), value, kind: 'result', source };
}

function conditions(selector: string, params: ParamValues): [string, string][] {
  return selector.split(',').map((part) => {
    const m = /^\s*([a-z_][a-z0-9_]*)\s*=\s*(\S+?)\s*$/.exec(part);
    if (!m) throw new Error(`cannot read selector "[${selector}]" (expected [0], [-1] or [field=value])`);
    let value = m[2]!;
    if (value.startsWith('$')) {
      const name = value.slice(1);
      if (!Object.hasOwn(params, name)) throw new Error(`selector names unknown parameter $${name}`);
      value = String(params[name]);
    }
    return [m[1]!, value];
  });
}

function select(result: Result, selector: string | null, params: ParamValues): ResultRow[] {
  if (selector === null || selector.trim() === '') return [...result.rows];
  const index = /^\s*(-?\d+)\s*$/.exec(selector);
  if (index) {
    const i = Number(index[1]);
    const row = result.rows[i < 0 ? result.rows.length + i : i];
    if (!row) throw new Error(`"${result.name}" has ${result.rows.length} rows; there is no row [${i}]`);
    return [row];
  }
  const conds = conditions(selector, params);
  for (const [k] of conds) {
    if (result.rows.length > 0 && !result.columns.includes(k)) throw new Error(`selector field "${k}" is not a column of "${result.name}"`);
  }
  return result.rows.filter((r) => conds.every(([k, v]) => String(r[k]) === v));
}

function multiSource(result: Result, p: Parsed, field: string | null, params: ParamValues): SlotSource | null {
  const prov = result.provenance[field ?? 'township'] ?? Object.values(result.provenance)[0];
  if (!prov || (p.selector !== null && /^\s*-?\d+\s*$/.test(p.selector))) return null;
  const match = p.selector ? Object.fromEntries(conditions(p.selector, params)) : {};
  const isCount = p.formats.some((f) => parseFormat(f).name === 'count');
  return { api: prov.api, rowsAt: prov.rowsAt, field: field ?? 'township', match, aggregate: isCount ? 'count' : 'list' };
}

/** Splits text into literal pieces and `{{ }}` slot expressions, with each slot's line offset. */
export function splitSlots(text: string): ({ literal: string } | { expr: string; lineOffset: number })[] {
  const parts: ({ literal: string } | { expr: string; lineOffset: number })[] = [];
  const re = /\{\{([\s\S]*?)\}\}/g;
  let at = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > at) parts.push({ literal: text.slice(at, m.index) });
    parts.push({ expr: m[1]!.trim(), lineOffset: text.slice(0, m.index).split('\n').length - 1 });
    at = m.index + m[0].length;
  }
  if (at < text.length) parts.push({ literal: text.slice(at) });
  return parts;
}

/**
 * Fills the slots of a block's spec text (indicator, chart and table blocks); the first slot that
 * fails makes the whole block fail, with the slot's line.
 */
export function fillTemplate(text: string, scope: SlotScope): { ok: true; text: string } | { ok: false; message: string; lineOffset: number } {
  let out = '';
  for (const part of splitSlots(text)) {
    if ('literal' in part) { out += part.literal; continue; }
    const r = evaluateSlot(part.expr, scope);
    if (!r.ok) return { ok: false, message: `{{ ${part.expr} }}: ${r.message}`, lineOffset: part.lineOffset };
    out += r.text;
  }
  return { ok: true, text: out };
}
