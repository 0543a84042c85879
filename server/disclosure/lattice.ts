/**
 * @module disclosure/lattice
 * The published counts of one township — every cell any answer can show — with the relations
 * that tie them, and the suppression pattern that protects the small ones:
 *
 * 1. **Primary.** A cell that is some answer's events (births, marriages, migrants, persons) with
 *    fewer than the threshold — but more than none — is suppressed. A zero names nobody.
 * 2. **Riders.** A cell shown only inside another's row (the sex split of an SRB row, the policy
 *    split of a compliance row) is suppressed with its parent.
 * 3. **Complementary.** Every additive relation among published cells (all = registered + migrant,
 *    all orders = 1 + 2 + 3, both sexes = M + F, ages, resident = registered + in − out, stock and
 *    flows, a cell and its alias in another family) must hold no suppressed cell, or at least two:
 *    while one holds exactly one, its smallest other non-zero member is suppressed too. Periods
 *    are audited exactly (disclosure/intervals.ts): a suppressed period cell must not be the
 *    difference of published period cells of its slice.
 *
 * This is the standard condition for tables (no cell recoverable from one relation or from any
 * chain of periods); it does not prove that no combination of several relations could narrow a
 * cell down. Cells are numbered internally and the work goes by a worklist: only relations and
 * slices holding a newly suppressed cell are looked at again.
 *
 * @example
 * const lattice = new Lattice();
 * lattice.add('births/…/2024/R=registered', 3, { events: true });
 * lattice.relate(['births/…/2024/', 'births/…/2024/R=registered', 'births/…/2024/R=migrant']);
 * const suppressed = lattice.suppress(5);
 */
import type { PeriodCell } from './families/accumulate.ts';
import { auditSlice, type Interval } from './intervals.ts';

export interface CellOptions {
  /** Some answer counts its events in this cell: it is suppressed when small. */
  readonly events?: boolean;
  /** The cell whose row shows this one: suppressed with it. */
  readonly parent?: string;
}

export class Lattice {
  private readonly ids = new Map<string, number>();
  private readonly keys: string[] = [];
  private readonly counts: number[] = [];
  private readonly isEvents: boolean[] = [];
  private readonly parentOf: number[] = [];
  private readonly relations: number[][] = [];
  private readonly slices: Interval[][] = [];
  /** Each slice's name: its first key without the period (`births/<t>//R=migrant`). */
  private readonly sliceNames: string[] = [];

