/**
 * @module office/profile
 * `renkou-mapping.yaml`, the mapping profile saved beside the export files: written by
 * `renkou map` (and the 数据导入 page) with what was recognised and how surely as comments, read
 * by `renkou ingest`, and meant to be corrected by hand and kept for the next refresh.
 *
 * @example
 * writeProfile(folder, suggestions);           // renkou-mapping.yaml with comments
 * const profile = readProfile(folder);         // null when there is none
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Document, isMap, isPair, isScalar, parse, YAMLError, type Pair, type Scalar } from 'yaml';
import { z } from 'zod';
import { TABLES, type TableName } from '../../contract/tables.ts';
import { CODE_TABLES, type CodeTableName } from './codes.ts';
import type { Confidence } from './headers.ts';
import { mappingProblems, type FileMapping, type MappingProfile } from './mapping.ts';
import { OfficeError } from './OfficeError.ts';

export const PROFILE_FILE = 'renkou-mapping.yaml';

const tableNames = Object.keys(TABLES) as [TableName, ...TableName[]];
const codeNames = Object.keys(CODE_TABLES) as [CodeTableName, ...CodeTableName[]];

const ZOD_ZH = z.locales.zhCN();

const profileSchema = z.strictObject({
  version: z.literal(1).optional(),
  files: z.array(z.strictObject({
    file: z.string().min(1),
    sheet: z.string().min(1).optional(),
    table: z.enum(tableNames),
    direction: z.enum(['in', 'out']).nullable().optional(),
    encoding: z.string().optional(),
    columns: z.record(z.string(), z.string().min(1)),
  })),
  values: z.partialRecord(z.enum(codeNames), z.record(z.string(), z.string())).optional(),
  ignore: z.array(z.string().min(1)).optional(),
});

export function profilePath(folder: string): string {
  return path.join(folder, PROFILE_FILE);
}

/** Where in the profile a problem is, as its editor finds it: files.0.table is the table of the entry of 出生医学证明.csv. */
function whereIn(raw: unknown, at: readonly PropertyKey[]): string {
  if (at.length === 0) return '（根）';
  const entry = at[0] === 'files' && typeof at[1] === 'number' ? (raw as { files?: { file?: unknown }[] }).files?.[at[1]] : undefined;
  const file = typeof entry?.file === 'string' ? `（${entry.file}）` : '';
  return `${at.map(String).join('.')}${file}`;
}

/** The folder's profile, or null when it has none; a profile that cannot be used throws, naming the problem. */
/** What a hand edit most often breaks, in the planner's words; anything else as the parser says it. */
const YAML_PROBLEMS: Partial<Record<YAMLError['code'], string>> = {
  TAB_AS_INDENT: '用了 Tab 键缩进，请改用空格',
  BAD_INDENT: '缩进没有对齐（同一层的行应有同样多的空格）',
  DUPLICATE_KEY: '同一个键（列名或字段）写了两次',
  MISSING_CHAR: '少了一个冒号、引号或括号',
  MULTILINE_IMPLICIT_KEY: '一个键写成了多行（可能少了冒号）',
  BLOCK_AS_IMPLICIT_KEY: '缩进或冒号有误',
  UNEXPECTED_TOKEN: '有一处多余或不认识的字符',
};

function yamlProblem(e: unknown): string {
  if (!(e instanceof YAMLError)) return e instanceof Error ? e.message.split('\n')[0]! : String(e);
  const where = e.linePos ? `第 ${e.linePos[0].line} 行第 ${e.linePos[0].col} 列：` : '';
  return `${where}${YAML_PROBLEMS[e.code] ?? e.message.split('\n')[0]}`;
}

export function readProfile(folder: string): MappingProfile | null {
  const file = profilePath(folder);
  if (!existsSync(file)) return null;
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new OfficeError('profile', `${PROFILE_FILE}：不是有效的 YAML（${yamlProblem(e)}）`, PROFILE_FILE);
  }
  // zod's own Chinese messages (its zh-CN locale): the planner who edited the file reads them
  const parsed = profileSchema.safeParse(raw, { error: ZOD_ZH.localeError });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new OfficeError('profile', `${PROFILE_FILE}：${whereIn(raw, issue?.path ?? [])}：${issue?.message ?? '格式不对'}`, PROFILE_FILE);
  }
  const files: FileMapping[] = parsed.data.files.map((f) => ({
    file: f.file, table: f.table, direction: f.direction ?? null, columns: f.columns, ...(f.sheet ? { sheet: f.sheet } : {}),
  }));
  const problems = files.flatMap(mappingProblems);
  if (problems.length > 0) throw new OfficeError('profile', `${PROFILE_FILE}: ${problems.join('；')}`, PROFILE_FILE);
  return { files, values: parsed.data.values ?? {}, ignored: parsed.data.ignore ?? [] };
}

