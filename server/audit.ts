/**
 * @module audit
 * The audit trail: logins, failed logins, exports, report renders, target changes, imports and quarantine downloads,
 * one JSON object per line
 * with the user, the time and the parameters — never a record's contents. Written to
 * `RENKOU_AUDIT_LOG` (default data/audit.log); an unwritable log is reported once on stderr and
 * does not stop the server.
 */
import { appendFileSync } from 'node:fs';

export type AuditEvent =
  | 'login' | 'login_failed' | 'logout' | 'export' | 'report' | 'denied'
  | 'target_set' | 'target_removed' | 'import' | 'quarantine_download';

export interface AuditLog {
  record(event: AuditEvent, user: string | null, details?: Record<string, unknown>): void;
}

export function fileAuditLog(file: string): AuditLog {
  let warned = false;
  return {
    record(event, user, details = {}) {
      try {
        appendFileSync(file, `${JSON.stringify({ time: new Date().toISOString(), event, user, ...details })}\n`);
      } catch (e) {
        if (!warned) console.error(`audit log ${file} cannot be written: ${e instanceof Error ? e.message : String(e)}`);
        warned = true;
      }
    },
  };
}

export const NO_AUDIT: AuditLog = { record() {} };
