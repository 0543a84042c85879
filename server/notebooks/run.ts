/**
 * @module notebooks/run
 * Renders a parsed notebook for validated parameters: runs every data block (sql through a
 * per-render READ_ONLY connection, indicator blocks in-process through the API's functions) in
 * parallel, then renders the blocks in order — narrative with its `{{ }}` slots, charts as SVG,
 * tables as HTML and CSV. A block that fails shows its error in place (block, name, line) and
 * the rest still renders. Every slot is recorded with the API request that answers its value.
 *
 * @example
 * const report = await renderNotebook(loadNotebook('situation-analysis'), { year: '2024' }, { db, config });
 * report.bodyHtml; report.charts[0].svg; report.slots; report.errors;
 */
import { COUNTY_SCOPE } from '../auth/scope.ts';
import { LOCAL_ADMIN, type Principal } from '../auth/principal.ts';
import type { AnalyticsConfig } from '../config.ts';
import type { Database } from '../db/Database.ts';
import { Forbidden } from '../errors/domain.ts';
import { catalog } from '../indicators/catalog.ts';
import { runIndicatorBlock, type SourceContext } from './apiSources.ts';
import { bindData, printSized, withReportConfig } from './charts.ts';
import { standardChart } from './chartKinds.ts';
import { esc, fillBlocks, markdownToHtml, parseMarkdown, placeholder, type MdBlock } from './markdown.ts';
import { numbered, withNumberedTitle } from './numbering.ts';
import { resolveParams } from './params.ts';
import { isSpecError, parseSpec } from './spec.ts';
import { evaluateSlot, fillTemplate, splitSlots, type SlotScope } from './slots.ts';
import { ReportSql, inlineReferences, withReusable } from './sqlBlock.ts';
import { tablesNamed, type SandboxAccess } from './sandbox.ts';
import { suppresses } from '../answer/pipeline.ts';
import { CellCache } from '../indicators/cellCache.ts';
import { buildTable, tableCsv, tableHtml, type BuiltTable } from './tables.ts';
import type { TopLevelSpec } from 'vega-lite';
import type {
  Block, BlockRef, Cell, DataBlock, Notebook, NotebookError, ParamValues, Result, SlotRecord,
} from './types.ts';

export interface RenderOptions {
  readonly db: Database;
  readonly config: AnalyticsConfig;
  /** Who asks (scope and small-cell policy as in the API); the local admin by default. */
  readonly who?: Principal;
}

export interface RenderedChart {
  readonly name: string;
  /** The numbered title drawn in the chart: `图3 分月出生人数…`. */
  readonly title: string;
  readonly line: number;
  readonly svg: string;
  /** The SVG's size in CSS pixels (about 16:9 or 4:3, see charts.ts `printSized`). */
  readonly width: number;
  readonly height: number;
  readonly spec: TopLevelSpec;
}
export interface RenderedTable { readonly name: string; readonly title: string; readonly line: number; readonly csv: string; readonly table: BuiltTable }

export interface RenderedReport {
  readonly notebook: string;
  readonly title: string;
  readonly description: string;
  readonly params: ParamValues;
  readonly meta: Readonly<Record<string, Cell>>;
  /** The report body as an HTML fragment (no page chrome, no styles). */
  readonly bodyHtml: string;
  readonly charts: readonly RenderedChart[];
  readonly tables: readonly RenderedTable[];
  readonly slots: readonly SlotRecord[];
  readonly errors: readonly NotebookError[];
  readonly results: ReadonlyMap<string, Result>;
  /** The body in order, for writers other than HTML (Word): narrative blocks with slots filled, charts and tables by index. */
  readonly outline: readonly OutlineItem[];
  readonly timings: ReportTimings;
}

export interface ReportTimings {
  readonly dataMs: number;
  readonly renderMs: number;
  readonly totalMs: number;
  /** Filling the sandbox of the `sql` blocks (0 without one). */
  readonly sandboxMs: number;
  /** Each data block from its start to its result; the blocks overlap (they run side by side). */
  readonly blockMs: Readonly<Record<string, number>>;
}

