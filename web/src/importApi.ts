/**
 * @module importApi
 * Typed calls behind the 数据导入 page and the per-township data quality: uploads (multipart),
 * the mapping, dry run, import and its progress. Not memoised: each answers a step the admin
 * has just taken. The types are the contract's (contract/imports.ts).
 */
import { ApiFailure, isApiFailure } from './api.ts';
import type { FileMapping, ImportStatus, MappingAnswer, Suggestion, TableReport, TownshipQuality } from '../../contract/imports.ts';

export type { FileMapping, ImportStatus, MappingAnswer, Suggestion, TableReport, TownshipQuality };

async function call<T>(url: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(url, init);
  const text = await response.text();
  let body: unknown = null;
  try { body = text ? JSON.parse(text) : null; } catch { body = null; }
  if (!response.ok) {
    const err = (body as { error?: { code?: string; message?: string; tables?: string[] } } | null)?.error;
    throw new ApiFailure(response.status, err?.message ?? `${response.status} ${response.statusText}`, err?.code ?? 'http', err?.tables ?? []);
  }
  return body as T;
}

const jsonInit = (method: string, body: unknown): RequestInit => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

export const importApi = {
  upload(files: readonly File[]): Promise<{ id: string; files: string[] }> {
    const form = new FormData();
    for (const f of files) form.append('files', f, f.name);
    return call('/api/import/uploads', { method: 'POST', body: form });
  },
  folder: (folder: string) => call<{ id: string; folder: string }>('/api/import/folder', jsonInit('POST', { folder })),
  mapping: (id: string) => call<MappingAnswer>(`/api/import/${id}/mapping`),
  saveMapping: (id: string, files: FileMapping[], ignored: string[] = []) => call<{ ok: true }>(`/api/import/${id}/mapping`, jsonInit('PUT', { files, ignored })),
  // state-changing requests are JSON (http/writeGuard.ts), even with nothing to say
  dryRun: (id: string, dropTables: readonly string[] = []) => call<{ tables: TableReport[]; seconds: number }>(`/api/import/${id}/dry-run`, jsonInit('POST', { dropTables })),
  run: (id: string, countyName?: string, dropTables: readonly string[] = []) =>
    call<{ state: string }>(`/api/import/${id}/run`, jsonInit('POST', { dropTables, ...(countyName ? { countyName } : {}) })),
  status: (id: string) => call<ImportStatus>(`/api/import/${id}/status`),
};

export const qualityApi = {
  townships: () => call<{ townships: TownshipQuality[] }>('/api/quality/townships'),
  /**
   * One township's quarantined records as CSV (admins only; the server audits it), its bytes as the
   * server wrote them: `text()` would drop the BOM that Excel needs to read UTF-8 Chinese.
   */
  async quarantineCsv(township: string): Promise<Blob> {
    const response = await fetch(`/api/quality/quarantine.csv?township=${encodeURIComponent(township)}`);
    if (!response.ok) {
      const text = await response.text();
      const err = (JSON.parse(text || '{}') as { error?: { message?: string; code?: string } }).error;
      throw new ApiFailure(response.status, err?.message ?? String(response.status), err?.code ?? 'http');
    }
    return response.blob();
  },
};

export { isApiFailure };
