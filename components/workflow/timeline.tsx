import Link from "next/link";
import { LocalTime } from "@/components/ui/local-time";
import type { AuditEventDto } from "@/lib/history/audit-event-dto";
import { EVENT_GROUP_NAMES, type EventGroup } from "@/lib/history/event-groups";
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

/** Server-side paging and filtering of a long trail, through links (the page reads them back). */
export type TimelinePaging = {
  group: EventGroup | null;
  /** The href that shows `group` from the newest event on, or the page before `before`. */
  href: (query: { group: EventGroup | null; before?: string | null }) => string;
  /** Event id the next (older) page starts before, null on the last page. */
  nextBefore: string | null;
  /** Whether this is a later page (so "newest" is offered). */
  paged: boolean;
};

type TimelineProps = {
  events: AuditEventDto[];
  people: { id: string; name: string }[];
  hasMore: boolean;
  paging?: TimelinePaging;
  /** Links annotation events to that annotation's own history page. */
  historyHref?: (annotationId: string) => string;
  /** Shows the recorded before/after JSON of each event (the annotation history page). */
  showDetails?: boolean;
};

/** An audit trail, newest first: who did what, when, with before → after where it matters. */
export function Timeline({ events, people, hasMore, historyHref, showDetails, paging }: TimelineProps) {
  const names = new Map(people.map((p) => [p.id, p.name]));
  return (
    <section className="panel" data-testid="timeline" id="timeline">
      {showDetails ? null : <h3 style={{ marginTop: 0 }}>Timeline</h3>}
      {paging ? (
        <nav className="row small" aria-label="Filter the timeline" data-testid="timeline-filter" style={{ marginBottom: "0.5rem" }}>
          {[null, ...EVENT_GROUP_NAMES].map((g) => (
            <Link key={g ?? "all"} href={paging.href({ group: g })} aria-current={g === paging.group ? "true" : undefined} className={`badge ${g === paging.group ? "" : "grey"}`}>
              {g ?? "all"}
            </Link>
          ))}
        </nav>
      ) : null}
      {events.length === 0 ? <p className="muted small">{paging?.group ? `No ${paging.group} events.` : "Nothing has been recorded yet."}</p> : null}
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
                <div>
                  <Link className="small" href={historyHref(e.annotationId)}>history of this annotation</Link>
                </div>
              ) : null}
              {showDetails && (e.before || e.after) ? (
                <details className="small">
                  <summary>before / after</summary>
                  <pre className="mono" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere", margin: 0 }}>
                    {JSON.stringify({ before: e.before, after: e.after }, null, 2)}
                  </pre>
                </details>
              ) : null}
              <div>
                <LocalTime className="muted small" value={e.createdAt} />
              </div>
            </li>
          );
        })}
      </ol>
      {paging ? (
        <div className="row small" data-testid="timeline-paging">
          {paging.paged ? <Link href={paging.href({ group: paging.group })}>← Newest</Link> : null}
          <span className="spacer" />
          {paging.nextBefore ? <Link href={paging.href({ group: paging.group, before: paging.nextBefore })}>Older events →</Link> : null}
        </div>
      ) : hasMore ? (
        <p className="muted small">Showing the latest {events.length} events; the API pages through the whole trail.</p>
      ) : null}
    </section>
  );
}
