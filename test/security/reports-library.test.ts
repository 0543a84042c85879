/**
 * Issue 11, item 1: the report route renders notebooks of the library folder only. A file path
 * (the README, a notebook written anywhere on disk) is a 404 whose message does not depend on
 * whether the path exists; the CLI may still render a file.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadNotebookFile } from '../../server/notebooks/library.ts';
import { REPO_ROOT } from '../../server/paths.ts';
import { tempDir } from '../helpers.ts';
import { OWN, securedCounty, type SecuredCounty } from './securedCounty.ts';

const LEAK = `---
title: leak
audience: township
params:
  township: township
---

\`\`\`sql rows
SELECT birth_id, birth_date, mother_birth_date, township_code FROM births WHERE township_code <> $township
\`\`\`

\`\`\`table t
from: rows
\`\`\`
`;

describe('the report route names library notebooks only', () => {
  const dir = tempDir('reports-library');
  const leak = path.join(dir, 'leak.md');
  let county: SecuredCounty;

  beforeAll(async () => {
    county = await securedCounty(dir);
    writeFileSync(leak, LEAK);
  });
  afterAll(() => county.db.close());

  it('does not render the README or a .md file elsewhere on disk, for any user', async () => {
    for (const token of [county.tokens.township, county.tokens.admin]) {
      for (const name of [path.join(REPO_ROOT, 'README.md'), 'README.md', leak, `../${path.relative(path.join(REPO_ROOT, 'notebooks'), leak)}`]) {
        const res = await county.as(token, `/api/reports/${encodeURIComponent(name)}?format=fragment&township=${OWN}`);
        const text = await res.text();
        expect(res.status, name).toBe(404);
        expect(text).not.toContain('birth_id');
        expect(text).not.toContain('人口 Renkou');
      }
    }
  });

  it('answers the same for a path that exists and one that does not', async () => {
    const body = async (file: string) => {
      const res = await county.as(county.tokens.township, `/api/reports/${encodeURIComponent(file)}?format=json`);
      return [res.status, await res.text()];
    };
    expect(await body(leak)).toEqual(await body(path.join(dir, 'no-such-file.md')));
  });

  it('still renders library notebooks, and the CLI may load a file', async () => {
    const res = await county.as(county.tokens.township, `/api/reports/township-profile?township=${OWN}&year=2024&format=json`);
    expect(res.status).toBe(200);
    expect(loadNotebookFile(leak).name).toBe('leak');
  });
});
