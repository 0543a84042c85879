/**
 * @module i18n/strings/import
 * The words of the 数据导入 page and of the per-township data quality, in Chinese and English
 * (kept in their own table, looked up with `w`, because their short keys would collide with the main table's).
 */
import type { Lang } from '../index.ts';

export const WORDS = {
  importPage: { zh: '数据导入', en: 'Import data' },
  adminOnly: { zh: '只有管理员可以导入数据。', en: 'Only an admin may import data.' },
  intro: {
    zh: '上传业务系统导出的 CSV（.csv、.txt，UTF-8 或 GBK）或 Excel（.xlsx；系统导出的 .xls 网页表格也可）文件（可附乡镇边界 .geojson 或 .topojson 文件），核对每个文件对应的表和每一列对应的字段，先试运行查看将要接受和隔离的记录，再正式导入。姓名等个人信息列不会被读取；公民身份号码只用于得出出生日期和性别，不会被保存。',
    en: 'Upload the CSV (.csv, .txt; UTF-8 or GBK) or Excel (.xlsx, and the .xls web-page tables systems export) files your systems export (and a township boundary file, .geojson or .topojson, if you have one), check the table of each file and the field of each column, dry-run to see what would be accepted and quarantined, then import. Names are never read; ID numbers only give birth date and sex and are not kept.',
  },
  step1: { zh: '第一步：选择文件', en: 'Step 1: choose the files' },
  chooseFiles: { zh: '选择文件', en: 'Choose files' },
  upload: { zh: '上传', en: 'Upload' },
  orFolder: { zh: '或使用服务器上的文件夹', en: 'or use a folder on the server' },
  useFolder: { zh: '使用此文件夹', en: 'Use this folder' },
  noFiles: { zh: '请先选择要上传的文件。', en: 'Choose the files to upload first.' },
  uploading: { zh: '正在上传并识别……', en: 'Uploading and recognising…' },
  step2: { zh: '第二步：核对映射', en: 'Step 2: check the mapping' },
  mappingNote: {
    zh: '每一列右侧为建议的字段；“近似”需核对，“不读取”的列不会被导入。如有错误，请用下拉框更正后点击“保存映射”。',
    en: 'Each column shows the suggested field; check the close ones; columns marked "not read" are not imported. Correct with the selects, then Save mapping.',
  },
  table: { zh: '对应的表', en: 'Table' },
  notImported: { zh: '— 不导入', en: '— not imported' },
  chooseTable: { zh: '— 请选择（是哪张表，或不导入）', en: '— choose (which table, or not imported)' },
  direction: { zh: '流向', en: 'Direction' },
  dirIn: { zh: '流入', en: 'in' },
  dirOut: { zh: '流出', en: 'out' },
  dirNone: { zh: '（按列）', en: '(from a column)' },
  column: { zh: '列', en: 'Column' },
  field: { zh: '字段', en: 'Field' },
  samples: { zh: '示例值', en: 'Sample values' },
  confidence: { zh: '识别', en: 'Recognised' },
  exact: { zh: '确定', en: 'exact' },
  close: { zh: '近似', en: 'close' },
  personal: { zh: '个人信息，不读取', en: 'personal, not read' },
  none: { zh: '未识别', en: 'not placed' },
  edited: { zh: '已修改', en: 'edited' },
  ignore: { zh: '（不读取）', en: '(not read)' },
  hidden: { zh: '（不显示）', en: '(not shown)' },
  saveMapping: { zh: '保存映射', en: 'Save mapping' },
  saved: { zh: '映射已保存（renkou-mapping.yaml），下次导入时沿用。', en: 'Mapping saved (renkou-mapping.yaml); it is reused next time.' },
  problems: { zh: '需要处理的问题', en: 'To resolve (the import writes its messages in Chinese, naming each file and column as the files do)' },
  boundaries: { zh: '乡镇边界文件：', en: 'Township boundaries: ' },
  boundariesTownships: { zh: '（{n} 个乡镇），用于地图。', en: ' ({n} townships), drawn on the map.' },
  boundariesBad: { zh: '无法使用，见上方问题。', en: 'cannot be used: see the problems above.' },
  noBoundaries: {
    zh: '没有乡镇边界文件（.geojson 或 .topojson）：地图将以条形图列出每个乡镇。如有边界文件，请与表格文件一同上传。',
    en: 'No township boundary file (.geojson or .topojson): the map will list every township as bars. Upload one with the tables if you have it.',
  },
  noProblems: { zh: '映射完整，可以试运行。', en: 'The mapping is complete: dry-run it.' },
  step3: { zh: '第三步：试运行', en: 'Step 3: dry run' },
  dryRun: { zh: '试运行', en: 'Dry run' },
  dryRunning: { zh: '正在试运行（检查全部规则，不导入）……', en: 'Dry run (checking every rule, importing nothing)…' },
  dryRunNote: { zh: '试运行结果：以下为将要接受和隔离的记录数，尚未导入。', en: 'Dry run: what would be accepted and quarantined; nothing imported yet.' },
  wouldStop: { zh: '按现在的文件，正式导入将会停止：', en: 'With these files the import itself would stop:' },
  wouldStopSee: { zh: '按现在的文件，正式导入将会停止，原因见下。', en: 'With these files the import itself would stop: see below.' },
  step4: { zh: '第四步：导入', en: 'Step 4: import' },
  runImport: { zh: '导入', en: 'Import' },
  countyName: { zh: '县（区）名称', en: 'County name' },
  allowEmptied: { zh: '清空这次没有文件的数据（上方消息所说的表或流入、流出人口），再试运行或导入', en: 'Empty the data that has no file this time (the table or migrant direction named above), then dry-run or import again' },
  countyNamePlaceholder: { zh: '如：清河县', en: 'e.g. 清河县' },
  importing: { zh: '正在导入……', en: 'Importing…' },
  imported: { zh: '导入完成，仪表盘已使用新数据。', en: 'Imported: the dashboard now shows the new data.' },
  failed: { zh: '导入失败：', en: 'Import failed: ' },
  rowsRead: { zh: '读取', en: 'Read' },
  accepted: { zh: '接受', en: 'Accepted' },
  quarantined: { zh: '隔离（按规则）', en: 'Quarantined (by rule)' },
  files: { zh: '文件数', en: 'Files' },
  // per-township quality
  byTownship: { zh: '各乡镇（街道）数据质量', en: 'Data quality by township' },
  byTownshipNote: {
    zh: '接受：导入的出生、婚姻、流动人口、死亡记录数；隔离：按规则计；政策属性不详：出生中政策属性为“不详”的数。管理员可下载本乡镇的隔离记录（仅含记录编号、日期、规则，不含姓名和身份证号），下载会记入审计日志。',
    en: 'Accepted: birth, marriage, migrant and death records imported; quarantined: by rule; policy unknown: births whose policy status is unknown. Admins may download a township\'s quarantined records (record number, dates, rule; no names or ID numbers); downloads are audited.',
  },
  byTownshipSpan: { zh: '统计范围：导入数据中的全部记录（{from}–{to}年），不是某一年的（某年的政策属性不详见“考核”的数据质量项）。', en: 'Counted over every record imported ({from}–{to}), not one year (a year\'s unknown policy status is the data-quality item of the assessment).' },
  quarantinedTotal: { zh: '隔离', en: 'Quarantined' },
  noTownshipCode: { zh: '无乡镇代码', en: 'no-township-code' },
  byRuleCol: { zh: '其中按规则', en: 'of which, by rule' },
  quarantineCol: { zh: '隔离记录', en: 'Quarantined records' },
  townshipCol: { zh: '乡镇（街道）', en: 'Township' },
  unknownTownship: { zh: '（代码不在区划表中或缺失）', en: '(code not in regions, or missing)' },
  policyUnknown: { zh: '政策属性不详', en: 'Policy unknown' },
  download: { zh: '下载隔离记录', en: 'Download quarantined records' },
  blankRows: { zh: '以下各表中所读各列都为空的行（多为 Excel 另存为 CSV 时的“,,,,”空行）不是记录：未读取，也不计入隔离。', en: 'Rows with nothing in any column read (mostly the ",,,," rows Excel saves for empty rows) are not records: left out, not quarantined.' },
  fell: { zh: '以下各表接受的行数不到上次导入的一半（这次 / 上次）。导入会替换整张表：若文件只含新的月份，请改为导出全部记录。', en: 'These tables accepted less than half the rows of the last import (now / last). An import replaces each whole table: if the files hold only the new month, export all records instead.' },
  lostYears: { zh: '上次导入有 {years} 年的户籍人口，这次没有：导入后这些年份将没有人口数据。请把各年的户籍人口文件一并放入。', en: 'The last import had registered population for {years}, this one has not: after the import those years have no population. Put every year\'s population file in.' },
  emptyFiles: { zh: '以下文件只有表头，没有数据行（没有读到任何记录；若不应为空，请检查是否导出了正确的月份或文件）：', en: 'These files have a header and no rows under it (nothing was read from them; if they should not be empty, check that the right month or file was exported):' },
  records: { zh: '“读取”是文件中的数据行（与 Excel 中看到的行数相同）；以下各表的行数与记录数不同（户籍人口按性别分列时每行为男、女两条，按5岁组提供时分解为单岁，按村或户口性质分行时相加，合计行不是记录），“接受”“隔离”按记录计：', en: '"Read" counts the data rows in the files (as Excel shows them); the rows of these tables are not one record each (a population by sex in columns gives two a row, one in 5-year groups is graduated to single ages, lines by village or hukou type are added up, total lines are no records), and "accepted" and "quarantined" count records:' },
  graduated: { zh: '户籍人口按5岁组提供，已用 Sprague 方法分解为单岁。', en: 'The registered population came in 5-year groups and was graduated to single ages (Sprague).' },
  totalLines: {
    zh: '户籍人口中有 {n} 行是合计行（合计、小计、全县），其人数已在各行中，未作为记录读取。',
    en: '{n} registered-population lines were totals (合计, 小计, 全县): their people are in the other lines, so they were not read as records.',
  },
  linesAdded: {
    zh: '户籍人口有 {n} 行与同一年度、乡镇（街道）、性别、年龄的行相加（按村或按户口性质分行的表）；完全相同的重复行不相加，按重复隔离。',
    en: '{n} registered-population lines were added to lines of the same year, township, sex and age (a table by village or by hukou type); lines repeated exactly are not added but quarantined as duplicates.',
  },
  openAgeSplit: {
    zh: '户籍人口的最高年龄组为“{ages}岁及以上”，已按模型生命表（全国同年预期寿命）的静止人口分到各岁直至100岁及以上，合计不变；这些高龄单岁人数是推算的。',
    en: 'The registered population\'s oldest group was {ages}+: it was shared over single ages up to 100+ by the stationary population of a model life table (China\'s life expectancy for the year), its total unchanged; those single ages are estimates.',
  },
} as const;

export type ImportWord = keyof typeof WORDS;

export function w(key: ImportWord, lang: Lang): string {
  return WORDS[key][lang];
}
