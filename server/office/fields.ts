/**
 * @module office/fields
 * What an office file's columns can be, per contract table: the source fields, the headers that
 * name each one (as the 全员人口, 出生医学证明, 婚姻登记 and 流动人口 systems write them), and
 * the contract columns each fills. An ID number fills a birth date and sex, a 12-digit
 * 统计用区划代码 fills the township (its first 9 digits) and the village. This is the one list
 * that `renkou map` recognises headers from and that docs/data-contract.md documents.
 *
 * @example
 * OFFICE_TABLES.births.fields.find((f) => f.name === 'mother_id_number')?.fills; // ['mother_birth_date']
 */
import type { Direction, TableName } from '../../contract/tables.ts';
import type { CodeTableName } from './codes.ts';

/** How a field's text is read: `division` codes keep their digits; `id_number` is a 公民身份号码. */
export type FieldKind = 'id' | 'text' | 'code' | 'date' | 'integer' | 'number' | 'division' | 'id_number' | 'age' | 'boolean';

/** A header, or a header that names this field only in an in- or out-migrant file. */
export type HeaderAlias = string | readonly [header: string, direction: Direction];

export interface SourceField {
  readonly name: string;
  readonly kind: FieldKind;
  /** Contract columns this field fills. */
  readonly fills: readonly string[];
  readonly headers: readonly HeaderAlias[];
  readonly codes?: CodeTableName;
  readonly zh: string;
}

export interface OfficeTable {
  readonly table: TableName;
  /** Words in a file's name that suggest this table. */
  readonly fileWords: readonly string[];
  readonly fields: readonly SourceField[];
  /** Required contract columns filled without a column of their own (county from the code, kind from the name…). */
  readonly derived: readonly string[];
}

const f = (name: string, kind: FieldKind, fills: readonly string[], zh: string, headers: readonly HeaderAlias[], codes?: CodeTableName): SourceField =>
  ({ name, kind, fills, zh, headers, codes });

const sex = f('sex', 'code', ['sex'], '性别', ['性别'], 'sex');
const birthDate = f('birth_date', 'date', ['birth_date'], '出生日期', ['出生日期', '出生时间']);
// An ID number gives a keyed hash only where a rule reads one: the deceased found twice (deaths'
// duplicate_person). Elsewhere it gives the birth date, sex and its check, and nothing of it is kept.
const personIdHeaders = ['公民身份号码', '身份证号码', '身份证号', '身份证件号码', '证件号码', '居民身份证号码', '身份证编号', '居民身份证编号', '身份证件编号'];
const personId = f('person_id_number', 'id_number', ['birth_date', 'sex'], '公民身份号码（得出出生日期、性别）', personIdHeaders);
const deceasedId = f('person_id_number', 'id_number', ['birth_date', 'sex', 'person_key'], '公民身份号码（得出出生日期、性别；查同一人重复）', personIdHeaders);

