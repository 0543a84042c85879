/**
 * @module pages/import
 * 数据导入, for the county's data administrator: upload the office files (or name a folder on the
 * server), check and correct the suggested mapping, dry-run it (per table: rows read, accepted,
 * quarantined by rule), then import with progress and see the result. Every message from the
 * server names the file, the column and the problem in Chinese.
 */
import { auth, DATA_CHANGED } from '../api.ts';
import { importApi, isApiFailure, type ImportStatus, type TableReport } from '../importApi.ts';
import { yearRanges } from '../../../contract/imports.ts';
import { colon, paren, type Lang } from '../i18n/index.ts';
import type { PageContext } from '../router.ts';
import { errorMessage, h, panel, table } from '../ui.ts';
import { formatInt } from '../format.ts';
import { mappingEditor, type MappingEditor } from './importMapping.ts';
import { openAgeNote } from './qualityTownships.ts';
import { w } from '../i18n/strings/import.ts';
import { ruleLabel, tableLabel, withCode } from './quality.ts';

const POLL_MS = 500;

function reportTable(id: string, tables: readonly TableReport[], lang: Lang): HTMLTableElement {
  const tbl = table(
    [w('table', lang), w('files', lang), w('rowsRead', lang), w('accepted', lang), w('quarantined', lang)],
    tables.map((t) => [
      tableLabel(t.table, lang), formatInt(t.files), formatInt(t.rowsRead), formatInt(t.rowsAccepted),
      Object.entries(t.quarantined).map(([rule, n]) => `${withCode(ruleLabel(rule, lang), rule, lang)} ${formatInt(n)}`).join(lang === 'zh' ? '；' : '; ') || '0',
    ]),
    new Set([1, 2, 3]),
  );
  tbl.id = id;
  [...tbl.tBodies[0]!.rows].forEach((tr, i) => { tr.dataset.table = tables[i]!.table; });
  return tbl;
}

/**
 * What the report's numbers do not say, under its table: tables with less than half the rows of the
 * last import, rows read that became more records (accepted and quarantined count records), rows left
 * out for having nothing in any column read (Excel's ',,,,'), files with a header and no rows, a
 * population graduated from 5-year groups or whose open age group was shared out. Null when there is
 * nothing to say.
 */
function reportNotes(id: string, tables: readonly TableReport[], lang: Lang): HTMLElement | null {
  const blank = tables.filter((t) => (t.blankRows ?? 0) > 0)
    .map((t) => h('li', { text: `${tableLabel(t.table, lang)}${colon(lang)}${formatInt(t.blankRows!)}` }));
  const empty = tables.flatMap((t) => (t.emptyFiles ?? []).map((f) => h('li', { text: `${tableLabel(t.table, lang)}${colon(lang)}${f}` })));
  const fell = tables.flatMap((t) => [
    ...(t.fellFrom !== undefined ? [`${tableLabel(t.table, lang)}${colon(lang)}${formatInt(t.rowsAccepted)} / ${formatInt(t.fellFrom)}`] : []),
    ...(t.fellParts ?? []).map((p) => `${tableLabel(t.table, lang)}${paren(w(p.part === 'in' ? 'dirIn' : 'dirOut', lang), lang)}${colon(lang)}${formatInt(p.now)} / ${formatInt(p.before)}`),
  ].map((text) => h('li', { text })));
  const records = tables.filter((t) => t.records !== undefined)
    .map((t) => h('li', { text: `${tableLabel(t.table, lang)}${colon(lang)}${formatInt(t.rowsRead)} → ${formatInt(t.records!)}` }));
  const lostYears = tables.flatMap((t) => t.lostYears ?? []);
  const parts = [
    ...(fell.length > 0 ? [h('p', { class: 'import-fell-note', text: w('fell', lang) }), h('ul', { class: 'import-fell' }, ...fell)] : []),
    ...(lostYears.length > 0 ? [h('p', { class: 'import-lost-years', text: w('lostYears', lang).replace('{years}', yearRanges(lostYears, lang === 'zh' ? '、' : ', ')) })] : []),
    ...(records.length > 0 ? [h('p', { text: w('records', lang) }), h('ul', { class: 'import-records' }, ...records)] : []),
    ...(blank.length > 0 ? [h('p', { text: w('blankRows', lang) }), h('ul', { class: 'import-blank' }, ...blank)] : []),
    ...(empty.length > 0 ? [h('p', { text: w('emptyFiles', lang) }), h('ul', { class: 'import-empty-files' }, ...empty)] : []),
    ...(tables.some((t) => t.graduated) ? [h('p', { class: 'import-graduated', text: w('graduated', lang) })] : []),
    ...openAgeNote(tables.flatMap((t) => t.openAgeFrom ?? []), lang, 'import-open-age'),
    ...tables.filter((t) => (t.totalLines ?? 0) > 0).map((t) => h('p', { class: 'import-total-lines', text: w('totalLines', lang).replace('{n}', formatInt(t.totalLines!)) })),
    ...tables.filter((t) => (t.linesAdded ?? 0) > 0).map((t) => h('p', { class: 'import-lines-added', text: w('linesAdded', lang).replace('{n}', formatInt(t.linesAdded!)) })),
  ];
  return parts.length > 0 ? h('div', { id, class: 'note' }, ...parts) : null;
}

