/** @module cli/printMapping — a mapping as the planner reads it in a terminal: file → table, header → field. */
import { TABLES } from '../../contract/tables.ts';
import { IGNORE } from '../office/fields.ts';
import type { Suggestion } from '../office/suggest.ts';

const MARK: Record<string, string> = { exact: '', close: ' (近似 close)', personal: ' (个人信息，不读取 personal, not read)', none: ' (未识别，不读取 not placed)' };

export function printMapping(suggestions: readonly Suggestion[], out: (line: string) => void = console.log): void {
  for (const s of suggestions) {
    const direction = s.table === 'migrants' && s.direction ? ` [${s.direction === 'in' ? '流入 in' : '流出 out'}]` : '';
    out(`${s.source}${s.encoding ? ` (${s.encoding})` : ''} → ${s.table ? `${s.table} ${TABLES[s.table].zh}` : '?'}${direction}`);
    for (const c of s.columns) out(`    ${c.header} → ${c.field === IGNORE ? IGNORE : c.field}${MARK[c.confidence] ?? ''}${c.note ? ` — ${c.note}` : ''}`);
    for (const p of s.problems) out(`  ! ${p}`);
    for (const n of s.notes ?? []) out(`  · ${n}`);
  }
}
