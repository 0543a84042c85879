/**
 * @module outputs/download
 * A file answer: the right content type and a Content-Disposition whose file name says what the
 * file holds in Chinese (RFC 6266 / 5987 `filename*`, with an ASCII fallback for old clients).
 *
 * @example
 * return download(c, bytes, '清河县_人口规划表_2025-2035.xlsx');
 */
import type { Context } from 'hono';
import { fileSafe } from './table.ts';

export const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  png: 'image/png',
  svg: 'image/svg+xml; charset=utf-8',
} as const;

export type DownloadKind = keyof typeof CONTENT_TYPES;

export function contentDisposition(fileName: string): string {
  const safe = fileSafe(fileName);
  const ascii = safe.replace(/[^\x20-\x7e]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(safe)}`;
}

export function download(c: Context, body: string | Uint8Array, fileName: string, kind: DownloadKind): Response {
  return c.body(typeof body === 'string' ? body : new Uint8Array(body), 200, {
    'Content-Type': CONTENT_TYPES[kind],
    'Content-Disposition': contentDisposition(fileName),
  });
}
