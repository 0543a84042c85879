/**
 * @module auth/users
 * Users and their access tokens, kept in a JSON file beside the database (`RENKOU_USERS`,
 * default data/users.json) so they survive imports. A token is shown once when the user is
 * added; only a salted scrypt hash of its secret is stored. Tokens look like `rk_<id>_<secret>`:
 * the id finds the user, the secret is checked against the hash in constant time.
 *
 * @example
 * const store = new UserStore('data/users.json');
 * const { token } = store.add({ name: 'li', role: 'township', townships: ['999901101'] });
 * store.verify(token); // → the user, or null
 */
import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';

export const ROLES = ['admin', 'analyst', 'township'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  /** Township codes a `township` user may see; empty for the other roles. */
  readonly townships: readonly string[];
  readonly createdAt: string;
}

interface StoredUser extends User { readonly salt: string; readonly hash: string }

const SCRYPT_KEYLEN = 32;
const TOKEN = /^rk_([a-z0-9]{8})_([A-Za-z0-9_-]{43})$/;

function hashSecret(secret: string, salt: string): string {
  return scryptSync(secret, Buffer.from(salt, 'base64'), SCRYPT_KEYLEN).toString('base64');
}

export class UserStore {
  private users: StoredUser[] = [];
  private loadedMtime = -1;
  /** Successful verifications by SHA-256 of the token, so scrypt runs once per token, not per request. */
  private verified = new Map<string, string>();

  constructor(readonly file: string) {}

  /** Re-reads the file when it changed (a `renkou user remove` takes effect at the next request). */
  private load(): void {
    const mtime = existsSync(this.file) ? statSync(this.file).mtimeMs : 0;
    if (mtime === this.loadedMtime) return;
    this.users = mtime === 0 ? [] : (JSON.parse(readFileSync(this.file, 'utf8')) as { users: StoredUser[] }).users;
    this.loadedMtime = mtime;
    this.verified.clear();
  }

  private save(): void {
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify({ users: this.users }, null, 2), { mode: 0o600 });
    renameSync(tmp, this.file);
    this.loadedMtime = -1;
  }

  list(): User[] {
    this.load();
    return this.users.map(({ id, name, role, townships, createdAt }) => ({ id, name, role, townships, createdAt }));
  }

  get size(): number {
    this.load();
    return this.users.length;
  }

  add(input: { name: string; role: Role; townships?: readonly string[] }): { user: User; token: string } {
    this.load();
    if (this.users.some((u) => u.name === input.name)) throw new Error(`a user named "${input.name}" already exists`);
    const townships = input.role === 'township' ? [...(input.townships ?? [])] : [];
    if (input.role === 'township' && townships.length === 0) throw new Error('a township user needs --townships <codes>');
    const id = randomBytes(5).toString('hex').slice(0, 8);
    const secret = randomBytes(32).toString('base64url');
    const salt = randomBytes(16).toString('base64');
    const user: StoredUser = { id, name: input.name, role: input.role, townships, createdAt: new Date().toISOString(), salt, hash: hashSecret(secret, salt) };
    this.users.push(user);
    this.save();
    const { salt: _s, hash: _h, ...visible } = user;
    return { user: visible, token: `rk_${id}_${secret}` };
  }

  remove(name: string): boolean {
    this.load();
    const before = this.users.length;
    this.users = this.users.filter((u) => u.name !== name);
    if (this.users.length === before) return false;
    this.save();
    return true;
  }

  /** The user a token belongs to, or null for a malformed, unknown or wrong token. */
  verify(token: string): User | null {
    this.load();
    const match = TOKEN.exec(token);
    if (!match) return null;
    const digest = createHash('sha256').update(token).digest('base64');
    const cachedId = this.verified.get(digest);
    const user = this.users.find((u) => u.id === match[1]);
    if (!user) return null;
    if (cachedId !== user.id) {
      const expected = Buffer.from(user.hash, 'base64');
      const actual = Buffer.from(hashSecret(match[2]!, user.salt), 'base64');
      if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
      this.verified.set(digest, user.id);
    }
    const { salt: _s, hash: _h, ...visible } = user;
    return visible;
  }
}
