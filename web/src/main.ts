/**
 * @module main
 * The dashboard shell: header, page navigation and language switch, and the router that renders
 * the page named in the URL (`?page=…`) with the view state from the query. Every control
 * change updates the URL, so a link or Back reproduces the view. When the page has finished
 * loading, `#page` gets `data-ready="true"` (the browser tests wait for it).
 *
 * Access control: `GET /api/session` says whether it is on and who is logged in. With it on and
 * nobody logged in (or when any API answer is 401), the login page replaces the view; the URL
 * keeps the requested view, so a successful login renders it. The header shows the user and a
 * logout button. A township account gets a scoped `meta` (only its townships) and `county: false`.
 */
import { api, auth, clearCache, DATA_CHANGED, isApiFailure, metaQuietly, onUnauthorized, type Meta, type Session } from './api.ts';
import { currentLang, paren, t, tf, translatePage, type Lang, type StringKey } from './i18n/index.ts';
import { renderLogin } from './pages/login.ts';
import { w } from './i18n/strings/import.ts';
import { buildHref, currentPage, PAGES, paramProblem, takeParamProblems, type Changes, type PageContext, type PageId, type ParamProblem } from './router.ts';
import { loadCharts } from './embed.ts';
import { errorMessage, h } from './ui.ts';
import './style.css';

type Renderer = (root: HTMLElement, ctx: PageContext) => Promise<void>;

/**
 * Each page is its own chunk, loaded when first opened (the shell loads none of the others'
 * code); Vega comes with the first chart (embed.ts).
 */
const RENDERERS: Record<PageId, () => Promise<Renderer>> = {
  overview: () => import('./pages/overview.ts').then((m) => m.renderOverview),
  township: () => import('./pages/township.ts').then((m) => m.renderTownship),
  assessment: () => import('./pages/assessment.ts').then((m) => m.renderAssessment),
  targets: () => import('./pages/targets.ts').then((m) => m.renderTargets),
  srb: () => import('./pages/srb.ts').then((m) => m.renderSrb),
  structure: () => import('./pages/structure.ts').then((m) => m.renderStructure),
  projections: () => import('./pages/projections.ts').then((m) => m.renderProjections),
  reports: () => import('./pages/reports.ts').then((m) => m.renderReports),
  quality: () => import('./pages/quality.ts').then((m) => m.renderQuality),
  import: () => import('./pages/import.ts').then((m) => m.renderImport),
};
/** Pages that draw no chart in the browser (the overview's map is drawn by the server): they do not start loading Vega. */
const CHARTLESS: ReadonlySet<PageId> = new Set(['overview', 'targets', 'reports', 'import']);
const TITLES: Record<Exclude<PageId, 'import'>, StringKey> = {
  overview: 'overview', township: 'township', assessment: 'assessmentPage', targets: 'targetsPage', srb: 'srbPage', structure: 'structure', projections: 'projections', reports: 'reports', quality: 'quality',
};

function title(page: PageId, lang: Lang): string {
  return page === 'import' ? w('importPage', lang) : t(TITLES[page], lang);
}

/** The 数据导入 page is listed for admins only (and on a planner's own machine, where everyone is). */
function isAdmin(session: Session): boolean {
  return !session.accessControl || session.user?.role === 'admin';
}

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`page is missing #${id}`);
  return el as T;
}

let generation = 0;
let meta: Meta | null = null;

function navigate(href: string): void {
  history.pushState(null, '', href);
  void render();
}

/** The meta a page sees: a township account's townships only. */
function scoped(m: Meta, session: Session): { meta: Meta; county: boolean } {
  const allowed = session.user?.townships ?? 'all';
  if (allowed === 'all') return { meta: m, county: true };
  const codes = new Set(allowed);
  return { meta: { ...m, townships: m.townships.filter((x) => codes.has(x.code)) }, county: false };
}

function context(m: Meta, county: boolean, lang: Lang, page: PageId): PageContext {
  const params = new URLSearchParams(location.search);
  return {
    meta: m, county, lang, page, params,
    set: (changes: Changes) => navigate(buildHref(page, params, changes, true)),
    go: (target: PageId, changes: Changes = {}) => navigate(buildHref(target, params, changes)),
    href: (target: PageId, changes: Changes = {}) => buildHref(target, params, changes),
  };
}

