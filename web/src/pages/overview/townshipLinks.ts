/**
 * @module pages/overview/townshipLinks
 * What a township account sees instead of the county overview: a note that the figures are
 * county-wide, and for each of its townships links to the views open to it.
 */
import { colon, t, type StringKey } from '../../i18n/index.ts';
import type { PageContext, PageId } from '../../router.ts';
import { h, panel, scopeNote } from '../../ui.ts';

export function townshipLinksPanel(ctx: PageContext): HTMLElement {
  const { meta, lang } = ctx;
  const views: [PageId, StringKey, Record<string, string>][] = [
    ['township', 'township', {}], ['srb', 'srbPage', {}], ['structure', 'structure', {}], ['projections', 'projections', {}],
    ['targets', 'targetsPage', {}], ['assessment', 'assessmentPage', {}], ['reports', 'reports', { report: 'township-profile' }],
  ];
  const links = meta.townships.map((x) => h('li', { 'data-township': x.code },
    h('strong', { text: x.name }), colon(lang),
    ...views.flatMap(([page, key, extra], i) => {
      // the 考核 scorecard shows the account's own rows: it takes no township
      const changes = page === 'assessment' ? extra : { ...extra, [page === 'projections' ? 'scope' : 'township']: x.code };
      const a = h('a', { href: ctx.href(page, changes), text: t(key, lang), 'data-view': page });
      a.addEventListener('click', (ev) => { ev.preventDefault(); ctx.go(page, changes); });
      return i === 0 ? [a] : [' · ', a];
    })));
  return panel('headline-panel', t('headline', lang), scopeNote('overview-scope-note', t('countyOnly', lang)),
    h('p', { text: t('yourTownships', lang) }), h('ul', { class: 'callouts', id: 'my-townships' }, ...links));
}
