/**
 * @module notebooks/spec
 * The `key: value` text of indicator, chart and table blocks: one pair per line, or several on one
 * line separated by commas (`indicator: tfr, township: all, compare: yoy`); a key with an empty
 * value takes the indented `key: value` lines below it as its entries (a table's `columns:`).
 */

export interface SpecEntry { readonly key: string; readonly value: string; readonly line: number }
export interface SpecField extends SpecEntry { readonly entries: SpecEntry[] }

export class SpecError extends Error {
  override readonly name = 'SpecError';
  constructor(message: string, readonly lineOffset: number) { super(message); }
}

export function isSpecError(e: unknown): e is SpecError {
  return e instanceof SpecError;
}

/** Lines are 0-based offsets from the block's first content line. */
export function parseSpec(text: string): Map<string, SpecField> {
  const fields = new Map<string, SpecField>();
  let parent: SpecField | null = null;
  text.split('\n').forEach((raw, line) => {
    if (!raw.trim() || raw.trim().startsWith('#')) return;
    const indented = /^\s+/.test(raw);
    if (indented && parent) {
      const m = /^\s*([^:]+?)\s*:\s*(.*)$/.exec(raw);
      if (!m) throw new SpecError(`cannot read "${raw.trim()}" under ${parent.key}: (expected key: value)`, line);
      parent.entries.push({ key: m[1]!, value: m[2]!.trim(), line });
      return;
    }
    for (const pair of raw.trim().split(/,\s*(?=[a-z_][a-z0-9_.]*\s*:)/)) {
      const m = /^([a-z_][a-z0-9_.]*)\s*:\s*(.*)$/.exec(pair.trim());
      if (!m) throw new SpecError(`cannot read "${pair.trim()}" (expected key: value)`, line);
      if (fields.has(m[1]!)) throw new SpecError(`${m[1]} is given twice`, line);
      const field: SpecField = { key: m[1]!, value: m[2]!.trim(), line, entries: [] };
      fields.set(field.key, field);
      parent = field.value === '' ? field : null;
    }
  });
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