function renderNav(page: PageId, params: URLSearchParams, lang: Lang, admin: boolean): void {
  const nav = byId('nav');
  nav.setAttribute('aria-label', t('pagesNav', lang));
  nav.replaceChildren(...PAGES.filter((p) => p !== 'import' || admin).map((p) => {
    const a = h('a', { href: buildHref(p, params), text: title(p, lang), 'data-nav': p, 'aria-current': p === page ? 'page' : undefined });
    a.addEventListener('click', (ev) => {
      if (ev.ctrlKey || ev.metaKey || ev.shiftKey) return;
      ev.preventDefault();
      navigate(a.getAttribute('href') ?? '');
    });
    return a;
  }));
}

/** The user's name and a logout button in the header (only when access control is on). */
function renderUser(session: Session | null, lang: Lang): void {
  const box = byId('user-box');
  const user = session?.accessControl ? session.user : null;
  if (!user) {
    box.replaceChildren();
    box.hidden = true;
    return;
  }
  const logout = h('button', { type: 'button', id: 'logout', text: t('logout', lang) });
  logout.addEventListener('click', () => {
    logout.disabled = true;
    signedIn = false; // a logout is no lost session
    sessionLost = false;
    void auth.logout().then(() => {
      meta = null;
      navigate(location.pathname + location.search);
    });
  });
  const scope = user.townships === 'all' ? '' : `${paren(t('townshipAccount', lang), lang)}`;
  box.replaceChildren(h('span', { id: 'user-name', class: 'user-name', title: `${t('loggedInAs', lang)} ${user.name}`, text: `${user.name}${scope}` }), logout);
  box.hidden = false;
}

function finish(root: HTMLElement, gen: number, page: string): void {
  if (gen !== generation) return;
  root.dataset.ready = 'true';
  root.dataset.page = page;
  root.setAttribute('aria-busy', 'false');
}

async function render(): Promise<void> {
  const gen = ++generation;
  const lang = currentLang();
  const page = currentPage();
  const params = new URLSearchParams(location.search);
  translatePage(lang);
  const root = byId('page');
  root.dataset.ready = 'false';
  root.setAttribute('aria-busy', 'true');
  const focused = document.activeElement instanceof HTMLElement && document.activeElement.id ? document.activeElement.id : null;
  let session: Session | null = null;
  // Asked at once, beside the session: the page's code and the meta (used only once the session allows it).
  const early = meta === null ? metaQuietly() : null;
  const renderer = RENDERERS[page]();
  try {
    session = await auth.session();
    if (gen !== generation) return;
    renderUser(session, lang);
    if (session.accessControl && !session.user) {
      if (signedIn) sessionLost = true;
      signedIn = false;
      showLogin(root, lang, gen);
      return;
    }
    signedIn = Boolean(session.user);
    renderNav(page, params, lang, isAdmin(session));
    if (!CHARTLESS.has(page)) void loadCharts().catch(() => { /* the chart panel reports it */ });
    meta ??= (await early) ?? await api.meta();
    byId('county-name').textContent = meta.county.name;
    document.title = `${title(page, lang)} · ${meta.county.name} · ${t('appName', lang)}`;
    setPrintMargins(meta, title(page, lang), lang);
    const container = h('div', { class: 'page', 'data-page': page });
    root.replaceChildren(container);
    const view = scoped(meta, session);
    takeParamProblems(); // a page left before it finished reading its link
    const asked = params.get('page');
    if (asked && asked !== page) paramProblem({ key: 'page', value: asked, used: title(page, lang) });
    const done = (await renderer)(container, context(view.meta, view.county, lang, page));
    if (focused) document.getElementById(focused)?.focus();
    await done;
    const problems = takeParamProblems();
    if (problems.length > 0 && gen === generation) container.prepend(paramNotice(problems, lang));
  } catch (e) {
    if (gen !== generation) return;
    if (isApiFailure(e) && e.status === 401) return; // the unauthorized handler shows the login page
    root.replaceChildren(h('p', { class: 'error', role: 'alert', text: t('loadFailed', lang) + errorMessage(e) }));
  }
  finish(root, gen, page);
}

