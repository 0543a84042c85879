/**
 * @module contract/tables
 * The Parquet export contract (DESIGN.md, "The export contract"): every table, column,
 * type family, allowed value and row rule. This is the single source of truth: ingest
 * checks files against it, the generator writes files from it, the tests and
 * `docs/data-contract.md` read it.
 *
 * @example
 * const births = TABLES.births;
 * births.columns.find((c) => c.name === 'sex')?.values; // ['M', 'F']
 */

/** How a column's Parquet type is judged: any integer width is an `integer`, etc. */
export type TypeFamily = 'id' | 'text' | 'integer' | 'number' | 'date' | 'boolean';

/** The DuckDB type each family is stored as after ingest. */
export const STORAGE_TYPE: Record<TypeFamily, string> = {
  id: 'VARCHAR',
  text: 'VARCHAR',
  integer: 'INTEGER',
  number: 'DOUBLE',
  date: 'DATE',
  boolean: 'BOOLEAN',
};

export interface ColumnDef {
  readonly name: string;
  readonly family: TypeFamily;
  readonly required: boolean;
  /** A null is allowed (e.g. `departure_date` while the migrant is present). */
  readonly nullable?: boolean;
  /** Allowed values for coded text columns. */
  readonly values?: readonly string[];
  /** Filled by the office-file mapping (server/office/) from what it found at the door; a Parquet export leaves it out. */
  readonly office?: boolean;
  readonly zh: string;
  readonly en: string;
}

export type TableName = 'regions' | 'population' | 'births' | 'marriages' | 'migrants' | 'deaths';

export interface TableDef {
  readonly name: TableName;
  readonly required: boolean;
  readonly zh: string;
  readonly en: string;
  /** Columns that identify a row; a repeat is quarantined as a duplicate. */
  readonly key: readonly string[];
  readonly columns: readonly ColumnDef[];
  /** Row rules checked at ingest, in the order they are tested (a row is quarantined under the first it breaks). */
  readonly rules: readonly RuleId[];
}

export type RuleId =
  | 'id_excel_number'
  | 'id_format'
  | 'id_check_digit'
  | 'id_birth_date'
  | 'unreadable_value'
  | 'missing_value'
  | 'invalid_value'
  | 'bad_code'
  | 'unknown_township'
  | 'future_date'
  | 'mother_under_12'
  | 'mother_over_60'
  | 'spouse_under_16'
  | 'death_before_birth'
  | 'arrival_before_birth'
  | 'departure_before_arrival'
  | 'duplicate_id'
  | 'duplicate_person';

export interface RuleDef {
  readonly id: RuleId;
  readonly zh: string;
  readonly en: string;
  /** Which quality measure a break of this rule counts against (主要项目完整率 vs 逻辑关系准确率). */
  readonly measure: 'completeness' | 'consistency';
}

