import Link from "next/link";
import type { AuditEventDto } from "@/lib/history/audit-event-dto";
import { stateLabel } from "./state-badge";

// What an audit action reads as on the timeline; unknown actions show as recorded.
const VERBS: Record<string, string> = {
  "assignment.create": "assigned",
  "assignment.delete": "removed an assignment of",
  "assignment.start": "started",
  "assignment.submit": "submitted",
  "assignment.return": "returned work to",
  "assignment.reopen": "reopened the assignment of",
  "document.state": "moved the document",
  "document.update": "edited the document details",
  "document.sign_off": "signed off the document",
  "review.decision": "recorded a review decision",
  "sentence.kind": "changed a segment",
  "annotation.create": "created an annotation",
  "annotation.update": "edited an annotation",
  "annotation.delete": "deleted an annotation",
  "comment.create": "commented",
  "comment.resolve": "resolved a thread",
  "comment.reopen": "reopened a thread",
};

type Snapshot = { state?: string; userId?: string; role?: string; reason?: string; returnComment?: string; type?: string; layer?: string };
const snap = (v: unknown): Snapshot => (v && typeof v === "object" ? (v as Snapshot) : {});

function detail(event: AuditEventDto, names: Map<string, string>): string | null {
  const before = snap(event.before);
  const after = snap(event.after);
  const who = names.get(after.userId ?? before.userId ?? "") ?? null;
  switch (event.action) {
    case "document.state":
    case "document.sign_off":
      return `${stateLabel(before.state ?? "?")} → ${stateLabel(after.state ?? "?")}${after.reason ? ` · reason: ${after.reason}` : ""}`;
    case "assignment.create":
    case "assignment.delete":
      return `${who ?? "a member"} as ${(after.role ?? before.role ?? "").toLowerCase()}`;
    case "assignment.return":
      return `${who ?? "the annotator"}${after.returnComment ? `: “${after.returnComment}”` : ""}`;
    case "assignment.start":
    case "assignment.submit":
    case "assignment.reopen":
      return who;
    case "review.decision": {
      const decision = event.after as { matchKey?: string; decision?: string; reason?: string | null } | null;
      return decision ? `${decision.decision ?? "?"} ${decision.matchKey ?? ""}${decision.reason ? ` · reason: ${decision.reason}` : ""}` : null;
    }
    case "annotation.create":
    case "annotation.update":
    case "annotation.delete":
      return [after.type ?? before.type, after.layer ?? before.layer].filter(Boolean).join(" · ") || null;
    default:
      return null;
  }
}

type TimelineProps = {
  events: AuditEventDto[];
  people: { id: string; name: string }[];
  hasMore: boolean;
  /** Links annotation events to that annotation's own history page. */
  historyHref?: (annotationId: string) => string;
  /** Shows the recorded before/after JSON of each event (the annotation history page). */
  showDetails?: boolean;
};

/** An audit trail, newest first: who did what, when, with before → after where it matters. */
export function Timeline({ events, people, hasMore, historyHref, showDetails }: TimelineProps) {
  const names = new Map(people.map((p) => [p.id, p.name]));
  return (
    <section className="panel" data-testid="timeline">
      {showDetails ? null : <h3 style={{ marginTop: 0 }}>Timeline</h3>}
      {events.length === 0 ? <p className="muted small">Nothing has been recorded yet.</p> : null}
      <ol style={{ listStyle: "none", margin: 0, padding: 0 }}>
        {events.map((e) => {
          const text = detail(e, names);
          return (
            <li key={e.id} data-action={e.action} style={{ borderLeft: "2px solid var(--line)", padding: "0 0 0.6rem 0.6rem" }}>
              <div className="small">
                <strong>{e.actor?.name ?? "System"}</strong> {VERBS[e.action] ?? e.action}
              </div>
              {text ? <div className="small" style={{ overflowWrap: "anywhere" }}>{text}</div> : null}
              {historyHref && e.annotationId && e.action.startsWith("annotation.") ? (
                <Link className="small" href={historyHref(e.annotationId)}>history of this annotation</Link>
              ) : null}
              {showDetails && (e.before || e.after) ? (
                <details className="small">
                  <summary>before / after</summary>
                  <pre className="mono" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere", margin: 0 }}>
                    {JSON.stringify({ before: e.before, after: e.after }, null, 2)}
                  </pre>
                </details>
              ) : null}
              <time className="muted small" dateTime={new Date(e.createdAt).toISOString()}>
                {new Date(e.createdAt).toISOString().slice(0, 16).replace("T", " ")} UTC
              </time>
            </li>
          );
        })}
      </ol>
      {hasMore ? <p className="muted small">Showing the latest {events.length} events; the API pages through the whole trail.</p> : null}
    </section>
  );
}
