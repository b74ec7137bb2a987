/**
 * Control names shared by the Label Studio writer, its labelling config and the reader, so a
 * file we write reads back into the same annotations.
 * - `label`: span types; `sentence`: one `SENTENCE` region per labelled sentence;
 *   `part`: sub-spans of a span (cue, speaker mention), linked from it by a relation labelled
 *   with the attribute name. A discontinuous span is one `label` region per fragment: the first
 *   keeps the span's id and its per-region results, each further one has the id
 *   `{spanId}:fragment{n}` and is linked from the first by a relation labelled `fragment`
 *   (Label Studio drops a second region with an id it has seen, so ids must differ).
 * - `{TYPE}.{attribute}` / `sentence.{attribute}`: per-region Choices for choice attributes,
 *   TextArea (JSON) for any other value; `stance:{target}`: per-region Choices −2…2 and
 *   `stance_holder:{target}`: per-region Choices source/author/republisher (whose stance);
 *   `{TYPE}.speaker` (TextArea, the entity name) and `{TYPE}.speaker_type` (Choices), and for a
 *   joint statement `{TYPE}.co_speakers` (TextArea, JSON list of further `{name, type}`).
 * A per-region result carries the id of the region it belongs to, as Label Studio does.
 */
export const LS_SPAN_CONTROL = "label";
export const LS_SENTENCE_CONTROL = "sentence";
export const LS_SENTENCE_LABEL = "SENTENCE";
export const LS_PART_CONTROL = "part";
export const LS_STANCE_PREFIX = "stance:";
export const LS_CO_SPEAKERS = "co_speakers";
export const LS_STANCE_HOLDER_PREFIX = "stance_holder:";
/** Spelt as the API spells entity types (one spelling everywhere). */
export const LS_SPEAKER_TYPES = ["person", "organisation", "outlet", "document", "state"] as const;
/** Span-valued attributes written as `part` regions, in this order. */
export const LS_PARTS = ["cue", "speakerMention"] as const;

export const attributeControl = (owner: string, attribute: string) => `${owner}.${attribute}`;
export const stanceControl = (target: string) => `${LS_STANCE_PREFIX}${target}`;
export const stanceHolderControl = (target: string) => `${LS_STANCE_HOLDER_PREFIX}${target}`;
export const LS_FRAGMENT = "fragment";
export const fragmentRegionId = (spanId: string, n: number) => `${spanId}:fragment${n}`;
export const partRegionId = (spanId: string, part: string) => `${spanId}:${part}`;
export const sentenceRegionId = (docId: string, index: number) => `${docId}:s${index}`;
