import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATED_DOCS } from '../server/cli/docs.ts';
import { RULES, TABLES } from '../contract/tables.ts';
import { sqlText } from '../server/db/sqlFiles.ts';

describe('the export contract is the single source', () => {
  it('docs/data-contract.md and docs/indicators.md are what `npm run docs` writes from the code', () => {
    for (const [file, render] of Object.entries(GENERATED_DOCS)) expect(readFileSync(file, 'utf8'), file).toBe(render());
  });

  it("each table's ingest SQL checks exactly the contract's rules, in the contract's order", () => {
    for (const table of Object.values(TABLES)) {
      const text = sqlText(`ingest/${table.name}`);
      const found = [...text.matchAll(/THEN '([a-z_0-9]+)'/g)].map((m) => m[1]);
      expect(found, table.name).toEqual(table.rules);
      for (const rule of found) expect(Object.keys(RULES)).toContain(rule);
    }
  });

  it('every required column of the contract appears in its missing_value check', () => {
    for (const table of Object.values(TABLES)) {
      const text = sqlText(`ingest/${table.name}`);
      const missingClause = text.slice(text.indexOf('CASE'), text.indexOf("THEN 'missing_value'"));
      for (const column of table.columns.filter((c) => c.required && !c.nullable)) {
        expect(missingClause, `${table.name}.${column.name}`).toContain(`${column.name} IS NULL`);
      }
    }
  });
});
