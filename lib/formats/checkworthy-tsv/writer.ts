import { SUBQUESTION_PREFIX } from "@/lib/schema/checkworthy-subquestions";
import { quotedTsvRow } from "@/lib/export/tsv";
import type { ExportContext, FormatWriter } from "@/lib/export/types";
import { defineWriter } from "@/lib/export/writer";

export const CHECKWORTHY_TSV_FILE = "checkworthy.tsv";

export { SUBQUESTION_PREFIX };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The sub-questions of the label schema in schema order: choice attributes named
 * `checkworthy_<question>` on the sentence labels or on the CLAIM span type.
 */
export function checkworthySubquestions(schema: unknown): string[] {
  if (!isObj(schema)) return [];
  const claim = Array.isArray(schema.spanTypes) ? schema.spanTypes.find((t) => isObj(t) && t.name === "CLAIM") : undefined;
  const lists = [schema.sentenceLabels, isObj(claim) ? claim.attributes : undefined];
  const names: string[] = [];
  for (const list of lists)
    for (const a of Array.isArray(list) ? list : [])
      if (isObj(a) && a.kind === "choice" && typeof a.name === "string" && a.name.startsWith(SUBQUESTION_PREFIX) && !names.includes(a.name)) names.push(a.name);
  return names;
}

const classLabel = (v: string) => (v === "yes" ? "Yes" : v === "no" ? "No" : v);
const str = (v: unknown) => (typeof v === "string" ? v : "");

/**
 * `checkworthy.tsv` in the CheckThat! layout `Sentence_id Text class_label` (Yes/No), one row
 * per labelled sentence and per gold CLAIM span with a check-worthiness answer (IDs
 * `{doc}:s{index}` and `{doc}:{spanId}`). Our columns follow: `Unit` (`sentence` or `CLAIM`),
 * `Document`, then one column per sub-question of the schema (empty when unanswered). Cells
 * are quoted where needed so `Text` stays exact (see quotedTsvCell).
 */
export function createCheckworthyTsvWriter(): FormatWriter {
  let questions: string[] = [];
  return defineWriter("checkworthy-tsv", {
    begin(ctx: ExportContext) {
      questions = checkworthySubquestions(ctx.schema);
      return [{ path: CHECKWORTHY_TSV_FILE, data: quotedTsvRow(["Sentence_id", "Text", "class_label", "Unit", "Document", ...questions]) }];
    },
    document(p) {
      const rows: string[] = [];
      for (const s of p.sentences) {
        const cw = s.labels?.checkworthy;
        if (!cw) continue;
        const answers = questions.map((q) => str(s.labels?.choices?.[q]));
        rows.push(quotedTsvRow([`${p.doc.id}:s${s.index}`, p.slice(s.start, s.end), classLabel(cw), "sentence", p.doc.id, ...answers]));
      }
      for (const s of p.goldSpans) {
        const cw = s.type === "CLAIM" ? str(s.attributes.checkworthy) : "";
        if (!cw) continue;
        const answers = questions.map((q) => str(s.attributes[q]));
        rows.push(quotedTsvRow([`${p.doc.id}:${s.id}`, p.slice(s.start, s.end), classLabel(cw), s.type, p.doc.id, ...answers]));
      }
      return [{ path: CHECKWORTHY_TSV_FILE, data: rows.join("") }];
    },
    end: () => [],
  });
}