export const OFFICE_TABLES: Record<TableName, OfficeTable> = {
  regions: {
    table: 'regions', fileWords: ['区划', '乡镇', '行政区划', 'regions'], derived: ['county_code', 'kind'],
    fields: [
      f('code', 'division', ['code'], '乡镇（街道）统计用区划代码（9位或12位）', ['统计用区划代码', '区划代码', '乡镇街道代码', '乡镇代码', '代码', '乡镇街道统计用区划代码']),
      f('name', 'text', ['name'], '名称', ['名称', '乡镇街道名称', '乡镇名称', '区划名称', '单位名称']),
      f('county_code', 'division', ['county_code'], '县（区）代码', ['县区代码', '县代码', '所属县区代码', '县级区划代码']),
      f('kind', 'code', ['kind'], '类型（街道/镇/乡）', ['类型', '乡镇类型', '区划类型', '乡镇街道类型'], 'region_kind'),
      f('name_en', 'text', ['name_en'], '英文名称', ['英文名称', '英文名', '拼音', '拼音名称']),
      f('area_km2', 'number', ['area_km2'], '面积（平方公里）', ['面积', '面积平方公里', '面积km2', '辖区面积']),
    ],
  },
  population: {
    table: 'population', fileWords: ['户籍人口', '人口', 'population'], derived: [],
    fields: [
      f('year', 'integer', ['year'], '年度', ['年度', '年份', '统计年度', '年']),
      f('township_code', 'division', ['township_code'], '乡镇（街道）代码（9位或12位）', ['乡镇街道代码', '户籍地乡镇街道代码', '区划代码', '统计用区划代码', '乡镇代码']),
      sex,
      f('age', 'age', ['age'], '年龄（0–99、100岁及以上/100+）', ['年龄', '年龄岁', '周岁', '年龄组']),
      f('count', 'integer', ['count'], '人数', ['人数', '人口数', '户籍人口', '户籍人口数']),
      f('male_count', 'integer', ['sex', 'count'], '男（人数，按性别分列的宽表）', ['男', '男性', '男性人数', '男人数', '男（人）', '男性（人）', '男性人口']),
      f('female_count', 'integer', ['sex', 'count'], '女（人数，按性别分列的宽表）', ['女', '女性', '女性人数', '女人数', '女（人）', '女性（人）', '女性人口']),
    ],
  },
  births: {
    table: 'births', fileWords: ['出生', '出生医学证明', 'births'], derived: [],
    fields: [
      f('birth_id', 'id', ['birth_id'], '出生医学证明编号', ['出生医学证明编号', '出生证编号', '出生医学证明号', '出生证明编号', '出生医学证明号码']),
      f('birth_date', 'date', ['birth_date'], '出生日期', ['出生日期', '出生时间', '新生儿出生日期']),
      f('township_code', 'division', ['township_code'], '乡镇（街道）代码', ['乡镇街道代码', '现住址乡镇街道代码', '现居住地乡镇街道代码']),
      f('address_code', 'division', ['township_code', 'village_code'], '现住址统计用区划代码（12位：前9位为乡镇）',
        ['现住址行政区划代码', '现住址区划代码', '母亲现住址行政区划代码', '统计用区划代码', '行政区划代码', '区划代码', '村居代码']),
      f('sex', 'code', ['sex'], '性别', ['性别', '新生儿性别', '婴儿性别'], 'sex'),
      f('birth_order', 'integer', ['birth_order'], '孩次', ['孩次', '生育孩次'], 'birth_order'),
      f('plurality', 'integer', ['plurality'], '胎数', ['胎数'], 'plurality'),
      f('mother_id_number', 'id_number', ['mother_birth_date'], '母亲公民身份号码（得出母亲出生日期）',
        ['母亲身份证件号码', '母亲身份证号', '母亲公民身份号码', '母亲身份证号码', '母亲证件号码']),
      f('mother_birth_date', 'date', ['mother_birth_date'], '母亲出生日期', ['母亲出生日期']),
      f('mother_residence', 'code', ['mother_residence'], '母亲户籍性质（户籍/流动）', ['母亲户籍类型', '户籍性质', '母亲户籍性质', '户籍类型', '母亲户口性质'], 'residence'),
      f('policy_status', 'code', ['policy_status'], '政策属性（政策内/政策外/不详）', ['政策属性', '生育政策属性', '政策符合情况'], 'policy_status'),
      f('delivery_place', 'code', ['delivery_place'], '分娩地点（医疗机构/其他）', ['分娩地点', '分娩场所', '分娩地点类型'], 'delivery_place'),
    ],
  },
  marriages: {
    table: 'marriages', fileWords: ['婚姻', '结婚', 'marriages'], derived: [],
    fields: [
      f('marriage_id', 'id', ['marriage_id'], '结婚证字号', ['结婚证字号', '结婚证号', '婚姻登记编号', '登记编号', '结婚证编号']),
      f('registration_date', 'date', ['registration_date'], '登记日期', ['登记日期', '结婚登记日期', '婚姻登记日期']),
      f('township_code', 'division', ['township_code'], '乡镇（街道）代码', ['乡镇街道代码']),
      f('address_code', 'division', ['township_code'], '登记机关区划代码（12位：前9位为乡镇）', ['登记机关区划代码', '区划代码', '统计用区划代码', '现住址行政区划代码']),
      f('husband_id_number', 'id_number', ['husband_birth_date'], '男方公民身份号码（得出出生日期）',
        ['男方身份证号', '男方身份证件号码', '男方公民身份号码', '男方身份证号码']),
      f('wife_id_number', 'id_number', ['wife_birth_date'], '女方公民身份号码（得出出生日期）',
        ['女方身份证号', '女方身份证件号码', '女方公民身份号码', '女方身份证号码']),
      f('husband_birth_date', 'date', ['husband_birth_date'], '男方出生日期', ['男方出生日期']),
      f('wife_birth_date', 'date', ['wife_birth_date'], '女方出生日期', ['女方出生日期']),
      f('husband_prior', 'code', ['husband_prior'], '男方婚前婚姻状况', ['男方婚前婚姻状况', '男方婚前状况', '男方婚姻状况'], 'prior_status'),
      f('wife_prior', 'code', ['wife_prior'], '女方婚前婚姻状况', ['女方婚前婚姻状况', '女方婚前状况', '女方婚姻状况'], 'prior_status'),
    ],
  },
  migrants: {
    table: 'migrants', fileWords: ['流动人口', '流入', '流出', 'migrants'], derived: ['direction'],
    fields: [
      f('migrant_id', 'id', ['migrant_id'], '流动人口编号', ['流动人口编号', '人员编号', '流动人口信息编号', '编号']),
      personId,
      birthDate,
      sex,
      f('township_code', 'division', ['township_code'], '乡镇（街道）代码：流入人口为现居住地，流出人口为户籍地',
        ['乡镇街道代码', ['现居住地乡镇街道代码', 'in'], ['现住址乡镇街道代码', 'in'], ['户籍地乡镇街道代码', 'out']]),
      f('address_code', 'division', ['township_code'], '统计用区划代码（12位）：流入人口为现居住地，流出人口为户籍地',
        [['现居住地行政区划代码', 'in'], ['现住址行政区划代码', 'in'], ['户籍地行政区划代码', 'out'], ['户籍地区划代码', 'out']]),
      f('origin_code', 'division', ['origin_code'], '流入人口的户籍地、流出人口的流入地（省2位或县6位代码）',
        [['户籍地区划代码', 'in'], ['户籍地代码', 'in'], ['户籍省份代码', 'in'], ['流入地区划代码', 'out'], ['流入地代码', 'out'], ['去向地区划代码', 'out']]),
      f('direction', 'code', ['direction'], '流向（流入/流出；也可由文件名得出）', ['流向', '流动方向', '流动类型'], 'direction'),
      f('arrival_date', 'date', ['arrival_date'], '流入时间（流出人口为流出时间）',
        [['流入时间', 'in'], ['流入日期', 'in'], ['来本地时间', 'in'], ['流出时间', 'out'], ['流出日期', 'out'], ['外出时间', 'out']]),
      f('departure_date', 'date', ['departure_date'], '离开时间（流出人口为返回时间）；仍在时为空',
        [['离开时间', 'in'], ['离开日期', 'in'], ['离开本地时间', 'in'], ['返回时间', 'out'], ['返回日期', 'out'], ['返回本地时间', 'out']]),
      f('marital_status', 'code', ['marital_status'], '婚姻状况（GB/T 4766）', ['婚姻状况', '婚姻状态'], 'marital_status'),
      f('has_certificate', 'boolean', ['has_certificate'], '是否持《流动人口婚育证明》', ['是否持证', '是否持有婚育证明', '持证情况', '婚育证明'], 'yes_no'),
    ],
  },
  deaths: {
    table: 'deaths', fileWords: ['死亡', 'deaths'], derived: [],
    fields: [
      f('death_id', 'id', ['death_id'], '死亡证明编号', ['死亡证明编号', '死亡医学证明编号', '死亡证编号', '死亡医学证明书编号']),
      f('death_date', 'date', ['death_date'], '死亡日期', ['死亡日期', '死亡时间']),
      deceasedId,
      birthDate,
      sex,
      f('township_code', 'division', ['township_code'], '乡镇（街道）代码', ['乡镇街道代码', '户籍地乡镇街道代码', '现住址乡镇街道代码']),
      f('address_code', 'division', ['township_code'], '统计用区划代码（12位）', ['统计用区划代码', '区划代码', '户籍地行政区划代码', '现住址行政区划代码']),
    ],
  },
};

