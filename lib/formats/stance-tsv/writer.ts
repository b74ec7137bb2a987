import { quotedTsvRow } from "@/lib/export/tsv";
import type { FormatWriter, Stance } from "@/lib/export/types";
import { defineWriter } from "@/lib/export/writer";

export const STANCE_TSV_FILE = "stance.tsv";

/** SemEval-2016 Task 6 classes: -2, -1 → AGAINST; 0 → NONE; +1, +2 → FAVOR. */
export function semevalStance(value: number): "AGAINST" | "NONE" | "FAVOR" {
  return value < 0 ? "AGAINST" : value > 0 ? "FAVOR" : "NONE";
}

/** SemEval-2016 Task 6 columns first, so its readers work unchanged; ours follow. */
export const STANCE_TSV_HEADER = ["ID", "Target", "Tweet", "Stance", "Opinion Towards", "Value", "Unit", "Document", "Holder"] as const;

/**
 * `stance.tsv` in the SemEval-2016 Task 6 layout `ID Target Tweet Stance`, one row per
 * (sentence, target) label and per (gold span, target). `Tweet` holds the exact text of the
 * sentence or span (quoted where needed, see quotedTsvCell). IDs are `{doc}:s{index}` for
 * sentences and `{doc}:{spanId}` for spans. Extra columns: `Opinion Towards` (TARGET when the
 * stance is non-zero, NONE for 0; OTHER is never produced because we only judge the target
 * itself), `Value` (our −2…+2 scale), `Unit` (`sentence` or the span type), `Document` and
 * `Holder` (whose stance: `source` the quoted speaker, `author` the outlet, `republisher`).
 */
export function createStanceTsvWriter(): FormatWriter {
  return defineWriter("stance-tsv", {
    begin: () => [{ path: STANCE_TSV_FILE, data: quotedTsvRow([...STANCE_TSV_HEADER]) }],
    document(p) {
      const row = (id: string, st: Stance, text: string, unit: string) =>
        quotedTsvRow([id, st.target, text, semevalStance(st.value), st.value === 0 ? "NONE" : "TARGET", st.value, unit, p.doc.id, st.holder]);
      const rows: string[] = [];
      for (const s of p.sentences)
        for (const st of s.labels?.stance ?? []) rows.push(row(`${p.doc.id}:s${s.index}`, st, p.slice(s.start, s.end), "sentence"));
      for (const s of p.goldSpans)
        for (const st of s.stance) rows.push(row(`${p.doc.id}:${s.id}`, st, p.slice(s.start, s.end), s.type));
      return [{ path: STANCE_TSV_FILE, data: rows.join("") }];
    },
    end: () => [],
  });
}
