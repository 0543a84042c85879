/**
 * @module office/suggest
 * `renkou map`'s work: for every office table in a folder (each CSV, each non-empty sheet), read
 * its headers and first rows, recognise the contract table and every column it can, and say
 * what could not be placed. A profile already in the folder wins for the files it names, so
 * a correction made by hand survives the next `renkou map`.
 *
 * Sample values are shown for columns that carry no personal data: never for names, phones,
 * addresses or ID numbers.
 *
 * @example
 * const suggestions = await suggestMapping(connection, folder, work);
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { TABLES, type Direction, type TableName } from '../../contract/tables.ts';
import { fieldOf, IGNORE } from './fields.ts';
import { isOfficeError } from './OfficeError.ts';
import { damagedIdNumbers, exponentShown, isExcelExponent, isIdNumber } from './idNumberSample.ts';
import { directionOf, isFieldHeader, isPersonalHeader, recogniseColumns, scoreTables, type ColumnGuess, type Confidence } from './headers.ts';
import { missingColumns, sourceName, type FileMapping, type MappingProfile } from './mapping.ts';
import type { ProfileEntry } from './profile.ts';
import { listOfficeFiles, openOfficeFile, sampleSource, type OpenMode, type Source } from './tabular.ts';
import type { ColumnSuggestion, Suggestion } from '../../contract/imports.ts';
export type { ColumnSuggestion, Suggestion };

function samplesOf(rows: readonly string[][], i: number): string[] {
  const seen = new Set<string>();
  for (const row of rows) {
    const v = (row[i] ?? '').trim();
    if (v !== '') seen.add(v);
    if (seen.size === 3) break;
  }
  return [...seen];
}

/**
 * An ID number (GB 11643, 18 or 15 characters) among the values, whatever the column is called — also as
 * Excel shows a number cell of 15–18 digits (1.30524193301172E+17 keeps area code and birth date).
 */
const ID_NUMBER_VALUE = /^\d{17}[\dXx]$|^\d{15}$|^\d\.\d+E\+1[4-7]$/i;


/**
 * Whether a column's values may be shown as samples: never a name or an ID number, however the
 * column was placed — by recognition, by a saved mapping (which marks names `ignore`), or not at
 * all (a file no table fits) — nor any column whose first values look like ID numbers.
 */
function isPrivate(table: TableName | null, c: ColumnGuess, samples: readonly string[]): boolean {
  if (c.confidence === 'personal') return true;
  if (c.field === IGNORE && isPersonalHeader(c.header)) return true;
  if (table && c.field !== IGNORE && fieldOf(table, c.field)?.kind === 'id_number') return true;
  return samples.some((v) => ID_NUMBER_VALUE.test(v.replace(/\s/g, '')));
}

/**
 * Why a column may not be read as the field it was given (a hand-edited profile, or a header close
 * to a field's name), or null: a personal header (姓名, 身份证编号 …) read as anything but an ID
 * number, or values that are ID numbers read as a record number or text — they would be stored
 * as they are, in the quarantine's copy of a row at least. (Its own names pass: 现住址行政区划代码.)
 */
function personalMisuse(table: TableName, c: ColumnGuess, samples: readonly string[]): string | null {
  if (c.field === IGNORE) return null;
  const field = fieldOf(table, c.field);
  if (!field || field.kind === 'id_number' || isFieldHeader(field, c.header)) return null;
  const as = `${field.zh}（${field.name}）`;
  if (isPersonalHeader(c.header)) return `列“${c.header}”是个人信息（姓名、身份证号、电话、住址等），不能作为${as}导入，请设为不导入`;
  if (samples.some(isIdNumber)) return `列“${c.header}”的值是公民身份号码，不能作为${as}导入（身份证号只用来得出出生日期、性别，不保存），请把它设为身份证号字段或不导入`;
  return null;
}

/**
 * A saved profile's columns for this file's headers. A header the profile does not list (new since
 * it was saved, e.g. 乡镇(街道) 代码 for 乡镇（街道）代码) is recognised as without one, unless its field
 * is already placed; a profile column the file no longer has, whose field no other column now places,
 * is said (not silently dropped: the import would read the table without it).
 */
