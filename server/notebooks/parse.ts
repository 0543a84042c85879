/**
 * @module notebooks/parse
 * Parses a notebook file: YAML-ish front matter (`title`, `description`, `audience`, `params`)
 * and the body split into Markdown text and fenced blocks (```` ```sql name ````,
 * ```` ```indicator name ````, ```` ```chart name ````, ```` ```table name ````). Every block keeps
 * the line it starts on, so errors can name it. Parsing never throws: a bad fence or a bad
 * parameter declaration becomes an error shown in place.
 *
 * @example
 * const nb = parseNotebook('situation-analysis', readFileSync('notebooks/situation-analysis.md', 'utf8'));
 * nb.params.map((p) => p.name); // ['township', 'year', …]
 */
import type { Block, BlockRef, Notebook, NotebookError, ParamDecl, ParamType } from './types.ts';

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
    audience: fm.fields.get('audience') === 'township' ? 'township' : 'county',
    params: fm.params,
    blocks,
    frontMatterErrors: errors,
  };
}

const FRONT: BlockRef = { kind: 'markdown', name: 'front matter', line: 1 };

function frontMatter(lines: readonly string[], errors: NotebookError[]) {
  const fields = new Map<string, string>();
  const params: ParamDecl[] = [];
  if (lines[0]?.trim() !== '---') return { fields, params, bodyStart: 0 };
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (end < 0) {
    errors.push({ block: FRONT, line: 1, message: 'front matter opened with --- is never closed' });
    return { fields, params, bodyStart: 0 };
  }
  let inParams = false;
  for (let i = 1; i < end; i++) {
    const raw = lines[i]!;
    if (!raw.trim() || raw.trim().startsWith('#')) continue;
    const indented = /^\s+/.test(raw);
    if (!indented) {
      const m = /^([a-z_]+):\s*(.*)$/.exec(raw);
      if (!m) {
        errors.push({ block: FRONT, line: i + 1, message: `cannot read "${raw.trim()}" (expected key: value)` });
        continue;
      }
      inParams = m[1] === 'params';
      if (!inParams) fields.set(m[1]!, unquote(m[2]!.trim()));
      continue;
    }
    if (!inParams) {
      errors.push({ block: FRONT, line: i + 1, message: 'indented line outside params:' });
      continue;
    }
    const decl = paramDecl(raw, i + 1);
    if (typeof decl === 'string') errors.push({ block: FRONT, line: i + 1, message: decl });
    else if (params.some((p) => p.name === decl.name)) errors.push({ block: FRONT, line: i + 1, message: `parameter ${decl.name} is declared twice` });
    else params.push(decl);
  }
  return { fields, params, bodyStart: end + 1 };
}

function unquote(s: string): string {
  return /^(['"]).*\1$/.test(s) ? s.slice(1, -1) : s;
}

/**
 * `name: type [= default] [# label]`, types: `township`, `year`, `int(min..max)`,
 * `enum(a|b|c)`. A parameter without a default is required.
 */
function paramDecl(raw: string, line: number): ParamDecl | string {
  const hash = raw.indexOf('#');
  const label = hash >= 0 ? raw.slice(hash + 1).trim() : '';
  const text = (hash >= 0 ? raw.slice(0, hash) : raw).trim();
  const m = /^([a-z_][a-z0-9_]*)\s*:\s*([a-z]+(?:\([^)]*\))?)\s*(?:=\s*(\S+))?$/.exec(text);
  if (!m) return `cannot read parameter "${text}" (expected name: type = default  # label)`;
  const [, name, typeText, dflt] = m as unknown as [string, string, string, string | undefined];
  if (RESERVED_PARAMS.has(name)) return `parameter name ${name} is reserved`;
  const type = paramType(typeText);
  if (typeof type === 'string') return `parameter ${name}: ${type}`;
  return { name, type, default: dflt ?? null, label: label || name, line };
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

function body(lines: readonly string[], start: number): Block[] {
  const blocks: Block[] = [];
  let text: string[] = [];
  let textLine = start + 1;
  const flush = () => {
    if (text.some((l) => l.trim())) blocks.push({ kind: 'markdown', line: textLine, text: text.join('\n') });
    text = [];
  };
  for (let i = start; i < lines.length; i++) {
    const open = /^(`{3,})\s*([^\s`]*)\s*(.*)$/.exec(lines[i]!);
    if (!open) {
      if (text.length === 0) textLine = i + 1;
      text.push(lines[i]!);
      continue;
    }
    flush();
    const [, ticks, kind, rest] = open as unknown as [string, string, string, string];
    const closeAt = lines.findIndex((l, j) => j > i && l.trim() === ticks);
    const end = closeAt < 0 ? lines.length : closeAt;
    const content = lines.slice(i + 1, end).join('\n');
    blocks.push(fenced(kind, rest.trim(), content, i + 1, closeAt < 0));
    i = end;
    textLine = end + 2;
  }
  flush();
  return blocks;
}

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
