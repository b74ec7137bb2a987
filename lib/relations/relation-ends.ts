import { SENTENCE_TYPE } from "@/lib/annotations/annotation-dto";
import type { FieldErrors } from "@/lib/errors";
import type { LabelSchema } from "@/lib/schema/label-schema";
import { relationTypesOf } from "./relation-types";

// The rules for a relation's ends and type, pure so they are unit-tested: both ends are spans of
// one document and one layer (the same annotator's layer, or both gold), and not the same span.

export type RelationEnd = { id: string; documentId: string; layer: "annotator" | "gold"; authorId: string; type: string };

/** Field errors for a relation from `from` to `to` (empty when it is valid). */
export function relationEndErrors(from: RelationEnd, to: RelationEnd): FieldErrors {
  if (from.id === to.id) return { toId: ["A relation links two different spans; fromId and toId are the same annotation."] };
  if (from.type === SENTENCE_TYPE) return { fromId: ["Relations link spans; fromId is a sentence's labels."] };
  if (to.type === SENTENCE_TYPE) return { toId: ["Relations link spans; toId is a sentence's labels."] };
  if (from.documentId !== to.documentId) return { toId: ["Both ends must be in the same document."] };
  if (from.layer !== to.layer) return { toId: [`Both ends must be in the same layer (fromId is ${from.layer}, toId is ${to.layer}).`] };
  if (from.layer === "annotator" && from.authorId !== to.authorId) return { toId: ["Both ends must be in the same annotator's layer."] };
  return {};
}

/** Field errors for a relation type: it must be in the schema and, for new uses, not retired. */
export function relationTypeErrors(schema: Pick<LabelSchema, "relationTypes">, type: string, options: { allowRetired?: boolean } = {}): FieldErrors {
  const types = relationTypesOf(schema);
  const found = types.find((t) => t.name === type);
  const active = types.filter((t) => !t.retired).map((t) => t.name);
  if (!found) return { type: [`Unknown relation type "${type}"; the project's types are ${active.join(", ") || "none"}.`] };
  if (found.retired && !options.allowRetired) return { type: [`Relation type "${type}" is retired; use one of ${active.join(", ")}.`] };
  return {};
}
