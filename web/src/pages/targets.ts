/**
 * @module pages/targets
 * 目标: the targets in force for a year (county, and townships with their own), where each comes
 * from (default, the export folder's targets file, or an edit made here by whom), a form for
 * admins to set one (checked here in Chinese before it is sent, and again by the server), and the
 * year-to-date progress against them (双过半) with the full-year estimate. State: `year=&through=`.
 */
import { assessmentApi, type Direction, type ShownTarget, type TargetsAnswer } from '../assessmentApi.ts';
import { formatDec, formatValue, minusSign } from '../format.ts';
import { paren, t, tf, type Lang, type StringKey } from '../i18n/index.ts';
import { enumParam, intParam, type PageContext } from '../router.ts';
import { controls, errorMessage, h, panel, selectField, table } from '../ui.ts';
import { townshipName, townshipOptions, yearOptions } from './pageLabels.ts';
import { birthsYear, defaultThroughMonth, monthsWithBirths } from '../../../contract/assessment.ts';

const SOURCE_KEYS: Record<string, StringKey> = { default: 'sourceDefault', file: 'sourceFile', edit: 'sourceEdit' };
const DIRECTIONS: [Direction, StringKey][] = [['at_least', 'atLeast'], ['at_most', 'atMost'], ['between', 'between']];

function sourceText(tg: ShownTarget, lang: Lang): string {
  const base = t(SOURCE_KEYS[tg.source] ?? 'sourceDefault', lang);
  if (tg.source === 'edit') return `${base}${paren(`${tg.by ?? ''} ${tg.at?.slice(0, 10) ?? ''}`, lang)}`;
  if (tg.source === 'file') return `${base}${paren(tg.by ?? '', lang)}`;
  return base;
}

function measureName(answer: TargetsAnswer, id: string, lang: Lang): string {
  return answer.measures.find((m) => m.id === id)?.name[lang] ?? id;
}

export async function renderTargets(root: HTMLElement, ctx: PageContext): Promise<void> {
  const { meta, lang, params } = ctx;
  // a year whose births are in but not its year-end population (a monthly refresh) is followed too
  const lastYear = Math.max(meta.years.to, birthsYear(meta.years.birthsLastMonth) ?? meta.years.to);
  const year = intParam(params, 'year', meta.years.from, lastYear, lastYear);
  // the year still open offers the months its births are in
  const months = monthsWithBirths(meta.years.birthsLastMonth, year);
  const through = intParam(params, 'through', 1, Math.max(1, months), defaultThroughMonth(meta.years.birthsLastMonth, year));
  // 双过半 progress of the county, or of one township: a township account sees its own
  const places = townshipOptions(meta, lang, ctx.county);
  const place = enumParam(params, 'township', places.map((o) => o.value), places[0]?.value ?? 'all');
  root.append(
    h('h2', { class: 'page-title', text: `${t('targetsPage', lang)} · ${year}` }),
    controls(
      selectField('year', t('year', lang), yearOptions(meta.years.from, lastYear), String(year), (v) => ctx.set({ year: v, through: null })),
      selectField('through', t('throughMonth', lang), Array.from({ length: Math.max(1, months) }, (_, i) => ({ value: String(i + 1), label: tf('monthOf', lang, { month: i + 1 }) })), String(through), (v) => ctx.set({ through: v })),
      selectField('progress-township', t('place', lang), places, place, (v) => ctx.set({ township: v })),
    ),
  );
  const answer = await assessmentApi.targets(year);
  const rowFor = (tg: ShownTarget, withPlace: boolean) => {
    const cells: (string | Node)[] = [measureName(answer, tg.measure, lang)];
    if (withPlace) cells.push(townshipName(meta, tg.scope, lang), tg.year === null ? t('everyYear', lang) : String(tg.year));
    // a rate's target with its unit: ≥ 99%, not ≥ 99 beside a column of percentages
    const unit = answer.measures.find((m) => m.id === tg.measure)?.unit;
    cells.push(minusSign(`${tg.rule}${unit === '%' || unit === '‰' ? unit : ''}`), sourceText(tg, lang));
    if (answer.canEdit && tg.source === 'edit') {
      const undo = h('button', { type: 'button', class: 'link', 'data-remove': `${tg.measure}|${tg.scope}|${tg.year ?? ''}`, text: t('removeEdit', lang) });
      undo.addEventListener('click', () => void assessmentApi.removeTarget({ measure: tg.measure, scope: tg.scope, year: tg.year }).then(() => ctx.set({})));
      cells.push(undo);
    } else if (answer.canEdit) cells.push('');
    return cells;
  };
  const county = answer.effective.filter((e) => e.place === 'all');
  const own = answer.set.filter((s) => s.scope !== 'all');
  const headers = [t('measure', lang), t('targetRule', lang), t('source', lang), ...(answer.canEdit ? [''] : [])];
  const countyTable = table(headers, county.map((tg) => rowFor(tg, false)));
  countyTable.id = 'targets-table';
  root.append(
    panel('targets-county', t('targetsInForce', lang), countyTable, h('p', { class: 'note', text: t('targetsFileNote', lang) })),
    panel('targets-townships', t('targetsTownship', lang), own.length
      ? table([t('measure', lang), t('place', lang), t('appliesYear', lang), t('targetRule', lang), t('source', lang), ...(answer.canEdit ? [''] : [])], own.map((tg) => rowFor(tg, true)))
      : h('p', { class: 'empty', text: t('targetsNone', lang) })),
    answer.canEdit ? editForm(answer, ctx, year) : panel('targets-edit', t('editTarget', lang), h('p', { class: 'note', text: t('editOnlyAdmin', lang) })),
  );
  // a year with a year-end population but no births yet has no progress to follow
  root.append(months > 0 ? await progressPanel(ctx, year, through, place)
    : panel('progress', t('progressTitle', lang), h('p', { class: 'empty', text: t('noBirthsYet', lang).replace('{year}', String(year)) })));
}

