/**
 * @module disclosure/intervals
 * The exact audit of one slice of period cells (one township, one set of coordinates, every
 * period kind). Each period is a run of months, so its count is P(end) − P(start) of the running
 * total P: a suppressed period is recoverable exactly when its two ends are joined by a chain of
 * published periods (months, quarters, halves, years and statistical years overlap in every way:
 * SY2024 = 2023Q4 + 2024H1 + 2024Q3, 2024 − SY2024 = 2024Q4 − 2023Q4, …). The audit finds such a
 * suppressed period with a union-find over the month boundaries and separates its two ends with a
 * minimum cut of published periods weighted by their counts (zeros almost never), so that the
 * fewest births are withheld to protect it.
 *
 * @example
 * const more = auditSlice([{ id: 0, from: 0, to: 3 }, { id: 1, from: 0, to: 1 }, …], hidden, weight);
 */

/** A period cell (by id): months [from, to) of the calendar. */
export interface Interval { readonly id: number; readonly from: number; readonly to: number }

function find(parent: Int32Array, x: number): number {
  while (parent[x] !== x) {
    parent[x] = parent[parent[x]!]!;
    x = parent[x]!;
  }
  return x;
}

/** The published intervals of a minimum cut between boundaries `s` and `t` (Edmonds–Karp). */
function minCut(published: readonly Interval[], s: number, t: number, weight: (id: number) => number): Interval[] {
  const adjacency = new Map<number, number[]>();
  const cap: number[] = [];
  const head: number[] = [];
  const link = (a: number, b: number, c: number) => {
    head.push(b);
    cap.push(c);
    (adjacency.get(a) ?? adjacency.set(a, []).get(a)!).push(head.length - 1);
  };
  for (const iv of published) {
    const w = weight(iv.id);
    link(iv.from, iv.to, w); // edge 2k: from → to; edge 2k+1: to → from (each the other's reverse)
    link(iv.to, iv.from, w);
  }
  for (;;) {
    const via = new Map<number, number>([[s, -1]]);
    const queue = [s];
    for (let i = 0; i < queue.length && !via.has(t); i++) {
      for (const e of adjacency.get(queue[i]!) ?? []) {
        if (cap[e]! > 1e-9 && !via.has(head[e]!)) {
          via.set(head[e]!, e);
          queue.push(head[e]!);
        }
      }
    }
    if (!via.has(t)) return published.filter((iv) => via.has(iv.from) !== via.has(iv.to));
    let bottleneck = Infinity;
    for (let node = t; node !== s; node = head[via.get(node)! ^ 1]!) bottleneck = Math.min(bottleneck, cap[via.get(node)!]!);
    for (let node = t; node !== s; node = head[via.get(node)! ^ 1]!) {
      const e = via.get(node)!;
      cap[e]! -= bottleneck;
      cap[e ^ 1]! += bottleneck;
    }
  }
}

/**
 * The published intervals to suppress so that no suppressed interval of the slice is the
 * difference of published ones; `weight` is what suppressing one costs.
 */
export function auditSlice(slice: readonly Interval[], suppressed: Uint8Array, weight: (id: number) => number): number[] {
  let size = 0;
  for (const iv of slice) size = Math.max(size, iv.to + 1);
  const added = new Set<number>();
  const hidden = (id: number) => suppressed[id] === 1 || added.has(id);
  for (;;) {
    const parent = new Int32Array(size);
    for (let i = 0; i < size; i++) parent[i] = i;
    const published: Interval[] = [];
    let exposed: Interval | undefined;
    for (const iv of slice) {
      if (!hidden(iv.id)) {
        published.push(iv);
        parent[find(parent, iv.from)] = find(parent, iv.to);
      }
    }
    for (const iv of slice) if (hidden(iv.id) && find(parent, iv.from) === find(parent, iv.to)) { exposed = iv; break; }
    if (!exposed) return [...added];
    for (const iv of minCut(published, exposed.from, exposed.to, weight)) added.add(iv.id);
  }
}