function button(id: string, text: string, disabled = false): HTMLButtonElement {
  return h('button', { type: 'button', id, text, disabled });
}

export async function renderImport(root: HTMLElement, ctx: PageContext): Promise<void> {
  const { lang } = ctx;
  root.append(h('h2', { class: 'page-title', text: w('importPage', lang) }));
  const session = await auth.session();
  if (session.accessControl && session.user?.role !== 'admin') {
    root.append(h('p', { class: 'scope-note', id: 'import-admin-only', role: 'note', text: w('adminOnly', lang) }));
    return;
  }
  // Each step says what it is doing, and what went wrong, under its own button: a failed import's
  // message in step 1's line was a screen above the button that was clicked.
  const statusLine = (id: string) => h('p', { id, class: 'import-status note', role: 'status', 'aria-live': 'polite' });
  const status = statusLine('import-status');
  const saveStatus = statusLine('import-save-status');
  const dryRunStatus = statusLine('import-dryrun-status');
  const runStatus = statusLine('import-run-status');
  const say = (line: HTMLElement, text: string, error = false) => {
    line.textContent = text;
    line.className = `import-status ${error ? 'error' : 'note'}`;
    line.setAttribute('role', error ? 'alert' : 'status');
    if (error) line.scrollIntoView({ block: 'nearest' });
  };
  let sessionId: string | null = null;
  let editor: MappingEditor | null = null;

  const files = h('input', { type: 'file', id: 'import-files', multiple: true, accept: '.csv,.tsv,.txt,.xlsx,.xls,.et,.geojson,.topojson' });
  const upload = button('import-upload', w('upload', lang));
  const folder = h('input', { type: 'text', id: 'import-folder', placeholder: '/path/to/exports', size: 40 });
  const useFolder = button('import-use-folder', w('useFolder', lang));
  root.append(h('p', { class: 'note', text: w('intro', lang) }));
  root.append(panel('import-step1', w('step1', lang),
    h('div', { class: 'controls' }, h('label', { class: 'field', for: files.id }, h('span', { text: w('chooseFiles', lang) }), files), upload),
    h('div', { class: 'controls' }, h('label', { class: 'field', for: folder.id }, h('span', { text: w('orFolder', lang) }), folder), useFolder),
    status));

  const mappingBox = h('div', { id: 'import-mapping' });
  const save = button('import-save', w('saveMapping', lang), true);
  root.append(panel('import-step2', w('step2', lang), mappingBox, save, saveStatus));
  const dryRun = button('import-dryrun', w('dryRun', lang), true);
  const dryResult = h('div', { id: 'import-dryrun-result' });
  // offered only once a dry run or import stopped because data the county has would be emptied; it confirms
  // exactly the tables that stop named (its message lists them), and only for this upload's mapping
  const allowEmptied = h('input', { type: 'checkbox', id: 'import-allow-emptied' });
  const allowEmptiedLabel = h('span', { text: w('allowEmptied', lang) });
  const allowEmptiedBox = h('label', { class: 'import-allow-emptied', for: allowEmptied.id, hidden: true }, allowEmptied, allowEmptiedLabel);
  let emptyable: readonly string[] = [];
  const offerEmptying = (code: string | null, tables: readonly string[] | null) => {
    if (code !== 'import_table_vanished' || !tables) return;
    emptyable = tables;
    allowEmptied.checked = false;
    allowEmptiedLabel.textContent = `${w('allowEmptied', lang)}${colon(lang)}${tables.map((t) => tableLabel(t as TableReport['table'], lang)).join(lang === 'zh' ? '、' : ', ')}`;
    allowEmptiedBox.hidden = false;
  };
  const confirmed = () => (allowEmptied.checked && !allowEmptiedBox.hidden ? [...emptyable] : []);
  const unconfirm = () => {
    emptyable = [];
    allowEmptied.checked = false;
    allowEmptiedBox.hidden = true;
  };
  root.append(panel('import-step3', w('step3', lang), dryRun, dryRunStatus, allowEmptiedBox, dryResult));
  const run = button('import-run', w('runImport', lang), true);
  const progress = h('pre', { id: 'import-progress', class: 'note' });
  const result = h('div', { id: 'import-result' });
  // office files carry the county's code, not its name: the name in use, changeable here
  const named = !/^\d+$/.test(ctx.meta.county.name);
  const countyName = h('input', { type: 'text', id: 'import-county-name', maxlength: 30, size: 16, value: named ? ctx.meta.county.name : undefined, placeholder: w('countyNamePlaceholder', lang) });
  root.append(panel('import-step4', w('step4', lang),
    h('div', { class: 'controls' }, h('label', { class: 'field', for: countyName.id }, h('span', { text: w('countyName', lang) }), countyName), run),
    runStatus, progress, result));

  const steps = [save, dryRun, run];
  const busy = async (what: string, line: HTMLElement, task: () => Promise<void>) => {
    for (const b of [upload, useFolder, ...steps, allowEmptied]) b.disabled = true;
    for (const l of [status, saveStatus, dryRunStatus, runStatus]) if (l !== line) say(l, '');
    say(line, what);
    try {
      await task();
    } catch (e) {
      say(line, isApiFailure(e) ? e.message : errorMessage(e), true);
      if (isApiFailure(e)) offerEmptying(e.code, e.tables);
    } finally {
      upload.disabled = false;
      useFolder.disabled = false;
      allowEmptied.disabled = false;
      // the later steps need a mapping shown: an upload whose files could not be read has none
      for (const b of steps) b.disabled = sessionId === null || editor === null;
    }
  };
  const showMapping = async () => {
    if (!sessionId) return;
    const answer = await importApi.mapping(sessionId);
    editor = mappingEditor(answer, lang);
    mappingBox.replaceChildren(editor.element);
    mappingBox.dataset.ready = 'true';
  };

  const forget = () => {
    sessionId = null;
    editor = null;
    delete mappingBox.dataset.ready;
    mappingBox.replaceChildren();
    dryResult.replaceChildren();
    // the confirmation answers one stop of one upload: a new upload, or the import it allowed, asks again
    unconfirm();
  };
  upload.addEventListener('click', () => void busy(w('uploading', lang), status, async () => {
    forget();
    // the last import's result and progress belong to the files before these
    result.replaceChildren();
    progress.textContent = '';
    const chosen = [...(files.files ?? [])];
    if (chosen.length === 0) throw new Error(w('noFiles', lang));
    sessionId = (await importApi.upload(chosen)).id;
    await showMapping();
    say(status, chosen.map((f) => f.name).join(lang === 'zh' ? '、' : ', '));
  }));
  useFolder.addEventListener('click', () => void busy(w('uploading', lang), status, async () => {
    forget();
    sessionId = (await importApi.folder(folder.value.trim())).id;
    await showMapping();
    say(status, folder.value.trim());
  }));
  save.addEventListener('click', () => void busy(w('saveMapping', lang), saveStatus, async () => {
    if (!sessionId || !editor) return;
    await importApi.saveMapping(sessionId, editor.read(), editor.ignored());
    await showMapping();
    say(saveStatus, w('saved', lang));
  }));
  dryRun.addEventListener('click', () => void busy(w('dryRunning', lang), dryRunStatus, async () => {
    if (!sessionId || !editor) return;
    const drop = confirmed(); // as ticked when clicked
    dryResult.replaceChildren(); // a refused dry run leaves no earlier report standing
    await importApi.saveMapping(sessionId, editor.read(), editor.ignored());
    const report = await importApi.dryRun(sessionId, drop);
    // what the import itself would refuse (a table whose every row breaks a rule), said before it is tried
    const stops = report.tables.flatMap((t) => (t.wouldStop ? [t.wouldStop] : []));
    const warning = stops.length > 0
      ? h('div', { id: 'import-would-stop', class: 'error', role: 'alert' }, h('strong', { text: w('wouldStop', lang) }), h('ul', {}, ...stops.map((s) => h('li', { text: s }))))
      : null;
    dryResult.replaceChildren(h('p', { class: 'note', text: w('dryRunNote', lang) }), ...(warning ? [warning] : []), reportTable('import-dryrun-table', report.tables, lang),
      ...[reportNotes('import-dryrun-notes', report.tables, lang)].filter((e) => e !== null));
    say(dryRunStatus, stops.length > 0 ? w('wouldStopSee', lang) : '', stops.length > 0); // the result below says the rest
  }));
  run.addEventListener('click', () => void busy(w('importing', lang), runStatus, async () => {
    if (!sessionId || !editor) return;
    const drop = confirmed();
    await importApi.saveMapping(sessionId, editor.read(), editor.ignored());
    await importApi.run(sessionId, countyName.value.trim() || undefined, drop);
    const final = await poll(sessionId, (s) => { progress.textContent = s.messages.slice(-8).join('\n'); });
    if (final.state === 'failed') {
      offerEmptying(final.errorCode, final.errorTables);
      throw new Error(`${w('failed', lang)}${final.error ?? ''}`);
    }
    // the shell's answers and facts (county name, townships, years) are of the old data: it forgets them
    window.dispatchEvent(new Event(DATA_CHANGED));
    result.replaceChildren(
      h('p', { class: 'note', id: 'import-done', text: w('imported', lang) }),
      reportTable('import-result-table', final.tables ?? [], lang),
      ...[reportNotes('import-result-notes', final.tables ?? [], lang)].filter((e) => e !== null),
      h('p', {}, h('a', { href: `/?page=quality${lang === 'en' ? '&lang=en' : ''}`, text: w('byTownship', lang) })),
    );
    say(runStatus, ''); // the result below says it
    // the session is gone: its mapping and its problems (solved, or they would have stopped it) with it
    forget();
  }));
}

async function poll(id: string, onProgress: (s: ImportStatus) => void): Promise<ImportStatus> {
  for (;;) {
    const s = await importApi.status(id);
    onProgress(s);
    if (s.state === 'done' || s.state === 'failed') return s;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}