/** What `renkou map` knows about one column beyond the mapping, written as a comment. */
export interface ColumnNote {
  readonly confidence: Confidence;
  readonly note?: string;
}

export interface ProfileEntry {
  readonly mapping: FileMapping;
  readonly encoding?: string;
  readonly notes: Readonly<Record<string, ColumnNote>>;
  /** Why the table was chosen, or what is still missing. */
  readonly comment: string;
}

const CONFIDENCE_WORDS: Record<Confidence, string> = {
  exact: '确定 exact',
  close: '近似，请核对 close, please check',
  personal: '个人信息，不读取 personal data, never read',
  none: '未能识别，不读取 not placed',
};

const HEADER_COMMENT = [
  ' renkou-mapping.yaml — 导入映射 / import mapping',
  ' 本文件夹中每个文件（或工作表）对应 Renkou 的哪张表，每一列对应哪个字段。由 `renkou map` 生成；',
  ' 可以手工修改（改 table、columns 中的字段名，或把列设为 ignore），下次导入时沿用。',
  ' 字段名与可识别的表头、代码见 docs/data-contract.md。设为 ignore 的列不会被读取。',
  ' values: 可为代码表补充本地代码，例如 sex: {"9": F}（一般不需要）。',
  ' ignore: 不导入的文件或工作表（如 说明.xlsx#填表说明），每行一个。',
].join('\n');

/**
 * Writes the profile with the confidence of every column as a comment, and names at its end the
 * files no table fits (`unplaced`): they are in no entry, and the import stops on them until the
 * planner lists them under `ignore:` or gives them a table.
 */
export function writeProfile(
  folder: string, entries: readonly ProfileEntry[], values: MappingProfile['values'] = {}, ignored: readonly string[] = [], unplaced: readonly string[] = [],
): string {
  const plain = {
    version: 1,
    files: entries.map(({ mapping: m, encoding }) => ({
      file: m.file, ...(m.sheet ? { sheet: m.sheet } : {}), table: m.table,
      ...(m.table === 'migrants' ? { direction: m.direction } : {}),
      ...(encoding ? { encoding } : {}),
      columns: m.columns,
    })),
    values,
    ...(ignored.length > 0 ? { ignore: [...ignored] } : {}),
  };
  const doc = new Document(plain);
  doc.commentBefore = HEADER_COMMENT;
  const files = doc.get('files', true);
  entries.forEach((entry, i) => {
    const node = isMap(files) || !files ? null : (files as { items: unknown[] }).items[i];
    if (!isMap(node)) return;
    const tablePair = node.items.find((p): p is Pair<Scalar, Scalar> => isPair(p) && isScalar(p.key) && p.key.value === 'table');
    if (tablePair && isScalar(tablePair.value)) tablePair.value.comment = ` ${TABLES[entry.mapping.table].zh} ${entry.mapping.table}: ${entry.comment}`;
    const columns = node.get('columns', true);
    if (!isMap(columns)) return;
    for (const pair of columns.items) {
      if (!isPair(pair) || !isScalar(pair.key) || !isScalar(pair.value)) continue;
      const note = entry.notes[String(pair.key.value)];
      if (note) pair.value.comment = ` ${CONFIDENCE_WORDS[note.confidence]}${note.note ? `: ${note.note}` : ''}`;
    }
  });
  if (unplaced.length > 0) {
    doc.comment = [
      ' 未能判断是哪张表、尚未写入映射的文件或工作表 / not placed, not in the mapping:',
      ...unplaced.map((name) => `   ${name}`),
      ' 不需要导入的，把它列在上面的 ignore: 下（没有 ignore: 时加一行 ignore:，其下每行 "  - 文件名"）；',
      ' 需要导入的，照 files: 中的格式为它加一节，写明 table。Add them under ignore:, or give them a table in files:.',
    ].join('\n');
  }
  const file = profilePath(folder);
  writeFileSync(file, doc.toString({ lineWidth: 0 }));
  return file;
}