export type OutlineItem =
  | { readonly kind: 'markdown'; readonly blocks: readonly MdBlock[] }
  | { readonly kind: 'chart'; readonly index: number }
  | { readonly kind: 'table'; readonly index: number }
  | { readonly kind: 'error'; readonly text: string };

type Outcome = Result | { failed: string; block: BlockRef };

const ref = (b: Block): BlockRef => ({ kind: b.kind, name: 'name' in b ? b.name : 'text', line: b.line });
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
const KIND_ZH: Record<Block['kind'], string> = { markdown: '正文', sql: 'sql', indicator: 'indicator', chart: 'chart', table: 'table', bad: '代码' };

/** What a render's SQL may read: the asker's townships, and only published cells under suppression. */
function sandboxAccess(who: Principal, config: AnalyticsConfig): SandboxAccess {
  return {
    townships: who.scope.kind === 'county' ? 'all' : [...who.scope.codes],
    publishedOnly: suppresses({ config, who }),
    threshold: config.smallCell,
  };
}

export function errorHtml(e: NotebookError): string {
  const what = e.block.kind === 'markdown' ? '正文' : `${KIND_ZH[e.block.kind]} 块 “${e.block.name}”`;
  return `<div class="nb-error" role="alert"><strong>报告块出错：${esc(what)}（第${e.line}行）</strong> <span>${esc(e.message)}</span></div>`;
}

async function metaFor(notebook: Notebook, params: ParamValues, db: Database, names: ReadonlyMap<string, string>, span: [number, number]) {
  const info = Object.fromEntries((await db.query<{ key: string; value: string }>('meta/ingest_meta')).map((r) => [r.key, r.value]));
  const county = info.county_name || '全县';
  const townshipParam = notebook.params.find((p) => p.type.kind === 'township');
  const township = townshipParam ? String(params[townshipParam.name]) : 'all';
  const place = township === 'all' ? county : names.get(township) ?? township;
  const yearParam = notebook.params.find((p) => p.type.kind === 'year');
  const year = yearParam ? Number(params[yearParam.name]) : span[1];
  // "2024年", or "2024统计年度" when the report's `period` parameter asks for statistical years.
  const when = params.period === 'statyear' ? `${year}统计年度` : `${year}年`;
  return { county, place, township, when, first_year: span[0], last_year: span[1] } as Record<string, Cell>;
}

