/**
 * Cohen's kappa for two annotators: κ = (p_o − p_e) / (1 − p_e), with p_e from each annotator's
 * own marginal distribution (Cohen 1960). Built on a contingency table so the report can add
 * label pairs document by document.
 *
 * Defined results instead of NaN: no pair where both labelled → kappa null, reason
 * "no-paired-labels"; p_e = 1 (both used one and the same category throughout) → kappa null,
 * reason "no-variation" (κ is 0/0 there, as with alpha); a single paired unit → kappa null,
 * reason "single-unit" (one pair either agrees, 0/0, or gives a κ of 0 that measures nothing).
 */

export type Label = string | number;
export type MaybeLabel = Label | null | undefined;

export type KappaResult = {
  kappa: number | null;
  /** Units both annotators labelled. */
  n: number;
  observedAgreement: number | null;
  expectedAgreement: number | null;
  /** Set only when kappa is null. */
  reason?: "no-paired-labels" | "no-variation" | "single-unit";
};

export class ContingencyTable {
  /** Counts of (label of A, label of B); Map keys keep 1 and "1" apart. */
  private readonly cells = new Map<Label, Map<Label, number>>();
  n = 0;

  add(a: Label, b: Label, count = 1): void {
    let row = this.cells.get(a);
    if (!row) {
      row = new Map();
      this.cells.set(a, row);
    }
    row.set(b, (row.get(b) ?? 0) + count);
    this.n += count;
  }

  merge(other: ContingencyTable): void {
    for (const [a, row] of other.cells) for (const [b, count] of row) this.add(a, b, count);
  }

  kappa(): KappaResult {
    const { n } = this;
    if (n === 0) return { kappa: null, n, observedAgreement: null, expectedAgreement: null, reason: "no-paired-labels" };
    const rowTotals = new Map<Label, number>();
    const columnTotals = new Map<Label, number>();
    let agreed = 0;
    for (const [a, row] of this.cells) {
      for (const [b, count] of row) {
        rowTotals.set(a, (rowTotals.get(a) ?? 0) + count);
        columnTotals.set(b, (columnTotals.get(b) ?? 0) + count);
        if (a === b) agreed += count;
      }
    }
    if (n === 1) {
      return { kappa: null, n, observedAgreement: agreed, expectedAgreement: null, reason: "single-unit" };
    }
    let expected = 0;
    for (const [label, rowTotal] of rowTotals) expected += (rowTotal / n) * ((columnTotals.get(label) ?? 0) / n);
    const observedAgreement = agreed / n;
    // Guard against 0.9999999… from summing proportions.
    if (Math.abs(1 - expected) < 1e-12) {
      return { kappa: null, n, observedAgreement, expectedAgreement: 1, reason: "no-variation" };
    }
    return { kappa: (observedAgreement - expected) / (1 - expected), n, observedAgreement, expectedAgreement: expected };
  }
}

/**
 * Kappa for two equal-length label arrays; positions where either label is missing are skipped.
 * `labels`, when given, is the allowed category set: a label outside it is an error.
 */
export function cohenKappa(a: readonly MaybeLabel[], b: readonly MaybeLabel[], labels?: readonly Label[]): KappaResult {
  if (a.length !== b.length) {
    throw new RangeError(`cohenKappa needs equal-length label arrays; got ${a.length} and ${b.length}`);
  }
  const allowed = labels ? new Set<Label>(labels) : null;
  const table = new ContingencyTable();
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === null || x === undefined || y === null || y === undefined) continue;
    for (const label of [x, y]) {
      if (allowed && !allowed.has(label)) throw new RangeError(`cohenKappa: label ${JSON.stringify(label)} is not one of the given labels`);
    }
    table.add(x, y);
  }
  return table.kappa();
}

export type UnitKey = string | number;

export type KappaMatrix = {
  annotators: string[];
  /** matrix[i][j]: kappa of annotators[i] and annotators[j] over the units both labelled. */
  matrix: (number | null)[][];
  /** n[i][j]: how many units that was. */
  n: number[][];
};

/** Kappa for every pair of annotators (the diagonal is each annotator against itself). */
export function pairwiseKappaMatrix(
  annotatorIds: readonly string[],
  labelsByAnnotator: ReadonlyMap<string, ReadonlyMap<UnitKey, MaybeLabel>>,
): KappaMatrix {
  const tables = annotatorIds.map((first) =>
    annotatorIds.map((second) => {
      const table = new ContingencyTable();
      const a = labelsByAnnotator.get(first);
      const b = labelsByAnnotator.get(second);
      if (!a || !b) return table;
      for (const [unit, x] of a) {
        const y = b.get(unit);
        if (x === null || x === undefined || y === null || y === undefined) continue;
        table.add(x, y);
      }
      return table;
    }),
  );
  return kappaMatrixFromTables(annotatorIds, tables);
}

/** Shared by the one-shot matrix and the streaming report. */
export function kappaMatrixFromTables(annotatorIds: readonly string[], tables: readonly (readonly ContingencyTable[])[]): KappaMatrix {
  return {
    annotators: [...annotatorIds],
    matrix: tables.map((row) => row.map((table) => table.kappa().kappa)),
    n: tables.map((row) => row.map((table) => table.n)),
  };
}