/**
 * A target as a planner types it: 99, 99%, full-width ９９, −15; not what `Number` also takes
 * (0x10, 1e3, which would be kept as 16 and 1000). NaN for anything else.
 */
export function targetNumber(text: string): number {
  const cleaned = text.normalize('NFKC').replace(/[%‰\s]/g, '').replace(/^[−－]/, '-');
  return /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : NaN;
}

function editForm(answer: TargetsAnswer, ctx: PageContext, year: number): HTMLElement {
  const { meta, lang } = ctx;
  const state = { measure: answer.measures[0]!.id, scope: 'all', year: String(year), direction: 'at_least' as Direction };
  const value = h('input', { id: 'target-value', name: 'target-value', type: 'text', inputmode: 'decimal', size: 8 });
  const upper = h('input', { id: 'target-upper', name: 'target-upper', type: 'text', inputmode: 'decimal', size: 8 });
  const message = h('p', { id: 'target-message', role: 'status', class: 'note' });
  const save = h('button', { type: 'button', id: 'target-save', text: t('save', lang) });
  const field = (id: string, label: string, input: HTMLInputElement) => h('label', { class: 'field', for: id }, h('span', { text: label }), input);
  save.addEventListener('click', () => {
    const v = targetNumber(value.value);
    const u = upper.value.trim() === '' ? null : targetNumber(upper.value);
    if (value.value.trim() === '' || !Number.isFinite(v)) return void (message.textContent = t('notNumber', lang), message.className = 'error');
    if (state.direction === 'between' && (u === null || !Number.isFinite(u) || u < v)) return void (message.textContent = t('bandNeedsUpper', lang), message.className = 'error');
    save.disabled = true;
    assessmentApi.setTarget({ measure: state.measure, scope: state.scope, year: state.year === '' ? null : Number(state.year), direction: state.direction, value: v, upper: state.direction === 'between' ? u : null })
      .then(() => ctx.set({ saved: Date.now() }))
      // the API names the field (value: …); on this form the planner knows which box it is
      .catch((e: unknown) => { message.textContent = t('saveFailed', lang) + errorMessage(e).replace(/^(value|upper): /, ''); message.className = 'error'; save.disabled = false; });
  });
  if (ctx.params.get('saved')) message.textContent = t('saved', lang);
  return panel('targets-edit', t('editTarget', lang),
    controls(
      selectField('target-measure', t('measure', lang), answer.measures.map((m) => ({ value: m.id, label: m.name[lang] })), state.measure, (v) => { state.measure = v; }),
      selectField('target-scope', t('place', lang), [{ value: 'all', label: t('county', lang) }, ...meta.townships.map((x) => ({ value: x.code, label: x.name }))], 'all', (v) => { state.scope = v; }),
      selectField('target-year', t('appliesYear', lang), [{ value: String(year), label: `${year}${paren(t('thisYear', lang), lang)}` }, { value: '', label: t('everyYear', lang) }], String(year), (v) => { state.year = v; }),
      selectField('target-direction', t('direction', lang), DIRECTIONS.map(([d, k]) => ({ value: d, label: t(k, lang) })), 'at_least', (v) => { state.direction = v as Direction; }),
      field('target-value', t('targetValue', lang), value),
      field('target-upper', t('upperValue', lang), upper),
      save,
    ),
    message,
  );
}

