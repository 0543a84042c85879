/**
 * @module auth/users
 * Users and their access tokens, kept in a JSON file beside the database (`RENKOU_USERS`,
 * default data/users.json) so they survive imports. A token is shown once when the user is
 * added; only a salted scrypt hash of its secret is stored. Tokens look like `rk_<id>_<secret>`:
 * the id finds the user, the secret is checked against the hash (auth/tokens.ts, off the event
 * loop). The file is re-read when it changes, so `renkou user remove` takes effect at the next
 * request; a file that cannot be read as a user list is reported as `broken`, never guessed at.
 *
 * @example
 * const store = new UserStore('data/users.json');
 * const { token } = store.add({ name: 'li', role: 'township', townships: ['999901101'] });
 * store.state(); // { kind: 'users', count: 1 }
 */
import { randomBytes, scryptSync } from 'node:crypto';
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

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

/** What the verifier needs: the salt and the scrypt hash of the secret (base64). */
export interface Credentials { readonly salt: string; readonly hash: string }

interface StoredUser extends User, Credentials {}

const StoredUserSchema = z.object({
  id: z.string().regex(/^[a-z0-9]{8}$/), name: z.string().min(1), role: z.enum(ROLES),
  townships: z.array(z.string()), createdAt: z.string(), salt: z.string().min(1), hash: z.string().min(1),
});
const FileSchema = z.object({ users: z.array(StoredUserSchema) });

/** `users`: the file holds at least one user; `none`: no file, or no user in it; `broken`: it cannot be read as a user list. */
export type UserFileState = { kind: 'users'; count: number } | { kind: 'none' } | { kind: 'broken'; message: string };

export const SCRYPT_KEYLEN = 32;

export function hashSecret(secret: string, salt: string): string {
  return scryptSync(secret, Buffer.from(salt, 'base64'), SCRYPT_KEYLEN).toString('base64');
}

export class UserStore {
  private users: StoredUser[] = [];
  private broken: string | null = null;
  private loadedMtime = -1;
  /** Changes whenever the file is read anew: caches of verified tokens key on it. */
  private reloads = 0;

  constructor(readonly file: string) {}

  /** Re-reads the file when it changed. */
  private load(): void {
    let mtime = 0;
    try {
      mtime = statSync(this.file, { throwIfNoEntry: false })?.mtimeMs ?? 0;
    } catch (e) {
      this.fail(`cannot be read (${(e as Error).message})`);
      return;
    }
    if (mtime === this.loadedMtime) return;
    this.loadedMtime = mtime;
    this.reloads++;
    if (mtime === 0) {
      this.users = [];
      this.broken = null;
      return;
    }
    try {
      const parsed = FileSchema.safeParse(JSON.parse(readFileSync(this.file, 'utf8')));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        this.fail(`is not a user list (${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'})`);
        return;
      }
      this.users = parsed.data.users;
      this.broken = null;
    } catch (e) {
      this.fail(`cannot be read as JSON (${(e as Error).message.split('\n')[0]})`);
    }
  }

  private fail(why: string): void {
    this.users = [];
    this.broken = `${this.file} ${why}`;
    this.loadedMtime = -1; // try again at the next request: a fixed file is picked up without a restart
  }

  state(): UserFileState {
    this.load();
    if (this.broken !== null) return { kind: 'broken', message: this.broken };
    return this.users.length > 0 ? { kind: 'users', count: this.users.length } : { kind: 'none' };
  }

  /** A number that changes whenever the file was read anew. */
  get generation(): number {
    this.load();
    return this.reloads;
  }

  private writable(): void {
    this.load();
    if (this.broken !== null) throw new Error(`${this.broken}: repair or restore it before changing users`);
  }

  private save(): void {
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify({ users: this.users }, null, 2), { mode: 0o600 });
    renameSync(tmp, this.file);
    this.loadedMtime = -1;
  }

  list(): User[] {
    this.writable();
    return this.users.map(visible);
  }

  get size(): number {
    this.load();
    return this.users.length;
  }

  /** The user with this id (null when unknown, removed or the file is broken). */
  byId(id: string): User | null {
    this.load();
    const user = this.users.find((u) => u.id === id);
    return user ? visible(user) : null;
  }

  credentials(id: string): Credentials | null {
    this.load();
    const user = this.users.find((u) => u.id === id);
    return user ? { salt: user.salt, hash: user.hash } : null;
  }

  add(input: { name: string; role: Role; townships?: readonly string[] }): { user: User; token: string } {
    this.writable();
    if (this.users.some((u) => u.name === input.name)) throw new Error(`a user named "${input.name}" already exists`);
    const townships = input.role === 'township' ? [...(input.townships ?? [])] : [];
    if (input.role === 'township' && townships.length === 0) throw new Error('a township user needs --townships <codes>');
    let id = randomBytes(5).toString('hex').slice(0, 8);
    while (this.users.some((u) => u.id === id)) id = randomBytes(5).toString('hex').slice(0, 8);
    const secret = randomBytes(32).toString('base64url');
    const salt = randomBytes(16).toString('base64');
    const user: StoredUser = { id, name: input.name, role: input.role, townships, createdAt: new Date().toISOString(), salt, hash: hashSecret(secret, salt) };
    this.users.push(user);
    this.save();
    return { user: visible(user), token: `rk_${id}_${secret}` };
  }

  remove(name: string): boolean {
    this.writable();
    const before = this.users.length;
    this.users = this.users.filter((u) => u.name !== name);
    if (this.users.length === before) return false;
    this.save();
    return true;
  }
}

function visible({ id, name, role, townships, createdAt }: StoredUser): User {
  return { id, name, role, townships, createdAt };
}
