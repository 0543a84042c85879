/**
 * @module projection/planningTableOutput
 * The planning table as the office files it: one row per group, one column per year and
 * scenario (the base year as 实际), whole persons, with its title, note and the births jump-off
 * explained below; the same {@link OutputTable} goes to CSV, XLSX and Word.
 */
import type { OutputTable } from '../outputs/table.ts';
import { SCENARIO_ZH, type PlanningTable } from './planningTable.ts';

const SCENARIO_EN = { low: 'low', medium: 'medium', high: 'high', constant: 'constant', zero_migration: 'zero migration', custom: 'custom' } as const;

export function planningTitle(t: PlanningTable, lang: 'zh' | 'en' = 'zh'): string {
  const span = `${t.years[0]}–${t.years[t.years.length - 1]}`;
  return lang === 'zh' ? `${t.name}人口发展规划主要指标预测表（${span}年）` : `${t.name}: planning table ${span}`;
}

export function planningFileName(t: PlanningTable, ext: string): string {
  return `${t.name}_人口规划表_${t.years[0]}-${t.years[t.years.length - 1]}.${ext}`;
}

export function planningOutputTable(t: PlanningTable, lang: 'zh' | 'en' = 'zh'): OutputTable {
  const zh = lang === 'zh';
  const header = (c: PlanningTable['columns'][number]) => (c.scenario === 'observed'
    ? (zh ? `${c.year}年（实际）` : `${c.year} (observed)`)
    : (zh ? `${c.year}年${SCENARIO_ZH[c.scenario]}` : `${c.year} ${SCENARIO_EN[c.scenario]}`));
  return {
    title: planningTitle(t, lang),
    columns: [{ header: zh ? '指标（人）' : 'Group (persons)' }, ...t.columns.map((c) => ({ header: header(c), decimals: 0 }))],
    rows: t.rows.map((r) => [zh ? r.zh : r.en, ...r.values]),
    note: [zh ? t.notes.zh : t.notes.en, t.jumpOff ? (zh ? t.jumpOff.text.zh : t.jumpOff.text.en) : ''].filter(Boolean).join(zh ? '' : ' '),
  };
}