  private id(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.ids.set(key, id);
      this.keys.push(key);
      this.counts.push(0);
      this.isEvents.push(false);
      this.parentOf.push(-1);
    }
    return id;
  }

  /** A published cell; a zero is not kept (an absent cell is a published zero). */
  add(key: string, n: number, options: CellOptions = {}): void {
    if (n === 0) return;
    const id = this.id(key);
    this.counts[id] = n;
    if (options.events) this.isEvents[id] = true;
    if (options.parent !== undefined && this.parentOf[id] === -1) this.parentOf[id] = this.id(options.parent);
  }

  /** The count of a cell (0 when absent: a published zero). */
  count(key: string): number {
    const id = this.ids.get(key);
    return id === undefined ? 0 : this.counts[id]!;
  }

  /** Members of one additive relation (a total and its parts, or a ≡ b); absent members are zeros. */
  relate(members: readonly string[]): void {
    if (members.length > 1) this.relations.push(members.map((m) => this.id(m)));
  }

  /** The period cells of one coordinate slice as month intervals [from, to), for the exact period audit. */
  slice(intervals: readonly PeriodCell[]): void {
    if (intervals.length < 2) return;
    this.slices.push(intervals.map((iv) => ({ id: this.id(iv.key), from: iv.from, to: iv.to })));
    this.sliceNames.push(sliceName(intervals[0]!.key));
  }

  /** Every cell with a count, as [key, count]. */
  *counted(): IterableIterator<[string, number]> {
    for (let id = 0; id < this.keys.length; id++) if (this.counts[id]! > 0) yield [this.keys[id]!, this.counts[id]!];
  }

  /** Cells with a count. */
  get size(): number {
    return this.counts.filter((n) => n > 0).length;
  }

  /**
   * The suppression pattern: the suppressed cells, and for every period slice which month
   * boundaries its published periods join (`joined[slice][b]`, a root per boundary) — a span no
   * answer lists (a year-to-date, a range) is shown only when its two ends are joined, that is
   * when it follows from published cells and so tells nothing new. `trace` hears why each
   * complementary suppression was made (for diagnosing a pattern).
   */
  suppress(
    threshold: number, trace?: (key: string, why: readonly string[]) => void,
    audit?: (hidden: (key: string) => boolean) => readonly string[],
  ): { hidden: Set<string>; joined: Map<string, Int32Array> } {
    const total = this.keys.length;
    const hidden = new Uint8Array(total);
    // Absent members are published zeros: a relation is kept over its counted members only.
    const relations = this.relations.map((r) => r.filter((id) => this.counts[id]! > 0)).filter((r) => r.length > 1);
    const relationsOf: number[][] = Array.from({ length: total }, () => []);
    relations.forEach((r, i) => { for (const id of r) relationsOf[id]!.push(i); });
    const slicesOf: number[][] = Array.from({ length: total }, () => []);
    this.slices.forEach((s, i) => { for (const iv of s) slicesOf[iv.id]!.push(i); });
    const children: number[][] = Array.from({ length: total }, () => []);
    this.parentOf.forEach((p, id) => { if (p >= 0) children[p]!.push(id); });

    const dirtyRelations = new Set<number>();
    const dirtySlices = new Set<number>();
    const queue: number[] = [];
    const hide = (id: number, why?: readonly number[]) => {
      if (hidden[id]) return;
      hidden[id] = 1;
      queue.push(id);
      if (why && trace) trace(this.keys[id]!, why.map((m) => this.keys[m]!));
    };
    for (let id = 0; id < total; id++) if (this.isEvents[id] && this.counts[id]! > 0 && this.counts[id]! < threshold) hide(id);

    const weight = (id: number) => (this.counts[id]! > 0 ? this.counts[id]! : 1e9);
    const isHidden = (key: string) => { const id = this.ids.get(key); return id !== undefined && hidden[id] === 1; };
    for (let rounds = 0; ; rounds++) {
      if (queue.length === 0 && dirtyRelations.size === 0 && dirtySlices.size === 0) {
        // Settled: an exact audit may find more (disclosure/coreAudit.ts).
        const more = audit?.(isHidden) ?? [];
        for (const key of more) {
          const id = this.ids.get(key);
          if (id !== undefined && id < total) hide(id, []);
        }
        if (queue.length === 0) break;
      }
      if (rounds > 1e7) throw new Error('small-cell suppression did not settle');
      while (queue.length > 0) {
        const id = queue.pop()!;
        for (const child of children[id]!) hide(child, [id]);
        for (const r of relationsOf[id]!) dirtyRelations.add(r);
        for (const s of slicesOf[id]!) dirtySlices.add(s);
      }
      for (const r of dirtyRelations) {
        dirtyRelations.delete(r);
        const members = relations[r]!;
        let count = 0;
        for (const m of members) count += hidden[m]!;
        if (count !== 1) continue;
        let best = -1;
        for (const m of members) if (!hidden[m] && (best < 0 || weight(m) < weight(best) || (weight(m) === weight(best) && m < best))) best = m;
        if (best >= 0) hide(best, members);
        if (queue.length > 0) break;
      }
      if (queue.length > 0) continue;
      for (const s of dirtySlices) {
        dirtySlices.delete(s);
        for (const id of auditSlice(this.slices[s]!, hidden, weight)) hide(id, this.slices[s]!.filter((iv) => hidden[iv.id]).map((iv) => iv.id).slice(0, 3));
        if (queue.length > 0) break;
      }
    }
    const out = new Set<string>();
    hidden.forEach((h, id) => { if (h) out.add(this.keys[id]!); });
    const joined = new Map<string, Int32Array>();
    this.slices.forEach((slice, i) => joined.set(this.sliceNames[i]!, boundaries(slice, hidden)));
    return { hidden: out, joined };
  }
}

/** A slice's name: a key with its period left out. */
export function sliceName(key: string): string {
  const [family, township, , coords] = key.split('/');
  return `${family}/${township}//${coords}`;
}

/** The root of each month boundary once the slice's published periods have joined them. */
function boundaries(slice: readonly Interval[], hidden: Uint8Array): Int32Array {
  let size = 0;
  for (const iv of slice) size = Math.max(size, iv.to + 1);
  const parent = new Int32Array(size).map((_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x]!)));
  for (const iv of slice) if (!hidden[iv.id]) parent[find(iv.from)] = find(iv.to);
  for (let i = 0; i < size; i++) parent[i] = find(i);
  return parent;
}
