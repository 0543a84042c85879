/**
 * @module notebooks/spec
 * The options of indicator, chart and table blocks: YAML `key: value` lines, or several pairs on
 * one line separated by commas (`indicator: tfr, township: all, compare: yoy`); a key with an
 * empty value takes the indented `key: value` lines below it as its entries (a table's
 * `columns:`). Every value is text; errors name the line.
 */
import { readYamlMap } from './yamlMap.ts';

export interface SpecEntry { readonly key: string; readonly value: string; readonly line: number }
export interface SpecField extends SpecEntry { readonly entries: SpecEntry[] }

export class SpecError extends Error {
  override readonly name = 'SpecError';
  constructor(message: string, readonly lineOffset: number) { super(message); }
}

export function isSpecError(e: unknown): e is SpecError {
  return e instanceof SpecError;
}

/**
 * Several pairs on one line become one line each before YAML reads them (`a: 1, b: 2`), split
 * where a comma is followed by `key:`; comments, and lines with quotes or brackets, are YAML as
 * written. `lineOf[i]` is the block line that YAML line i came from.
 */
function onePairPerLine(text: string): { yaml: string; lineOf: number[] } {
  const out: string[] = [];
  const lineOf: number[] = [];
  text.split('\n').forEach((raw, line) => {
    const hash = raw.search(/(^|\s)#/);
    const pairs = hash < 0 ? raw : raw.slice(0, hash);
    const split = /^[^\s#]/.test(pairs) && !/["'[\]{}]/.test(pairs) ? pairs.split(/,\s*(?=[a-z_][a-z0-9_.]*\s*:)/) : [pairs];
    split.forEach((p, i) => { out.push(i === split.length - 1 && hash >= 0 ? p + raw.slice(hash) : p); lineOf.push(line); });
  });
  return { yaml: out.join('\n'), lineOf };
}

/** The block's options as YAML (see yamlMap.ts). Lines are 0-based offsets from the block's first content line. */
export function parseSpec(text: string): Map<string, SpecField> {
  const { yaml, lineOf } = onePairPerLine(text);
  const read = readYamlMap(yaml);
  const at = (line: number) => lineOf[line - 1] ?? 0;
  if (!read.ok) throw new SpecError(`cannot read the options: ${read.message}`, at(read.line));
  const fields = new Map<string, SpecField>();
  for (const e of read.entries) {
    if (fields.has(e.key)) throw new SpecError(`${e.key} is given twice`, at(e.line));
    const entries = typeof e.value === 'string' ? [] : e.value.map((c): SpecEntry => {
      if (typeof c.value !== 'string') throw new SpecError(`${e.key}: ${c.key}: expected a value, not more indented lines`, at(c.line));
      return { key: c.key, value: c.value, line: at(c.line) };
    });
    fields.set(e.key, { key: e.key, value: typeof e.value === 'string' ? e.value : '', line: at(e.line), entries });
  }
  return fields;
}

/** Throws on keys the block kind does not know, naming the allowed ones. */
export function checkKeys(fields: ReadonlyMap<string, SpecField>, allowed: readonly string[], what: string): void {
  for (const f of fields.values()) {
    const base = f.key.includes('.') ? f.key.slice(f.key.indexOf('.') + 1) : f.key;
    if (!allowed.includes(f.key) && !(f.key.includes('.') && allowed.includes(base))) {
      throw new SpecError(`${what} has no option "${f.key}" (${allowed.join(', ')})`, f.line);
    }
  }
}

export function required(fields: ReadonlyMap<string, SpecField>, key: string, what: string): SpecField {
  const f = fields.get(key);
  if (!f || f.value === '') throw new SpecError(`${what} needs "${key}:"`, 0);
  return f;
}
