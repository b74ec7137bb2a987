import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import {
  ASSIGNMENT_STATES,
  DOCUMENT_STATES,
  allAnnotatorsSubmitted,
  assignmentTransition,
  documentTransition,
  nextAssignmentState,
  nextDocumentState,
  type AssignmentEvent,
  type AssignmentStateName,
  type DocumentEvent,
  type DocumentStateName,
} from "./state-machine";

// Every (state, event) pair written out by hand: null means illegal. A change to the tables must be made twice.
const ASSIGNMENT_EXPECTED: Record<AssignmentEvent, Record<AssignmentStateName, AssignmentStateName | null>> = {
  start: { ASSIGNED: "IN_PROGRESS", IN_PROGRESS: null, SUBMITTED: null },
  submit: { ASSIGNED: "SUBMITTED", IN_PROGRESS: "SUBMITTED", SUBMITTED: null },
  return: { ASSIGNED: null, IN_PROGRESS: null, SUBMITTED: "IN_PROGRESS" },
  reopen: { ASSIGNED: "IN_PROGRESS", IN_PROGRESS: "IN_PROGRESS", SUBMITTED: "IN_PROGRESS" },
};

const DOCUMENT_EXPECTED: Record<DocumentEvent, Record<DocumentStateName, DocumentStateName | null>> = {
  annotatorAdded: { ANNOTATING: "ANNOTATING", READY_FOR_REVIEW: "ANNOTATING", IN_REVIEW: null, SIGNED_OFF: null },
  allSubmitted: { ANNOTATING: "READY_FOR_REVIEW", READY_FOR_REVIEW: null, IN_REVIEW: null, SIGNED_OFF: null },
  startReview: { ANNOTATING: "IN_REVIEW", READY_FOR_REVIEW: "IN_REVIEW", IN_REVIEW: null, SIGNED_OFF: null },
  signOff: { ANNOTATING: null, READY_FOR_REVIEW: null, IN_REVIEW: "SIGNED_OFF", SIGNED_OFF: null },
  return: { ANNOTATING: "ANNOTATING", READY_FOR_REVIEW: "ANNOTATING", IN_REVIEW: "ANNOTATING", SIGNED_OFF: null },
  reopen: { ANNOTATING: null, READY_FOR_REVIEW: null, IN_REVIEW: null, SIGNED_OFF: "ANNOTATING" },
};

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

describe("assignment transitions", () => {
  it("the expected table covers every state", () => {
    for (const byState of Object.values(ASSIGNMENT_EXPECTED)) expect(Object.keys(byState).sort()).toEqual([...ASSIGNMENT_STATES].sort());
  });

  for (const [event, byState] of Object.entries(ASSIGNMENT_EXPECTED) as [AssignmentEvent, Record<AssignmentStateName, AssignmentStateName | null>][]) {
    for (const [state, expected] of Object.entries(byState) as [AssignmentStateName, AssignmentStateName | null][]) {
      if (expected) {
        it(`${event}: ${state} → ${expected}`, () => {
          expect(nextAssignmentState(state, event)).toBe(expected);
          expect(assignmentTransition(state, event)).toBe(expected);
        });
      } else {
        it(`${event} from ${state} is refused with 409 and the current state`, () => {
          expect(nextAssignmentState(state, event)).toBeNull();
          const error = thrown(() => assignmentTransition(state, event));
          expect(error.code).toBe("invalid_state");
          expect(error.status).toBe(409);
          expect(error.details).toMatchObject({ current: state, event, entity: "assignment" });
          expect(error.message).toContain(state.toLowerCase().replaceAll("_", " "));
        });
      }
    }
  }
});

describe("document transitions", () => {
  it("the expected table covers every state", () => {
    for (const byState of Object.values(DOCUMENT_EXPECTED)) expect(Object.keys(byState).sort()).toEqual([...DOCUMENT_STATES].sort());
  });

  for (const [event, byState] of Object.entries(DOCUMENT_EXPECTED) as [DocumentEvent, Record<DocumentStateName, DocumentStateName | null>][]) {
    for (const [state, expected] of Object.entries(byState) as [DocumentStateName, DocumentStateName | null][]) {
      if (expected) {
        it(`${event}: ${state} → ${expected}`, () => {
          expect(nextDocumentState(state, event)).toBe(expected);
          expect(documentTransition(state, event)).toBe(expected);
        });
      } else {
        it(`${event} from ${state} is refused with 409 and the current state`, () => {
          expect(nextDocumentState(state, event)).toBeNull();
          const error = thrown(() => documentTransition(state, event));
          expect(error.code).toBe("invalid_state");
          expect(error.details).toMatchObject({ current: state, event, entity: "document" });
        });
      }
    }
  }

  it("signed off is left only by reopen", () => {
    const events = Object.keys(DOCUMENT_EXPECTED) as DocumentEvent[];
    expect(events.filter((e) => nextDocumentState("SIGNED_OFF", e) !== null)).toEqual(["reopen"]);
  });
});

describe("allAnnotatorsSubmitted", () => {
  it("needs at least one annotator assignment", () => {
    expect(allAnnotatorsSubmitted([])).toBe(false);
    expect(allAnnotatorsSubmitted([{ role: "REVIEWER", state: "ASSIGNED" }])).toBe(false);
  });

  it("ignores reviewer assignments and needs every annotator submitted", () => {
    expect(allAnnotatorsSubmitted([{ role: "ANNOTATOR", state: "SUBMITTED" }, { role: "REVIEWER", state: "ASSIGNED" }])).toBe(true);
    expect(allAnnotatorsSubmitted([{ role: "ANNOTATOR", state: "SUBMITTED" }, { role: "ANNOTATOR", state: "IN_PROGRESS" }])).toBe(false);
  });
});
