/**
 * @module office/csvErrors
 * DuckDB's CSV errors as a planner can act on them: which line of the file and what is wrong with
 * it, in Chinese. The line's own text is not repeated: it may hold a name or an ID number.
 *
 * @example
 * csvReadProblem('出生医学证明.csv', 'Invalid Input Error: CSV Error on Line: 3002\n…Expected Number of Columns: 13 Found: 1');
 * // '出生医学证明.csv：第 3002 行有 1 列，表头有 13 列（…）'
 */
export function csvReadProblem(name: string, message: string): string {
  const line = /CSV Error on Line: (\d+)/.exec(message)?.[1];
  const columns = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(message);
  if (line && columns) {
    return `${name}：第 ${line} 行有 ${columns[2]} 列，表头有 ${columns[1]} 列（是表格下方的合计行或说明文字，还是值中有未加引号的逗号？请改正或删除这一行后再导入）`;
  }
  if (line) return `${name}：第 ${line} 行无法读取（${message.split('\n')[0]}）`;
  if (/Error when sniffing file/.test(message)) {
    return `${name}：各行的列数不一致，无法读出文件的格式（表格下方是否有合计行或说明文字？请删除后再导入）`;
  }
  return `${name}：读取失败（${message.split('\n')[0]}）`;
}
