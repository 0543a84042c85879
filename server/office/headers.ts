/**
 * @module office/headers
 * Recognising an office file's headers: which contract table the file is, which source field
 * each column is (office/fields.ts), with what confidence, and what could not be placed.
 * Headers are compared after NFKC folding (full-width brackets and digits become ASCII) with
 * spaces, brackets, 的 and colons removed, so `乡镇（街道）代码`, `乡镇(街道) 代码` and
 * `乡镇街道的代码` are one header.
 *
 * @example
 * recogniseColumns('births', ['出生医学证明编号', '母亲姓名'], null).columns[1]; // { header: '母亲姓名', field: 'ignore', confidence: 'personal' }
 */
import type { Direction, TableName } from '../../contract/tables.ts';
import { IGNORE, OFFICE_TABLES, PERSON_HEADER, PERSONAL_HEADER, type HeaderAlias, type SourceField } from './fields.ts';
import type { Confidence, ColumnGuess } from '../../contract/imports.ts';
export type { Confidence, ColumnGuess };

export function normaliseHeader(header: string): string {
  return header.normalize('NFKC').toLowerCase().replace(/[\s()[\]【】{}<>《》:：的_\-—.、,，'"]/g, '');
}

function aliasHeader(alias: HeaderAlias): string {
  return typeof alias === 'string' ? alias : alias[0];
}

function aliasFits(alias: HeaderAlias, direction: Direction | null): boolean {
  return typeof alias === 'string' || direction === null || alias[1] === direction;
}

/** The best field for one header, with its confidence and (for `close`) the length of the alias that matched. */
function matchHeader(fields: readonly SourceField[], header: string, direction: Direction | null): { field: SourceField; confidence: 'exact' | 'close'; score: number } | null {
  const h = normaliseHeader(header);
  if (h === '') return null;
  // A personal header (身份证编号, 母亲姓名 …) is an ID number or nothing: a close match on a word it
  // contains (编号) would store its values as a record number.
  const personal = isPersonalHeader(header);
  let best: { field: SourceField; confidence: 'exact' | 'close'; score: number } | null = null;
  for (const field of fields) {
    for (const alias of field.headers) {
      if (!aliasFits(alias, direction)) continue;
      const a = normaliseHeader(aliasHeader(alias));
      // A direction-tagged alias beats an untagged one of the same header.
      const tagBonus = typeof alias === 'string' ? 0 : 0.5;
      if (a === h) {
        const score = 1000 + tagBonus;
        if (!best || score > best.score) best = { field, confidence: 'exact', score };
      } else if (a.length >= 2 && h.includes(a) && (!personal || field.kind === 'id_number')) {
        const score = a.length + tagBonus;
        if (!best || (best.confidence === 'close' && score > best.score)) best = { field, confidence: 'close', score };
      }
    }
  }
  return best;
}

/**
 * Places each header of a file of `table`: the best field per header, then one header per field
 * (an exact name beats a close one; two equal claims leave both unplaced, naming each other).
 */
export function recogniseColumns(table: TableName, headers: readonly string[], direction: Direction | null): { columns: ColumnGuess[] } {
  const fields = OFFICE_TABLES[table].fields;
  const matches = headers.map((h) => matchHeader(fields, h, direction));
  const columns: ColumnGuess[] = headers.map((header, i) => {
    const m = matches[i];
    if (!m) return { header, field: IGNORE, confidence: isPersonalHeader(header) ? 'personal' : 'none' };
    const rivals = matches.flatMap((other, j) => (j !== i && other?.field === m.field ? [{ j, other }] : []));
    const winner = rivals.find(({ other }) => other!.score > m.score);
    const tied = rivals.filter(({ other }) => other!.score === m.score);
    const field = `${m.field.zh.replace(/（.*$/, '')}（${m.field.name}）`;
    if (winner) return { header, field: IGNORE, confidence: 'none', note: `未读取：列“${headers[winner.j]}”更像${field}` };
    if (tied.length > 0) {
      return { header, field: IGNORE, confidence: 'none', undecided: true, note: `与列“${tied.map(({ j }) => headers[j]).join('”“')}”同样像${field}，请在映射中指定由哪一列读取` };
    }
    return { header, field: m.field.name, confidence: m.confidence };
  });
  // An ID-number column that no field claims is personal data, not just unplaced.
  return { columns: columns.map((c) => (c.confidence === 'none' && !c.note && isPersonalHeader(c.header) ? { ...c, confidence: 'personal' } : c)) };
}

/** True when `header` is one of the field's own names (现住址行政区划代码 for address_code), not just close to one. */
export function isFieldHeader(field: SourceField, header: string): boolean {
  const h = normaliseHeader(header);
  return field.headers.some((alias) => normaliseHeader(aliasHeader(alias)) === h);
}

/** A header that names personal data Renkou never reads (母亲姓名, 身份证号 …), however it is spaced or bracketed. */
export function isPersonalHeader(header: string): boolean {
  const h = normaliseHeader(header);
  // 现住址行政区划代码, 户籍地址编码: a division's code, not an address
  return (PERSONAL_HEADER.test(h) && !/代码|编码|区划/.test(h)) || PERSON_HEADER.test(h);
}

/** The direction a migrant file's name or headers say (流入/流出), or null. */
export function directionOf(fileName: string, headers: readonly string[]): Direction | null {
  const name = fileName.normalize('NFKC');
  const inName = /流入|inflow|[_-]in\b/i.test(name);
  const outName = /流出|outflow|[_-]out\b/i.test(name);
  if (inName !== outName) return inName ? 'in' : 'out';
  const votes = { in: 0, out: 0 };
  for (const field of OFFICE_TABLES.migrants.fields) {
    for (const alias of field.headers) {
      if (typeof alias === 'string') continue;
      if (headers.some((h) => normaliseHeader(h) === normaliseHeader(alias[0]))) votes[alias[1]]++;
    }
  }
  if (votes.in === votes.out) return null;
  return votes.in > votes.out ? 'in' : 'out';
}

/** Tables scored by how many headers they place (exact 2, close 1) plus a bonus for file-name words. */
export function scoreTables(fileName: string, headers: readonly string[]): { table: TableName; score: number }[] {
  const name = fileName.normalize('NFKC');
  return (Object.keys(OFFICE_TABLES) as TableName[]).map((table) => {
    const direction = table === 'migrants' ? directionOf(fileName, headers) : null;
    const { columns } = recogniseColumns(table, headers, direction);
    const placed = columns.reduce((s, c) => s + (c.confidence === 'exact' ? 2 : c.confidence === 'close' ? 1 : 0), 0);
    const named = OFFICE_TABLES[table].fileWords.some((w) => name.includes(w)) ? 1.5 : 0;
    return { table, score: placed + named };
  }).sort((a, b) => b.score - a.score);
}
