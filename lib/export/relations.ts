import { compareStrings, type PreparedDocument } from "./prepare";
import { ExportError, type ExportRelation, type ExportSpan } from "./types";

// The relations of one prepared document, validated once and shared by every writer: both ends
// are spans of the document in the relation's own layer, the two ends differ, no id twice.

const checked = new WeakMap<PreparedDocument, ExportRelation[]>();

function fail(docId: string, message: string): never {
  throw new ExportError(`document ${JSON.stringify(docId)}: ${message}`);
}

/** Every relation of the document, gold first, then by layer and id. */
export function documentRelations(p: PreparedDocument): ExportRelation[] {
  const cached = checked.get(p);
  if (cached) return cached;
  const spans = new Map<string, ExportSpan>(p.spans.map((s) => [s.id, s]));
  const seen = new Set<string>();
  const out = (p.doc.relations ?? []).map((r) => {
    const what = `relation ${JSON.stringify(r.id)}`;
    if (typeof r.id !== "string" || r.id === "") fail(p.doc.id, "relation id must be a non-empty string");
    if (seen.has(r.id)) fail(p.doc.id, `${what} appears twice`);
    seen.add(r.id);
    if (typeof r.type !== "string" || !/^\S+$/u.test(r.type)) fail(p.doc.id, `${what} type must be a non-empty token`);
    const from = spans.get(r.fromId);
    const to = spans.get(r.toId);
    if (!from) fail(p.doc.id, `${what} starts at unknown span ${JSON.stringify(r.fromId)}`);
    if (!to) fail(p.doc.id, `${what} ends at unknown span ${JSON.stringify(r.toId)}`);
    if (r.fromId === r.toId) fail(p.doc.id, `${what} links span ${JSON.stringify(r.fromId)} to itself`);
    if (from.layer !== r.layer || to.layer !== r.layer) fail(p.doc.id, `${what} is in layer ${r.layer} but links spans of ${from.layer} and ${to.layer}`);
    return { id: r.id, type: r.type, fromId: r.fromId, toId: r.toId, layer: r.layer };
  });
  const rank = (r: ExportRelation) => (r.layer === "gold" ? "" : r.layer);
  out.sort((a, b) => compareStrings(rank(a), rank(b)) || compareStrings(a.id, b.id));
  checked.set(p, out);
  return out;
}

/** The gold layer's relations, same order. */
export function goldRelations(p: PreparedDocument): ExportRelation[] {
  return documentRelations(p).filter((r) => r.layer === "gold");
}
