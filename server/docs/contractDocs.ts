/**
 * @module contract/renderDocs
 * Writes docs/data-contract.md from the contract module, so the planners' documentation can never
 * drift from what ingest checks (test/contract-docs.test.ts fails when the file is stale;
 * `npm run docs` rewrites it).
 */
import { renderOfficeMarkdown } from '../office/renderDocs.ts';
import { RULES, TABLES, TABLE_ORDER, TOPOJSON_FILE, type ColumnDef } from '../../contract/tables.ts';

const FAMILY_ZH: Record<ColumnDef['family'], string> = {
  id: '文本或整数', text: '文本', integer: '整数', number: '数值', date: '日期 DATE', boolean: '布尔 BOOLEAN',
};

function columnLine(c: ColumnDef): string {
  const need = c.required ? (c.nullable ? '必需（可为空）' : '必需') : '可选';
  const values = c.values ? c.values.map((v) => `\`${v}\``).join(' / ') : '';
  return `| \`${c.name}\` | ${c.zh} | ${c.en} | ${FAMILY_ZH[c.family]} (${c.family}) | ${need} | ${values} |`;
}

export function renderContractMarkdown(): string {
  const lines = [
    '# 数据导出规范 · Export contract (Parquet, CSV, Excel)',
    '',
    '<!-- Generated from contract/tables.ts by `npm run docs`; do not edit by hand. -->',
    '',
    '每个数据集一个文件夹；每张表是一个 Parquet 文件（如 `births.parquet`）或一个 Parquet 文件夹（如 `births/year=2024/part-0.parquet`，支持 hive 分区）。',
    'One folder per data set; each table is a Parquet file or a folder of Parquet files (hive partitions accepted).',
    '',
    '代码采用统计用区划代码：乡镇（街道）9位，村（居）12位，县（区）6位。性别 `M` / `F`。日期为 DATE 类型。',
    'Codes are the national statistical division codes: township 9 digits, village 12, county 6. Sex is `M`/`F`. Dates are DATE.',
    '',
    '导入时逐条检查下列规则：违反规则的记录不会被静默丢弃，而是连同所违反的规则一并存入隔离表（quarantine），并在数据质量页面统计。缺少必需列、类型不符或文件无法读取时，导入终止并给出文件名、列名和规则；原有数据库保持不变。',
    'Every row is checked against the rules below; a row that breaks one is kept in quarantine with the rule, never dropped silently. A missing required column, a wrong type or an unreadable file stops the import with the file, column and rule named, and the current database stays as it was.',
    '',
  ];
  for (const name of TABLE_ORDER) {
    const t = TABLES[name];
    lines.push(`## \`${t.name}\` — ${t.zh} / ${t.en}${t.required ? '' : '（可选 optional）'}`, '');
    lines.push('| 列 column | 含义 | meaning | 类型 type | 要求 | 允许值 allowed |', '|---|---|---|---|---|---|');
    lines.push(...t.columns.map(columnLine), '');
    lines.push(`唯一键 key: ${t.key.map((k) => `\`${k}\``).join(', ')}`, '');
    lines.push('规则（按检查顺序，一条记录计入第一条违反的规则）/ rules, in the order checked:', '');
    lines.push(...t.rules.map((r) => `- \`${r}\`: ${RULES[r].zh} — ${RULES[r].en}`), '');
  }
  lines.push(`## \`${TOPOJSON_FILE}\`（可选 optional）`, '',
    '乡镇（街道）边界 TopoJSON：每个几何对象以 `id` 或 `properties.code` 记录9位乡镇代码。用于地图。',
    'Township polygons as a TopoJSON Topology; each geometry carries its 9-digit township code as `id` or `properties.code`. Used by the map.', '',
    '没有 `regions.topojson` 时，文件夹中第一个 `.topojson` 或 `.geojson` 文件即为边界（GeoJSON 要素的乡镇代码取 `code`、`统计用区划代码`、`区划代码` 或 `id`，12 位代码截为前 9 位）；数据导入页面可与表格文件一同上传，并显示其乡镇数或无法使用的原因。没有边界文件时地图以条形图列出每个乡镇。',
    'Without `regions.topojson`, the folder\'s first `.topojson` or `.geojson` file is the boundary file (a GeoJSON feature\'s township code is its `code`, `统计用区划代码`, `区划代码` property or its id, a 12-digit code cut to 9); the 数据导入 page takes it with the table files and says how many townships it outlines or why it cannot be used. Without one the map lists every township as bars.', '');
  lines.push(renderOfficeMarkdown());
  return lines.join('\n');
}
