/**
 * @module audit
 * The audit trail: logins, failed logins, refusals (403), rate limits, exports, report renders,
 * target changes, imports and quarantine downloads, one JSON object per line with the user, the
 * time and the parameters — never a record's contents. Written to `RENKOU_AUDIT_LOG` (default
 * data/audit.log).
 *
 * A client cannot flood or forge it: every field is bounded (text cut at 200 characters, at most
 * 20 keys per object, a line at most 4 KiB), and the file is rotated when it reaches
 * `RENKOU_AUDIT_MAX_BYTES` (10 MiB): `audit.log` → `audit.log.1` … up to `RENKOU_AUDIT_KEEP` (20)
 * files, so its disk use is bounded too. An unwritable log is reported once on stderr and does
 * not stop the server.
 */
import { appendFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';

export type AuditEvent =
  | 'login' | 'login_failed' | 'logout' | 'export' | 'report' | 'denied' | 'rate_limited'
  | 'target_set' | 'target_removed' | 'import' | 'quarantine_download';

export interface AuditLog {
  record(event: AuditEvent, user: string | null, details?: Record<string, unknown>): void;
}

export interface AuditOptions {
  readonly maxBytes?: number;
  readonly keep?: number;
}

const MAX_TEXT = 200;
const MAX_KEYS = 20;
const MAX_LINE = 4096;

/** A JSON-ready copy of `value` with every string, array and object cut to size. */
export function bounded(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}…` : value;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return value;
  if (depth >= 3 || typeof value !== 'object') return String(value).slice(0, MAX_TEXT);
  if (Array.isArray(value)) return value.slice(0, MAX_KEYS).map((v) => bounded(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value).slice(0, MAX_KEYS)) out[k.slice(0, 40)] = bounded(v, depth + 1);
  return out;
}

export function auditLine(event: AuditEvent, user: string | null, details: Record<string, unknown>, now = new Date()): string {
  const line = JSON.stringify({ time: now.toISOString(), event, user: bounded(user), ...(bounded(details) as Record<string, unknown>) });
  return line.length <= MAX_LINE ? line : JSON.stringify({ time: now.toISOString(), event, user: bounded(user), truncated: true });
}

export function fileAuditLog(file: string, options: AuditOptions = {}): AuditLog {
  const maxBytes = options.maxBytes ?? Number(process.env.RENKOU_AUDIT_MAX_BYTES ?? 10 * 1024 * 1024);
  const keep = options.keep ?? Number(process.env.RENKOU_AUDIT_KEEP ?? 20);
  let size = existsSync(file) ? statSync(file).size : 0;
  let warned = false;
  const rotate = () => {
    rmSync(`${file}.${keep}`, { force: true });
    for (let n = keep - 1; n >= 1; n--) if (existsSync(`${file}.${n}`)) renameSync(`${file}.${n}`, `${file}.${n + 1}`);
    if (existsSync(file)) renameSync(file, `${file}.1`);
    size = 0;
  };
  return {
    record(event, user, details = {}) {
      const line = `${auditLine(event, user, details)}\n`;
      const bytes = Buffer.byteLength(line);
      try {
        if (size > 0 && size + bytes > maxBytes) rotate();
        appendFileSync(file, line);
        size += bytes;
      } catch (e) {
        if (!warned) console.error(`audit log ${file} cannot be written: ${e instanceof Error ? e.message : String(e)}`);
        warned = true;
      }
    },
  };
}

export const NO_AUDIT: AuditLog = { record() {} };
