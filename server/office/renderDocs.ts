/**
 * @module office/renderDocs
 * The part of docs/data-contract.md about office files: the headers `renkou map` recognises for
 * each table, what each fills, the value codes it reads, the date forms and ID-number rules —
 * rendered from office/fields.ts and office/codes.ts so the documentation is the code's own list.
 */
import { TABLES, TABLE_ORDER } from '../../contract/tables.ts';
import { CODE_TABLES, type CodeTableName } from './codes.ts';
import { OFFICE_TABLES, type HeaderAlias } from './fields.ts';
import { PROFILE_FILE } from './profile.ts';

const DIRECTION_ZH = { in: '流入文件', out: '流出文件' } as const;

function alias(a: HeaderAlias): string {
  return typeof a === 'string' ? a : `${a[0]}（${DIRECTION_ZH[a[1]]}）`;
}

export function renderOfficeMarkdown(): string {
  const lines = [
    '## 办公文件（CSV / Excel）· Office files',
    '',
    `导出文件夹中也可以直接放业务系统导出的 CSV（UTF-8 含或不含 BOM、GB18030/GBK，自动识别；逗号、制表符或分号分隔）和 Excel（.xlsx，日期单元格或文本日期均可；表头上方的标题行自动跳过）。业务系统“导出Excel”得到的 .xls 若其实是网页表格（HTML）、Excel 2003 XML 表格或制表符分隔的文本，按其内容读取（合并单元格按 Excel 打开时的位置）；真正的 Excel 97–2003 文件（.xls/.et）请另存为 .xlsx 或 CSV。\`renkou map <文件夹>\` 识别每个文件是哪张表、每列是哪个字段，写出可编辑的 \`${PROFILE_FILE}\`；\`renkou ingest\` 有映射文件时按映射导入，没有时只在全部必需列都能无歧义识别时自动导入（并打印所用映射）。映射之后的处理与 Parquet 完全相同。`,
    `An export folder may also hold CSV (UTF-8 with or without BOM, or GB18030/GBK, detected; comma, tab or semicolon separated) and Excel (.xlsx; date cells or text dates; a title row above the header is skipped). An .xls that a system's 导出Excel wrote as a web page (HTML table), an Excel 2003 XML workbook or tab-separated text is read by what it holds (merged cells where Excel puts them); a real Excel 97–2003 file (.xls/.et) must be saved as .xlsx or CSV. \`renkou map\` writes an editable \`${PROFILE_FILE}\`; \`renkou ingest\` uses it, or maps automatically when every required column is recognised without doubt.`,
    '',
    '- 不需要导入的文件或工作表（填表说明、其他系统的名册）列入映射文件的 `ignore:`（每行一个，工作表写作 `文件#工作表`），或在数据导入页面把它的“对应的表”设为“不导入”。Files or sheets not to import go under `ignore:` in the mapping (a sheet as `file#sheet`), or are set to 不导入 on the import page.',
    '- 表头比较时忽略空格、全角/半角括号、“的”和标点：`乡镇（街道）代码` 与 `乡镇(街道) 代码` 相同。包含已知表头的列（如 `新生儿出生日期`）按“近似”识别。Headers are compared without spaces, brackets, 的 and punctuation; a header containing a known one is a close match.',
    '- 日期：`2024-03-05`、`2024/3/5`、`20240305`、`2024年3月5日`、`2024.3.5`、Excel 日期单元格（可带时间）及存为“常规”格式的 Excel 日期序号（如 `45356` 即 2024-03-05）。数字可带千位分隔符（`1,234`）。无法识别的日期或数字计入规则 `unreadable_value`。',
    '- 区划代码：12位统计用区划代码取前9位为乡镇（街道）、12位为村（居）；县（区）代码为前6位；区划表没有类型列时按名称后缀判断：街道/街道办事处 → subdistrict，镇 → town，乡/民族乡/苏木 → township。流动人口的户籍地/流入地：6位省级代码（如 510000）记为2位省代码，更长的代码取前6位。',
    '- 年龄：`37`、`37岁`、`100岁及以上`、`100+`（100 为 100 岁及以上）。户籍人口可为长表（性别、人数）或按性别分列的宽表（男、女两列）。',
    '- 公民身份号码（GB 11643）：18位（第17位奇数为男，ISO 7064 MOD 11-2 校验码）或15位旧号码（出生于19YY年）。用于得出出生日期和性别；死亡证明的号码另得出带密钥的散列，以查找同一人的重复死亡记录（密钥文件 `renkou-id.secret` 位于数据库旁），其余表不保留号码的任何形式。号码本身不进入数据库、隔离表或日志，散列只随被隔离的死亡记录保存，入库的记录只保留看板统计所需的列。校验码错误、位数不符、出生日期不存在的记录分别计入 `id_check_digit`、`id_format`、`id_birth_date`。',
    '- 所读各列都为空的行（Excel 另存为 CSV 时的 `,,,,` 行、工作表中的空行）不是记录：不读取、不隔离，导入报告中列出其行数。隔离记录的行号是它在 CSV/Excel 文件中的行（与 Excel 的行号相同，标题行、表头和空行都计入）。Rows with nothing in any column read are left out (counted in the report); a quarantined row is numbered as Excel numbers it in the file.',
    '- 姓名、电话、住址等个人信息列一律不读取（映射为 `ignore`）：映射文件把这样的列（或前几行是身份证号的列）映射为身份证号以外的字段时，导入停下并指出该列。记录编号列中出现的身份证号（如列名为“编号”而内容是身份证号）只保存带密钥的散列（`#` 加16位十六进制）。Names, phones, addresses are never read: a mapping that reads such a column (or one whose first values are ID numbers) as anything but an ID number stops the import, naming the column; an ID number found in a record-number column is kept only as a keyed hash.',
    '',
  ];
  for (const name of TABLE_ORDER) {
    const office = OFFICE_TABLES[name];
    lines.push(`### \`${name}\` — ${TABLES[name].zh}`, '', '| 字段 field | 说明 | 填入 fills | 可识别的表头 recognised headers |', '|---|---|---|---|');
    for (const f of office.fields) {
      const codes = f.codes ? `；代码表 ${CODE_TABLES[f.codes].zh}` : '';
      lines.push(`| \`${f.name}\` | ${f.zh}${codes} | ${f.fills.map((c) => `\`${c}\``).join(', ')} | ${f.headers.map(alias).join('、')} |`);
    }
    if (office.derived.length > 0) lines.push('', `无需单独列即可得出 derived without a column: ${office.derived.map((c) => `\`${c}\``).join(', ')}`);
    lines.push(`文件名关键词 file-name words: ${office.fileWords.join('、')}`, '');
  }
  lines.push('### 代码表 · value codes', '', '未列出的取值原样保留，并按规则 `invalid_value` 隔离；可在映射文件的 `values:` 中补充。Unlisted values pass through and are quarantined as `invalid_value`; a profile may add codes.', '');
  for (const name of Object.keys(CODE_TABLES) as CodeTableName[]) {
    const t = CODE_TABLES[name];
    const pairs = Object.entries(t.codes).filter(([k, v]) => k !== v).map(([k, v]) => `\`${k}\`→\`${v}\``);
    lines.push(`- **${t.zh}** (${t.en}${t.source ? `, ${t.source}` : ''}): ${pairs.join('，')}`);
  }
  lines.push('');
  return lines.join('\n');
}
