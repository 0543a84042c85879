/**
 * The attacker of the small-cell tests: given published cells as sums of unknown fine counts
 * (equations with 0/1 coefficients) and the suppressed cells, which suppressed cells follow
 * exactly from the published ones? A suppressed cell is determined when its coefficient vector
 * lies in the span of the published cells' vectors: Gaussian elimination (float64, partial
 * pivoting) of the published vectors, then each target reduced against that basis.
 */

export type Vector = ReadonlyMap<number, number>;

export class LinearAttack {
  private readonly basis: { pivot: number; row: Map<number, number> }[] = [];

  /** Adds a published cell (its coefficients over the unknowns). */
  publish(vector: Vector): void {
    const row = this.reduce(new Map(vector));
    let pivot = -1;
    let best = 1e-9;
    for (const [k, v] of row) if (Math.abs(v) > best) { best = Math.abs(v); pivot = k; }
    if (pivot < 0) return;
    const scale = row.get(pivot)!;
    for (const [k, v] of row) row.set(k, v / scale);
    // Keep the basis reduced: eliminate the new pivot from earlier rows.
    for (const b of this.basis) {
      const f = b.row.get(pivot);
      if (f) for (const [k, v] of row) b.row.set(k, (b.row.get(k) ?? 0) - f * v);
    }
    this.basis.push({ pivot, row });
  }

  private reduce(row: Map<number, number>): Map<number, number> {
    for (const b of this.basis) {
      const f = row.get(b.pivot);
      if (f && Math.abs(f) > 1e-12) for (const [k, v] of b.row) row.set(k, (row.get(k) ?? 0) - f * v);
    }
    for (const [k, v] of row) if (Math.abs(v) < 1e-9) row.delete(k);
    return row;
  }

  /** True when the cell with these coefficients follows from the published ones. */
  determines(vector: Vector): boolean {
    return this.reduce(new Map(vector)).size === 0;
  }
}
