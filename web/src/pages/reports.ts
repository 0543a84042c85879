/**
 * @module pages/reports
 * 报告: the report notebooks (`GET /api/reports`: name, title, description, audience and their
 * parameters), a form for the chosen one's parameters (township picker, year, period, whole
 * numbers within their range), the rendered report (`GET /api/reports/:name?…&format=fragment`,
 * an `<article>` with inline SVG charts, inserted as the server's trusted HTML: scripts and
 * event attributes are dropped, so the CSP needs no inline script) and a link to the standalone
 * page (`format=html`) to print or save as PDF.
 * State: `report=<name>` and the report's parameters by name (`township=&year=&period=…`).
 */
import type { ReportInfo, ReportParam } from '../../../contract/reports.ts';
import { getJson, getText, isApiFailure } from '../api.ts';
import { paren, t, type Lang, type StringKey } from '../i18n/index.ts';
import { enumParam, intParam, type PageContext } from '../router.ts';
import { controls, errorMessage, h, numberField, panel, scopeNote, selectField, type Option } from '../ui.ts';
import { townshipName, townshipOptions, yearOptions } from './pageLabels.ts';

export type { ReportInfo, ReportParam };

/**
 * A title from the notebook's front matter with its template slots filled: a parameter by its value
 * when given, else ×× as a blank in a form is written (`××年1至×月…`); the place (`meta.*`) is
 * left out — the page names it. Removing the slots left “年1至月人口形势…”.
 */
export function plainTitle(title: string, values: Readonly<Record<string, string>> = {}): string {
  return title.replace(/\{\{\s*([^}]*?)\s*\}\}/g, (_, slot: string) => {
    if (slot.startsWith('meta.')) return '';
    return values[slot] || (slot === 'through' ? '×' : '××');
  }).trim();
}

const PARAM_LABELS: Record<string, StringKey> = {
  township: 'chooseTownship', year: 'year', period: 'periodKind', through: 'reportThrough', srb_years: 'reportSrbYears', horizon: 'reportHorizon',
};
const ENUM_LABELS: Record<string, StringKey> = { year: 'periodYear', statyear: 'periodStatyear' };

function paramLabel(p: ReportParam, lang: Lang): string {
  const key = PARAM_LABELS[p.name];
  return key ? t(key, lang) : p.label.replace(/（[^）]*）\s*$/, '').trim() || p.name;
}

/** The server's HTML as nodes, without scripts or inline event handlers. */
export function trustedFragment(html: string): DocumentFragment {
  const tpl = document.createElement('template');
  tpl.innerHTML = html;
  for (const s of tpl.content.querySelectorAll('script')) s.remove();
  for (const el of tpl.content.querySelectorAll('*')) {
    for (const a of [...el.attributes]) if (/^on/i.test(a.name) || /^\s*javascript:/i.test(a.value)) el.removeAttribute(a.name);
  }
  return tpl.content;
}

