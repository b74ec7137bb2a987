import { CSV_BOM, csvRow } from "./csv";
import { stanceCells, stanceHeaders, stanceJson } from "./stance-columns";
import type { FormatWriter } from "./types";
import { defineWriter } from "./writer";

export const SENTENCES_CSV_FILE = "sentences.csv";

/** `sentences.csv`: one row per sentence, with text and sentence-level labels. */
export function createSentencesCsvWriter(): FormatWriter {
  let targets: string[] = [];
  return defineWriter("sentences-csv", {
    begin(ctx) {
      targets = [...ctx.stanceTargets];
      const header = ["document_id", "sentence_index", "start", "end", "kind", "text", "checkworthy", "stance", ...stanceHeaders(targets)];
      return [{ path: SENTENCES_CSV_FILE, data: CSV_BOM + csvRow(header) }];
    },
    document(p) {
      const rows = p.sentences.map((s) =>
        csvRow([
          p.doc.id,
          s.index,
          s.start,
          s.end,
          s.kind,
          p.slice(s.start, s.end),
          s.labels?.checkworthy ?? null,
          stanceJson(s.labels?.stance),
          ...stanceCells(targets, s.labels?.stance),
        ]),
      );
      return [{ path: SENTENCES_CSV_FILE, data: rows.join("") }];
    },
    end: () => [],
  });
}
