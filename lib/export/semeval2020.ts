import { fileStem } from "./filename";
import { lfText } from "./newlines";
import { tsvRow } from "./tsv";
import type { FormatWriter } from "./types";
import { defineWriter } from "./writer";

/**
 * SemEval-2020 Task 11 layout: `semeval2020/article{stem}.txt` (CRLF/CR written as LF, as the
 * task's Python tools read text with universal newlines; offsets shifted to match) and
 * `article{stem}.labels.tsv` with headerless `article_id, label, start, end` lines for every
 * gold span, as in the task's technique-classification files. Offsets are code points, which
 * is what the task's Python scorer uses.
 */
export function createSemeval2020Writer(): FormatWriter {
  return defineWriter("semeval2020", {
    begin: () => [],
    document(p) {
      const stem = fileStem(p.doc.id);
      const lf = lfText(p);
      const labels = p.goldSpans.map((s) => tsvRow([p.doc.id, s.type, lf.map(s.start), lf.map(s.end)])).join("");
      return [
        { path: `semeval2020/article${stem}.txt`, data: lf.text },
        { path: `semeval2020/article${stem}.labels.tsv`, data: labels },
      ];
    },
    end: () => [],
  });
}