export const RULES: Record<RuleId, RuleDef> = {
  id_excel_number: {
    id: 'id_excel_number', measure: 'consistency',
    zh: '公民身份号码被 Excel 存成了数字（科学计数法，如 1.30524E+17，末几位已丢失）：请在 Excel 中把该列设为“文本”格式，从业务系统重新导出',
    en: 'an ID number that Excel saved as a number (scientific notation such as 1.30524E+17: its last digits are lost); export the column again as text',
  },
  id_format: { id: 'id_format', measure: 'consistency', zh: '公民身份号码位数或字符不符（应为18位或15位）', en: 'an ID number is neither 18 characters (17 digits + digit or X) nor 15 digits' },
  id_check_digit: { id: 'id_check_digit', measure: 'consistency', zh: '公民身份号码校验码错误（GB 11643）', en: 'an ID number fails its check digit (GB 11643, ISO 7064 MOD 11-2)' },
  id_birth_date: { id: 'id_birth_date', measure: 'consistency', zh: '公民身份号码中的出生日期不存在', en: 'the birth date inside an ID number is not a calendar date' },
  unreadable_value: { id: 'unreadable_value', measure: 'consistency', zh: '取值无法识别（日期或数字格式不符）', en: 'a date or number could not be read' },
  missing_value: { id: 'missing_value', measure: 'completeness', zh: '必填项目缺失', en: 'a required value is missing' },
  invalid_value: { id: 'invalid_value', measure: 'consistency', zh: '代码或取值不在允许范围内', en: 'a value is outside the allowed codes or range' },
  bad_code: { id: 'bad_code', measure: 'consistency', zh: '区划代码位数不符', en: 'a division code has the wrong number of digits' },
  unknown_township: { id: 'unknown_township', measure: 'consistency', zh: '乡镇（街道）代码不在区划表中', en: 'the township code is not in regions' },
  future_date: { id: 'future_date', measure: 'consistency', zh: '日期晚于导入日期', en: 'a date lies after the import date' },
  mother_under_12: { id: 'mother_under_12', measure: 'consistency', zh: '生育时母亲不满12周岁', en: 'the mother was under 12 at the birth' },
  mother_over_60: { id: 'mother_over_60', measure: 'consistency', zh: '生育时母亲超过60周岁', en: 'the mother was over 60 at the birth' },
  spouse_under_16: { id: 'spouse_under_16', measure: 'consistency', zh: '登记时一方不满16周岁', en: 'a spouse was under 16 at registration' },
  death_before_birth: { id: 'death_before_birth', measure: 'consistency', zh: '死亡日期早于出生日期', en: 'the death date is before the birth date' },
  arrival_before_birth: { id: 'arrival_before_birth', measure: 'consistency', zh: '流入（出）日期早于出生日期', en: 'the arrival date is before the birth date' },
  departure_before_arrival: { id: 'departure_before_arrival', measure: 'consistency', zh: '离开日期早于到达日期', en: 'the departure date is before the arrival date' },
  duplicate_id: { id: 'duplicate_id', measure: 'consistency', zh: '记录编号（或主键）重复', en: 'the record id (or key) repeats an earlier row' },
  duplicate_person: {
    id: 'duplicate_person', measure: 'consistency', zh: '同一人重复登记死亡（公民身份号码相同、记录编号不同）',
    en: 'the same person (same ID number) already died in an earlier row under another record id',
  },
};

export const SEXES = ['M', 'F'] as const;
export const REGION_KINDS = ['town', 'township', 'subdistrict'] as const;
export const RESIDENCES = ['registered', 'migrant'] as const;
export const POLICY_STATUSES = ['compliant', 'noncompliant', 'unknown'] as const;
export const PRIOR_STATUSES = ['never_married', 'divorced', 'widowed'] as const;
export const MARITAL_STATUSES = ['never_married', 'married', 'divorced', 'widowed'] as const;
export const DIRECTIONS = ['in', 'out'] as const;
export const DELIVERY_PLACES = ['hospital', 'other'] as const;
/**
 * What the office-file mapping found in a row's ID numbers (公民身份号码): `ok`, or the first
 * problem. Null when the row's dates and sex did not come from ID numbers.
 */
export const ID_CHECKS = ['ok', 'excel_number', 'format', 'check_digit', 'birth_date'] as const;
/** Single years of age 0..100; 100 is the open group 100+. */
export const MAX_AGE = 100;

export type Sex = (typeof SEXES)[number];
export type RegionKind = (typeof REGION_KINDS)[number];
export type Residence = (typeof RESIDENCES)[number];
export type PolicyStatus = (typeof POLICY_STATUSES)[number];
export type PriorStatus = (typeof PRIOR_STATUSES)[number];
export type MaritalStatus = (typeof MARITAL_STATUSES)[number];
export type Direction = (typeof DIRECTIONS)[number];

const township = { name: 'township_code', family: 'text', required: true, zh: '乡镇（街道）代码（9位）', en: 'township code (9 digits)' } as const;
/**
 * Columns that the office-file mapping fills (server/office/): what it found at the door. A
 * canonical Parquet export leaves them out. Keys are keyed hashes of ID numbers, never the numbers.
 */
const idCheck = { name: 'id_check', family: 'text', required: false, nullable: true, office: true, values: ID_CHECKS, zh: '公民身份号码检查结果（导入映射填写）', en: 'ID-number check (filled by the office-file mapping)' } as const;
const unreadable = { name: 'unreadable', family: 'text', required: false, nullable: true, office: true, zh: '无法识别取值的列（导入映射填写）', en: 'columns whose value could not be read (filled by the office-file mapping)' } as const;
const personKey = (name: string, zh: string, en: string) =>
  ({ name, family: 'text', required: false, nullable: true, office: true, zh: `${zh}公民身份号码的密钥散列（不存号码本身）`, en: `keyed hash of ${en} ID number (never the number)` }) as const;
