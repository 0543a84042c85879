/**
 * Uploaded office files hold names and ID numbers: the 数据导入 page's sessions never leave them
 * behind. A session idle for two hours loses its folder, a restarted server removes the uploads of
 * the one before (their sessions are gone), and an upload folder is readable by its owner only.
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IDLE_MS, ImportSessions } from '../server/office/importSessions.ts';
import { PROFILE_FILE } from '../server/office/profile.ts';
import { tempDir } from './helpers.ts';

describe('upload sessions of the import page', () => {
  it('removes an idle session\'s files, and a restarted server removes the last one\'s', () => {
    const dir = tempDir('import-sessions');
    const dbPath = path.join(dir, 'renkou.duckdb');
    let clock = 1_000_000;
    const sessions = new ImportSessions(dbPath, () => clock);
    const first = sessions.create();
    writeFileSync(path.join(first.folder, '出生医学证明.csv'), '姓名,公民身份号码\n张三,11010519491231002X\n');
    expect(statSync(first.folder).mode & 0o777).toBe(0o700);

    clock += IDLE_MS - 1;
    expect(sessions.folder(first.id)).toBe(first.folder); // touched: idle from now on
    clock += IDLE_MS - 1;
    const second = sessions.create();
    expect(existsSync(first.folder)).toBe(true);
    clock += 2;
    sessions.create();
    expect(existsSync(first.folder)).toBe(false);
    expect(() => sessions.folder(first.id)).toThrow('没有这个导入会话');

    writeFileSync(path.join(sessions.uploads, PROFILE_FILE), 'files: []\n');
    new ImportSessions(dbPath); // the server starts again
    expect(existsSync(second.folder)).toBe(false);
    expect(existsSync(path.join(sessions.uploads, PROFILE_FILE))).toBe(true); // the last mapping stays
  });
});