function withProfile(fromProfile: FileMapping, table: TableName | null, headers: string[], direction: Direction | null): { guesses: ColumnGuess[]; vanished: string[] } {
  const listed = (h: string) => Object.hasOwn(fromProfile.columns, h);
  const placed = new Set(headers.filter(listed).map((h) => fromProfile.columns[h]).filter((f) => f !== IGNORE));
  const auto = table ? recogniseColumns(table, headers, direction).columns : [];
  const guesses = headers.map((header, i): ColumnGuess => {
    if (listed(header)) {
      const field = fromProfile.columns[header]!;
      return { header, field, confidence: field !== IGNORE ? 'exact' : isPersonalHeader(header) ? 'personal' : 'none' };
    }
    const guess = auto[i];
    return guess && guess.field !== IGNORE && !placed.has(guess.field) ? guess : { header, field: IGNORE, confidence: guess?.confidence === 'personal' ? 'personal' : 'none' };
  });
  const vanished = Object.entries(fromProfile.columns)
    .filter(([h, f]) => f !== IGNORE && !headers.includes(h) && !guesses.some((g) => g.field === f))
    .map(([h, f]) => `映射文件中的列“${h}”（${f}）在文件中已不存在，请在映射中为它选择新的列（文件的列：${headers.join('、')}）`);
  return { guesses, vanished };
}

/** Suggestion for one table of a file, from its headers and sample rows (and the profile's mapping, if any). */
export function suggestFor(source: Pick<Source, 'name' | 'fileName' | 'sheet' | 'encoding'> & { headerRow?: number }, headers: string[], rows: string[][], fromProfile: FileMapping | null): Suggestion {
  const scores = scoreTables(source.fileName, headers);
  const [best, second] = scores;
  const guessed: TableName | null = best && best.score >= 4 ? best.table : null;
  const table = fromProfile?.table ?? guessed;
  const tableSure = fromProfile !== null || (guessed !== null && (!second || best!.score >= second.score + 2));
  const direction = fromProfile?.direction ?? (table === 'migrants' ? directionOf(source.fileName, headers) : null);
  let guesses: ColumnGuess[];
  let vanished: string[] = [];
  if (fromProfile) {
    ({ guesses, vanished } = withProfile(fromProfile, table, headers, direction));
  } else if (table) {
    guesses = recogniseColumns(table, headers, direction).columns;
  } else {
    guesses = headers.map((header) => ({ header, field: IGNORE, confidence: (isPersonalHeader(header) ? 'personal' : 'none') as Confidence }));
  }
  const columns = guesses.map((c, i) => {
    // a file no table fits may be anything (a list of names, a 填表说明 with a contact's name and phone):
    // of its values only those without Chinese words are shown (codes, dates, numbers, 男/女)
    const samples = samplesOf(rows, i).filter((v) => table !== null || !/\p{Script=Han}{2}/u.test(v));
    return { ...c, samples: isPrivate(table, c, samples) ? [] : samples };
  });
  const problems: string[] = [];
  let missing: string[] = [];
  if (!table) {
    // Where the header was taken from, not its cells: a merged two-row header makes a data row the header, and its cells may be a name.
    const where = source.headerRow ? `表头取自第 ${source.headerRow} 行（共 ${headers.length} 列；表头占两行或有合并单元格时，请改为一行表头）；` : '';
    problems.push(`${source.name}：无法判断是哪张表（出生、婚姻、流动人口、死亡、户籍人口或区划），${where}请选择“对应的表”（映射文件中的 table）；不需要导入的文件或工作表（如填表说明）请设为不导入（映射文件中列入 ignore）`);
  } else {
    if (!tableSure) problems.push(`${source.name}：看起来是${TABLES[table].zh}表，但与其他表相近，请确认 table`);
    missing = missingColumns({ table, direction, columns: Object.fromEntries(columns.map((c) => [c.header, c.field])) });
    if (missing.length > 0) {
      const words = missing.map((m) => `${m}（${TABLES[table].columns.find((c) => c.name === m)?.zh ?? m}）`);
      problems.push(`${source.name}：找不到这些必需列：${words.join('、')}`);
    }
    if (table === 'migrants' && direction === null && !columns.some((c) => c.field === 'direction')) {
      problems.push(`${source.name}：无法判断流入还是流出（文件名或列名中没有“流入/流出”，也没有流向列），请设置 direction: in 或 out`);
    }
    // a column that lost its field to a surer one is only a note (the other is read); a tie must be decided
    for (const c of columns) if (c.undecided) problems.push(`${source.name}：列“${c.header}”${c.note}`);
    const valuesOf = (i: number) => rows.map((r) => r[i] ?? '');
    guesses.forEach((c, i) => {
      const misuse = personalMisuse(table, c, valuesOf(i));
      if (misuse) problems.push(`${source.name}：${misuse}`);
    });
    columns.forEach((c, i) => {
      const kind = c.field === IGNORE ? null : fieldOf(table, c.field)?.kind;
      if (kind !== 'id' && kind !== 'division') return;
      const scientific = valuesOf(i).map((v) => v.trim()).find(isExcelExponent);
      if (!scientific) return;
      const shown = exponentShown(scientific);
      const harm = kind === 'id' ? `记录编号看来被 Excel 存成了数字（如 ${shown}），末几位已丢失，不同的记录会成为同一个编号、被当作重复隔离`
        : `区划代码看来被 Excel 存成了数字（如 ${shown}），末几位已丢失，乡镇无法识别，这些行都会被隔离（unknown_township）`;
      problems.push(`${source.name}：列“${c.header}”的${harm}。请在 Excel 中把这一列设为“文本”格式，从业务系统重新导出后再导入`);
    });
    columns.forEach((c, i) => {
      if (c.field === IGNORE || fieldOf(table, c.field)?.kind !== 'id_number') return;
      const damaged = damagedIdNumbers(valuesOf(i));
      if (damaged) {
        problems.push(`${source.name}：列“${c.header}”的身份证号看来被 Excel 存成了数字（前几行${damaged}），末几位已丢失，这些行都会被隔离（id_excel_number 或校验码错误）。请在 Excel 中把这一列设为“文本”格式，从业务系统重新导出后再导入`);
      }
    });
    for (const v of vanished) problems.push(`${source.name}：${v}`);
  }
  return {
    source: source.name, file: source.fileName, ...(source.sheet ? { sheet: source.sheet } : {}), encoding: source.encoding,
    // a 流向 column gives each row's direction: the file's own (guessed from its headers) is not used
    table, tableSure, direction: columns.some((c) => c.field === 'direction') ? null : direction, columns, headers, missing, problems, fromProfile: fromProfile !== null,
  };
}

