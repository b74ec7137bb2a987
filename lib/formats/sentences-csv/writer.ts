import { csvChunks, csvFiles, type CsvCell } from "@/lib/export/csv";
import { stanceHeaders, stanceJson } from "@/lib/export/stance-columns";
import type { FormatWriter } from "@/lib/export/types";
import { defineWriter } from "@/lib/export/writer";

export const SENTENCES_CSV_FILE = "sentences.csv";

/** `sentences.csv` (+ its spreadsheet copy, see csv.ts): one row per sentence, with text and sentence-level labels. */
export function createSentencesCsvWriter(): FormatWriter {
  let targets: string[] = [];
  let header: string[] = [];
  return defineWriter("sentences-csv", {
    begin(ctx) {
      targets = [...ctx.stanceTargets];
      header = ["document_id", "sentence_index", "start", "end", "kind", "text", "checkworthy", "stance", ...stanceHeaders(targets)];
      return csvFiles(SENTENCES_CSV_FILE, header);
    },
    document(p) {
      const rows = p.sentences.map((s): CsvCell[] => {
        // Pushed rather than spread: this runs once per sentence of the export.
        const row: CsvCell[] = [p.doc.id, s.index, s.start, s.end, s.kind, p.slice(s.start, s.end), s.labels?.checkworthy ?? null, stanceJson(s.labels?.stance)];
        for (const t of targets) row.push(s.labels?.stance?.find((x) => x.target === t)?.value ?? null);
        return row;
      });
      return csvChunks(SENTENCES_CSV_FILE, header, rows);
    },
    end: () => [],
  });
}
