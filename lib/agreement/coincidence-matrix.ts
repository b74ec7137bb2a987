/**
 * Coincidence matrix for Krippendorff's alpha (Krippendorff 2011, "Computing Krippendorff's
 * Alpha-Reliability", section C). Every unit with m ≥ 2 pairable values contributes each
 * ordered pair of its values with weight 1/(m−1), so a unit adds exactly m to the total n.
 *
 * Kept separate from the alpha formula because it is additive: a caller can feed units one
 * document at a time (see AgreementAccumulator) and compute alpha only at the end.
 */

/** One coded value. `null`/`undefined` mean "this annotator gave no value for the unit". */
export type AlphaValue = number | string;
export type MaybeAlphaValue = AlphaValue | null | undefined;

export class CoincidenceMatrix {
  /** o[c][k]; Map keys keep 1 and "1" apart, which a plain object would merge. */
  private readonly cells = new Map<AlphaValue, Map<AlphaValue, number>>();
  /** n_c counted as integers, so marginals carry no rounding error from the 1/(m−1) weights. */
  private readonly marginals = new Map<AlphaValue, number>();
  /** Units that had at least two pairable values. */
  unitCount = 0;
  /** n: the number of pairable values (sum of all cells). */
  pairableCount = 0;

  /** Adds one unit; values that are null/undefined are missing. Returns false if the unit had < 2 values. */
  addUnit(values: readonly MaybeAlphaValue[]): boolean {
    const present: AlphaValue[] = [];
    for (const value of values) {
      if (value === null || value === undefined) continue;
      if (typeof value === "number" && !Number.isFinite(value)) {
        throw new RangeError(`Alpha values must be finite numbers or strings; got ${String(value)}`);
      }
      present.push(value);
    }
    const m = present.length;
    if (m < 2) return false;
    const weight = 1 / (m - 1);
    for (const value of present) this.marginals.set(value, (this.marginals.get(value) ?? 0) + 1);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < m; j++) {
        if (i === j) continue;
        this.add(present[i] as AlphaValue, present[j] as AlphaValue, weight);
      }
    }
    this.unitCount += 1;
    this.pairableCount += m;
    return true;
  }

  /** Adds all counts of another matrix (e.g. one built for a single document). */
  merge(other: CoincidenceMatrix): void {
    for (const [c, row] of other.cells) {
      for (const [k, count] of row) this.add(c, k, count);
    }
    for (const [c, count] of other.marginals) this.marginals.set(c, (this.marginals.get(c) ?? 0) + count);
    this.unitCount += other.unitCount;
    this.pairableCount += other.pairableCount;
  }

  /** Distinct values that occur in at least one pairable unit. */
  values(): AlphaValue[] {
    return [...this.marginals.keys()];
  }

  get(c: AlphaValue, k: AlphaValue): number {
    return this.cells.get(c)?.get(k) ?? 0;
  }

  /** n_c: how often value c occurs among pairable values. */
  marginal(c: AlphaValue): number {
    return this.marginals.get(c) ?? 0;
  }

  private add(c: AlphaValue, k: AlphaValue, count: number): void {
    let row = this.cells.get(c);
    if (!row) {
      row = new Map();
      this.cells.set(c, row);
    }
    row.set(k, (row.get(k) ?? 0) + count);
  }
}
