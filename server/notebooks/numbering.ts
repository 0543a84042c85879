/**
 * @module notebooks/numbering
 * Figures and tables are numbered by the renderer in the order they appear (图1, 图2 …; 表1 …),
 * so the HTML, the PDF, the PNG files and the Word document agree however a notebook is edited.
 * A number typed in a title (`图3 分月出生`) is replaced, not doubled.
 *
 * @example
 * numbered('图3 分月出生人数', '图', 1); // '图1 分月出生人数'
 * numbered('出生人口', '图', 2);         // '图2 出生人口'
 */

export function numbered(title: string, prefix: '图' | '表', n: number): string {
  const bare = title.replace(new RegExp(`^\\s*${prefix}\\s*\\d+\\s*[.、:：]?\\s*`), '').trim();
  return bare ? `${prefix}${n} ${bare}` : `${prefix}${n}`;
}

/** The spec with its title numbered (string titles and `{text, subtitle}` objects). */
export function withNumberedTitle<T extends object>(spec: T, n: number, fallback: string): T {
  const t = (spec as { title?: unknown }).title;
  if (typeof t === 'string') return { ...spec, title: numbered(t, '图', n) };
  if (t && typeof t === 'object' && typeof (t as { text?: unknown }).text === 'string') {
    return { ...spec, title: { ...(t as object), text: numbered((t as { text: string }).text, '图', n) } };
  }
  return { ...spec, title: numbered(fallback, '图', n) };
}