export async function renderNotebook(notebook: Notebook, rawParams: Readonly<Record<string, string>>, options: RenderOptions): Promise<RenderedReport> {
  const started = performance.now();
  const who = options.who ?? LOCAL_ADMIN;
  if (notebook.audience === 'county' && who.scope.kind !== COUNTY_SCOPE.kind) {
    throw new Forbidden('out_of_scope', `report ${notebook.name} shows county-wide figures; your account may see its own townships only`);
  }
  const data = await catalog(options.db);
  const params = resolveParams(notebook, rawParams, data, who.scope);
  const meta = await metaFor(notebook, params, options.db, data.names, [data.firstYear, data.lastYear]);
  const errors: NotebookError[] = [...notebook.frontMatterErrors];
  const outcomes = new Map<string, Outcome>();
  const scope: SlotScope = {
    params, meta,
    result: (name) => {
      const o = outcomes.get(name);
      return o && 'failed' in o ? { failed: o.failed, line: o.block.line } : o;
    },
  };
  const baseScope: SlotScope = { params, meta, result: () => undefined };
  const title = fillTemplate(notebook.title, baseScope);

  // 1. Data blocks, in parallel.
  const dataBlocks = notebook.blocks.filter((b): b is DataBlock => b.kind === 'sql' || b.kind === 'indicator');
  const ctx: SourceContext = { db: options.db, config: options.config, data, who, countyName: String(meta.county), cells: new CellCache() };
  const sqlTexts = dataBlocks.filter((b) => b.kind === 'sql').map((b) => b.text);
  const sandboxStarted = performance.now();
  const sql = sqlTexts.length > 0 ? await ReportSql.open(options.db, sandboxAccess(who, options.config), tablesNamed(withReusable(sqlTexts))) : null;
  const sandboxMs = performance.now() - sandboxStarted;
  const blockMs: Record<string, number> = {};
  // The blocks run in parallel, yet "earlier" below means earlier in the file: `map` starts the
  // callbacks in block order and each reads and updates `seen` and `earlierSql` before its first
  // `await`, so a repeated result name and a `${name}` reference see only the blocks above them.
  // Keep those lines ahead of any `await` (runDataBlock reaches them synchronously).
  const seen = new Set<string>();
  const earlierSql = new Map<string, string>();
  try {
    const settled = await Promise.all(dataBlocks.map(async (b): Promise<[DataBlock, Outcome]> => {
      const blockStarted = performance.now();
      const outcome = await runDataBlock(b);
      blockMs[b.name] = performance.now() - blockStarted;
      return outcome;
    }));
    async function runDataBlock(b: DataBlock): Promise<[DataBlock, Outcome]> {
      const block = ref(b);
      const fail = (msg: string, line = b.line): [DataBlock, Outcome] => {
        errors.push({ block, line, message: msg });
        return [b, { failed: msg, block }];
      };
      if (seen.has(b.name)) return fail(`result name "${b.name}" is used by an earlier block`);
      seen.add(b.name);
      try {
        if (b.kind === 'sql') {
          const text = inlineReferences(b.text, earlierSql);
          earlierSql.set(b.name, b.text);
          const { rows, columns } = await sql!.run(text, params);
          return [b, { name: b.name, block, rows, columns, provenance: {} }];
        }
        const filled = fillTemplate(b.text, baseScope);
        if (!filled.ok) return fail(filled.message, b.line + 1 + filled.lineOffset);
        return [b, await runIndicatorBlock(block, filled.text, ctx)];
      } catch (e) {
        return fail(message(e), isSpecError(e) ? b.line + 1 + e.lineOffset : b.line);
      }
    }
    // Promise.all answers in block order whatever finished first: a repeated name keeps the first block's result.
    for (const [b, o] of settled) if (!outcomes.has(b.name) || !('failed' in o)) outcomes.set(b.name, o);
  } finally {
    sql?.close();
  }
  const dataDone = performance.now();

  // 2. Blocks in order.
  const slots: SlotRecord[] = [];
  const charts: RenderedChart[] = [];
  const tables: RenderedTable[] = [];
  const html: string[] = [];
  const outline: OutlineItem[] = [];
  if (!title.ok) errors.push({ block: { kind: 'markdown', name: 'title', line: 1 }, line: 1, message: title.message });
  for (const e of notebook.frontMatterErrors) html.push(errorHtml(e));
  const lookup = (name: string): Result => {
    const o = outcomes.get(name);
    if (!o) throw new Error(`no result named "${name}" (results: ${[...outcomes.keys()].join(', ') || 'none'})`);
    if ('failed' in o) throw new Error(`result "${name}" is unavailable (its ${o.block.kind} block at line ${o.block.line} failed)`);
    return o;
  };
  for (const b of notebook.blocks) {
    const block = ref(b);
    const inPlace = (msg: string, line: number) => {
      const err = { block, line, message: msg };
      errors.push(err);
      html.push(errorHtml(err));
      outline.push({ kind: 'error', text: `报告块出错（第${line}行）：${msg}` });
    };
    switch (b.kind) {
      case 'markdown': {
        const md = renderMarkdown(b.text, block, scope, slots, errors);
        html.push(md.html);
        outline.push({ kind: 'markdown', blocks: md.blocks });
        break;
      }
      case 'sql':
      case 'indicator': {
        const o = outcomes.get(b.name);
        if (o && 'failed' in o && o.block.line === b.line) html.push(errorHtml(errors.find((e) => e.block.line === b.line && e.block.kind === b.kind)!));
        break;
      }
      case 'bad':
        inPlace(b.message, b.line);
        break;
      case 'chart':
      case 'table': {
        const filled = fillTemplate(b.text, scope);
        if (!filled.ok) { inPlace(filled.message, b.line + 1 + filled.lineOffset); break; }
        try {
          if (b.kind === 'chart') {
            const chart = await renderChart(b.name, b.line, filled.text, lookup, charts.length + 1);
            outline.push({ kind: 'chart', index: charts.length });
            charts.push(chart);
            html.push(`<figure class="nb-chart" id="chart-${esc(b.name)}" data-chart="${esc(b.name)}">${chart.svg.replace('<svg ', '<svg preserveAspectRatio="xMinYMin meet" ')}</figure>`);
          } else {
            const built = buildTable(parseSpec(filled.text), lookup);
            const table = { ...built, title: numbered(built.title || b.name, '表', tables.length + 1) };
            outline.push({ kind: 'table', index: tables.length });
            tables.push({ name: b.name, title: table.title, line: b.line, csv: tableCsv(table), table });
            html.push(tableHtml(table));
          }
        } catch (e) {
          inPlace(message(e), isSpecError(e) ? b.line + 1 + e.lineOffset : b.line);
        }
        break;
      }
    }
  }
  const done = performance.now();
  const results = new Map([...outcomes].filter((kv): kv is [string, Result] => !('failed' in kv[1])));
  return {
    notebook: notebook.name, title: title.ok ? title.text : notebook.title, description: notebook.description,
    params, meta, bodyHtml: html.join('\n'), charts, tables, slots, errors, results, outline,
    timings: { dataMs: dataDone - started, renderMs: done - dataDone, totalMs: done - started, sandboxMs, blockMs },
  };
}

