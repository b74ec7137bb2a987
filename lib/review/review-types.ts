// Shapes of GET /api/v1/documents/{id}/review, shared by the server and the review page.

export type ReviewAnnotationView = {
  id: string;
  layer: "annotator" | "gold";
  authorId: string;
  type: string;
  start: number | null;
  end: number | null;
  /** Inner ranges a discontinuous span excludes; absent when contiguous. */
  gaps?: { start: number; end: number }[];
  sentenceIndex: number | null;
  attributes: Record<string, unknown>;
  /** type is the entity type name: person, organisation, outlet or document. */
  speaker: { id: string; name: string; type: string } | null;
  origin: string;
  version: number;
  /** The covered text for spans (code-point slice of the original), null for sentence labels. */
  text: string | null;
};

export type ReviewDecisionView = {
  matchKey: string;
  decision: "auto" | "accept" | "edit" | "reject" | "add" | "override";
  reason: string | null;
  reviewerId: string;
  goldAnnotationId: string | null;
  version: number;
  updatedAt: string;
};

export type ReviewMatchView = {
  key: string;
  kind: "span" | "sentence";
  /** "annotators": a group of annotator versions; "reviewer": a decision whose match is gone or was added by the reviewer. */
  source: "annotators" | "reviewer";
  type: string;
  start: number | null;
  end: number | null;
  sentenceIndex: number | null;
  agreed: boolean;
  /** "boundaries", "missing", "attribute:<name>" (see lib/review/match-spans.ts). */
  differences: string[];
  missingAnnotators: string[];
  /** One version per annotator who marked it, sorted by annotator id. */
  versions: ReviewAnnotationView[];
  decision: ReviewDecisionView | null;
  gold: ReviewAnnotationView | null;
  /** A disagreement with no decision yet: blocks sign-off. */
  open: boolean;
};

export type ReviewView = {
  document: {
    id: string;
    projectId: string;
    title: string;
    state: "ANNOTATING" | "READY_FOR_REVIEW" | "IN_REVIEW" | "SIGNED_OFF";
    version: number;
    signedOffAt: string | null;
    signedOffById: string | null;
  };
  annotators: { id: string; name: string }[];
  preAcceptAgreed: boolean;
  matches: ReviewMatchView[];
  gold: ReviewAnnotationView[];
  counts: { matches: number; agreed: number; disagreements: number; open: number; decided: number };
};
