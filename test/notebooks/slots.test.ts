/** Formats, slot evaluation and the Markdown subset: pure functions, figures checked by hand. */
import { describe, expect, it } from 'vitest';
import { applyFormats } from '../../server/notebooks/formats.ts';
import { markdownToHtml } from '../../server/notebooks/markdown.ts';
import { evaluateSlot, fillTemplate, type SlotScope } from '../../server/notebooks/slots.ts';
import type { Result } from '../../server/notebooks/types.ts';

describe('formats', () => {
  it.each([
    [4839, ['int'], '4,839'],
    [1234567.891, ['num:2'], '1,234,567.89'],
    [1234.5, ['fixed:0'], '1235'],
    [2024, ['year'], '2024'],
    [6.6749, ['permille'], '6.67‰'],
    [45.26, ['pct'], '45.3%'],
    [111.1289, ['ratio'], '111.13'],
    [3.24, ['change'], '增长3.2%'],
    [-3.26, ['change'], '下降3.3%'],
    [0.04, ['change'], '持平'],
    [-8.94, ['change:1:增加/减少'], '减少8.9%'],
    [1.23, ['pp'], '上升1.2个百分点'],
    [-0.218, ['kp'], '下降0.22个千分点'],
    [-1211, ['delta:0:人'], '减少1,211人'],
    [0.12, ['delta:1:岁:提高/降低'], '提高0.1岁'],
    [-5, ['abs', 'int'], '5'],
    [658652, ['wan'], '65.87万'],
    [true, ['yesno:达到目标/未达到目标'], '达到目标'],
    ['high', ['map:high=偏高/normal=正常'], '偏高'],
    ['F', ['sex'], '女'],
    [null, ['int'], '—'],
    [null, ['change'], '—'],
    [-0.0001, ['fixed:2'], '0.00'],
  ] as const)('%s | %s → %s', (value, formats, text) => {
    expect(applyFormats(value, formats)).toBe(text);
  });

  it('lists and counts several rows', () => {
    expect(applyFormats(['金山镇', '三河镇'], ['list'])).toBe('金山镇、三河镇');
    expect(applyFormats([], ['list:无'])).toBe('无');
    expect(applyFormats(['a', 'b', 'c'], ['count'])).toBe('3');
  });

  it('rejects an unknown format by name', () => {
    expect(() => applyFormats(1, ['percent'])).toThrow(/unknown format "percent"/);
  });
});

const births: Result = {
  name: 'births', block: { kind: 'indicator', name: 'births', line: 3 },
  columns: ['township', 'period', 'value', 'change_pct', 'name'],
  rows: [{ township: 'all', period: '2024', value: 4839, change_pct: 3.27, name: '清河县' }],
  provenance: {
    value: { api: '/api/indicators/births?township=all', rowsAt: 'rows', field: 'value', keys: ['township', 'period'] },
    change_pct: { api: '/api/indicators/births?township=all', rowsAt: 'rows', field: 'change_pct', keys: ['township', 'period'] },
  },
};
const order: Result = {
  name: 'order', block: { kind: 'indicator', name: 'order', line: 9 },
  columns: ['township', 'period', 'order', 'value'],
  rows: [{ township: 'all', period: '2024', order: '1', value: 52.1 }, { township: 'all', period: '2024', order: '2', value: 41.3 }, { township: 'all', period: '2024', order: '3+', value: 6.6 }],
  provenance: { value: { api: '/api/indicators/order_share', rowsAt: 'rows', field: 'value', keys: ['township', 'period', 'order'] } },
};
const scope: SlotScope = {
  params: { year: 2024, township: 'all', n: 3 },
  meta: { place: '清河县' },
  result: (name) => (name === 'births' ? births : name === 'order' ? order : name === 'broken' ? { failed: 'bad SQL', line: 40 } : undefined),
};

describe('slots', () => {
  it('quotes a result with a format and records its API source', () => {
    const r = evaluateSlot('births.value | int', scope);
    expect(r).toMatchObject({ ok: true, text: '4,839', value: 4839, kind: 'result' });
    expect(r.ok && r.source).toEqual({ api: '/api/indicators/births?township=all', rowsAt: 'rows', field: 'value', match: { township: 'all', period: '2024' }, aggregate: 'one' });
    expect(evaluateSlot('births.change_pct | change', scope)).toMatchObject({ text: '增长3.3%' });
  });

  it('selects rows by field, by index, and over all rows', () => {
    expect(evaluateSlot('order[order=3+].value | pct', scope)).toMatchObject({ text: '6.6%' });
    expect(evaluateSlot('order[-1].order', scope)).toMatchObject({ text: '3+' });
    expect(evaluateSlot('order.order | list', scope)).toMatchObject({ text: '1、2、3+' });
    expect(evaluateSlot('order[period=$year] | count', scope)).toMatchObject({ text: '3' });
  });

  it('does arithmetic on parameters, and quotes meta', () => {
    expect(evaluateSlot('year - n + 1', scope)).toMatchObject({ text: '2022', kind: 'param' });
    expect(evaluateSlot('meta.place', scope)).toMatchObject({ text: '清河县', kind: 'meta' });
  });

  it('explains what is wrong', () => {
    expect(evaluateSlot('nope.value', scope)).toMatchObject({ ok: false, message: 'no parameter or result named "nope"' });
    expect(evaluateSlot('order.value', scope)).toMatchObject({ ok: false, message: expect.stringMatching(/3 rows match/) });
    expect(evaluateSlot('births.valu', scope)).toMatchObject({ ok: false, message: expect.stringMatching(/no column "valu"/) });
    expect(evaluateSlot('births.value | bogus', scope)).toMatchObject({ ok: false, message: expect.stringMatching(/unknown format "bogus"/) });
    expect(evaluateSlot('broken.value', scope)).toMatchObject({ ok: false, message: 'result "broken" is unavailable (its block at line 40 failed)' });
  });

  it('fills a block template and reports the failing line', () => {
    expect(fillTemplate('from: {{ year - 9 }}\nto: {{ year }}', scope)).toEqual({ ok: true, text: 'from: 2015\nto: 2024' });
    expect(fillTemplate('a\nb: {{ what }}', scope)).toMatchObject({ ok: false, lineOffset: 1 });
  });
});

describe('markdown', () => {
  it('renders headings, paragraphs joined without spaces in Chinese, lists, emphasis and page breaks', () => {
    const html = markdownToHtml('## 一、总体\n\n全年出生\n人口**较多**。\n\n- 一\n- 二\n\n<!-- page-break -->\n<!-- a note -->\n<b>x</b>', () => '');
    expect(html).toBe('<h2>一、总体</h2>\n<p>全年出生人口<strong>较多</strong>。</p>\n<ul><li>一</li><li>二</li></ul>\n<div class="page-break"></div>\n<p>&lt;b&gt;x&lt;/b&gt;</p>');
  });
});
