/**
 * @module auth/sessions
 * Browser sessions after a login with a token: a random id in an HttpOnly, SameSite=Strict
 * cookie (and Secure when served over HTTPS), held in memory (a restart asks planners to log in
 * again), expiring after 12 hours. Bounded: at most 20 sessions per user and 10,000 in all — the
 * oldest give way — so logging in over and over cannot grow the server's memory.
 */
import { randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'renkou_session';
const TTL_MS = 12 * 60 * 60 * 1000;

export interface SessionLimits { readonly perUser: number; readonly total: number }

export class Sessions {
  /** In creation order, so the first entries are the oldest. */
  private sessions = new Map<string, { userId: string; expires: number }>();
  /** Each user's sessions, oldest first. */
  private byUser = new Map<string, Set<string>>();

  constructor(private readonly limits: SessionLimits = { perUser: 20, total: 10_000 }, private readonly now: () => number = Date.now) {}

  create(userId: string): string {
    this.sweep();
    const mine = this.byUser.get(userId) ?? new Set<string>();
    for (const old of mine) {
      if (mine.size < this.limits.perUser) break;
      this.end(old);
    }
    while (this.sessions.size >= this.limits.total) this.end(this.sessions.keys().next().value!);
    const id = randomBytes(32).toString('base64url');
    this.sessions.set(id, { userId, expires: this.now() + TTL_MS });
    this.byUser.set(userId, mine.add(id));
    return id;
  }

  userId(sessionId: string): string | null {
    const s = this.sessions.get(sessionId);
    if (!s) return null;
    if (s.expires < this.now()) {
      this.end(sessionId);
      return null;
    }
    return s.userId;
  }

  end(sessionId: string): void {
    const s = this.sessions.get(sessionId);
    if (!s) return;
    this.sessions.delete(sessionId);
    const mine = this.byUser.get(s.userId);
    mine?.delete(sessionId);
    if (mine?.size === 0) this.byUser.delete(s.userId);
  }

  get size(): number {
    return this.sessions.size;
  }

  /** Drops expired sessions (oldest first, stopping at the first live one). */
  private sweep(): void {
    const t = this.now();
    for (const [id, s] of this.sessions) {
      if (s.expires >= t) break;
      this.end(id);
    }
  }
}
