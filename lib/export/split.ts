import { createHash } from "node:crypto";
import { ExportError, type Split } from "./types";

export type SplitRatios = { train: number; validation: number; test: number };
const ORDER: Split[] = ["train", "validation", "test"];

export function checkRatios(ratios: SplitRatios): void {
  for (const k of ORDER) {
    const v = ratios?.[k];
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0) throw new ExportError(`split ratio ${k} must be a finite number >= 0`);
  }
  const sum = ratios.train + ratios.validation + ratios.test;
  if (Math.abs(sum - 1) > 1e-9) throw new ExportError(`split ratios must sum to 1, got ${sum}`);
}

/** sha256(seed NUL id) → [0, 1) from the first 48 bits (exact in a double). */
export function splitPoint(documentId: string, seed: string): number {
  // NUL separates the parts so ("ab","c") and ("a","bc") hash differently.
  const digest = createHash("sha256").update(`${seed}\u0000${documentId}`, "utf8").digest();
  return digest.readUIntBE(0, 6) / 2 ** 48;
}

/**
 * Deterministic split of one document: depends only on seed and id, never on the order or
 * number of documents, so re-exports and added documents leave existing assignments alone.
 */
export function assignSplit(documentId: string, seed: string, ratios: SplitRatios): Split {
  if (typeof documentId !== "string" || documentId === "") throw new ExportError("split: document id must be non-empty");
  if (typeof seed !== "string") throw new ExportError("split: seed must be a string");
  checkRatios(ratios);
  const u = splitPoint(documentId, seed);
  let upper = 0;
  for (const k of ORDER) {
    upper += ratios[k];
    if (ratios[k] > 0 && u < upper) return k;
  }
  // Rounding can leave u just above the float sum; give it to the last non-empty split.
  return [...ORDER].reverse().find((k) => ratios[k] > 0) ?? "train";
}
