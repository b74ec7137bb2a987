import type { CsvCell } from "./csv";
import type { Stance } from "./types";

/** Header cells for the per-target stance columns of the CSVs, one per project target. */
export function stanceHeaders(targets: string[]): string[] {
  return targets.map((t) => `stance:${t}`);
}

/**
 * Cells for the per-target columns; empty when the target is not annotated. The full list,
 * including targets outside the project list, is also written as JSON in the `stance` column.
 */
export function stanceCells(targets: string[], stance: Stance[] | undefined): CsvCell[] {
  return targets.map((t) => stance?.find((s) => s.target === t)?.value ?? null);
}

export function stanceJson(stance: Stance[] | undefined): string {
  return stance ? JSON.stringify(stance.map((s) => ({ target: s.target, value: s.value, holder: s.holder }))) : "";
}
