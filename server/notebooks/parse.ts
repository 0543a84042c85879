/**
 * @module notebooks/parse
 * Parses a notebook file: YAML front matter (`title`, `description`, `description_en`, `audience`, `params`, read
 * by `yaml`) and the body split by markdown-it into Markdown text and fenced blocks (```` ```sql name ````,
 * ```` ```indicator name ````, ```` ```chart name ````, ```` ```table name ````). Every block keeps
 * the line it starts on, so errors can name it. Parsing never throws: a bad fence or a bad
 * parameter declaration becomes an error shown in place.
 *
 * @example
 * const nb = parseNotebook('situation-analysis', readFileSync('notebooks/situation-analysis.md', 'utf8'));
 * nb.params.map((p) => p.name); // ['township', 'year', …]
 */
import { md } from './markdown.ts';
import type { Block, BlockRef, Notebook, NotebookError, ParamDecl, ParamType } from './types.ts';
import { readYamlMap, type YamlEntry } from './yamlMap.ts';

const FENCED_KINDS = ['sql', 'indicator', 'chart', 'table'] as const;
type FencedKind = (typeof FENCED_KINDS)[number];
const NAME = /^[a-z_][a-z0-9_]*$/;
/** Query-string names the report route keeps for itself. */
export const RESERVED_PARAMS = new Set(['format']);

export function parseNotebook(name: string, source: string): Notebook {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const errors: NotebookError[] = [];
  const fm = frontMatter(lines, errors);
  const blocks = body(lines, fm.bodyStart);
  return {
    name,
    title: fm.fields.get('title') ?? name,
    description: fm.fields.get('description') ?? '',
    descriptionEn: fm.fields.get('description_en') ?? fm.fields.get('description') ?? '',
    audience: audienceOf(fm.fields.get('audience')),
    params: fm.params,
    blocks,
    frontMatterErrors: errors,
  };
}

const FRONT: BlockRef = { kind: 'markdown', name: 'front matter', line: 1 };

/** Who may render it: `county` (the default), `township`, or `any` (the county, or a township for its own). */
function audienceOf(text: string | undefined): Notebook['audience'] {
  return text === 'township' || text === 'any' ? text : 'county';
}

/**
 * A value that starts with a slot (`title: {{ meta.place }}报告`) would read as a YAML flow
 * mapping; it is quoted first, on its own line, so line numbers hold.
 */
