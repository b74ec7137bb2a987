import { lfText } from "@/lib/export/newlines";
import { tsvRow } from "@/lib/export/tsv";
import type { FormatWriter } from "@/lib/export/types";
import { defineWriter } from "@/lib/export/writer";

export const SEMEVAL2020_IDS_FILE = "semeval2020/article_ids.tsv";

/**
 * SemEval-2020 Task 11 in its official layout: numeric article ids (1, 2, … in export order)
 * named by `semeval2020/article_ids.tsv` (`article_id, document_id`, with a header), and per
 * article `article{n}.txt` (CRLF/CR written as LF, as the task's Python tools read text with
 * universal newlines; offsets shifted to match), `article{n}.task-si.labels` (`id, start, end`:
 * span identification) and `article{n}.task-flc-tc.labels` (`id, label, start, end`: technique
 * classification, our span type as the label), headerless, one line per gold span. Offsets are
 * code points, which is what the task's Python scorer uses.
 */
export function createSemeval2020Writer(): FormatWriter {
  let n = 0;
  return defineWriter("semeval2020", {
    begin: () => [{ path: SEMEVAL2020_IDS_FILE, data: tsvRow(["article_id", "document_id"]) }],
    document(p) {
      const id = ++n;
      const lf = lfText(p);
      const spans = p.goldSpans.map((s) => ({ type: s.type, start: lf.map(s.start), end: lf.map(s.end) }));
      return [
        { path: SEMEVAL2020_IDS_FILE, data: tsvRow([id, p.doc.id]) },
        { path: `semeval2020/article${id}.txt`, data: lf.text },
        { path: `semeval2020/article${id}.task-si.labels`, data: spans.map((s) => tsvRow([id, s.start, s.end])).join("") },
        { path: `semeval2020/article${id}.task-flc-tc.labels`, data: spans.map((s) => tsvRow([id, s.type, s.start, s.end])).join("") },
      ];
    },
    end: () => [],
  });
}
