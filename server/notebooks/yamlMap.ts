/**
 * @module notebooks/yamlMap
 * The YAML of a notebook's front matter and block options, read by `yaml` as `key: value` pairs,
 * each with its 1-based line (a LineCounter) and the comment after it. The failsafe schema keeps
 * every value as the text the planner typed (`01` stays `01`, `no` stays `no`); the callers
 * decide what a value means. Never throws: a YAML error comes back with its line.
 *
 * @example
 * readYamlMap('from: births\ncolumns:\n  m: 月份  # month'); // { ok: true, entries: [{ key: 'from', value: 'births', … }, …] }
 */
import { LineCounter, isMap, isScalar, parseDocument, type Node, type Pair } from 'yaml';

export interface YamlEntry {
  readonly key: string;
  /** The text, or the indented `key: value` lines under the key. */
  readonly value: string | readonly YamlEntry[];
  /** The comment after the value on its line (`# 乡镇`), trimmed; '' when none. */
  readonly comment: string;
  readonly line: number;
}

export type YamlRead = { readonly ok: true; readonly entries: readonly YamlEntry[] } | { readonly ok: false; readonly message: string; readonly line: number };

class YamlShapeError extends Error {
  constructor(message: string, readonly line: number) { super(message); }
}

export function readYamlMap(text: string): YamlRead {
  const lines = new LineCounter();
  // uniqueKeys off: the callers name a repeated key in their own words.
  const doc = parseDocument(text, { schema: 'failsafe', lineCounter: lines, uniqueKeys: false, prettyErrors: false });
  const failure = doc.errors[0];
  // The hint covers what planners meet: a value that starts with a YAML sign (`yformat: ,.0f`).
  if (failure) return { ok: false, message: `${failure.message} (write key: value, and quote a value that starts with a sign such as [ { , # * &)`, line: lines.linePos(failure.pos[0]).line };
  const lineOf = (node: Node | null | undefined, fallback: number) => (node?.range ? lines.linePos(node.range[0]).line : fallback);
  const entries = (pairs: readonly Pair[], parentLine: number): YamlEntry[] => pairs.map((pair) => {
    const key = pair.key as Node | null;
    const line = lineOf(key, parentLine);
    if (!isScalar(key) || String(key.value ?? '') === '') throw new YamlShapeError('expected key: value', line);
    const value = pair.value as Node | null;
    const comment = (value?.comment ?? '').trim();
    if (value === null || isScalar(value)) return { key: String(key.value), value: String(value?.value ?? ''), comment, line };
    if (isMap(value)) return { key: String(key.value), value: entries(value.items, line), comment, line };
    throw new YamlShapeError(`${String(key.value)}: expected a value or indented key: value lines, not a list`, line);
  });
  if (doc.contents === null) return { ok: true, entries: [] };
  if (!isMap(doc.contents)) return { ok: false, message: 'expected key: value lines', line: lineOf(doc.contents, 1) };
  try {
    return { ok: true, entries: entries(doc.contents.items, 1) };
  } catch (e) {
    if (e instanceof YamlShapeError) return { ok: false, message: e.message, line: e.line };
    throw e;
  }
}
