/**
 * A small two-document project shared by the attribute-unit and report tests; the expected
 * figures in those tests are worked out by hand from this data.
 *
 * doc1 (ann, bob, cy), sentence checkworthy: s0 y/y/y, s1 n/n/y, s2 y/n/–, s3 n/n/n;
 *   CLAIM [0,40) ann & bob, [0,38) cy, stance "tax": 2 / 1 / 2, all checkworthy yes;
 *   QUOTE [50,80) ann (speaker e1) & bob (speaker e2), both direct; cy has none.
 * doc2 (ann, bob), sentence checkworthy: s0 y/y, s1 n/y;
 *   CLAIM [0,20) both, stance "tax" −1 / −1; EDITORIAL [30,40) ann only.
 */
import type { LayerAnnotation } from "./layer-annotation";

let next = 0;
function make(documentId: string, annotatorId: string, type: string, where: { start?: number; end?: number; sentenceIndex?: number }, attributes: Record<string, unknown>): LayerAnnotation {
  next += 1;
  return { id: `${documentId}-${annotatorId}-${next}`, documentId, annotatorId, type, ...where, attributes };
}
const label = (doc: string, who: string, sentenceIndex: number, checkworthy: "yes" | "no") => make(doc, who, "SENTENCE", { sentenceIndex }, { checkworthy });
const claim = (doc: string, who: string, start: number, end: number, tax: number) =>
  make(doc, who, "CLAIM", { start, end }, { checkworthy: "yes", stance: [{ target: "tax", value: tax }] });
const quote = (doc: string, who: string, speaker: string) => make(doc, who, "QUOTE", { start: 50, end: 80 }, { form: "direct", speaker: { id: speaker } });

export const DOC1: LayerAnnotation[] = [
  label("doc1", "ann", 0, "yes"), label("doc1", "bob", 0, "yes"), label("doc1", "cy", 0, "yes"),
  label("doc1", "ann", 1, "no"), label("doc1", "bob", 1, "no"), label("doc1", "cy", 1, "yes"),
  label("doc1", "ann", 2, "yes"), label("doc1", "bob", 2, "no"),
  label("doc1", "ann", 3, "no"), label("doc1", "bob", 3, "no"), label("doc1", "cy", 3, "no"),
  claim("doc1", "ann", 0, 40, 2), claim("doc1", "bob", 0, 40, 1), claim("doc1", "cy", 0, 38, 2),
  quote("doc1", "ann", "e1"), quote("doc1", "bob", "e2"),
];

export const DOC2: LayerAnnotation[] = [
  label("doc2", "ann", 0, "yes"), label("doc2", "bob", 0, "yes"),
  label("doc2", "ann", 1, "no"), label("doc2", "bob", 1, "yes"),
  claim("doc2", "ann", 0, 20, -1), claim("doc2", "bob", 0, 20, -1),
  make("doc2", "ann", "EDITORIAL", { start: 30, end: 40 }, {}),
];
