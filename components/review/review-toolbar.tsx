"use client";
import { LocalTime } from "@/components/ui/local-time";
import { describeDifferences } from "@/lib/review/describe-differences";
import type { OpenMatch, ReviewView } from "@/lib/review/review-types";

type Props = {
  review: ReviewView;
  canAct: boolean;
  canSignOff: boolean;
  busy: boolean;
  message: { ok: boolean; text: string } | null;
  openList: OpenMatch[];
  onStart: () => void;
  onSignOff: () => void;
  onSelect: (key: string) => void;
};

const STATE_LABEL: Record<ReviewView["document"]["state"], string> = {
  ANNOTATING: "annotating",
  READY_FOR_REVIEW: "ready for review",
  IN_REVIEW: "in review",
  SIGNED_OFF: "signed off",
};

/** State, counters, Start review / Sign off, and the errors those return. */
export function ReviewToolbar({ review, canAct, canSignOff, busy, message, openList, onStart, onSignOff, onSelect }: Props) {
  const { state } = review.document;
  const names = new Map(review.annotators.map((a) => [a.id, a.name]));
  const missingNames = (key: string) => (review.matches.find((m) => m.key === key)?.missingAnnotators ?? []).map((id) => names.get(id) ?? id);
  const canStart = canAct && (state === "ANNOTATING" || state === "READY_FOR_REVIEW");
  return (
    <div className="panel">
      <div className="row">
        <span className={`badge ${state === "SIGNED_OFF" ? "ok" : state === "IN_REVIEW" ? "" : "grey"}`} data-testid="document-state">{STATE_LABEL[state]}</span>
        <span className="small">
          <strong data-testid="open-count">{review.counts.open}</strong> open disagreement{review.counts.open === 1 ? "" : "s"}
        </span>
        <span className="muted small">
          {review.counts.disagreements} disagreements · {review.counts.agreed} agreed · {review.counts.decided} decided · {review.gold.length} in gold ·{" "}
          {review.annotators.length} annotator{review.annotators.length === 1 ? "" : "s"}
        </span>
        <span className="spacer" />
        {canStart ? (
          <button type="button" disabled={busy} onClick={onStart} data-testid="start-review">
            {state === "ANNOTATING" ? "Start review early" : "Start review"}
          </button>
        ) : null}
        {canSignOff && state === "IN_REVIEW" ? (
          <button type="button" disabled={busy} onClick={onSignOff} data-testid="sign-off">
            Sign off
          </button>
        ) : null}
      </div>
      {state === "ANNOTATING" && canAct ? <p className="hint">Not every annotator has submitted yet; you may still start early.</p> : null}
      {state === "SIGNED_OFF" && review.document.signedOffAt ? (
        <p className="hint">Signed off <LocalTime value={review.document.signedOffAt} />. The document is read-only until a manager reopens it.</p>
      ) : null}
      {!review.preAcceptAgreed && state !== "SIGNED_OFF" ? <p className="hint">Pre-accepting agreed matches is off for this project: accept agreed matches yourself.</p> : null}
      {message ? (
        <p className={message.ok ? "form-ok" : "form-error"} role={message.ok ? "status" : "alert"} style={{ marginBottom: 0 }}>
          {message.text}
        </p>
      ) : null}
      {openList.length > 0 ? (
        <ul className="small" data-testid="open-list" style={{ marginBottom: 0 }}>
          {openList.map((o) => (
            <li key={o.matchKey}>
              <button type="button" className="link" onClick={() => onSelect(o.matchKey)}>
                {o.type} {o.kind === "span" ? `${o.start}–${o.end}` : `sentence ${(o.sentenceIndex ?? 0) + 1}`}
              </button>{" "}
              <span className="muted">{describeDifferences(o.differences, missingNames(o.matchKey))}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
