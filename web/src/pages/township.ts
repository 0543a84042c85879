/**
 * @module pages/township
 * 乡镇（街道）: trends of one township against the county (births, birth rate, TFR, compliance
 * registered vs migrant with targets, SRB with interval, marriages, migrant stock, 65+ share),
 * other townships added side by side, and a period granularity switch (year / statistical year
 * / half / quarter / month). State: `township=code[,code…]&granularity=&residence=&from=&to=`.
 *
 * The panels live in pages/township/; this function reads the state and composes them.
 */
import { t } from '../i18n/index.ts';
import type { PageContext } from '../router.ts';
import { checkboxGroup, controls, h, panel, scopeNote, selectField } from '../ui.ts';
import { periodKindOptions, residenceOptions, townshipName, townshipOptions, yearOptions } from './pageLabels.ts';
import { compliancePanel } from './township/compliance.ts';
import { sideBySidePanel } from './township/sideBySide.ts';
import { srbPanel } from './township/srb.ts';
import { GRANULARITIES, readTownshipState, type TownshipState } from './township/state.ts';
import { trendPanels } from './township/trends.ts';

function townshipControls(state: TownshipState): HTMLElement[] {
  const { ctx, lang, townships, main, granularity, residence, from, to } = state;
  const { meta } = ctx;
  const others = meta.townships.filter((x) => x.code !== main);
  return [
    controls(
      selectField('township', t('chooseTownship', lang), townshipOptions(meta, lang), main, (v) => ctx.set({ township: [v, ...townships.slice(1).filter((c) => c !== v)].join(',') })),
      selectField('granularity', t('granularity', lang), periodKindOptions(GRANULARITIES, lang), granularity, (v) => ctx.set({ granularity: v, from: undefined })),
      selectField('residence', t('residence', lang), residenceOptions(lang), residence, (v) => ctx.set({ residence: v })),
      selectField('from', t('from', lang), yearOptions(meta.years.from, to), String(from), (v) => ctx.set({ from: v })),
      selectField('to', t('to', lang), yearOptions(meta.years.from, meta.years.to), String(to), (v) => ctx.set({ to: v, from: Math.min(from, Number(v)) })),
    ),
    ...(others.length ? [controls(checkboxGroup('compare', t('compareWith', lang),
      others.map((x) => ({ value: x.code, label: x.name })),
      new Set(townships.slice(1)), (values) => ctx.set({ township: [main, ...values].join(',') })))] : []),
  ];
}

export async function renderTownship(root: HTMLElement, ctx: PageContext): Promise<void> {
  const { meta, lang } = ctx;
  const state = readTownshipState(ctx);
  const { townships, from, to } = state;
  const title = `${townships.slice(0, 4).map((c) => townshipName(meta, c, lang)).join(t('listSeparator', lang))}${townships.length > 4 ? ' …' : ''} · ${from}–${to}`;
  root.append(h('h2', { class: 'page-title', text: title }), ...townshipControls(state));

  const srb = srbPanel(state);
  const compliance = compliancePanel(state);
  const trends = trendPanels(state);
  // the side-by-side view covers every township: county accounts only
  const sideBySide = ctx.county ? sideBySidePanel(state)
    : { element: panel('side-by-side', t('sideBySide', lang), scopeNote('side-by-side-note', t('countyOnlySideBySide', lang))), load: Promise.resolve() };
  root.append(h('div', { class: 'grid-charts' }, srb.element, compliance.element, ...trends.elements, sideBySide.element));
  await Promise.all([srb.load, compliance.load, trends.load, sideBySide.load]);
}
