/**
 * @module i18n/strings/errors
 * What each error code the server answers with means to a planner, in Chinese and English. The
 * server's own message (which names the parameter or file at fault) is shown after it. A test
 * reads server/ and fails when a code is thrown that has no entry here.
 */
export const ERROR_STRINGS = {
  bad_parameter: { zh: '查询条件有误', en: 'A query setting is not valid' },
  bad_body: { zh: '提交的内容有误', en: 'What was sent is not valid' },
  unknown_indicator: { zh: '没有这个指标', en: 'There is no such indicator' },
  unknown_report: { zh: '没有这个报告', en: 'There is no such report' },
  out_of_scope: { zh: '超出您的账号可查看的范围', en: 'This is outside what your account may see' },
  admin_only: { zh: '只有管理员可以执行此操作', en: 'Only an admin may do this' },
  unauthorized: { zh: '未登录或登录已失效，请重新登录', en: 'You are not logged in, or your session ended: log in again' },
  bad_token: { zh: '访问令牌无效', en: 'This access token is not valid' },
  too_many_attempts: { zh: '尝试次数过多，请稍后再试', en: 'Too many attempts: wait a moment and try again' },
  access_control_unavailable: { zh: '访问控制无法核验，请联系管理员', en: 'Access control cannot be checked: ask your administrator' },
  cross_site_request: { zh: '请求来自其他网站，已拒绝', en: 'A request from another site was refused' },
  unsupported_media_type: { zh: '提交的内容格式不受支持', en: 'The format of what was sent is not supported' },
  body_too_large: { zh: '提交的内容过大', en: 'What was sent is too large' },
  too_large: { zh: '上传的文件过大', en: 'The uploaded files are too large' },
  import_format: { zh: '文件格式无法识别', en: 'The file format was not recognised' },
  // every `import_<reason>` code of an office or ingest problem (the server builds these from the reason)
  import_: { zh: '导入文件有误', en: 'The import files have a problem' },
  no_population: { zh: '数据库中没有可作为预测基期的人口数据', en: 'The database has no population to project from' },
  no_topojson: { zh: '未导入乡镇边界，无法绘制地图', en: 'No township boundaries were imported: the map cannot be drawn' },
  no_edit: { zh: '该目标没有页面修改记录', en: 'This target was not edited on the page' },
  not_found: { zh: '找不到所请求的内容', en: 'Nothing was found at this address' },
  bad_scheme: { zh: '考核方案有误，请联系管理员', en: 'The assessment scheme is wrong: ask your administrator' },
  busy: { zh: '服务器繁忙，请稍后再试', en: 'The server is busy: try again in a moment' },
  shutting_down: { zh: '服务器正在关闭，请稍后再试', en: 'The server is shutting down: try again in a moment' },
  insecure_listen: { zh: '服务器未启用访问控制，拒绝对外服务', en: 'The server refuses to serve the network without access control' },
  internal: { zh: '服务器内部错误，已记录', en: 'The server failed; the error was logged' },
} as const satisfies Record<string, { zh: string; en: string }>;