/**
 * Headers that hold personal data Renkou never reads (names, phones, addresses, other people's
 * ID numbers), when no field above claims them.
 */
export const PERSONAL_HEADER = /姓名|名字|电话|手机|联系方式|地址|住址|身份证|身份号码|证件号码|工作单位|邮箱|微信|签名|签字/;
/**
 * A header that is a person (逝者, 母亲, 男方, 监护人, 接生人员 …): the column holds that person's name.
 * A list, matched whole: a rule on the ending (人, 者) also took 男（人） and 人数（人）, counts in persons.
 */
export const PERSON_HEADER = new RegExp(`^(${[
  '逝者', '死者', '亡者', '死亡人', '死亡者', '患者', '新生儿', '婴儿', '母亲', '父亲', '产妇', '男方', '女方', '丈夫', '妻子', '配偶',
  '户主', '本人', '家属', '亲属', '家长', '监护人', '医师', '医生', '助产士', '接生人', '接生人员', '接生者', '申请人', '当事人', '联系人',
  '经办人', '经办人员', '填报人', '填表人', '制表人', '报告人', '审核人', '负责人', '统计人', '登记人', '登记员',
].join('|')})$`);

/** Field names every table may map a column to that is not read. */
export const IGNORE = 'ignore';

export function fieldOf(table: TableName, name: string): SourceField | undefined {
  return OFFICE_TABLES[table].fields.find((x) => x.name === name);
}
