import { tsvRow } from "./tsv";
import type { FormatWriter } from "./types";
import { defineWriter } from "./writer";

export const STANCE_TSV_FILE = "stance.tsv";

/** SemEval-2016 Task 6 classes: -2, -1 → AGAINST; 0 → NONE; +1, +2 → FAVOR. */
export function semevalStance(value: number): "AGAINST" | "NONE" | "FAVOR" {
  return value < 0 ? "AGAINST" : value > 0 ? "FAVOR" : "NONE";
}

/**
 * `stance.tsv` in the SemEval-2016 layout `ID, Target, Text, Stance, Opinion towards`, one row
 * per (sentence, target) label and per (gold span, target). IDs are `{doc}:s{index}` for
 * sentences and `{doc}:{spanId}` for spans. "Opinion towards" uses short codes: TARGET when
 * the stance is non-zero (our annotators judge the target itself), NONE for 0; the dataset's
 * OTHER class is never produced because we do not annotate opinions about other entities.
 */
export function createStanceTsvWriter(): FormatWriter {
  return defineWriter("stance-tsv", {
    begin: () => [{ path: STANCE_TSV_FILE, data: tsvRow(["ID", "Target", "Text", "Stance", "Opinion towards"]) }],
    document(p) {
      const row = (id: string, target: string, text: string, value: number) =>
        tsvRow([id, target, text, semevalStance(value), value === 0 ? "NONE" : "TARGET"]);
      const rows: string[] = [];
      for (const s of p.sentences)
        for (const st of s.labels?.stance ?? []) rows.push(row(`${p.doc.id}:s${s.index}`, st.target, p.slice(s.start, s.end), st.value));
      for (const s of p.goldSpans)
        for (const st of s.stance) rows.push(row(`${p.doc.id}:${s.id}`, st.target, p.slice(s.start, s.end), st.value));
      return [{ path: STANCE_TSV_FILE, data: rows.join("") }];
    },
    end: () => [],
  });
}
