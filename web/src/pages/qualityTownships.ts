/**
 * @module pages/qualityTownships
 * The data-quality page's table by township: event records accepted, quarantined by rule, and
 * births of unknown policy status (政策属性不详); a note when the population was graduated from
 * 5-year groups; and, for admins, a download of each township's quarantined records (record
 * number, dates, rule — no names, no ID numbers), which the server audits.
 */
import { auth, type Meta } from '../api.ts';
import { downloadBlob } from '../csv.ts';
import { formatInt } from '../format.ts';
import { qualityApi, type TownshipQuality } from '../importApi.ts';
import type { Lang } from '../i18n/index.ts';
import { errorMessage, h, panel, table } from '../ui.ts';
import { w } from '../i18n/strings/import.ts';
import { ruleLabel, withCode } from './quality.ts';
import { fileName } from './pageLabels.ts';

function quarantinedText(q: TownshipQuality, lang: Lang): { total: number; text: string } {
  const byRule = new Map<string, number>();
  for (const rules of Object.values(q.quarantined)) for (const [rule, n] of Object.entries(rules)) byRule.set(rule, (byRule.get(rule) ?? 0) + n);
  const total = [...byRule.values()].reduce((a, b) => a + b, 0);
  return { total, text: [...byRule].map(([rule, n]) => `${ruleLabel(rule, lang)} ${formatInt(n)}`).join(lang === 'zh' ? '；' : '; ') };
}

/** The note that an open age group below 100 (85岁及以上) was shared over the ages to 100+: none when none was. */
export function openAgeNote(ages: readonly number[], lang: Lang, id: string): HTMLElement[] {
  if (ages.length === 0) return [];
  const list = [...new Set(ages)].sort((a, b) => a - b).join(lang === 'zh' ? '、' : ', ');
  return [h('p', { class: 'note', id, text: w('openAgeSplit', lang).replace('{ages}', list) })];
}

export async function renderTownshipQuality(root: HTMLElement, meta: Meta, lang: Lang): Promise<void> {
  const graduated = meta.populationGraduated === true;
  const [{ townships }, session] = await Promise.all([qualityApi.townships(), auth.session()]);
  const admin = !session.accessControl || session.user?.role === 'admin';
  const names = new Map(meta.townships.map((x) => [x.code, x.name]));
  const known = townships.filter((q) => q.township !== null && names.has(q.township));
  const unknown = townships.filter((q) => q.township === null || !names.has(q.township));
  const ordered = [...known.sort((a, b) => (a.township ?? '').localeCompare(b.township ?? '')), ...unknown];
  const status = h('p', { class: 'note', id: 'quality-download-status', role: 'status' });
  const rows = ordered.map((q) => {
    const accepted = Object.values(q.accepted).reduce((a, b) => a + b, 0);
    const { total, text } = quarantinedText(q, lang);
    const name = q.township && names.has(q.township) ? withCode(names.get(q.township)!, q.township, lang) : `${q.township ?? '—'} ${w('unknownTownship', lang)}`;
    const cells: (string | Node)[] = [name, formatInt(accepted), formatInt(total), text, formatInt(q.unknownPolicy)];
    if (admin) {
      // rows with no township code at all come as `none`: they are the office's to fix as much as any
      const code = q.township ?? 'none';
      const button = h('button', { type: 'button', class: 'quarantine-download', 'data-township': code, text: w('download', lang), disabled: total === 0 });
      button.addEventListener('click', () => {
        void qualityApi.quarantineCsv(code)
          .then((csv) => downloadBlob(csv, `${code === 'none' ? `${fileName(meta, 'quarantine')}_${w('noTownshipCode', lang)}` : fileName(meta, 'quarantine', code)}.csv`))
          .catch((e: unknown) => { status.textContent = errorMessage(e); });
      });
      cells.push(button);
    }
    return cells;
  });
  const headers = [w('townshipCol', lang), w('accepted', lang), w('quarantinedTotal', lang), w('byRuleCol', lang), w('policyUnknown', lang), ...(admin ? [w('quarantineCol', lang)] : [])];
  const tbl = table(headers, rows, new Set([1, 2, 4]));
  tbl.id = 'quality-townships-table';
  [...tbl.tBodies[0]!.rows].forEach((tr, i) => { tr.dataset.township = ordered[i]!.township ?? ''; });
  root.append(panel('quality-townships', w('byTownship', lang),
    h('p', { class: 'note', text: w('byTownshipNote', lang) }),
    h('p', { class: 'note', id: 'quality-townships-span', text: w('byTownshipSpan', lang).replace('{from}', String(meta.years.eventsFrom ?? meta.years.from)).replace('{to}', String(meta.years.eventsTo ?? meta.years.to)) }),
    graduated ? h('p', { class: 'note', id: 'quality-graduated', text: w('graduated', lang) }) : null,
    ...openAgeNote(meta.populationOpenAgeFrom ?? [], lang, 'quality-open-age'),
    tbl, status));
}
