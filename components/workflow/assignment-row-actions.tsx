"use client";
import { useState, useTransition } from "react";
import { deleteAssignmentAction, returnAssignmentAction, submitAssignmentAction } from "@/app/projects/[projectId]/workflow-actions";
import type { AssignmentDto } from "@/lib/workflow/assignment-dto";

type Props = {
  projectId: string;
  documentId: string;
  assignment: AssignmentDto;
  canRemove: boolean;
  canSubmit: boolean;
  canReturn: boolean;
};

/** Per-assignment buttons: remove (manager), submit (its annotator), return with a comment (reviewer). */
export function AssignmentRowActions({ projectId, documentId, assignment, canRemove, canSubmit, canReturn }: Props) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState("");

  const run = (fn: () => Promise<{ ok: boolean; message?: string }>, after?: () => void) =>
    start(async () => {
      setError(null);
      const result = await fn();
      if (!result.ok) setError(result.message ?? "Something went wrong.");
      else after?.();
    });

  return (
    <div>
      <div className="row">
        {canSubmit ? (
          <button
            type="button"
            disabled={pending}
            data-testid="submit-assignment"
            onClick={() => {
              if (!window.confirm("Submit your annotations for review? You cannot edit them afterwards unless a reviewer returns them.")) return;
              run(() => submitAssignmentAction(projectId, documentId, assignment.id, assignment.version));
            }}
          >
            Submit
          </button>
        ) : null}
        {canReturn && !returning ? (
          <button type="button" className="secondary" disabled={pending} onClick={() => setReturning(true)} data-testid="return-assignment">
            Return…
          </button>
        ) : null}
        {canRemove ? (
          <button
            type="button"
            className="danger"
            disabled={pending}
            onClick={() => {
              const lost = assignment.role === "annotator" ? " Their annotations on this document are deleted with it (the audit trail keeps them)." : "";
              if (!window.confirm(`Remove ${assignment.user.name}'s ${assignment.role} assignment?${lost}`)) return;
              run(() => deleteAssignmentAction(projectId, documentId, assignment.id));
            }}
          >
            Remove
          </button>
        ) : null}
      </div>
      {returning ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            run(() => returnAssignmentAction(projectId, documentId, assignment.id, { comment, version: assignment.version }), () => setReturning(false));
          }}
          style={{ marginTop: "0.4rem" }}
        >
          <label className="small" htmlFor={`return-${assignment.id}`} style={{ fontWeight: 600 }}>What should {assignment.user.name} fix?</label>
          <textarea id={`return-${assignment.id}`} value={comment} onChange={(e) => setComment(e.target.value)} required />
          <div className="row">
            <button type="submit" disabled={pending || !comment.trim()}>Return to annotator</button>
            <button type="button" className="secondary" onClick={() => setReturning(false)}>Cancel</button>
          </div>
        </form>
      ) : null}
      {error ? <p className="field-error" role="alert">{error}</p> : null}
    </div>
  );
}
