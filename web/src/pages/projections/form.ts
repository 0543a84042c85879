/**
 * @module pages/projections/form
 * The projection's controls: area, base year, end year, scenario, variant, and for the custom
 * scenario its assumption fields, whose placeholders show the values derived from the data.
 */
import { formatDec } from '../../format.ts';
import { t, tf, type StringKey } from '../../i18n/index.ts';
import { SCENARIOS, type ProjectionView } from '../../projection.ts';
import type { PageContext } from '../../router.ts';
import { controls, h, numberField, selectField } from '../../ui.ts';
import { townshipOptions, yearOptions } from '../pageLabels.ts';
import { customRanges, scenarioLabel, type CustomFields, type ProjectionState } from './state.ts';

export interface ProjectionForm {
  element: HTMLElement;
  /** Shows the derived assumptions as the custom fields' placeholders. */
  showDerived(view: ProjectionView): void;
}

export function projectionForm(ctx: PageContext, state: ProjectionState): ProjectionForm {
  const { meta, lang } = ctx;
  const { scope, fallbackScope, baseYear, horizon, scenario, variant, custom, rejected } = state;
  // the end year of the plan, any year 5–30 years on (2035 from a 2024 base is 11 years)
  const horizonOptions = Array.from({ length: 26 }, (_, i) => i + 5).map((n) => ({ value: String(n), label: tf('yearOf', lang, { year: baseYear + n }) }));
  const element = controls(
    selectField('scope', t('scope', lang), townshipOptions(meta, lang, ctx.county), scope, (v) => ctx.set({ scope: v === fallbackScope ? undefined : v })),
    selectField('baseYear', t('baseYear', lang), yearOptions(Math.max(meta.years.from, meta.years.to - 15), meta.years.to), String(baseYear), (v) => ctx.set({ baseYear: v })),
    selectField('horizon', t('horizon', lang), horizonOptions, String(horizon), (v) => ctx.set({ horizon: v })),
    selectField('scenario', t('scenario', lang), SCENARIOS.map((s) => ({ value: s, label: scenarioLabel(s, lang) })), scenario, (v) => ctx.set({ scenario: v })),
    selectField('variant', t('variant', lang), [{ value: 'deterministic', label: t('deterministic', lang) }, { value: 'probabilistic', label: t('probabilistic', lang) }], variant, (v) => ctx.set({ variant: v })),
  );
  const customInputs: Partial<Record<keyof CustomFields, HTMLInputElement>> = {};
  if (scenario === 'custom') {
    const ranges = customRanges(baseYear, horizon);
    const field = (key: keyof CustomFields, label: StringKey) => {
      const refused = rejected[key] ? { value: rejected[key].value, why: tf('customRefused', lang, { allowed: rejected[key].allowed }) } : undefined;
      const el = numberField(key, t(label, lang), custom[key], ranges[key], (v) => ctx.set({ [key]: v }), refused);
      const input = el.querySelector('input');
      if (input) customInputs[key] = input;
      return el;
    };
    element.append(
      field('tfr', 'customTfr'), field('tfrYear', 'customTfrYear'), field('e0m', 'customE0Male'), field('e0f', 'customE0Female'),
      field('e0Gain', 'customE0Gain'), field('srb', 'customSrb'), field('migration', 'customMigration'),
      h('p', { class: 'note custom-hint', text: t('customHint', lang) }),
    );
  }
  const showDerived = (view: ProjectionView) => {
    const a = view.assumptions;
    const placeholders: Partial<Record<keyof CustomFields, string>> = {
      tfr: formatDec(a.fertility.tfr), tfrYear: String(baseYear + horizon), e0m: formatDec(a.mortality.e0.male, 1), e0f: formatDec(a.mortality.e0.female, 1),
      e0Gain: '0.15', srb: formatDec(a.srb.srb, 1), migration: '1',
    };
    for (const [k, input] of Object.entries(customInputs)) input.placeholder = placeholders[k as keyof CustomFields] ?? '';
  };
  return { element, showDerived };
}
