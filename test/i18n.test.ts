import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorCodeText, STRINGS } from '../web/src/i18n/index.ts';
import { ASSESSMENT_STRINGS } from '../web/src/i18n/strings/assessment.ts';
import { BASE_STRINGS } from '../web/src/i18n/strings/base.ts';
import { ERROR_STRINGS } from '../web/src/i18n/strings/errors.ts';
import { WORDS } from '../web/src/i18n/strings/import.ts';
import { PAGE_STRINGS } from '../web/src/i18n/strings/pages.ts';

type Table = Record<string, { zh: string; en: string }>;

/** Every `.ts` file under a folder, read as text. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && d.name.endsWith('.ts'))
    .map((d) => readFileSync(join(d.parentPath, d.name), 'utf8'));
}

/**
 * The codes the server throws, read from its source: `new ApiError(status, 'code', …)` gives a
 * literal code, `new ApiError(status, \`import_${…}\`, …)` a prefix (recorded as `import_`).
 */
function thrownCodes(): Set<string> {
  const codes = new Set<string>();
  for (const text of sources('server')) {
    // HTTP errors carry a status first (new ApiError(400, 'code', …)); domain errors (server/errors/domain.ts) start with the code.
    for (const m of text.matchAll(/new ApiError\(\s*[^,]+,\s*(['`])([a-z_]*)(\$\{)?/g)) codes.add(m[2]!);
    for (const m of text.matchAll(/new (?:Invalid|Forbidden|NotFound|Conflict|Unavailable)\(\s*(['`])([a-z_]*)(\$\{)?/g)) codes.add(m[2]!);
  }
  return codes;
}

describe('i18n string tables', () => {
  it('every string has a non-empty Chinese and English text', () => {
    const tables: Record<string, Table> = { STRINGS, WORDS, ERROR_STRINGS };
    for (const [name, table] of Object.entries(tables)) {
      for (const [key, text] of Object.entries(table)) {
        expect(text.zh.trim(), `${name}.${key}.zh`).not.toBe('');
        expect(text.en.trim(), `${name}.${key}.en`).not.toBe('');
      }
    }
  });

  it('no key is defined in two of the merged tables (a later one would silently win)', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const [name, table] of Object.entries({ BASE_STRINGS, ASSESSMENT_STRINGS, PAGE_STRINGS })) {
      for (const key of Object.keys(table)) {
        if (seen.has(key)) clashes.push(`${key} (${seen.get(key)}, ${name})`);
        seen.set(key, name);
      }
    }
    expect(clashes).toEqual([]);
  });
});

describe('API error codes', () => {
  const codes = thrownCodes();

  it('reads the codes the server throws', () => {
    // Guards the reader itself: if error construction changes shape, this fails instead of passing on nothing.
    expect(codes.size).toBeGreaterThanOrEqual(20);
    for (const code of ['bad_parameter', 'out_of_scope', 'admin_only', 'not_found', 'busy', 'too_many_attempts', 'unauthorized', 'import_']) {
      expect(codes, code).toContain(code);
    }
  });

  it('every code the server throws has a planner message in both languages', () => {
    const missing = [...codes].filter((code) => !Object.hasOwn(ERROR_STRINGS, code));
    expect(missing).toEqual([]);
  });

  it('the table holds no code the server no longer throws', () => {
    expect(Object.keys(ERROR_STRINGS).filter((code) => !codes.has(code))).toEqual([]);
  });

  it('looks up a code, sends import_<reason> codes to the shared entry, and knows nothing of other codes', () => {
    expect(errorCodeText('out_of_scope', 'zh')).toBe('超出您的账号可查看的范围');
    expect(errorCodeText('out_of_scope', 'en')).toBe('This is outside what your account may see');
    expect(errorCodeText('import_format', 'zh')).toBe('文件格式无法识别');
    expect(errorCodeText('import_bad_header', 'en')).toBe('The import files have a problem');
    expect(errorCodeText('http', 'zh')).toBeNull();
  });
});