/** A suggestion with the source it was made from (a sample copy, or the table as an import reads it). */
export interface SourceSuggestion {
  /** Null for a whole file the mapping leaves out (it is not opened), or one that could not be opened. */
  readonly source: Source | null;
  readonly suggestion: Suggestion;
}

/**
 * Suggestions for every office table in the folder, each made from the first rows of its file.
 * An import opens the files `'later'` (office/tabular): the sources it gets are the copies it
 * will read, decoded while it works.
 */
export async function suggestMapping(connection: DuckDBConnection, folder: string, work: string, profile: MappingProfile | null, mode: OpenMode = 'sample'): Promise<SourceSuggestion[]> {
  const out: SourceSuggestion[] = [];
  for (const fileName of listOfficeFiles(folder)) {
    // a whole file left out is not opened by an import (it may be anything); the mapping step opens it,
    // if it can, to show its headers, so that a planner who gives it a table maps them there
    const fileIgnored = profile?.ignored.includes(fileName) ?? false;
    let sources: Source[] | null;
    try {
      sources = !fileIgnored ? await openOfficeFile(folder, fileName, work, mode)
        : mode === 'sample' ? await openOfficeFile(folder, fileName, work, mode).catch(() => null) : null;
    } catch (e) {
      // a file that cannot be read (a real Excel 97–2003 file, an unknown encoding) is that file's problem,
      // said beside the others; a planner who does not need it sets it to 不导入
      if (!isOfficeError(e) || (e.code !== 'format' && e.code !== 'encoding')) throw e;
      out.push({ source: null, suggestion: unreadableSuggestion(fileName, e.message) });
      continue;
    }
    if (sources === null) {
      out.push({ source: null, suggestion: ignoredSuggestion({ name: fileName, fileName, encoding: '' }) });
      continue;
    }
    for (const source of sources) {
      if (fileIgnored || profile?.ignored.includes(source.name)) {
        // its headers only: none of its values is shown
        const sample = mode === 'sample' ? await sampleSource(connection, source).catch(() => null) : null;
        const columns = (sample?.headers ?? []).map((header): ColumnSuggestion => ({ header, field: IGNORE, confidence: isPersonalHeader(header) ? 'personal' : 'none', samples: [] }));
        out.push({ source, suggestion: ignoredSuggestion(source, columns, sample?.headers ?? []) });
        continue;
      }
      const { headers, rows } = await sampleSource(connection, source);
      const saved = profile?.files.find((f) => sourceName(f) === source.name || (f.file === source.fileName && !f.sheet)) ?? null;
      out.push({ source, suggestion: suggestFor(source, headers, rows, saved) });
    }
  }
  return withFieldsOthersHave(out);
}

