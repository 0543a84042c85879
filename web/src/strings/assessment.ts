/**
 * @module strings/assessment
 * Strings of the assessment year (periods, the 目标 and 考核 pages, progress), kept beside the
 * main table in i18n.ts so neither grows past a readable size.
 */
export const ASSESSMENT_STRINGS = {
  gStathalf: { zh: '统计半年', en: 'Statistical half-year' },
  gYtd: { zh: '1至N月累计', en: 'Year to date' },
  gRolling: { zh: '滚动12个月', en: 'Rolling 12 months' },
  gRange: { zh: '任意月份区间', en: 'Any range of months' },
  targetsPage: { zh: '目标', en: 'Targets' },
  assessmentPage: { zh: '考核', en: 'Assessment' },
} as const;
