/**
 * @module ui
 * Small DOM builders shared by the pages: elements, labelled selects, headline cards, and the
 * chart panel (title, loading/empty/error states, the small-numbers warning, the chart, and a
 * CSV button that downloads the rows behind the chart and records the export in the audit trail).
 *
 * @example
 * const panel = chartPanel('srb-series', t('srbSeries'));
 * await panel.show({ spec, rows, fileName: 'srb', lang });
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Result } from 'vega-embed';
import { auditExport } from './api.ts';
import { downloadBlob, downloadText, type CsvRow } from './csv.ts';
import { renderChart } from './embed.ts';
import { exportCsv, exportTable, exportXlsx } from './exportRows.ts';
import { colon, currentLang, errorCodeText, t, type Lang } from './i18n/index.ts';

type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K, attrs: Record<string, string | number | boolean | undefined> = {}, ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'class') el.className = String(v);
    else if (k === 'text') el.textContent = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

export interface Option { value: string; label: string }

/** A `<label>` wrapping a `<select>`; `onChange` gets the new value. */
export function selectField(id: string, label: string, options: readonly Option[], value: string, onChange: (v: string) => void): HTMLLabelElement {
  const select = h('select', { id, name: id });
  for (const o of options) select.add(new Option(o.label, o.value, false, o.value === value));
  select.value = value;
  select.addEventListener('change', () => onChange(select.value));
  return h('label', { class: 'field', for: id }, h('span', { text: label }), select);
}

/** A group of checkboxes (for choosing several townships), announced as one group. */
export function checkboxGroup(id: string, legend: string, options: readonly Option[], checked: ReadonlySet<string>, onChange: (values: string[]) => void): HTMLFieldSetElement {
  const fs = h('fieldset', { id, class: 'checks' }, h('legend', { text: legend }));
  const boxes: HTMLInputElement[] = [];
  for (const o of options) {
    const box = h('input', { type: 'checkbox', value: o.value, id: `${id}-${o.value}`, checked: checked.has(o.value) });
    box.checked = checked.has(o.value);
    boxes.push(box);
    box.addEventListener('change', () => onChange(boxes.filter((b) => b.checked).map((b) => b.value)));
    fs.append(h('label', { for: box.id }, box, o.label));
  }
  return fs;
}

/**
 * A number input. `refused`: a value given (in the link) that was not used, shown as given and
 * marked, with why under it.
 */
export function numberField(
  id: string, label: string, value: number | undefined, attrs: { min: number; max: number; step: number; placeholder?: string },
  onChange: (v: number | undefined) => void, refused?: { value: string; why: string },
): HTMLLabelElement {
  const shown = refused?.value ?? (value === undefined ? undefined : String(value));
  const input = h('input', {
    id, name: id, type: 'number', min: attrs.min, max: attrs.max, step: attrs.step, placeholder: attrs.placeholder, value: shown,
    ...(refused ? { 'aria-invalid': 'true', 'aria-describedby': `${id}-refused` } : {}),
  });
  input.addEventListener('change', () => {
    const n = input.value === '' ? undefined : Number(input.value);
    onChange(n === undefined || Number.isFinite(n) ? n : undefined);
  });
  return h('label', { class: 'field', for: id }, h('span', { text: label }), input,
    refused ? h('span', { class: 'field-refused', id: `${id}-refused`, text: refused.why }) : null);
}

export function controls(...children: Child[]): HTMLElement {
  return h('div', { class: 'controls', role: 'group' }, ...children);
}

export interface CardInput { id: string; label: string; value: string; sub?: string; change?: string; changeLabel?: string; tone?: 'good' | 'bad' | 'neutral'; small?: boolean; lang: Lang }

export function card(c: CardInput): HTMLElement {
  return h('article', { class: `card${c.tone ? ` tone-${c.tone}` : ''}`, 'data-card': c.id },
    h('h3', { text: c.label }),
    h('p', { class: 'card-value', text: c.value }),
    c.sub ? h('p', { class: 'card-sub', text: c.sub }) : null,
    c.change ? h('p', { class: 'card-change' }, h('span', { class: 'muted', text: `${c.changeLabel ?? ''} ` }), c.change) : null,
    c.small ? h('p', { class: 'small-badge', text: `⚠ ${t('smallWarning', c.lang)}` }) : null,
  );
}

