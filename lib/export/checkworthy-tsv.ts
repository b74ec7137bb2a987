import { tsvRow } from "./tsv";
import type { FormatWriter } from "./types";
import { defineWriter } from "./writer";

export const CHECKWORTHY_TSV_FILE = "checkworthy.tsv";

/** `checkworthy.tsv` in the CheckThat! layout `Sentence_id, Text, class_label` (Yes/No); unlabelled sentences are skipped. */
export function createCheckworthyTsvWriter(): FormatWriter {
  return defineWriter("checkworthy-tsv", {
    begin: () => [{ path: CHECKWORTHY_TSV_FILE, data: tsvRow(["Sentence_id", "Text", "class_label"]) }],
    document(p) {
      const rows = p.sentences.flatMap((s) => {
        const cw = s.labels?.checkworthy;
        return cw ? [tsvRow([`${p.doc.id}:s${s.index}`, p.slice(s.start, s.end), cw === "yes" ? "Yes" : "No"])] : [];
      });
      return [{ path: CHECKWORTHY_TSV_FILE, data: rows.join("") }];
    },
    end: () => [],
  });
}