/**
 * Notes on the files of a table that lack a field another file of it has (the 2022 sheet without its
 * 分娩地点 column): their records will have none, which the import would not otherwise say.
 */
function withFieldsOthersHave(found: SourceSuggestion[]): SourceSuggestion[] {
  const placed = (s: Suggestion) => new Set(s.columns.map((c) => c.field).filter((f) => f !== IGNORE));
  return found.map((f) => {
    const s = f.suggestion;
    if (!s.table || s.ignored) return f;
    const mine = placed(s);
    // migrants: an in-file and an out-file have different dates by design; compare files of one direction
    const others = found.filter((o) => o !== f && o.suggestion.table === s.table && !o.suggestion.ignored && o.suggestion.direction === s.direction);
    const notes: string[] = [];
    for (const field of new Set(others.flatMap((o) => [...placed(o.suggestion)]))) {
      if (mine.has(field) || s.missing.includes(field) || (field === 'direction' && s.direction)) continue;
      const having = others.filter((o) => placed(o.suggestion).has(field)).map((o) => o.suggestion.source);
      const zh = (fieldOf(s.table, field)?.zh ?? field).replace(/（.*）$/, ''); // 分娩地点（医疗机构/其他） → 分娩地点
      notes.push(`${s.source}：没有“${zh}”列（${field}），${having.join('、')} 有：这个文件的记录将没有${zh}`);
    }
    return notes.length > 0 ? { ...f, suggestion: { ...s, notes } } : f;
  });
}

/**
 * The profile's `ignore:` entries that name no file or sheet in the folder, as problems to say beside
 * others: a misspelt entry (说明.xlxs) leaves its file unplaced, and the planner looks for the typo.
 * Not a problem on its own (last month's file may simply be gone).
 */
export function ignoresMatchingNothing(profile: MappingProfile | null, found: readonly SourceSuggestion[]): string[] {
  const names = new Set(found.flatMap(({ suggestion: s }) => [s.source, s.file]));
  return (profile?.ignored ?? []).filter((name) => !names.has(name))
    .map((name) => `映射文件 ignore: 中的“${name}”在文件夹中没有这个文件或工作表（名字写错了？工作表写作“文件名#工作表名”）`);
}

/**
 * A source the mapping leaves out: named, so the page can offer it again, with its columns when the
 * mapping step sampled it (none of them placed, samples kept from personal columns as for any file).
 */
function ignoredSuggestion(
  source: Pick<Source, 'name' | 'fileName' | 'sheet'> & { encoding: string }, columns: ColumnSuggestion[] = [], headers: string[] = [],
): Suggestion {
  return {
    source: source.name, file: source.fileName, ...(source.sheet ? { sheet: source.sheet } : {}), encoding: source.encoding,
    table: null, tableSure: true, direction: null, columns, headers, missing: [], problems: [], fromProfile: true, ignored: true,
  };
}

/** A file that could not be opened: no table, no columns, the reason as its problem. */
function unreadableSuggestion(fileName: string, reason: string): Suggestion {
  return {
    source: fileName, file: fileName, encoding: '', table: null, tableSure: false, direction: null, columns: [], headers: [], missing: [],
    problems: [`${reason}；不需要导入的文件请设为不导入（映射文件中列入 ignore）`], fromProfile: false,
  };
}

/** The mapping a suggestion stands for, when it has a table. */
export function mappingOf(s: Suggestion): FileMapping | null {
  if (!s.table) return null;
  return {
    file: s.file, ...(s.sheet ? { sheet: s.sheet } : {}), table: s.table, direction: s.direction,
    columns: Object.fromEntries(s.columns.map((c) => [c.header, c.field])),
  };
}

/** Profile entries (with comments) for the suggestions that have a table. */
export function profileEntries(suggestions: readonly Suggestion[]): ProfileEntry[] {
  return suggestions.flatMap((s) => {
    const mapping = mappingOf(s);
    if (!mapping) return [];
    const placed = s.columns.filter((c) => c.field !== IGNORE).length;
    const comment = s.missing.length > 0 ? `缺少必需列 missing ${s.missing.join(', ')}` : `按表头识别 recognised from ${placed} of ${s.columns.length} columns`;
    return [{ mapping, encoding: s.encoding, comment, notes: Object.fromEntries(s.columns.map((c) => [c.header, { confidence: c.confidence, ...(c.note ? { note: c.note } : {}) }])) }];
  });
}