/** `marked`: whether the chart draws small points hollow (the map does not mark them). */
export function smallWarning(count: number, threshold: number, lang: Lang, marked = true): HTMLElement {
  return h('p', { class: 'small-warning', role: 'note', 'data-small': count },
    h('strong', { text: `⚠ ${t('smallWarning', lang)}${colon(lang)}` }),
    `${count}${t(marked ? 'smallWarningText' : 'smallWarningTextUnmarked', lang).replace('{n}', String(threshold))}`);
}

export interface ShowInput {
  spec: TopLevelSpec;
  /** The rows behind the chart, written as CSV or XLSX by the panel's buttons (rounded, Chinese labels and words). */
  rows: readonly CsvRow[];
  /** Says what the file holds (pages/pageLabels.ts `fileName`), without an extension. */
  fileName: string;
  /** The unit of the rows' `value` (persons, ‰, %, ratio, years): how it is rounded in the file. */
  unit?: string;
  /** Township names for rows that carry only a code. */
  names?: (code: string) => string;
  lang: Lang;
  /** Rows marked small: a warning appears above the chart. */
  smallCount?: number;
  smallThreshold?: number;
  /** Whether the chart marks small rows (hollow points); the map does not. */
  smallMarked?: boolean;
  /** Townships the chart shows without a value (the map's grey ones): a note says so. */
  noValueCount?: number;
  /** The title a saved picture carries when the panel's heading does not say enough on its own (the map's place, year and indicator). */
  imageTitle?: string;
  /**
   * The same chart drawn for an A4 page (a full-width chart scaled into it printed its labels at
   * about 3 pt): drawn beside the screen's, shown only in print, in its place.
   */
  printSpec?: TopLevelSpec;
}

/** A chart the server drew (the overview map): its SVG, and its spec only when a picture is saved. */
export interface PictureInput extends Omit<ShowInput, 'spec'> {
  svg: string;
  spec: () => Promise<TopLevelSpec>;
}

export interface ChartPanel {
  readonly element: HTMLElement;
  readonly body: HTMLElement;
  show(input: ShowInput): Promise<Result | null>;
  /** Inserts a chart drawn on the server (no chart library is loaded until a picture is saved). */
  showPicture(input: PictureInput): void;
  empty(message?: string): void;
  fail(e: unknown): void;
}

/**
 * A failure in the planner's language: for an API error, what its code means, then the server's
 * message (which names the parameter or file at fault); otherwise the error's own message.
 * The code is read off the thrown error (the API client's failures carry `code`).
 */
export function errorMessage(e: unknown, lang: Lang = currentLang()): string {
  const detail = e instanceof Error ? e.message : String(e);
  const code = errorCode(e);
  const meaning = code === null ? null : errorCodeText(code, lang);
  if (meaning === null) return detail;
  return lang === 'zh' ? `${meaning}（${detail}）` : `${meaning} (${detail})`;
}