function renderMarkdown(text: string, block: BlockRef, scope: SlotScope, slots: SlotRecord[], errors: NotebookError[]): { html: string; blocks: MdBlock[] } {
  const pieces: string[] = [];
  const plain: string[] = [];
  let withPlaceholders = '';
  for (const part of splitSlots(text)) {
    if ('literal' in part) { withPlaceholders += part.literal; continue; }
    const line = block.line + part.lineOffset;
    const r = evaluateSlot(part.expr, scope);
    if (r.ok) {
      slots.push({ block, line, expr: part.expr, text: r.text, value: r.value, kind: r.kind, source: r.source });
      pieces.push(esc(r.text));
      plain.push(r.text);
    } else {
      errors.push({ block, line, message: `{{ ${part.expr} }}: ${r.message}` });
      pieces.push(`<span class="nb-error nb-slot-error" title="${esc(r.message)}">〔出错：{{ ${esc(part.expr)} }}（第${line}行）${esc(r.message)}〕</span>`);
      plain.push(`〔出错：{{ ${part.expr} }}（第${line}行）${r.message}〕`);
    }
    withPlaceholders += placeholder(pieces.length - 1);
  }
  return {
    html: markdownToHtml(withPlaceholders, (i) => pieces[i] ?? ''),
    blocks: fillBlocks(parseMarkdown(withPlaceholders), (i) => plain[i] ?? ''),
  };
}

async function renderChart(name: string, line: number, text: string, lookup: (name: string) => Result, n: number): Promise<RenderedChart> {
  const rowsOf = (n: string) => lookup(n).rows;
  let spec: TopLevelSpec;
  if (text.trim().startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new Error(`the chart's Vega-Lite JSON does not parse: ${message(e)}`);
    }
    if (!json || typeof json !== 'object' || Array.isArray(json)) throw new Error('a chart block holds one Vega-Lite spec (a JSON object)');
    spec = bindData(json, rowsOf) as TopLevelSpec;
  } else {
    const fields = parseSpec(text);
    const dataName = fields.get('data')?.value;
    if (!dataName) throw new Error('a chart block needs "data:" (a result name) or a Vega-Lite JSON spec');
    spec = standardChart(fields, rowsOf);
  }
  spec = withNumberedTitle(spec, n, name);
  let sized: Awaited<ReturnType<typeof printSized>>;
  try {
    sized = await printSized(withReportConfig(spec));
  } catch (e) {
    throw new Error(`the chart spec does not render: ${message(e)}`);
  }
  const t = (spec as { title?: unknown }).title;
  const title = typeof t === 'string' ? t : t && typeof t === 'object' && typeof (t as { text?: unknown }).text === 'string' ? (t as { text: string }).text : name;
  return { name, title, line, svg: sized.svg, width: sized.width, height: sized.height, spec: sized.spec };
}
