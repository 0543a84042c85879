/**
 * @module pages/importMapping
 * The mapping editor of the 数据导入 page: per uploaded file, the table it was recognised as (a
 * select), a migrant file's direction, and per column the suggested field (a select), how surely
 * it was recognised and a few sample values (never shown for names or ID numbers). `read()`
 * gives back the mapping as corrected.
 */
import type { FileMapping, MappingAnswer, Suggestion } from '../importApi.ts';
import { colon, paren, type Lang } from '../i18n/index.ts';
import { h, table } from '../ui.ts';
import { formatInt } from '../format.ts';
import { w, type ImportWord } from '../i18n/strings/import.ts';

const IGNORE = 'ignore';
const CONFIDENCE_WORD: Record<string, ImportWord> = { exact: 'exact', close: 'close', personal: 'personal', none: 'none' };

export interface MappingEditor {
  readonly element: HTMLElement;
  read(): FileMapping[];
  /** Files and sheets set to 不导入 (no table): saved as the mapping's `ignore:` list. */
  ignored(): string[];
}

/** The table select's value for a file nobody has placed yet. */
const UNDECIDED = '?';

function fieldSelect(answer: MappingAnswer, tableName: string, value: string, lang: Lang, header: string): HTMLSelectElement {
  const select = h('select', { class: 'map-field', 'data-header': header, 'aria-label': `${w('field', lang)}${colon(lang)}${header}` });
  select.add(new Option(`${IGNORE} ${w('ignore', lang)}`, IGNORE));
  for (const f of answer.fields[tableName] ?? []) select.add(new Option(`${f.name} — ${f.zh}`, f.name));
  select.value = [...select.options].some((o) => o.value === value) ? value : IGNORE;
  return select;
}

function fileSection(answer: MappingAnswer, s: Suggestion, i: number, lang: Lang): { section: HTMLElement; read(): FileMapping | null; ignored(): boolean } {
  const tableSelect = h('select', { id: `map-table-${i}`, class: 'map-table' });
  // a file no table fits is undecided, not 不导入: left so, it stays a problem and the dry run is refused
  // (taken silently for 不导入, a county's deaths file with unknown headers was dropped and the table emptied)
  const undecided = s.table === null && !s.ignored;
  if (undecided) tableSelect.add(new Option(w('chooseTable', lang), UNDECIDED));
  tableSelect.add(new Option(w('notImported', lang), ''));
  for (const t of answer.tables) tableSelect.add(new Option(`${t.name} — ${lang === 'zh' ? t.zh : t.en}`, t.name));
  tableSelect.value = s.table ?? (undecided ? UNDECIDED : '');
  const direction = h('select', { id: `map-direction-${i}`, class: 'map-direction' });
  direction.add(new Option(w('dirNone', lang), ''));
  direction.add(new Option(w('dirIn', lang), 'in'));
  direction.add(new Option(w('dirOut', lang), 'out'));
  direction.value = s.direction ?? '';
  const directionField = h('label', { class: 'field', for: direction.id }, h('span', { text: w('direction', lang) }), direction);
  const selects: HTMLSelectElement[] = [];
  const body = h('div', { class: 'map-columns' });
  const build = (tableName: string) => {
    selects.length = 0;
    const rows = s.columns.map((c) => {
      const select = fieldSelect(answer, tableName, tableName === s.table ? c.field : IGNORE, lang, c.header);
      select.addEventListener('change', () => {
        const tr = select.closest('tr');
        tr?.setAttribute('data-edited', 'true');
        // the recognition no longer stands: the planner chose
        const said = tr?.cells[2];
        if (said) said.textContent = w('edited', lang);
      });
      selects.push(select);
      const sure = w(CONFIDENCE_WORD[c.confidence] ?? 'none', lang);
      const samples = c.samples.length > 0 ? c.samples.join(lang === 'zh' ? '，' : ', ') : c.confidence === 'personal' ? w('hidden', lang) : '';
      return [c.header, select, sure, samples];
    });
    const tbl = table([w('column', lang), w('field', lang), w('confidence', lang), w('samples', lang)], rows);
    [...tbl.tBodies[0]!.rows].forEach((tr, j) => {
      tr.dataset.header = s.columns[j]!.header;
      tr.dataset.confidence = s.columns[j]!.confidence;
    });
    // a file that could not be opened has no columns: its problem above says why
    body.replaceChildren(...(s.columns.length > 0 ? [tbl] : []));
    directionField.hidden = tableName !== 'migrants';
  };
  build(s.table ?? '');
  tableSelect.addEventListener('change', () => build(tableSelect.value));
  const section = h('section', { class: 'map-file', 'data-source': s.source },
    h('h3', { text: s.ignored ? `${s.source}${paren(w('notImported', lang), lang)}` : s.encoding ? `${s.source}${paren(s.encoding, lang)}` : s.source }),
    h('div', { class: 'controls' }, h('label', { class: 'field', for: tableSelect.id }, h('span', { text: w('table', lang) }), tableSelect), directionField),
    body);
  return {
    section,
    ignored: () => tableSelect.value === '',
    read() {
      const tableName = tableSelect.value;
      if (!tableName || tableName === UNDECIDED) return null;
      const columns: Record<string, string> = {};
      selects.forEach((sel, j) => { columns[s.columns[j]!.header] = sel.value; });
      return {
        file: s.file, ...(s.sheet ? { sheet: s.sheet } : {}), table: tableName as FileMapping['table'],
        direction: tableName === 'migrants' && direction.value ? (direction.value as 'in' | 'out') : null, columns,
      };
    },
  };
}

export function mappingEditor(answer: MappingAnswer, lang: Lang): MappingEditor {
  const sections = answer.suggestions.map((s, i) => fileSection(answer, s, i, lang));
  const b = answer.boundaries;
  const problems = [...answer.suggestions.flatMap((s) => s.problems), ...(b && 'problem' in b ? [b.problem] : [])];
  const problemBox = problems.length > 0
    ? h('div', { id: 'import-problems', class: 'error', role: 'alert' }, h('strong', { text: w('problems', lang) }), h('ul', {}, ...problems.map((p) => h('li', { text: p }))))
    : h('p', { id: 'import-problems', class: 'note', 'data-empty': 'true', text: w('noProblems', lang) });
  const notes = answer.suggestions.flatMap((s) => s.notes ?? []);
  const noteBox = notes.length > 0 ? h('div', { id: 'import-notes', class: 'note' }, h('ul', {}, ...notes.map((n) => h('li', { text: n })))) : null;
  return {
    element: h('div', {}, h('p', { class: 'note', text: w('mappingNote', lang) }), problemBox, noteBox, boundaryNote(b, lang), ...sections.map((x) => x.section)),
    read: () => sections.flatMap((x) => { const m = x.read(); return m ? [m] : []; }),
    ignored: () => answer.suggestions.filter((_, i) => sections[i]!.ignored()).map((s) => s.source),
  };
}

/** Whether the map will have township boundaries: the file and its township count, or the bars it falls back to. */
function boundaryNote(b: MappingAnswer['boundaries'], lang: Lang): HTMLElement {
  const text = b === null ? w('noBoundaries', lang)
    : 'problem' in b ? `${w('boundaries', lang)}${b.file} ${w('boundariesBad', lang)}`
    : `${w('boundaries', lang)}${b.file}${w('boundariesTownships', lang).replace('{n}', formatInt(b.townships))}`;
  return h('p', { id: 'import-boundaries', class: 'note', 'data-file': b?.file ?? '', text });
}