const ID_RULES = ['id_excel_number', 'id_format', 'id_check_digit', 'id_birth_date', 'unreadable_value'] as const;
const sex = { name: 'sex', family: 'text', required: true, values: SEXES, zh: '性别（M 男 / F 女）', en: 'sex (M / F)' } as const;

export const TABLES: Record<TableName, TableDef> = {
  regions: {
    name: 'regions', required: true, zh: '区划', en: 'townships', key: ['code'],
    columns: [
      { name: 'code', family: 'text', required: true, zh: '乡镇（街道）代码（9位统计用区划代码）', en: 'township code (9-digit statistical division code)' },
      { name: 'name', family: 'text', required: true, zh: '名称', en: 'name (Chinese)' },
      { name: 'county_code', family: 'text', required: true, zh: '县（区）代码（6位）', en: 'county code (6 digits)' },
      { name: 'kind', family: 'text', required: true, values: REGION_KINDS, zh: '类型（town 镇 / township 乡 / subdistrict 街道）', en: 'kind (town / township / subdistrict)' },
      { name: 'name_en', family: 'text', required: false, nullable: true, zh: '英文名称', en: 'English name' },
      { name: 'area_km2', family: 'number', required: false, nullable: true, zh: '面积（平方公里）', en: 'area (km²)' },
      unreadable,
    ],
    rules: ['unreadable_value', 'missing_value', 'invalid_value', 'bad_code', 'duplicate_id'],
  },
  population: {
    name: 'population', required: true, zh: '户籍人口（年末）', en: 'registered population at 31 December', key: ['year', 'township_code', 'sex', 'age'],
    columns: [
      { name: 'year', family: 'integer', required: true, zh: '年份', en: 'year' },
      township,
      sex,
      { name: 'age', family: 'integer', required: true, zh: '年龄（0–100，100为100岁及以上）', en: 'age (0..100, 100 = 100+)' },
      { name: 'count', family: 'integer', required: true, zh: '人数', en: 'persons' },
      unreadable,
    ],
    rules: ['unreadable_value', 'missing_value', 'invalid_value', 'unknown_township', 'duplicate_id'],
  },
  births: {
    name: 'births', required: true, zh: '出生', en: 'births', key: ['birth_id'],
    columns: [
      { name: 'birth_id', family: 'id', required: true, zh: '出生记录编号', en: 'birth record id' },
      { name: 'birth_date', family: 'date', required: true, zh: '出生日期', en: 'date of birth' },
      township,
      sex,
      { name: 'birth_order', family: 'integer', required: true, zh: '孩次', en: 'birth order (1, 2, 3…)' },
      { name: 'mother_birth_date', family: 'date', required: true, zh: '母亲出生日期', en: "mother's date of birth" },
      { name: 'mother_residence', family: 'text', required: true, values: RESIDENCES, zh: '母亲户籍性质（registered 户籍 / migrant 流动）', en: "mother's residence (registered / migrant)" },
      { name: 'policy_status', family: 'text', required: true, values: POLICY_STATUSES, zh: '政策属性（compliant 政策内 / noncompliant 政策外 / unknown 不详）', en: 'policy status (compliant / noncompliant / unknown)' },
      { name: 'village_code', family: 'text', required: false, nullable: true, zh: '村（居）代码（12位）', en: 'village code (12 digits)' },
      { name: 'plurality', family: 'integer', required: false, nullable: true, zh: '胎数（1 单胎，2 双胎…）', en: 'plurality (1 single, 2 twins…)' },
      { name: 'delivery_place', family: 'text', required: false, nullable: true, values: DELIVERY_PLACES, zh: '分娩地点（hospital 住院 / other 其他）', en: 'place of delivery (hospital / other)' },
      personKey('mother_key', '母亲', "the mother's"),
      idCheck,
      unreadable,
    ],
    rules: [...ID_RULES, 'missing_value', 'invalid_value', 'unknown_township', 'future_date', 'mother_under_12', 'mother_over_60', 'duplicate_id'],
  },
  marriages: {
    name: 'marriages', required: true, zh: '婚姻登记', en: 'marriage registrations', key: ['marriage_id'],
    columns: [
      { name: 'marriage_id', family: 'id', required: true, zh: '婚姻登记编号', en: 'marriage record id' },
      { name: 'registration_date', family: 'date', required: true, zh: '登记日期', en: 'registration date' },
      township,
      { name: 'husband_birth_date', family: 'date', required: true, zh: '男方出生日期', en: "husband's date of birth" },
      { name: 'wife_birth_date', family: 'date', required: true, zh: '女方出生日期', en: "wife's date of birth" },
      { name: 'husband_prior', family: 'text', required: true, values: PRIOR_STATUSES, zh: '男方婚前状况（未婚 / 离婚 / 丧偶）', en: "husband's prior status" },
      { name: 'wife_prior', family: 'text', required: true, values: PRIOR_STATUSES, zh: '女方婚前状况（未婚 / 离婚 / 丧偶）', en: "wife's prior status" },
      personKey('husband_key', '男方', "the husband's"),
      personKey('wife_key', '女方', "the wife's"),
      idCheck,
      unreadable,
    ],
    rules: [...ID_RULES, 'missing_value', 'invalid_value', 'unknown_township', 'future_date', 'spouse_under_16', 'duplicate_id'],
  },
  migrants: {
    name: 'migrants', required: true, zh: '流动人口', en: 'migrants', key: ['migrant_id'],
    columns: [
      { name: 'migrant_id', family: 'id', required: true, zh: '流动人口编号', en: 'migrant record id' },
      township,
      { name: 'direction', family: 'text', required: true, values: DIRECTIONS, zh: '流向（in 流入：在本地居住、户籍在外；out 流出：户籍在本地、在外居住）', en: 'direction (in: living here, hukou elsewhere; out: hukou here, living elsewhere)' },
      sex,
      { name: 'birth_date', family: 'date', required: true, zh: '出生日期', en: 'date of birth' },
      { name: 'arrival_date', family: 'date', required: true, zh: '流入（流出）日期', en: 'date of arrival (or of leaving, for out-migrants)' },
      { name: 'departure_date', family: 'date', required: true, nullable: true, zh: '离开（返回）日期，仍在时为空', en: 'date of departure (or return), null while present' },
      { name: 'origin_code', family: 'text', required: true, zh: '户籍地（流出目的地）省或县代码', en: 'province or county code of hukou (or destination)' },
      { name: 'marital_status', family: 'text', required: true, values: MARITAL_STATUSES, zh: '婚姻状况', en: 'marital status' },
      { name: 'has_certificate', family: 'boolean', required: true, zh: '是否持《流动人口婚育证明》', en: 'holds the migrant marriage-and-childbearing certificate' },
      personKey('person_key', '本人', "the person's"),
      idCheck,
      unreadable,
    ],
    rules: [...ID_RULES, 'missing_value', 'invalid_value', 'unknown_township', 'future_date', 'arrival_before_birth', 'departure_before_arrival', 'duplicate_id'],
  },
  deaths: {
    name: 'deaths', required: false, zh: '死亡', en: 'deaths', key: ['death_id'],
    columns: [
      { name: 'death_id', family: 'id', required: true, zh: '死亡记录编号', en: 'death record id' },
      { name: 'death_date', family: 'date', required: true, zh: '死亡日期', en: 'date of death' },
      township,
      sex,
      { name: 'birth_date', family: 'date', required: true, zh: '出生日期', en: 'date of birth' },
      personKey('person_key', '死者', "the deceased's"),
      idCheck,
      unreadable,
    ],
    rules: [...ID_RULES, 'missing_value', 'invalid_value', 'unknown_township', 'future_date', 'death_before_birth', 'duplicate_id', 'duplicate_person'],
  },
};

/** Tables in the order they are ingested: regions first, because the others are checked against it. */
export const TABLE_ORDER: readonly TableName[] = ['regions', 'population', 'births', 'marriages', 'migrants', 'deaths'];

/** The optional TopoJSON file of township polygons, keyed by `code`. */
export const TOPOJSON_FILE = 'regions.topojson';

export function isTableName(name: string): name is TableName {
  return Object.hasOwn(TABLES, name);
}
