/**
 * @module disclosure/coreAudit
 * The exact audit of a township's core birth counts — by residence × order × sex, every period —
 * after the relation-by-relation and period-by-period steps of the lattice. Those steps do not see
 * chains that run through several dimensions at once (2024-04 registered 1st births = 2024Q2
 * registered 1st − May − June, where May and June follow from the all-residence, all-order cells
 * because the migrant and 3rd-order cells of those months are zero). Here the published cells of
 * each window of 15 months (October of the year before to December) are taken as linear equations
 * over the monthly births by residence, order and sex, and every suppressed cell is checked
 * against them by Gaussian elimination; one that follows exactly has the smallest published cell
 * of its own slice that overlaps it suppressed too, and the lattice settles again.
 *
 * @example
 * const more = auditCore(cal, township, (key) => hidden.has(key), (key) => lattice.count(key));
 */
import type { Calendar } from './calendar.ts';
import { coordsPart } from './cells.ts';

const RESIDENCES = ['registered', 'migrant', '*'];
const ORDERS = ['1', '2', '3', '*'];
const SEXES = ['M', 'F', '*'];

interface CoreCell { key: string; from: number; to: number; r: number; o: number; s: number }

/** Rows kept reduced against each other, as dense vectors (a window has at most 180 unknowns). */
class Span {
  private readonly rows: Float64Array[] = [];
  private readonly pivots: number[] = [];
  constructor(private readonly size: number) {}

  private reduce(v: Float64Array): void {
    this.rows.forEach((row, i) => {
      const f = v[this.pivots[i]!]!;
      if (Math.abs(f) > 1e-9) for (let k = 0; k < this.size; k++) v[k]! -= f * row[k]!;
    });
  }

  add(v: Float64Array): void {
    this.reduce(v);
    let pivot = -1;
    for (let k = 0; k < this.size; k++) if (Math.abs(v[k]!) > 1e-9 && (pivot < 0 || Math.abs(v[k]!) > Math.abs(v[pivot]!))) pivot = k;
    if (pivot < 0) return;
    const scale = v[pivot]!;
    for (let k = 0; k < this.size; k++) v[k]! /= scale;
    this.rows.forEach((row) => {
      const f = row[pivot]!;
      if (Math.abs(f) > 1e-12) for (let k = 0; k < this.size; k++) row[k]! -= f * v[k]!;
    });
    this.rows.push(v);
    this.pivots.push(pivot);
  }

  follows(v: Float64Array): boolean {
    const copy = Float64Array.from(v);
    this.reduce(copy);
    return copy.every((x) => Math.abs(x) < 1e-7);
  }
}

/** Cells to suppress more, so that no suppressed core cell follows exactly within a window. */
export function auditCore(cal: Calendar, township: string, hidden: (key: string) => boolean, count: (key: string) => number): string[] {
  const cells: CoreCell[] = [];
  for (const p of cal.periods) {
    RESIDENCES.forEach((R, r) => ORDERS.forEach((O, o) => SEXES.forEach((S, s) => {
      cells.push({ key: `births/${township}/${p.label}/${coordsPart({ R, O, S })}`, from: p.from, to: p.to, r, o, s });
    })));
  }
  const more = new Set<string>();
  const months = cal.months.length;
  for (let end = 11; end < months + 11; end += 12) {
    const first = Math.max(0, end - 14);
    const last = Math.min(months - 1, end);
    const width = last - first + 1;
    const inWindow = cells.filter((c) => c.from >= first && c.to - 1 <= last);
    const vector = (c: CoreCell) => {
      const v = new Float64Array(width * 12);
      for (let m = c.from; m < c.to; m++) {
        for (let r = 0; r < 2; r++) for (let o = 0; o < 3; o++) for (let s = 0; s < 2; s++) {
          if ((c.r === 2 || c.r === r) && (c.o === 3 || c.o === o) && (c.s === 2 || c.s === s)) v[(m - first) * 12 + r * 6 + o * 2 + s] = 1;
        }
      }
      return v;
    };
    const span = new Span(width * 12);
    for (const c of inWindow) if (!hidden(c.key) && !more.has(c.key)) span.add(vector(c));
    for (const c of inWindow) {
      // Cells suppressed in this pass still count as published here: one pick per cell found, then the lattice settles.
      if (!hidden(c.key) || count(c.key) === 0 || !span.follows(vector(c))) continue;
      // The smallest published cell of the same slice that overlaps it.
      const sameSlice = inWindow.filter((x) => x.r === c.r && x.o === c.o && x.s === c.s && x.from < c.to && c.from < x.to && !hidden(x.key) && !more.has(x.key) && count(x.key) > 0);
      const pick = sameSlice.sort((a, b) => count(a.key) - count(b.key))[0];
      if (pick) more.add(pick.key);
    }
  }
  return [...more];
}
