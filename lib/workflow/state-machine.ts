import { AppError } from "@/lib/errors";

// The workflow as two pure transition tables. Services look up the next state here and never
// hard-code one, so the rules are written (and unit-tested) once. See README "Workflow".
export const ASSIGNMENT_STATES = ["ASSIGNED", "IN_PROGRESS", "SUBMITTED"] as const;
export type AssignmentStateName = (typeof ASSIGNMENT_STATES)[number];

export const DOCUMENT_STATES = ["ANNOTATING", "READY_FOR_REVIEW", "IN_REVIEW", "SIGNED_OFF"] as const;
export type DocumentStateName = (typeof DOCUMENT_STATES)[number];

export type AssignmentEvent = "start" | "submit" | "return" | "reopen";
export type DocumentEvent = "annotatorAdded" | "allSubmitted" | "startReview" | "signOff" | "return" | "reopen";

export const ASSIGNMENT_TRANSITIONS: Record<AssignmentEvent, Partial<Record<AssignmentStateName, AssignmentStateName>>> = {
  // The first annotation (or opening the annotate page) starts the work.
  start: { ASSIGNED: "IN_PROGRESS" },
  // Submitting untouched work is allowed: a document may hold nothing to mark.
  submit: { ASSIGNED: "SUBMITTED", IN_PROGRESS: "SUBMITTED" },
  // A reviewer sends submitted work back with a comment.
  return: { SUBMITTED: "IN_PROGRESS" },
  // Reopening a signed-off document puts every assignment back to work.
  reopen: { ASSIGNED: "IN_PROGRESS", IN_PROGRESS: "IN_PROGRESS", SUBMITTED: "IN_PROGRESS" },
};

export const DOCUMENT_TRANSITIONS: Record<DocumentEvent, Partial<Record<DocumentStateName, DocumentStateName>>> = {
  // A new annotator means unsubmitted work again; once review has begun the set is frozen.
  annotatorAdded: { ANNOTATING: "ANNOTATING", READY_FOR_REVIEW: "ANNOTATING" },
  allSubmitted: { ANNOTATING: "READY_FOR_REVIEW" },
  // A reviewer may start before every annotator has submitted.
  startReview: { ANNOTATING: "IN_REVIEW", READY_FOR_REVIEW: "IN_REVIEW" },
  signOff: { IN_REVIEW: "SIGNED_OFF" },
  // Returned work leaves the document annotating until it is submitted again.
  return: { ANNOTATING: "ANNOTATING", READY_FOR_REVIEW: "ANNOTATING", IN_REVIEW: "ANNOTATING" },
  reopen: { SIGNED_OFF: "ANNOTATING" },
};

const EVENT_VERB: Record<AssignmentEvent | DocumentEvent, string> = {
  start: "start",
  submit: "submit",
  return: "return",
  reopen: "reopen",
  annotatorAdded: "add an annotator to",
  allSubmitted: "mark as ready for review",
  startReview: "start reviewing",
  signOff: "sign off",
};

const label = (state: string) => state.toLowerCase().replaceAll("_", " ");

export function nextAssignmentState(current: AssignmentStateName, event: AssignmentEvent): AssignmentStateName | null {
  return ASSIGNMENT_TRANSITIONS[event][current] ?? null;
}

export function nextDocumentState(current: DocumentStateName, event: DocumentEvent): DocumentStateName | null {
  return DOCUMENT_TRANSITIONS[event][current] ?? null;
}

/** The next assignment state, or 409 invalid_state carrying `details.current`. */
export function assignmentTransition(current: AssignmentStateName, event: AssignmentEvent): AssignmentStateName {
  const next = nextAssignmentState(current, event);
  if (!next) {
    throw new AppError("invalid_state", `Cannot ${EVENT_VERB[event]} an assignment that is ${label(current)}.`, {
      details: { current, event, entity: "assignment" },
    });
  }
  return next;
}

/** The next document state, or 409 invalid_state carrying `details.current`. */
export function documentTransition(current: DocumentStateName, event: DocumentEvent): DocumentStateName {
  const next = nextDocumentState(current, event);
  if (!next) {
    throw new AppError("invalid_state", `Cannot ${EVENT_VERB[event]} a document that is ${label(current)}.`, {
      details: { current, event, entity: "document" },
    });
  }
  return next;
}

/** A document is ready for review when it has annotator assignments and every one is submitted. */
export function allAnnotatorsSubmitted(assignments: readonly { role: string; state: string }[]): boolean {
  const annotators = assignments.filter((a) => a.role === "ANNOTATOR");
  return annotators.length > 0 && annotators.every((a) => a.state === "SUBMITTED");
}