async function progressPanel(ctx: PageContext, year: number, through: number, place: string): Promise<HTMLElement> {
  const { lang } = ctx;
  try {
    const p = await assessmentApi.progress(year, through, place);
    // a rate judged against its target gets a third decimal: 98.999%, not 99.00% beside 否
    const fmt = (v: number | null | undefined, unit: string) => minusSign(unit === '%' && typeof v === 'number' ? `${formatDec(v, 3)}%` : formatValue(v ?? null, unit));
    // 完成进度 is a count target's share reached (births ≤ 5000): shown only when a count target is set
    const counts = p.items.some((i) => i.reached_share !== null);
    const rows = p.items.map((i) => [
      i.name[lang], i.target ? minusSign(`${i.target.rule}${i.unit === '%' || i.unit === '‰' ? i.unit : ''}`) : '—', fmt(i.ytd, i.unit), `${formatDec(p.elapsed_share, 1)}%`,
      ...(counts ? [i.reached_share === null ? '—' : `${formatDec(i.reached_share, 1)}%`] : []),
      h('span', { class: i.on_track === false ? 'miss' : i.on_track ? 'met' : '', text: i.on_track === null ? '—' : t(i.on_track ? 'yes' : 'no', lang) }),
      i.nowcast ? `${fmt(i.nowcast.value, i.unit)}${paren(`${fmt(i.nowcast.lo, i.unit)}–${fmt(i.nowcast.hi, i.unit)}`, lang)}` : '—',
      h('span', { class: i.nowcast_meets === false ? 'miss' : i.nowcast_meets ? 'met' : '', text: i.nowcast_meets === null ? '—' : t(i.nowcast_meets ? 'yes' : 'no', lang) }),
    ]);
    const tbl = table([t('measure', lang), t('targetRule', lang), tf('ytdValue', lang, { m: through }), t('elapsed', lang), ...(counts ? [t('reached', lang)] : []), t('onTrack', lang), t('nowcast', lang), t('nowcastMeets', lang)],
      rows, new Set(counts ? [2, 3, 4, 6] : [2, 3, 5]));
    tbl.id = 'progress-table';
    return panel('progress', `${t('progressTitle', lang)} · ${townshipName(ctx.meta, place, lang)} · ${tf('ytdValue', lang, { m: through })}`, tbl, h('p', { class: 'note', text: t('progressNote', lang) }));
  } catch (e) {
    return panel('progress', t('progressTitle', lang), h('p', { class: 'error', role: 'alert', text: t('loadFailed', lang) + errorMessage(e) }));
  }
}