const quoteSlots = (line: string): string => line.replace(/^([a-z_]+:[ \t]+)(\{\{.*?)\s*$/, (_, key: string, value: string) => key + JSON.stringify(value));

function frontMatter(lines: readonly string[], errors: NotebookError[]) {
  const fields = new Map<string, string>();
  const params: ParamDecl[] = [];
  if (lines[0]?.trim() !== '---') return { fields, params, bodyStart: 0 };
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (end < 0) {
    errors.push({ block: FRONT, line: 1, message: 'front matter opened with --- is never closed' });
    return { fields, params, bodyStart: 0 };
  }
  const error = (line: number, message: string) => errors.push({ block: FRONT, line: line + 1, message });
  const read = readYamlMap(lines.slice(1, end).map(quoteSlots).join('\n'));
  if (!read.ok) {
    error(read.line, `cannot read the front matter: ${read.message}`);
    return { fields, params, bodyStart: end + 1 };
  }
  const keys = new Set<string>();
  for (const e of read.entries) {
    if (keys.has(e.key)) { error(e.line, `${e.key} is given twice`); continue; }
    keys.add(e.key);
    if (e.key !== 'params') {
      if (typeof e.value === 'string') fields.set(e.key, e.value);
      else error(e.line, `${e.key}: expected a value, not indented lines`);
      continue;
    }
    if (typeof e.value === 'string') {
      if (e.value) error(e.line, 'params: expected one indented line per parameter (name: type = default  # label)');
      continue;
    }
    for (const p of e.value) {
      const decl = paramDecl(p);
      if (typeof decl === 'string') error(p.line, decl);
      else if (params.some((q) => q.name === decl.name)) error(p.line, `parameter ${decl.name} is declared twice`);
      else params.push(decl);
    }
  }
  return { fields, params, bodyStart: end + 1 };
}

/**
 * `name: type [= default]  # label`, types: `township`, `year`, `int(min..max)`,
 * `enum(a|b|c)`. A parameter without a default is required.
 */
function paramDecl(p: YamlEntry): ParamDecl | string {
  const text = typeof p.value === 'string' ? p.value.trim() : '';
  const m = /^([a-z]+(?:\([^)]*\))?)\s*(?:=\s*(\S+))?$/.exec(text);
  if (!NAME.test(p.key) || !m) return `cannot read parameter "${p.key}: ${text}" (expected name: type = default  # label)`;
  const [, typeText, dflt] = m as unknown as [string, string, string | undefined];
  if (RESERVED_PARAMS.has(p.key)) return `parameter name ${p.key} is reserved`;
  const type = paramType(typeText);
  if (typeof type === 'string') return `parameter ${p.key}: ${type}`;
  return { name: p.key, type, default: dflt ?? null, label: p.comment || p.key, line: p.line + 1 };
}

function paramType(text: string): ParamType | string {
  if (text === 'township') return { kind: 'township' };
  if (text === 'year') return { kind: 'year' };
  const int = /^int\((-?\d+)\.\.(-?\d+)\)$/.exec(text);
  if (int) return { kind: 'int', min: Number(int[1]), max: Number(int[2]) };
  const en = /^enum\(([^)]+)\)$/.exec(text);
  if (en) return { kind: 'enum', values: en[1]!.split('|').map((s) => s.trim()).filter(Boolean) };
  return `unknown type "${text}" (township, year, int(min..max), enum(a|b))`;
}

/** The body as markdown text and fenced blocks, split where markdown-it finds top-level fences. */
function body(lines: readonly string[], start: number): Block[] {
  const blocks: Block[] = [];
  const text = (from: number, to: number) => {
    if (lines.slice(from, to).some((l) => l.trim())) blocks.push({ kind: 'markdown', line: from + 1, text: lines.slice(from, to).join('\n') });
  };
  let at = start;
  for (const t of md.parse(lines.slice(start).join('\n'), {})) {
    if (t.type !== 'fence' || t.level !== 0 || !t.map) continue;
    const [open, after] = [start + t.map[0], start + t.map[1]];
    text(at, open);
    const closed = after - 1 > open && closesFence(lines[after - 1]!, t.markup);
    const [kind = '', ...rest] = t.info.trim().split(/\s+/);
    blocks.push(fenced(kind, rest.join(' '), lines.slice(open + 1, closed ? after - 1 : after).join('\n'), open + 1, !closed));
    at = after;
  }
  text(at, lines.length);
  return blocks;
}

/** markdown-it runs an unclosed fence to the end of the text; a closed one ends on its closing fence. */
const closesFence = (line: string, markup: string): boolean => line.trim().startsWith(markup) && /^(`+|~+)$/.test(line.trim());

function fenced(kind: string, name: string, text: string, line: number, unclosed: boolean): Block {
  const known = (FENCED_KINDS as readonly string[]).includes(kind);
  const bad = (message: string): Block => ({ kind: 'bad', name: name || kind || 'block', line, message });
  if (!known) return bad(`unknown block kind "${kind}" (sql, indicator, chart, table)`);
  if (unclosed) return bad(`${kind} block is never closed (\`\`\`)`);
  const k = kind as FencedKind;
  if (k === 'chart' || k === 'table') {
    if (name && !NAME.test(name)) return bad(`block name "${name}" must be lower-case letters, digits and _`);
    return { kind: k, name: name || `${k}_${line}`, line, text };
  }
  if (!name) return bad(`${kind} block needs a result name: \`\`\`${kind} name`);
  if (!NAME.test(name)) return bad(`result name "${name}" must be lower-case letters, digits and _`);
  return { kind: k, name, line, text };
}