function errorCode(e: unknown): string | null {
  const code: unknown = e instanceof Error ? (e as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : null;
}

/** A titled panel with a chart slot; `show` renders, `empty`/`fail` say why there is no chart. */
export function chartPanel(id: string, title: string, lang: Lang, note?: string, wide = false): ChartPanel {
  const headingId = `${id}-title`;
  const body = h('div', { class: 'chart', id: `${id}-chart`, role: 'figure', 'aria-labelledby': headingId });
  const warn = h('div', { class: 'warn-slot' });
  const tools = h('div', { class: 'chart-tools' });
  const element = h('section', { class: `panel chart-panel${wide ? ' wide' : ''}`, id, 'aria-labelledby': headingId, 'data-state': 'loading', 'aria-busy': 'true' },
    h('div', { class: 'panel-head' }, h('h2', { id: headingId, text: title }), tools),
    note ? h('p', { class: 'note', text: note }) : null,
    warn, body);
  body.append(h('p', { class: 'loading', text: t('loading', lang) }));
  const done = (state: string) => {
    element.dataset.state = state;
    element.setAttribute('aria-busy', 'false');
  };
  const prepare = (input: Omit<ShowInput, 'spec'>, spec: SpecSource) => {
    body.replaceChildren();
    warn.replaceChildren();
    tools.replaceChildren();
    if (input.smallCount) warn.append(smallWarning(input.smallCount, input.smallThreshold ?? 5, lang, input.smallMarked ?? true));
    if (input.noValueCount) warn.append(h('p', { class: 'note', role: 'note', 'data-no-value': input.noValueCount, text: `${input.noValueCount}${t('mapNoValue', lang)}` }));
    tools.append(...imageButtons(id, spec, input.imageTitle ?? title, input.fileName, lang),
      ...downloadButtons(id, () => exportTable(input.rows, { unit: input.unit, lang, names: input.names }), input.fileName, lang));
    element.dataset.rows = String(input.rows.length);
  };
  return {
    element, body,
    showPicture(input) {
      prepare(input, input.spec);
      // the server's own SVG (Vega's output: text escaped, no scripts), inserted as markup
      body.innerHTML = input.svg;
      done('ready');
    },
    async show(input) {
      prepare(input, input.spec);
      try {
        const result = await renderChart(body, input.spec, lang, input.fileName);
        element.querySelector('.chart.print-only')?.remove();
        body.classList.toggle('screen-only', input.printSpec !== undefined);
        if (input.printSpec) {
          const printed = h('div', { class: 'chart print-only', 'aria-hidden': 'true' });
          body.after(printed);
          await renderChart(printed, input.printSpec, lang, input.fileName);
        }
        done('ready');
        return result;
      } catch (e) {
        this.fail(e);
        return null;
      }
    },
    empty(message) {
      body.replaceChildren(h('p', { class: 'empty', text: message ?? t('empty', lang) }));
      tools.replaceChildren();
      element.dataset.rows = '0';
      done('empty');
    },
    fail(e) {
      body.replaceChildren(h('p', { class: 'error', role: 'alert', text: t('loadFailed', lang) + errorMessage(e) }));
      done('error');
    },
  };
}

/** PNG and SVG buttons: the chart with its title in the image, white, at most 16:9 (chartExport.ts). */
type SpecSource = TopLevelSpec | (() => Promise<TopLevelSpec>);

function imageButtons(id: string, spec: SpecSource, title: string, fileName: string, lang: Lang): HTMLButtonElement[] {
  return (['png', 'svg'] as const).map((format) => {
    const b = h('button', { type: 'button', class: 'csv', 'data-image': `${id}-${format}`, text: `${t('saveImage', lang)} ${format.toUpperCase()}` });
    b.addEventListener('click', () => {
      b.disabled = true;
      void Promise.all([import('./chartExport.ts'), typeof spec === 'function' ? spec() : spec])
        .then(([{ chartImage }, s]) => chartImage(s, title, format))
        .then((blob) => { downloadBlob(blob, `${fileName}.${format}`); auditExport(id); })
        .finally(() => { b.disabled = false; });
    });
    return b;
  });
}

/** CSV and XLSX buttons for a table of rows; each download is recorded in the audit trail. */
export function downloadButtons(id: string, table: () => ReturnType<typeof exportTable>, fileName: string, lang: Lang): HTMLButtonElement[] {
  const csv = h('button', { type: 'button', class: 'csv', 'data-csv': id, text: t('downloadCsv', lang) });
  csv.addEventListener('click', () => {
    downloadText(exportCsv(table()), `${fileName}.csv`);
    auditExport(id);
  });
  const xlsx = h('button', { type: 'button', class: 'csv', 'data-xlsx': id, text: 'Excel' });
  xlsx.addEventListener('click', () => {
    xlsx.disabled = true;
    void exportXlsx(table(), fileName).then((blob) => {
      downloadBlob(blob, `${fileName}.xlsx`);
      auditExport(id);
    }).finally(() => { xlsx.disabled = false; });
  });
  return [csv, xlsx];
}

/** A plain panel (tables, cards) with the same look. */
export function panel(id: string, title: string, ...children: Child[]): HTMLElement {
  return h('section', { class: 'panel', id, 'aria-labelledby': `${id}-title` }, h('h2', { id: `${id}-title`, text: title }), ...children);
}

/** A table from header cells and rows of cells; numeric columns right-aligned. */
export function table(headers: readonly string[], rows: readonly (readonly (string | Node)[])[], numeric: ReadonlySet<number> = new Set(), caption?: string): HTMLTableElement {
  const tbl = h('table', {}, caption ? h('caption', { text: caption }) : null);
  const head = h('thead', {}, h('tr', {}, ...headers.map((x, i) => h('th', { scope: 'col', class: numeric.has(i) ? 'num' : undefined, text: x }))));
  const body = h('tbody');
  for (const r of rows) body.append(h('tr', {}, ...r.map((c, i) => h('td', { class: numeric.has(i) ? 'num' : undefined }, c))));
  tbl.append(head, body);
  return tbl;
}

/** A short note where a county-wide view is not open to a township account (instead of a 403 error). */
export function scopeNote(id: string, text: string, ...extra: Child[]): HTMLElement {
  return h('p', { class: 'scope-note', id, role: 'note', 'data-scope-note': 'true' }, text, ...extra);
}
