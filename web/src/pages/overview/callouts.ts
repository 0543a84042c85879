/**
 * @module pages/overview/callouts
 * The townships to watch: an elevated SRB (one definition on every page, common/srbWording.ts)
 * or a missed compliance target, each township with its reasons and a link to it.
 */
import { judgementText, spanText, srbListRule, srbListSpan } from '../../../../common/srbWording.ts';
import { api, EACH_TOWNSHIP, type PeriodKind } from '../../api.ts';
import { formatDec, formatVsTarget } from '../../format.ts';
import { t, tf } from '../../i18n/index.ts';
import type { PageContext } from '../../router.ts';
import { errorMessage, h, panel } from '../../ui.ts';
import { townshipName } from '../pageLabels.ts';

/** How many townships the overview lists: a county's all; a province's hundreds are on the SRB page and the compliance table. */
export const CALLOUTS_SHOWN = 30;

export function calloutsPanel(ctx: PageContext, year: number, period: PeriodKind): { element: HTMLElement; load: Promise<void> } {
  const { meta, lang } = ctx;
  const calloutList = h('ul', { class: 'callouts', id: 'callout-list' }, h('li', { class: 'loading', text: t('loading', lang) }));
  const calloutRule = h('p', { class: 'note', id: 'callout-rule' });
  const more = h('p', { class: 'note', id: 'callout-more', hidden: true });

  const load = (async () => {
    try {
      // the elevated-SRB list: one definition on every page (common/srbWording.ts)
      const span = srbListSpan(year, meta.years.from);
      const [ranking, compReg, compMig] = await Promise.all([
        api.srbRanking({ from: span.from, to: span.to }),
        api.indicator('compliance', { township: EACH_TOWNSHIP, from: year, to: year, period, residence: 'registered' }),
        api.indicator('compliance', { township: EACH_TOWNSHIP, from: year, to: year, period, residence: 'migrant' }),
      ]);
      calloutRule.textContent = srbListRule(span.from, span.to, lang);
      const reasons = new Map<string, { text: string; small: boolean; kind: string }[]>();
      const add = (code: string, text: string, small: boolean, kind: string) => reasons.set(code, [...(reasons.get(code) ?? []), { text, small, kind }]);
      const d = (n: number | null) => (n === null ? '—' : formatDec(n));
      const spanLabel = spanText(span.from, span.to, lang);
      for (const r of ranking.townships) {
        if (r.judgement === 'high') add(r.township, tf('calloutSrbHigh', lang, { srb: d(r.srb), lo: d(r.lo), hi: d(r.hi), span: spanLabel }), r.small, 'srb-high');
        else if (r.funnel === 'above998' || r.funnel === 'above95') {
          add(r.township, tf('calloutSrbFunnel', lang, { srb: d(r.srb), judgement: judgementText(r.judgement, lang), limit: r.funnel === 'above998' ? '99.8%' : '95%', span: spanLabel }), r.small, 'srb-funnel');
        }
      }
      for (const [rows, res] of [[compReg.rows, 'resRegistered'], [compMig.rows, 'resMigrant']] as const) {
        for (const r of rows) {
          if (r.meets_target === false) {
            add(r.township, tf('calloutCompliance', lang, { res: t(res, lang), value: formatVsTarget(r.value, typeof r.target === 'number' ? r.target : null, r.numerator, r.denominator), target: String(r.target) }), r.small, 'compliance');
          }
        }
      }
      const order = meta.townships.map((x) => x.code).filter((c) => reasons.has(c))
        .sort((a, b) => (reasons.get(b)?.length ?? 0) - (reasons.get(a)?.length ?? 0));
      if (order.length === 0) {
        calloutList.replaceChildren(h('li', { class: 'empty', text: t('calloutsNone', lang) }));
        return;
      }
      // a province can have hundreds: the ones with the most findings, then where the full lists are
      const shown = order.slice(0, CALLOUTS_SHOWN);
      calloutList.replaceChildren(...shown.map((code) => {
        const link = h('a', { href: ctx.href('township', { township: code }), text: townshipName(meta, code, lang) });
        link.addEventListener('click', (ev) => { ev.preventDefault(); ctx.go('township', { township: code }); });
        return h('li', { 'data-township': code }, h('strong', {}, link),
          h('ul', {}, ...(reasons.get(code) ?? []).map((x) => h('li', { 'data-reason': x.kind }, x.text, x.small ? h('span', { class: 'small-badge inline', text: ` ⚠ ${t('smallWarning', lang)}` }) : null))));
      }));
      if (order.length > shown.length) {
        const to = (text: string, page: 'srb' | 'assessment', changes: Record<string, string> = {}) => {
          const a = h('a', { href: ctx.href(page, changes), text });
          a.addEventListener('click', (ev) => { ev.preventDefault(); ctx.go(page, changes); });
          return a;
        };
        more.replaceChildren(
          tf('calloutsMore', lang, { n: order.length - shown.length, shown: shown.length }),
          to(t('calloutsMoreSrb', lang), 'srb'), lang === 'zh' ? '、' : ', ',
          to(t('calloutsMoreCompliance', lang), 'assessment', { view: 'plain', year: String(year), window: period === 'statyear' ? 'statyear' : 'year' }),
          lang === 'zh' ? '。' : '.',
        );
        more.hidden = false;
      }
    } catch (e) {
      calloutList.replaceChildren(h('li', { class: 'error', role: 'alert', text: t('loadFailed', lang) + errorMessage(e) }));
    }
  })();

  return { element: panel('callouts', t('callouts', lang), calloutRule, calloutList, more), load };
}