export async function renderReports(root: HTMLElement, ctx: PageContext): Promise<void> {
  const { meta, lang, params } = ctx;
  // a township account's reports are of its townships, not of the county
  const heading = ctx.county ? meta.county.name : meta.townships.map((x) => x.name).join(lang === 'zh' ? '、' : ', ');
  root.append(h('h2', { class: 'page-title', text: `${t('reports', lang)} · ${heading}` }));
  const { reports } = await getJson<{ reports: ReportInfo[] }>('/api/reports');
  if (!reports.length) {
    root.append(h('p', { class: 'empty', text: t('empty', lang) }));
    return;
  }
  // a county report (audience `county`) draws on every township: not for a township account
  const allowed = (r: ReportInfo) => ctx.county || r.audience !== 'county';
  // the annual situation analysis first, as the flagship; else the first the account may render
  // (a township account: the report made for a township first)
  const preferred = reports.find((r) => r.name === 'situation-analysis' && allowed(r))
    ?? (ctx.county ? undefined : reports.find((r) => r.audience === 'township'))
    ?? reports.find(allowed) ?? reports[0]!;
  const name = enumParam(params, 'report', reports.map((r) => r.name), preferred.name);
  const report = reports.find((r) => r.name === name) ?? preferred;

  // the list
  const list = h('ul', { class: 'report-list', id: 'report-list' }, ...reports.map((r) => {
    const current = r.name === report.name;
    const link = h('a', { href: ctx.href('reports', { report: r.name }), text: current ? '' : t('reportOpen', lang), 'aria-current': current ? 'page' : undefined });
    link.addEventListener('click', (ev) => { ev.preventDefault(); ctx.set({ report: r.name }); });
    const audience = t(r.audience === 'township' ? 'reportAudienceTownship' : r.audience === 'any' ? 'reportAudienceAny' : 'reportAudienceCounty', lang);
    const action = !allowed(r) ? h('span', { class: 'muted', text: t('reportCountyOnly', lang) })
      : current ? h('span', { class: 'muted', text: t('reportCurrent', lang) }) : link;
    return h('li', { 'data-report': r.name, class: current ? 'current' : undefined },
      h('strong', { class: 'report-title', text: plainTitle(r.title) }), h('span', { class: 'badge', text: audience }),
      h('p', { class: 'note', text: lang === 'en' ? r.description_en : r.description }), action);
  }));
  root.append(panel('reports-panel', t('reportList', lang), list));

  // the parameters
  const values: Record<string, string> = {};
  const fields: HTMLElement[] = [];
  for (const p of report.params) {
    let options: Option[] | null = null;
    if (p.type === 'township') {
      options = townshipOptions(meta, lang, ctx.county && p.default === 'all');
    } else if (p.type === 'year') {
      options = yearOptions(meta.years.from, meta.years.to);
    } else if (p.type === 'enum') {
      options = (p.values ?? []).map((v) => ({ value: v, label: ENUM_LABELS[v] ? t(ENUM_LABELS[v], lang) : v }));
    }
    if (options) {
      const fallback = options.find((o) => o.value === p.default)?.value ?? options[0]?.value ?? '';
      const value = enumParam(params, p.name, options.map((o) => o.value), fallback);
      values[p.name] = value;
      fields.push(selectField(`report-${p.name}`, paramLabel(p, lang), options, value, (v) => ctx.set({ [p.name]: v })));
    } else {
      const min = p.min ?? -Infinity;
      const max = p.max ?? Infinity;
      const value = intParam(params, p.name, min, max, Number(p.default ?? min));
      values[p.name] = String(value);
      fields.push(numberField(`report-${p.name}`, paramLabel(p, lang), value, { min, max, step: 1 }, (v) => ctx.set({ [p.name]: v })));
    }
  }
  const query = new URLSearchParams(values);
  const base = `/api/reports/${encodeURIComponent(report.name)}?${query.toString()}`;
  const standalone = h('a', { id: 'report-standalone', class: 'button-link', href: `${base}&format=html`, target: '_blank', rel: 'noopener', text: t('reportStandalone', lang) });
  const word = h('a', { id: 'report-docx', class: 'button-link', href: `${base}&format=docx`, download: '', text: t('reportWord', lang) });
  root.append(controls(...fields, standalone, word));
  if (!ctx.county) {
    const mine = meta.townships.map((x) => x.name).join(t('listSeparator', lang));
    root.append(scopeNote('reports-scope-note', `${t('reportOwnTownships', lang)}${t('yourTownships', lang)}${mine}`));
  }

  // the report
  const place = values.township ? townshipName(meta, values.township, lang) : meta.county.name;
  const body = h('div', { class: 'report-frame', id: 'report-body', 'data-state': 'loading', 'aria-busy': 'true', 'data-report': report.name },
    h('p', { class: 'loading', text: `${t('reportRendering', lang)}${paren(`${plainTitle(report.title, values)} · ${place}`, lang)}` }));
  root.append(h('section', { class: 'panel report-panel', id: 'report', 'aria-label': plainTitle(report.title, values) }, body));
  if (!allowed(report)) {
    body.replaceChildren(scopeNote('report-denied', t('reportDenied', lang)));
    body.dataset.state = 'denied';
    body.setAttribute('aria-busy', 'false');
    standalone.hidden = true;
    word.hidden = true;
    return;
  }
  try {
    const html = await getText(`${base}&format=fragment`);
    body.replaceChildren(trustedFragment(html));
    for (const fig of body.querySelectorAll<HTMLElement>('figure.nb-chart[data-chart]')) {
      fig.prepend(chartTools(report.name, query, fig.dataset.chart ?? '', lang));
    }
    body.dataset.state = 'ready';
    body.dataset.charts = String(body.querySelectorAll('svg').length);
  } catch (e) {
    const denied = isApiFailure(e) && e.status === 403;
    body.replaceChildren(denied ? scopeNote('report-denied', t('countyOnly', lang)) : h('p', { class: 'error', role: 'alert', text: t('loadFailed', lang) + errorMessage(e) }));
    body.dataset.state = denied ? 'denied' : 'error';
  } finally {
    body.setAttribute('aria-busy', 'false');
  }
}

/**
 * Save and copy buttons above one report chart: PNG (white background, title in the image, 192
 * dpi, named 图N …) and SVG from the server's renderer, and a copy of the PNG to the clipboard
 * for pasting into Word. Hidden when printing.
 */
function chartTools(report: string, query: URLSearchParams, chart: string, lang: Lang): HTMLElement {
  const url = (format: string) => `/api/reports/${encodeURIComponent(report)}/charts/${encodeURIComponent(chart)}?${query.toString()}&format=${format}`;
  const copy = h('button', { type: 'button', class: 'csv', 'data-copy': chart, text: t('copyImage', lang) });
  copy.addEventListener('click', () => {
    copy.disabled = true;
    void (async () => {
      try {
        const blob = await (await fetch(url('png'), { credentials: 'same-origin' })).blob();
        await navigator.clipboard.write([new ClipboardItem({ 'image/png': blob })]);
        copy.textContent = t('copied', lang);
      } catch {
        copy.textContent = t('copyFailed', lang);
      } finally {
        copy.disabled = false;
      }
    })();
  });
  return h('div', { class: 'chart-tools report-chart-tools no-print', role: 'group', 'aria-label': t('chartExport', lang) },
    h('a', { class: 'csv', href: url('png'), download: '', 'data-save': 'png', text: t('savePng', lang) }),
    h('a', { class: 'csv', href: url('svg'), download: '', 'data-save': 'svg', text: t('saveSvg', lang) }),
    copy);
}
