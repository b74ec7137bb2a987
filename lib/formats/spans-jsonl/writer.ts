import { jsonLine } from "@/lib/export/json";
import { spanRecord } from "@/lib/formats/native/jsonl";
import type { FormatWriter } from "@/lib/export/types";
import { defineWriter } from "@/lib/export/writer";

export const SPANS_JSONL_FILE = "spans.jsonl";

/**
 * `spans.jsonl`: one span per line with the sentences it overlaps. `context` is the text from
 * the first covered sentence's start to the last one's end (inter-sentence whitespace
 * included), and `context_start` its document offset, so `start - context_start` locates the
 * span inside it. Both are null when no sentence overlaps the span.
 */
export function createSpansJsonlWriter(): FormatWriter {
  return defineWriter("spans-jsonl", {
    begin: () => [{ path: SPANS_JSONL_FILE, data: "" }],
    document(p) {
      const lines = p.spans.map((s) => {
        const covered = p.coveredSentences(s.start, s.end);
        const first = covered[0];
        const last = covered[covered.length - 1];
        return jsonLine({
          document_id: p.doc.id,
          ...spanRecord(p, s),
          sentence_indices: covered.map((x) => x.index),
          context_start: first && last ? first.start : null,
          context: first && last ? p.slice(first.start, last.end) : null,
        });
      });
      return [{ path: SPANS_JSONL_FILE, data: lines.join("") }];
    },
    end: () => [],
  });
}
