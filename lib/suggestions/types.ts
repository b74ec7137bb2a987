// Public shapes of the suggestion engine. Offsets are Unicode code points, end-exclusive.

export type SuggesterKind = "editorial" | "quote" | "claim";
export type AnnotationType = "EDITORIAL" | "QUOTE" | "CLAIM";
export type EntityType = "PERSON" | "ORGANISATION" | "OUTLET" | "DOCUMENT" | "STATE";
export type EditorialKind =
  | "translation-note"
  | "editor-aside"
  | "legal-footnote"
  | "disclaimer"
  | "republisher-lead"
  | "boilerplate";
export type QuoteForm = "direct" | "indirect" | "mixed";

export interface Span {
  start: number;
  end: number;
}

export interface SentenceInput extends Span {
  kind: "content" | "boilerplate";
}

export interface RegistryEntity {
  id: string;
  name: string;
  aliases: string[];
  type: EntityType;
}

export interface SuggestInput {
  text: string;
  sentences?: SentenceInput[];
  entities: RegistryEntity[];
  enabled?: Partial<Record<SuggesterKind, boolean>>;
}

export interface Suggestion {
  suggester: SuggesterKind;
  /** Stable id of the rule that fired, e.g. "editorial.approx-outlet". */
  rule: string;
  type: AnnotationType;
  start: number;
  end: number;
  attributes: Record<string, unknown>;
  speakerName?: string;
  entityId?: string;
  /** 0–1: how often this rule was right on the calibration corpus (see confidence.ts). */
  confidence: number;
}

export interface ProposedEntity {
  name: string;
  type: EntityType;
}

/**
 * A pair of entities that look like spellings of one name. `a`/`b` are registry entity ids,
 * or "proposed:<name>" for an entry of `proposedEntities`.
 */
export interface MergeProposal {
  a: string;
  b: string;
  score: number;
}

export interface SuggestOutput {
  suggestions: Suggestion[];
  proposedEntities: ProposedEntity[];
  mergeProposals: MergeProposal[];
}
