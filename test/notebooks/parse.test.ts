/** Parsing notebooks: front-matter parameters, fenced blocks with their lines, and bad fences kept as errors. */
import { describe, expect, it } from 'vitest';
import { parseNotebook } from '../../server/notebooks/parse.ts';
import { listNotebooks } from '../../server/notebooks/library.ts';

const SOURCE = `---
title: {{ meta.place }}报告
audience: township
params:
  township: township = all   # 乡镇
  year: year = latest        # 年份
  period: enum(year|statyear) = year
  horizon: int(2025..2060)
  bad: decimal = 1
---

# 标题

\`\`\`sql births
SELECT 1 AS n
\`\`\`

Text {{ births.n }}.

\`\`\`chart
kind: trend, data: births
\`\`\`

\`\`\`python x
print(1)
\`\`\`

\`\`\`sql
SELECT 2
\`\`\`
`;

describe('parseNotebook', () => {
  const nb = parseNotebook('demo', SOURCE);

  it('reads the front matter and parameter declarations', () => {
    expect(nb.title).toBe('{{ meta.place }}报告');
    expect(nb.audience).toBe('township');
    expect(nb.params).toEqual([
      { name: 'township', type: { kind: 'township' }, default: 'all', label: '乡镇', line: 5 },
      { name: 'year', type: { kind: 'year' }, default: 'latest', label: '年份', line: 6 },
      { name: 'period', type: { kind: 'enum', values: ['year', 'statyear'] }, default: 'year', label: 'period', line: 7 },
      { name: 'horizon', type: { kind: 'int', min: 2025, max: 2060 }, default: null, label: 'horizon', line: 8 },
    ]);
    expect(nb.frontMatterErrors).toEqual([{ block: { kind: 'markdown', name: 'front matter', line: 1 }, line: 9, message: expect.stringMatching(/unknown type "decimal"/) }]);
  });

  it('splits the body into blocks with their first lines', () => {
    expect(nb.blocks.map((b) => [b.kind, 'name' in b ? b.name : '', b.line])).toEqual([
      ['markdown', '', 11], ['sql', 'births', 14], ['markdown', '', 17], ['chart', 'chart_20', 20],
      ['bad', 'x', 24], ['bad', 'sql', 28],
    ]);
    expect(nb.blocks[4]).toMatchObject({ message: expect.stringMatching(/unknown block kind "python"/) });
    expect(nb.blocks[5]).toMatchObject({ message: expect.stringMatching(/needs a result name/) });
  });

  it('parses the shipped notebooks without front-matter errors', () => {
    const books = listNotebooks();
    expect(books.map((b) => b.name)).toEqual(['assessment', 'half-year', 'situation-analysis', 'township-profile']);
    for (const b of books) {
      expect(b.frontMatterErrors).toEqual([]);
      expect(b.blocks.filter((x) => x.kind === 'bad')).toEqual([]);
    }
  });
});
