/**
 * @module office/codes
 * The value codes offices write, and the contract value each stands for: sex per GB/T 2261.1,
 * marital status per GB/T 4766, and the labels of the population, birth and migrant systems.
 * Keys are compared after trimming; a value not listed passes through unchanged, so the rule
 * files quarantine it as `invalid_value` with the value visible. A mapping profile may add to
 * or override any table (`values:` in renkou-mapping.yaml).
 *
 * @example
 * CODE_TABLES.sex['2']; // 'F'
 */

export type CodeTableName =
  | 'sex' | 'marital_status' | 'prior_status' | 'residence' | 'policy_status' | 'direction'
  | 'yes_no' | 'delivery_place' | 'region_kind' | 'birth_order' | 'plurality';

export interface CodeTable {
  readonly zh: string;
  readonly en: string;
  /** Standard or source the codes follow, for the documentation. */
  readonly source: string;
  readonly codes: Readonly<Record<string, string>>;
}

/** Each contract value with itself, so canonical values always pass. */
const identity = (...values: string[]) => Object.fromEntries(values.map((v) => [v, v]));

export const CODE_TABLES: Record<CodeTableName, CodeTable> = {
  sex: {
    zh: '性别', en: 'sex', source: 'GB/T 2261.1',
    codes: { ...identity('M', 'F'), 1: 'M', 2: 'F', 男: 'M', 女: 'F', 男性: 'M', 女性: 'F', 男婴: 'M', 女婴: 'F', 男孩: 'M', 女孩: 'F' },
  },
  marital_status: {
    zh: '婚姻状况', en: 'marital status', source: 'GB/T 4766',
    codes: {
      ...identity('never_married', 'married', 'divorced', 'widowed'),
      10: 'never_married', 20: 'married', 21: 'married', 22: 'married', 23: 'married', 30: 'widowed', 40: 'divorced',
      未婚: 'never_married', 已婚: 'married', 有配偶: 'married', 初婚: 'married', 再婚: 'married', 复婚: 'married',
      丧偶: 'widowed', 离婚: 'divorced',
    },
  },
  prior_status: {
    zh: '婚前婚姻状况', en: 'marital status before the marriage', source: 'GB/T 4766',
    codes: { ...identity('never_married', 'divorced', 'widowed'), 10: 'never_married', 30: 'widowed', 40: 'divorced', 未婚: 'never_married', 丧偶: 'widowed', 离婚: 'divorced' },
  },
  residence: {
    zh: '户籍性质', en: 'residence', source: '全员人口信息系统',
    codes: { ...identity('registered', 'migrant'), 户籍: 'registered', 本地户籍: 'registered', 本县户籍: 'registered', 本市户籍: 'registered', 本区户籍: 'registered', 户籍人口: 'registered', 常住: 'registered',
      流动: 'migrant', 流动人口: 'migrant', 非户籍: 'migrant', 外来: 'migrant', 外来人口: 'migrant', 外地户籍: 'migrant' },
  },
  policy_status: {
    zh: '政策属性', en: 'policy status', source: '出生医学证明 / 全员人口信息系统',
    codes: { ...identity('compliant', 'noncompliant', 'unknown'), 政策内: 'compliant', 符合政策: 'compliant', 政策外: 'noncompliant', 不符合政策: 'noncompliant', 不详: 'unknown', 政策属性不详: 'unknown', 未知: 'unknown' },
  },
  direction: {
    zh: '流向', en: 'direction', source: '流动人口系统',
    codes: { ...identity('in', 'out'), 流入: 'in', 流出: 'out', 流入人口: 'in', 流出人口: 'out' },
  },
  yes_no: {
    zh: '是/否', en: 'yes / no', source: '',
    codes: { true: 'true', false: 'false', 是: 'true', 否: 'false', 有: 'true', 无: 'false', 已持证: 'true', 持证: 'true', 未持证: 'false', 1: 'true', 0: 'false', Y: 'true', N: 'false' },
  },
  delivery_place: {
    zh: '分娩地点', en: 'place of delivery', source: '出生医学证明',
    codes: { ...identity('hospital', 'other'), 医疗机构: 'hospital', 医院: 'hospital', 住院: 'hospital', 卫生院: 'hospital', 妇幼保健院: 'hospital', 家中: 'other', 途中: 'other', 其他: 'other', 其它: 'other' },
  },
  region_kind: {
    zh: '乡镇类型', en: 'kind of township', source: '统计用区划代码',
    codes: { ...identity('town', 'township', 'subdistrict'), 街道: 'subdistrict', 街道办事处: 'subdistrict', 镇: 'town', 乡: 'township', 民族乡: 'township', 苏木: 'township' },
  },
  birth_order: {
    zh: '孩次', en: 'birth order', source: '出生医学证明',
    codes: {
      一孩: '1', 二孩: '2', 三孩: '3', 四孩: '4', 五孩: '5', 第一孩: '1', 第二孩: '2', 第三孩: '3', 第四孩: '4', 第五孩: '5',
      '1孩': '1', '2孩': '2', '3孩': '3', '4孩': '4', '5孩': '5', 第1孩: '1', 第2孩: '2', 第3孩: '3', 第4孩: '4', 第5孩: '5',
    },
  },
  plurality: {
    zh: '胎数', en: 'plurality', source: '出生医学证明',
    codes: { 单胎: '1', 双胎: '2', 双胞胎: '2', 三胎: '3', 多胎: '3' },
  },
};

/** Code tables as the two lists a DuckDB MAP is built from, with a profile's additions on top. */
export function codeLists(name: CodeTableName, extra: Readonly<Record<string, string>> = {}): { keys: string[]; values: string[] } {
  const merged = { ...CODE_TABLES[name].codes, ...extra };
  return { keys: Object.keys(merged), values: Object.values(merged) };
}
