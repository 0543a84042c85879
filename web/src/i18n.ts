/**
 * @module i18n
 * The dashboard speaks Chinese first (zh-CN), with an English switch kept in the URL (`?lang=en`).
 * Strings are a lookup table keyed by id; `t(key)` answers in the page's language.
 *
 * @example
 * t('overview', 'en'); // 'Overview'
 */
import { ASSESSMENT_STRINGS } from './strings/assessment.ts';

export type Lang = 'zh' | 'en';

const BASE_STRINGS = {
  appName: { zh: '人口', en: 'Renkou' },
  appSubtitle: { zh: '人口监测与预测', en: 'population monitoring and projection' },
  switchLang: { zh: 'English', en: '中文' },
  switchLangLabel: { zh: 'Switch to English', en: '切换到中文' },
  skipToContent: { zh: '跳到正文', en: 'Skip to content' },
  print: { zh: '打印', en: 'Print' },
  // pages
  overview: { zh: '总览', en: 'Overview' },
  township: { zh: '乡镇（街道）', en: 'Townships' },
  srbPage: { zh: '出生人口性别比', en: 'Sex ratio at birth' },
  structure: { zh: '人口结构', en: 'Population structure' },
  projections: { zh: '人口预测', en: 'Projections' },
  quality: { zh: '数据质量', en: 'Data quality' },
  reports: { zh: '报告', en: 'Reports' },
  // login and access
  login: { zh: '登录', en: 'Log in' },
  loginButton: { zh: '登录', en: 'Log in' },
  logout: { zh: '退出', en: 'Log out' },
  loggedInAs: { zh: '当前用户', en: 'Logged in as' },
  townshipAccount: { zh: '乡镇账号', en: 'township account' },
  accessToken: { zh: '访问令牌', en: 'Access token' },
  loginIntro: { zh: '本系统已启用访问控制，请使用管理员发放的访问令牌登录。', en: 'Access control is on: log in with the access token your administrator gave you.' },
  loginHelp: { zh: '令牌形如 rk_xxxxxxxx_…，请完整粘贴；令牌仅保存在本次会话中。', en: 'A token looks like rk_xxxxxxxx_…; paste all of it. It is kept for this session only.' },
  loginEmpty: { zh: '请输入访问令牌。', en: 'Enter your access token.' },
  loginBadToken: { zh: '访问令牌无效：请检查是否完整粘贴，或联系管理员重新发放。', en: 'This access token is not valid: check that you pasted all of it, or ask your administrator for a new one.' },
  loginFailed: { zh: '登录失败：', en: 'Could not log in: ' },
  countyOnly: { zh: '此页为全县汇总数据，您的账号仅可查看本乡镇（街道）的数据。', en: 'This view shows county-wide figures; your account may see its own townships only.' },
  countyOnlyRanking: { zh: '乡镇间性别比排名与漏斗图为全县视图，您的账号仅可查看本乡镇（街道）的数据。', en: 'The ranking and funnel across townships are county-wide views; your account may see its own townships only.' },
  countyOnlyQuality: { zh: '数据质量统计（各表导入行数与隔离记录）为全县数据，您的账号无权查看。', en: 'Data-quality counts (rows imported and quarantined per table) are county-wide: your account may not see them.' },
  countyOnlyBacktest: { zh: '回测精度按全县与全部乡镇计算，您的账号无权查看。', en: 'The backtest covers the county and every township: your account may not see it.' },
  countyOnlySideBySide: { zh: '全部乡镇对比为全县视图，您的账号仅可查看本乡镇（街道）。', en: 'All townships side by side is a county-wide view; your account may see its own townships only.' },
  yourTownships: { zh: '您可查看：', en: 'You may see: ' },
  // common controls
  year: { zh: '年份', en: 'Year' },
  period: { zh: '时期', en: 'Period' },
  periodKind: { zh: '统计口径', en: 'Period' },
  periodYear: { zh: '日历年度', en: 'Calendar year' },
  periodStatyear: { zh: '统计年度（上年10月1日—本年9月30日）', en: 'Statistical year (1 Oct – 30 Sep)' },
  granularity: { zh: '时间粒度', en: 'Granularity' },
  gYear: { zh: '年', en: 'Year' },
  gStatyear: { zh: '统计年度', en: 'Statistical year' },
  gHalf: { zh: '半年', en: 'Half-year' },
  gQuarter: { zh: '季度', en: 'Quarter' },
  gMonth: { zh: '月', en: 'Month' },
  from: { zh: '起始年', en: 'From' },
  to: { zh: '截止年', en: 'To' },
  residence: { zh: '人口类别', en: 'Residence' },
  resAll: { zh: '全部', en: 'All' },
  resRegistered: { zh: '户籍', en: 'Registered' },
  resMigrant: { zh: '流动', en: 'Migrant' },
  county: { zh: '全县', en: 'County' },
  chooseTownship: { zh: '乡镇（街道）', en: 'Township' },
  compareWith: { zh: '对比乡镇（可多选）', en: 'Compare with (several)' },
  loading: { zh: '加载中…', en: 'Loading…' },
  empty: { zh: '所选条件下没有数据。', en: 'No data for this selection.' },
  loadFailed: { zh: '数据加载失败：', en: 'Could not load data: ' },
  downloadCsv: { zh: '下载数据（CSV）', en: 'Download data (CSV)' },
  smallWarning: { zh: '样本量小', en: 'Small numbers' },
  smallWarningText: {
    zh: '个数据点的事件数少于{n}，数值波动大，解读时须谨慎（图中以空心点表示）。',
    en: ' data points rest on fewer than {n} events: they are noisy, read them with care (hollow points).',
  },
  code: { zh: '代码', en: 'Code' },
  name: { zh: '名称', en: 'Name' },
  kind: { zh: '类型', en: 'Kind' },
  subdistrict: { zh: '街道', en: 'subdistrict' },
  town: { zh: '镇', en: 'town' },
  township_kind: { zh: '乡', en: 'township' },
  value: { zh: '数值', en: 'Value' },
  persons: { zh: '人', en: 'persons' },
  couples: { zh: '对', en: 'couples' },
  // overview
  headline: { zh: '主要指标', en: 'Headline figures' },
  vsPrevYear: { zh: '比上年', en: 'vs previous year' },
  vsPrevStatyear: { zh: '比上一统计年度', en: 'vs previous statistical year' },
  births: { zh: '出生人数', en: 'Births' },
  cbr: { zh: '出生率', en: 'Crude birth rate' },
  tfr: { zh: '总和生育率', en: 'Total fertility rate' },
  srb: { zh: '出生人口性别比', en: 'Sex ratio at birth' },
  srbShort: { zh: '性别比', en: 'SRB' },
  interval95: { zh: '95%区间', en: '95% interval' },
  compliance: { zh: '计划生育率', en: 'Policy compliance' },
  complianceRegistered: { zh: '计划生育率（户籍）', en: 'Compliance (registered)' },
  complianceMigrant: { zh: '计划生育率（流动）', en: 'Compliance (migrant)' },
  target: { zh: '目标', en: 'target' },
  meetsTarget: { zh: '达标', en: 'met' },
  missesTarget: { zh: '未达标', en: 'missed' },
  marriages: { zh: '结婚登记', en: 'Marriages' },
  migrantStock: { zh: '流入人口（期末）', en: 'Migrant stock (in)' },
  population: { zh: '常住人口（年末）', en: 'Resident population (31 Dec)' },
  populationRegistered: { zh: '户籍人口（年末）', en: 'Registered population (31 Dec)' },
  share65: { zh: '65岁及以上比重', en: 'Share aged 65+' },
  mapTitle: { zh: '各乡镇（街道）分布图', en: 'Map by township' },
  mapIndicator: { zh: '地图指标', en: 'Map indicator' },
  mapHint: { zh: '点击乡镇（街道）打开其页面。', en: 'Click a township to open its page.' },
  srbSmoothed: { zh: '出生人口性别比（平滑）', en: 'SRB (smoothed)' },
  callouts: { zh: '需要关注的乡镇（街道）', en: 'Townships to watch' },
  calloutsNone: { zh: '本期没有性别比偏高或计划生育率未达标的乡镇（街道）。', en: 'No township with an elevated SRB or a missed compliance target in this period.' },
  calloutSrbHigh: { zh: '性别比偏高：{srb}（{span}合计，95%区间 {lo}–{hi}，整体高于107）', en: 'SRB elevated: {srb} ({span} pooled, 95% interval {lo}–{hi}, wholly above 107)' },
  calloutSrbFunnel: { zh: '性别比{srb}高于全县水平（{span}合计，超出漏斗图{limit}控制限；与107相比为“{judgement}”）', en: 'SRB {srb} above the county’s level ({span} pooled, outside the funnel’s {limit} limit; against 107: {judgement})' },
  calloutCompliance: { zh: '计划生育率（{res}）{value}，低于目标{target}%', en: 'Compliance ({res}) {value}, below the {target}% target' },
  openTownship: { zh: '打开', en: 'open' },
  // township page
  townshipTrends: { zh: '趋势：本乡镇（街道）与全县', en: 'Trends: township against the county' },
  sideBySide: { zh: '各乡镇（街道）比较（最近一期）', en: 'Townships side by side (latest period)' },
  complianceSplit: { zh: '计划生育率：户籍与流动', en: 'Compliance: registered and migrant' },
  birthsTrend: { zh: '出生人数', en: 'Births' },
  marriagesTrend: { zh: '结婚登记对数', en: 'Marriages registered' },
  migrantTrend: { zh: '流入人口存量（期末）', en: 'Migrant stock at period end' },
  // srb page
  birthOrder: { zh: '孩次', en: 'Birth order' },
  orderAll: { zh: '全部孩次', en: 'All orders' },
  order1: { zh: '一孩', en: '1st' },
  order2: { zh: '二孩', en: '2nd' },
  order3: { zh: '三孩及以上', en: '3rd+' },
  estimate: { zh: '估计方法', en: 'Estimate' },
  raw: { zh: '原始值', en: 'Raw' },
  smoothed: { zh: '平滑值（经验贝叶斯）', en: 'Smoothed (empirical Bayes)' },
  srbSeries: { zh: '出生人口性别比及95%区间', en: 'Sex ratio at birth with 95% interval' },
  normalBand: { zh: '正常范围 103–107', en: 'Normal range 103–107' },
  ranking: { zh: '乡镇（街道）排名', en: 'Township ranking' },
  rank: { zh: '名次', en: 'Rank' },
  birthsCount: { zh: '出生数', en: 'Births' },
  male: { zh: '男', en: 'Male' },
  female: { zh: '女', en: 'Female' },
  funnelTitle: { zh: '漏斗图：性别比与出生数', en: 'Funnel plot: SRB against births' },
  funnelNote: {
    zh: '虚线为95%、实线为99.8%控制限（以全县性别比为中心）。出生数少的乡镇区间宽，落在漏斗内不算异常。',
    en: 'Dashed: 95% limits; solid: 99.8% limits around the county ratio. Small townships have wide limits: a point inside the funnel is not a hot spot.',
  },
  funnelClass: { zh: '漏斗位置', en: 'Funnel' },
  above998: { zh: '高于99.8%限', en: 'above 99.8%' },
  above95: { zh: '高于95%限', en: 'above 95%' },
  inside: { zh: '限内', en: 'inside' },
  below95: { zh: '低于95%限', en: 'below 95%' },
  below998: { zh: '低于99.8%限', en: 'below 99.8%' },
  no_births: { zh: '无出生', en: 'no births' },
  flag: { zh: '判断', en: 'Flag' },
  shrinkage: { zh: '收缩权重', en: 'Shrinkage' },
  limit95: { zh: '95%控制限', en: '95% limit' },
  limit998: { zh: '99.8%控制限', en: '99.8% limit' },
  countyRatio: { zh: '全县', en: 'County' },
  // structure page
  pyramid: { zh: '人口金字塔', en: 'Population pyramid' },
  ages: { zh: '年龄分组', en: 'Age groups' },
  agesSingle: { zh: '单岁', en: 'Single years' },
  ages5: { zh: '5岁组', en: '5-year groups' },
  compareYear: { zh: '对比年份', en: 'Compare with year' },
  none: { zh: '不对比', en: 'none' },
  age: { zh: '年龄', en: 'Age' },
  sex: { zh: '性别', en: 'Sex' },
  registeredPresent: { zh: '户籍人口（在本地）', en: 'Registered, living here' },
  migrantIn: { zh: '流入人口', en: 'In-migrants' },
  ageStructure: { zh: '年龄构成', en: 'Age structure' },
  dependency: { zh: '抚养比', en: 'Dependency ratios' },
  schoolAge: { zh: '学龄人口', en: 'School-age population' },
  women1549: { zh: '育龄妇女（15–49岁）', en: 'Women aged 15–49' },
  // projections
  baseYear: { zh: '基期年', en: 'Base year' },
  horizon: { zh: '规划期末年', en: 'End year' },
  scope: { zh: '范围', en: 'Scope' },
  scenario: { zh: '方案', en: 'Scenario' },
  scLow: { zh: '低方案', en: 'Low' },
  scMedium: { zh: '中方案', en: 'Medium' },
  scHigh: { zh: '高方案', en: 'High' },
  scConstant: { zh: '生育率不变', en: 'Constant fertility' },
  scZeroMigration: { zh: '零迁移', en: 'Zero migration' },
  scCustom: { zh: '自定义', en: 'Custom' },
  variant: { zh: '预测类型', en: 'Variant' },
  deterministic: { zh: '确定性', en: 'Deterministic' },
  probabilistic: { zh: '概率预测（含不确定区间）', en: 'Probabilistic (with bands)' },
  customTfr: { zh: '总和生育率', en: 'TFR' },
  customE0: { zh: '出生预期寿命 e0', en: 'Life expectancy e0' },
  customSrb: { zh: '出生性别比', en: 'SRB' },
  customMigration: { zh: '迁移倍数', en: 'Migration multiplier' },
  customTfrYear: { zh: '达到目标生育率的年份', en: 'Year the TFR is reached' },
  customE0Male: { zh: '基期男性 e0', en: 'Base e0, male' },
  customE0Female: { zh: '基期女性 e0', en: 'Base e0, female' },
  customE0Gain: { zh: 'e0 年增幅（岁）', en: 'e0 gain a year' },
  customHint: { zh: '留空则沿用由数据推算的假设（见输入框中的灰色数值）。', en: 'Leave a field empty to keep the assumption derived from the data (the grey value).' },
  projDeaths: { zh: '死亡人数', en: 'Deaths' },
  projCompareBirths: { zh: '方案比较：出生人数', en: 'Scenarios compared: births' },
  projScenarioTable: { zh: '各方案期末数值', en: 'Scenarios at the end of the horizon' },
  median: { zh: '中位数', en: 'median' },
  baseNote: { zh: '基期年末常住人口', en: 'Resident population at the end of the base year' },
  baseParts: { zh: '户籍 {registered} + 流入 {in} − 流出 {out}', en: 'registered {registered} + in-migrants {in} − out-migrants {out}' },
  backtestDetail: { zh: '全县总人口误差 {county}；', en: 'county total error {county}; ' },
  bandNote: { zh: '阴影：浅色为95%区间，深色为80%区间；实线为中位数（{draws}次模拟）。', en: 'Shading: light 95%, dark 80% interval; line: the median ({draws} draws).' },
  // reports
  reportList: { zh: '报告目录', en: 'Reports' },
  reportOpen: { zh: '查看', en: 'Open' },
  reportParams: { zh: '报告参数', en: 'Parameters' },
  reportStandalone: { zh: '打开独立页面（可打印或另存为 PDF）', en: 'Open as a standalone page (print or save as PDF)' },
  reportRendering: { zh: '报告生成中，请稍候…', en: 'Rendering the report…' },
  reportAudienceCounty: { zh: '全县', en: 'county' },
  reportAudienceTownship: { zh: '乡镇', en: 'township' },
  apply: { zh: '计算', en: 'Run' },
  projTotal: { zh: '总人口', en: 'Total population' },
  projBirths: { zh: '出生人数', en: 'Births' },
  projWomen: { zh: '育龄妇女（15–49岁）', en: 'Women 15–49' },
  projSchool: { zh: '学龄人口', en: 'School-age population' },
  projBroad: { zh: '少儿、劳动年龄与老年人口', en: '0–14, 15–64 and 65+' },
  projPyramid: { zh: '预测人口金字塔（拖动滑块选择年份）', en: 'Projected pyramid (drag the slider)' },
  projCompare: { zh: '方案比较：总人口', en: 'Scenarios compared: total population' },
  projMethod: { zh: '方法与假设', en: 'Method and assumptions' },
  projMethodText: {
    zh: '队列要素法（分性别、单岁组、逐年推算）：存活率取自生命表，出生数 = 育龄妇女 × 年龄别生育率，净迁移按近年流动人口流入流出分年龄性别估计，乘以迁移倍数。乡镇预测与全县预测控制一致。',
    en: 'Cohort-component method by sex, single years of age, annual steps: survivorship from a life table, births = women × age-specific fertility, net migration by age and sex from recent migrant flows times the multiplier. Township projections are controlled to the county.',
  },
  backtest: { zh: '回测精度', en: 'Backtest accuracy' },
  backtestText: { zh: '以{base}年为基期（仅用当年及以前的数据，中方案）预测到{to}年，各乡镇总人口的平均绝对百分比误差（MAPE）', en: 'Projecting from {base} (data up to then only, medium scenario) to {to}, the mean absolute percentage error (MAPE) of the townships’ totals' },
  projUnavailable: { zh: '预测服务暂不可用：', en: 'The projection service is not available: ' },
  band80: { zh: '80%区间', en: '80% band' },
  band95: { zh: '95%区间', en: '95% band' },
  projYear: { zh: '年份', en: 'Year' },
  assumptions: { zh: '假设', en: 'Assumptions' },
  // quality
  qualityTable: { zh: '各表导入情况', en: 'Rows by table' },
  table: { zh: '数据表', en: 'Table' },
  rowsRead: { zh: '读取行数', en: 'Rows read' },
  rowsAccepted: { zh: '接收行数', en: 'Accepted' },
  rowsQuarantined: { zh: '隔离行数', en: 'Quarantined' },
  completeness: { zh: '主要项目完整率', en: 'Completeness of key fields' },
  consistency: { zh: '逻辑关系准确率', en: 'Logical consistency' },
  overall: { zh: '合计', en: 'Overall' },
  rule: { zh: '规则', en: 'Rule' },
  quarantineByRule: { zh: '隔离记录（按规则）', en: 'Quarantined rows by rule' },
  noQuarantine: { zh: '没有记录被隔离。', en: 'No rows were quarantined.' },
  ingestedAt: { zh: '导入时间', en: 'Imported at' },
  qualityNote: {
    zh: '主要项目完整率 = 1 − 必填项目缺失行数 ÷ 读取行数；逻辑关系准确率 = 1 − 其他规则隔离行数 ÷ 读取行数。',
    en: 'Completeness = 1 − rows missing a required value ÷ rows read; consistency = 1 − rows breaking another rule ÷ rows read.',
  },
  count: { zh: '行数', en: 'Rows' },
} as const;

