/**
 * @module i18n/strings/pages
 * Words that used to be written inline in the pages (`zh ? '…' : '…'`): the projection
 * assumptions, scenarios and backtest, the planning table, reports, vital rates, assessment
 * details and the print margins. `{name}` slots are filled by `tf`.
 */
export const PAGE_STRINGS = {
  // units written after a number or year: Chinese attaches them, English leaves the number bare
  yearOf: { zh: '{year}年', en: '{year}' },
  personsOf: { zh: '{n}人', en: '{n}' },
  personsSpaced: { zh: '{n} 人', en: '{n}' },
  listSeparator: { zh: '、', en: ', ' },
  // punctuation around a figure: full-width in Chinese, ASCII with a space in English
  labelColon: { zh: '{label}：', en: '{label}: ' },
  inParens: { zh: '（{text}）', en: ' ({text})' },
  arrowTo: { zh: '　→　', en: ' → ' },
  // projection assumptions
  asmOfWhich: { zh: '其中', en: 'of which' },
  asmTfr: { zh: '总和生育率（{years}年平均）', en: 'TFR ({years} average)' },
  asmTfrObserved: { zh: '本地实际生育率（未向全县收缩）', en: 'Own TFR (before shrinkage)' },
  asmWeight: { zh: '权重', en: 'weight' },
  asmTfrFinal: { zh: '期末总和生育率', en: 'TFR at the end' },
  asmMeanAge: { zh: '平均生育年龄（岁）', en: 'Mean age at birth' },
  asmE0: { zh: '出生预期寿命（男／女，岁）', en: 'Life expectancy e0 (male / female)' },
  asmMortality: { zh: '死亡模式来源', en: 'Mortality from' },
  asmRegisteredDeaths: { zh: '登记死亡', en: 'registered deaths' },
  asmModelLifeTable: { zh: '模型生命表', en: 'model life table' },
  asmSrb: { zh: '出生性别比（女=100）', en: 'SRB (female = 100)' },
  asmCountySrb: { zh: '（采用全县值）', en: ' (county value)' },
  asmMigration: { zh: '年净迁移（人）', en: 'Net migration a year' },
  // projection page
  probabilisticShort: { zh: '概率预测', en: 'probabilistic' },
  pyramidBaseNote: { zh: '虚线为基期年人口。', en: 'Dashed: the base year.' },
  lower95: { zh: '95%下限', en: '95% lower' },
  upper95: { zh: '95%上限', en: '95% upper' },
  observed: { zh: '实际', en: 'observed' },
  school3to5: { zh: '学前 3–5岁', en: 'Pre-school 3–5' },
  school6to11: { zh: '小学 6–11岁', en: 'Primary 6–11' },
  school12to14: { zh: '初中 12–14岁', en: 'Junior 12–14' },
  school15to17: { zh: '高中 15–17岁', en: 'Senior 15–17' },
  scenarioTfr: { zh: '期末总和生育率', en: 'TFR' },
  scenarioAge0to14: { zh: '0–14岁', en: '0–14' },
  scenarioShare65: { zh: '65岁及以上占比', en: '65+ share' },
  scenarioNote: { zh: '低、高方案的总和生育率比中方案低、高0.25，5年内逐步到位；其余假设相同。', en: 'Low and high: the medium TFR ∓ 0.25, phased in over 5 years; everything else as medium.' },
  backtestTownships: { zh: '乡镇0–14岁人口MAPE {young}，65岁及以上 {old}。', en: 'townships 0–14 MAPE {young}, 65+ {old}.' },
  // planning table
  download: { zh: '下载', en: 'Download' },
  planningComputing: { zh: '正在计算规划表…', en: 'Computing the planning table…' },
  planningTitle: { zh: '规划表：主要指标预测（人）', en: 'Planning table (persons)' },
  planningYears: { zh: '年份（逗号分隔，至多30年）', en: 'Years (comma-separated, ≤ 30 years on)' },
  planningYearsOutside: { zh: '年份 {years} 不在 {from}–{to} 年之内，未列入。', en: 'Year(s) {years} are outside {from}–{to}: not listed.' },
  planningScenarios: { zh: '方案', en: 'Scenarios' },
  planningFailed: { zh: '规划表未能生成：', en: 'The planning table failed: ' },
  planningGroup: { zh: '指标', en: 'Group' },
  // reports
  reportCountyOnly: { zh: '全县报告，您的账号无权生成。', en: 'A county report: not open to your account.' },
  reportCurrent: { zh: '（当前报告）', en: '(shown below)' },
  reportWord: { zh: '下载 Word 文档', en: 'Download Word document' },
  reportOwnTownships: { zh: '您的账号可生成本乡镇（街道）的报告。', en: 'Your account may render reports for its own townships.' },
  reportDenied: { zh: '这是全县报告，您的账号仅可生成本乡镇（街道）的报告。', en: 'This is a county report; your account may render reports for its own townships only.' },
  copyImage: { zh: '复制图片', en: 'Copy image' },
  copied: { zh: '已复制', en: 'Copied' },
  copyFailed: { zh: '无法复制，请用“保存PNG”', en: 'Cannot copy: use Save PNG' },
  chartExport: { zh: '图表导出', en: 'Chart export' },
  savePng: { zh: '保存PNG', en: 'Save PNG' },
  saveSvg: { zh: '保存SVG', en: 'Save SVG' },
  // township page
  yearEndFigure: { zh: '年末时点指标，按年显示。', en: 'A 31 December figure: shown by year.' },
  // structure: planning groups and vital rates
  planningGroups: { zh: '规划人群', en: 'Planning groups' },
  yearEnd: { zh: '{year}年末', en: '{year}' },
  vitalTitle: { zh: '人口自然变动（户籍人口，‰）', en: 'Natural change (registered, ‰)' },
  vitalNote: {
    zh: '出生率、死亡率与自然增长率均以户籍人口的期中人年数为分母（死亡为户籍人口死亡登记）；常住人口口径的出生率见指标 cbr_resident。',
    en: 'Birth, death and natural growth rates all on registered person-years (deaths are registered deaths); the resident birth rate is indicator cbr_resident.',
  },
  groupCol: { zh: '人群', en: 'Group' },
  personsCol: { zh: '人数', en: 'Persons' },
  shareOfTotal: { zh: '占总人口（%）', en: 'Share (%)' },
  birthRate: { zh: '出生率', en: 'Birth rate' },
  deathRate: { zh: '死亡率', en: 'Death rate' },
  naturalGrowth: { zh: '自然增长率', en: 'Natural growth' },
  bothSexes: { zh: '合计', en: 'both' },
  lifeExpectancyIn: { zh: '{year}年平均预期寿命（岁，95%区间）：', en: 'Life expectancy {year} (years, 95% interval): ' },
  clauseSeparator: { zh: '；', en: '; ' },
  // assessment details
  detailBirths: { zh: '出生', en: 'births ' },
  detailBefore: { zh: '上年', en: 'before ' },
  detailUnknown: { zh: '不详', en: 'unknown ' },
  detailQuarantined: { zh: '隔离', en: 'quarantined ' },
  townshipCode: { zh: '乡镇代码', en: 'code' },
  itemScore: { zh: '{item}得分', en: '{item} score' },
  // SRB page
  srbSeriesNote: {
    zh: '绿色带为正常范围103–107；阴影为95%区间；三角形表示区间整体高于107（偏高）。平滑值把出生数少的乡镇向全县水平收缩。',
    en: 'Green: the normal range 103–107; shading: 95% interval; triangles: interval wholly above 107. Smoothing shrinks small townships toward the county.',
  },
  femaleIs100: { zh: '女=100', en: 'female = 100' },
  controlLimit: { zh: '控制限', en: 'Limit' },
  smoothedCol: { zh: '平滑值', en: 'Smoothed' },
  // structure page
  dependencyTotal: { zh: '总', en: 'total' },
  dependencyYoung: { zh: '少儿', en: 'young' },
  dependencyOld: { zh: '老年', en: 'old' },
  agesOf: { zh: '{ages}岁', en: '{ages}' },
  residentPyramidNote: {
    zh: '常住人口 = 户籍人口 − 流出人口 + 流入人口。深色：户籍人口中在本地居住者；浅色：流入人口；虚线：对比年份的常住人口。',
    en: 'Resident = registered − out-migrants + in-migrants. Dark: registered people living here; light: in-migrants; dashed: the comparison year’s residents.',
  },
  residentsOf: { zh: '{year}年常住人口', en: '{year} residents' },
  shareCol: { zh: '比重', en: 'Share' },
  // shared words
  yesWord: { zh: '是', en: 'yes' },
  noWord: { zh: '否', en: 'no' },
  countyInRows: { zh: '全县', en: 'county' },
  saveImage: { zh: '保存图片', en: 'Save' },
  monthOf: { zh: '{month}月', en: '{month}' },
  pagesNav: { zh: '页面', en: 'Pages' },
  // print margins
  printSource: { zh: '数据来源：人口信息数据库（{from}–{to}年），Renkou 计算', en: 'Source: population information system ({from}–{to}), computed by Renkou' },
  printPageNo: { zh: '"第 " counter(page) " 页 / 共 " counter(pages) " 页"', en: '"Page " counter(page) " of " counter(pages)' },
  printedOn: { zh: '打印日期：{date}', en: 'Printed {date}' },
} as const;
