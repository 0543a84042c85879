/** Order statistics for benchmark samples (milliseconds). */
import { readFileSync } from 'node:fs';
export function quantile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export const median = (samples: readonly number[]) => quantile(samples, 0.5);
export const p95 = (samples: readonly number[]) => quantile(samples, 0.95);

export async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const value = await fn();
  return [performance.now() - start, value];
}

/** Peak resident set size of a process, in MiB, from /proc (Linux). */
export function peakRssMiB(pid: number | 'self' = 'self'): number | null {
  return statusMiB(pid, 'VmHWM');
}

/** Resident set size of a process now, in MiB, from /proc (Linux). */
export function currentRssMiB(pid: number | 'self' = 'self'): number | null {
  return statusMiB(pid, 'VmRSS');
}

function statusMiB(pid: number | 'self', field: 'VmHWM' | 'VmRSS'): number | null {
  try {
    const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}