const STRINGS = { ...BASE_STRINGS, ...ASSESSMENT_STRINGS } as const satisfies Record<string, Record<Lang, string>>;

export type StringKey = keyof typeof STRINGS;

export function currentLang(): Lang {
  return new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh';
}

export function t(key: StringKey, lang: Lang = currentLang()): string {
  return STRINGS[key][lang];
}

/** `t` with `{name}` slots filled. */
export function tf(key: StringKey, lang: Lang, values: Record<string, string | number>): string {
  return t(key, lang).replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

export function isStringKey(key: string): key is StringKey {
  return Object.hasOwn(STRINGS, key);
}

/** A bilingual name from the API in the page's language. */
export function pick(name: { zh: string; en: string }, lang: Lang): string {
  return name[lang];
}

/** Column headers of CSV downloads, by API field. */
const CSV_HEADERS: Record<string, { zh: string; en: string }> = {
  township: { zh: '乡镇代码', en: 'township' }, name: { zh: '名称', en: 'name' }, period: { zh: '时期', en: 'period' },
  value: { zh: '数值', en: 'value' }, numerator: { zh: '分子', en: 'numerator' }, denominator: { zh: '分母', en: 'denominator' },
  small: { zh: '样本量小', en: 'small' }, previous: { zh: '上期值', en: 'previous' }, change: { zh: '增减', en: 'change' },
  change_pct: { zh: '增减（%）', en: 'change_pct' }, residence: { zh: '人口类别', en: 'residence' },
  male: { zh: '男婴', en: 'male' }, female: { zh: '女婴', en: 'female' }, births: { zh: '出生数', en: 'births' },
  srb: { zh: '性别比', en: 'srb' }, lo: { zh: '95%下限', en: 'lo' }, hi: { zh: '95%上限', en: 'hi' },
  smoothed: { zh: '平滑性别比', en: 'smoothed' }, smoothed_lo: { zh: '平滑下限', en: 'smoothed_lo' }, smoothed_hi: { zh: '平滑上限', en: 'smoothed_hi' },
  shrinkage: { zh: '收缩权重', en: 'shrinkage' }, flag: { zh: '判断', en: 'flag' }, order: { zh: '孩次', en: 'order' },
  rank: { zh: '名次', en: 'rank' }, funnel: { zh: '漏斗位置', en: 'funnel' }, age: { zh: '年龄', en: 'age' }, sex: { zh: '性别', en: 'sex' },
  registered: { zh: '户籍', en: 'registered' }, migrant_in: { zh: '流入', en: 'migrant_in' }, migrant_out: { zh: '流出', en: 'migrant_out' },
  group: { zh: '组别', en: 'group' }, kind: { zh: '类别', en: 'kind' }, target: { zh: '目标（%）', en: 'target' },
  meets_target: { zh: '是否达标', en: 'meets_target' }, unknown: { zh: '政策属性不详', en: 'unknown' },
  unknown_share: { zh: '不详占比（%）', en: 'unknown_share' }, noncompliant: { zh: '政策外', en: 'noncompliant' },
  year: { zh: '年份', en: 'year' }, scenario: { zh: '方案', en: 'scenario' }, series: { zh: '系列', en: 'series' },
  table: { zh: '数据表', en: 'table' }, rule: { zh: '规则', en: 'rule' }, rows: { zh: '行数', en: 'rows' },
  series_label: { zh: '系列', en: 'series' }, births_limit: { zh: '出生数', en: 'births' },
  lo2: { zh: '80%下限', en: 'lo80' }, hi2: { zh: '80%上限', en: 'hi80' }, deterministic: { zh: '确定性预测', en: 'deterministic' },
  lo95: { zh: '95%下限', en: 'lo95' }, hi95: { zh: '95%上限', en: 'hi95' }, lo998: { zh: '99.8%下限', en: 'lo998' }, hi998: { zh: '99.8%上限', en: 'hi998' },
};

export function csvHeader(key: string, lang: Lang): string {
  return CSV_HEADERS[key]?.[lang] ?? key;
}

/** Fills every `[data-i18n]` element with its string in the current language. */
export function translatePage(lang: Lang = currentLang()): void {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const key = el.dataset.i18n ?? '';
    if (isStringKey(key)) el.textContent = t(key, lang);
  }
}
