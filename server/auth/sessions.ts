/**
 * @module auth/sessions
 * Browser sessions after a login with a token: a random id in an HttpOnly, SameSite=Strict
 * cookie, held in memory (a restart asks planners to log in again), expiring after 12 hours.
 */
import { randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'renkou_session';
const TTL_MS = 12 * 60 * 60 * 1000;

export class Sessions {
  private sessions = new Map<string, { userId: string; expires: number }>();

  create(userId: string): string {
    const id = randomBytes(32).toString('base64url');
    this.sessions.set(id, { userId, expires: Date.now() + TTL_MS });
    return id;
  }

  userId(sessionId: string): string | null {
    const s = this.sessions.get(sessionId);
    if (!s) return null;
    if (s.expires < Date.now()) {
      this.sessions.delete(sessionId);
      return null;
    }
    return s.userId;
  }

  end(sessionId: string): void {
    this.sessions.delete(sessionId);
  }
}
