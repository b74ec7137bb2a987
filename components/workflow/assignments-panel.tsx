import type { AssignmentDto } from "@/lib/workflow/assignment-dto";
import type { DocumentStateName } from "@/lib/workflow/state-machine";
import { AddAssignmentForm, type MemberOption } from "./add-assignment-form";
import { AssignmentRowActions } from "./assignment-row-actions";
import { ReopenDocumentForm } from "./reopen-document-form";
import { StateBadge } from "./state-badge";

type Props = {
  projectId: string;
  documentId: string;
  documentState: DocumentStateName;
  assignments: AssignmentDto[];
  members: MemberOption[];
  currentUserId: string;
  canManage: boolean;
  canReview: boolean;
  canReopen: boolean;
};

/** Who works on this document, in which state, and the workflow actions the caller may take. */
export function AssignmentsPanel(props: Props) {
  const signedOff = props.documentState === "SIGNED_OFF";
  return (
    <section className="panel" data-testid="assignments-panel">
      <div className="row">
        <h3 style={{ margin: 0 }}>Assignments</h3>
        <StateBadge state={props.documentState} />
      </div>
      {props.assignments.length === 0 ? (
        <p className="muted small">
          Nobody is assigned yet.{props.canManage ? " Assign annotators below, or several documents at once from the document list." : ""}
        </p>
      ) : (
        // A list, not a table: in the narrow side column the buttons wrap under the name instead of
        // pushing a third column out of the panel.
        <ul className="assignment-list">
          {props.assignments.map((a) => {
            const annotator = a.role === "annotator";
            return (
              <li key={a.id} data-testid="assignment-row" data-role={a.role}>
                <div className="row">
                  <strong style={{ overflowWrap: "anywhere" }}>{a.user.name}</strong>
                  <span className="muted small">{a.role}</span>
                  <span className="spacer" />
                  <StateBadge state={a.state} />
                </div>
                <AssignmentRowActions
                  projectId={props.projectId}
                  documentId={props.documentId}
                  assignment={a}
                  canRemove={props.canManage && a.state !== "SUBMITTED" && !signedOff}
                  canSubmit={annotator && a.userId === props.currentUserId && a.state !== "SUBMITTED" && !signedOff}
                  canReturn={props.canReview && annotator && a.state === "SUBMITTED" && !signedOff}
                />
              </li>
            );
          })}
        </ul>
      )}
      {props.canManage && !signedOff ? <AddAssignmentForm projectId={props.projectId} documentId={props.documentId} members={props.members} /> : null}
      {props.canReopen && signedOff ? <ReopenDocumentForm projectId={props.projectId} documentId={props.documentId} /> : null}
    </section>
  );
}