/** What the link asked that the page could not use, and what it shows instead. */
function paramNotice(problems: readonly ParamProblem[], lang: Lang): HTMLElement {
  const zh = lang === 'zh';
  const used = (p: ParamProblem) => (p.used === 'all' ? t('county', lang) : p.used === 'data' ? t('usedDataValue', lang) : p.used);
  const item = (p: ParamProblem) => `${p.key}=${p.value}${p.used === '—' ? (zh ? '（未使用）' : ' (left out)') : zh ? ` → 已改用 ${used(p)}` : ` → ${used(p)} used instead`}${
    p.allowed ? (zh ? `（可用 ${p.allowed}）` : ` (allowed ${p.allowed})`) : ''}`;
  return h('p', { class: 'error param-problems', id: 'param-problems', role: 'alert', text: `${t('paramProblems', lang)}${problems.map(item).join(zh ? '；' : '; ')}` });
}

const printSheet = typeof CSSStyleSheet === 'function' ? new CSSStyleSheet() : null;

/**
 * The title, print date and data source on every printed page, as @page margin boxes (a
 * constructed stylesheet: no inline style needed under the CSP).
 */
function setPrintMargins(m: Meta, pageTitle: string, lang: Lang): void {
  if (!printSheet) return;
  const q = (s: string) => JSON.stringify(s);
  const date = new Date().toISOString().slice(0, 10);
  const source = tf('printSource', lang, { from: m.years.from, to: m.years.to });
  const pageNo = t('printPageNo', lang);
  printSheet.replaceSync(`@page {
    @top-left { content: ${q(`${m.county.name} · ${pageTitle}`)}; font-size: 8pt; color: #444; }
    @top-right { content: ${q(`${tf('printedOn', lang, { date })}`)}; font-size: 8pt; color: #444; }
    @bottom-left { content: ${q(source)}; font-size: 7.5pt; color: #666; }
    @bottom-right { content: ${pageNo}; font-size: 7.5pt; color: #666; }
  }`);
  if (!document.adoptedStyleSheets.includes(printSheet)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, printSheet];
}

function showLogin(root: HTMLElement, lang: Lang, gen: number): void {
  byId('nav').replaceChildren();
  document.title = `${t('login', lang)} · ${t('appName', lang)}`;
  const container = h('div', { class: 'page', 'data-page': 'login' });
  root.replaceChildren(container);
  // the note stays until the planner logs in again: a second render of the login page (a 401 from a
  // request still under way, the page changed meanwhile) must not drop it
  renderLogin(container, lang, () => {
    meta = null;
    sessionLost = false;
    void render();
  }, sessionLost);
  finish(root, gen, 'login');
}

/**
 * After an import through the page: forget the answers and the old data's facts, and show the new
 * county name. The server swaps the new database in within about a second: ask until it answers
 * with another import time (ten tries).
 */
async function refreshFacts(before: string | null): Promise<void> {
  clearCache();
  meta = null;
  for (let i = 0; i < 10; i++) {
    try {
      const m = await api.meta();
      if (m.ingestedAt !== before || i === 9) {
        meta = m;
        byId('county-name').textContent = m.county.name;
        return;
      }
    } catch { /* the next page asks again */ }
    clearCache();
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

let reauthPending = false;
/**
 * The session ended while the planner was signed in (expired, or logged out elsewhere): the login
 * form says so until the planner logs in again. `signedIn` is whether the last page was rendered
 * for a user; a logout clears it.
 */
let sessionLost = false;
let signedIn = false;

/** Any 401: forget the answers and the session, and render again (the session now says: log in). */
function unauthorized(): void {
  if (reauthPending) return;
  reauthPending = true;
  queueMicrotask(() => {
    reauthPending = false;
    clearCache();
    meta = null;
    void render();
  });
}

function start(): void {
  byId('lang-switch').addEventListener('click', () => {
    const params = new URLSearchParams(location.search);
    navigate(buildHref(currentPage(), params, { lang: currentLang() === 'zh' ? 'en' : null }, true));
  });
  byId('print').addEventListener('click', () => window.print());
  window.addEventListener('popstate', () => void render());
  onUnauthorized(unauthorized);
  // a new import: the cached answers and facts are of the old data; the header shows the new county name at once
  window.addEventListener(DATA_CHANGED, () => void refreshFacts(meta?.ingestedAt ?? null));
  void render();
}

start();
