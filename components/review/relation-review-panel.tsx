"use client";
import { useCallback, useEffect, useState } from "react";
import { fieldMessageOf } from "@/lib/api-client/api-error";
import { reviewApi } from "@/lib/api-client/review-endpoints";
import type { RelationMatchView, RelationReview } from "@/lib/validation/relation-review";

type Props = {
  documentId: string;
  canAct: boolean;
  /** Changes whenever the span decisions change, so gold ends are read again. */
  refreshKey: string;
};

const clip = (text: string | null) => (text === null ? "(no text)" : text.length > 50 ? `“${text.slice(0, 50)}…”` : `“${text}”`);

/** Relation matches of the review: agreed or not, who drew them, accept / reject into gold. */
export function RelationReviewPanel({ documentId, canAct, refreshKey }: Props) {
  const [data, setData] = useState<RelationReview | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(async () => {
    try {
      setData(await reviewApi.relations(documentId));
    } catch (error) {
      setMessage({ ok: false, text: fieldMessageOf(error, "The relations could not be loaded.") });
    }
  }, [documentId]);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a fetch's result, not derived state
    void load();
  }, [load, refreshKey]);

  const decide = async (m: RelationMatchView, decision: "accept" | "reject") => {
    setBusy(true);
    try {
      await reviewApi.decideRelation(documentId, { key: m.key, decision, version: m.decision?.version ?? 0 });
    } catch (error) {
      return setMessage({ ok: false, text: fieldMessageOf(error, "The relation decision was not saved.") });
    } finally {
      setBusy(false);
    }
    setMessage({ ok: true, text: decision === "accept" ? `Accepted: ${m.type} is in the gold layer.` : `Rejected: no gold ${m.type} link.` });
    await load();
  };

  if (!data || data.items.length === 0) return null;
  return (
    <section data-testid="relation-review" style={{ marginTop: "0.75rem" }}>
      <h3>Relations ({data.items.length}{data.f1 !== null ? `, F1 ${data.f1.toFixed(2)}` : ""})</h3>
      {message ? <p className={message.ok ? "form-ok" : "form-error"} role="status">{message.text}</p> : null}
      <ul style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {data.items.map((m) => (
          <li key={m.key} data-testid="relation-match" data-agreed={m.agreed ? "true" : "false"} style={{ marginBottom: "0.4rem" }}>
            <strong>{m.type}</strong> {m.from.type} {clip(m.from.text)} → {m.to.type} {clip(m.to.text)}{" "}
            <span className="muted small">
              {m.agreed ? "agreed" : `${m.annotators.length} of ${m.annotators.length + m.missingAnnotators.length} annotators`}
              {m.decision ? ` · ${{ auto: "pre-accepted", accept: "accepted", reject: "rejected" }[m.decision.decision]}` : ""}
              {m.goldRelationId ? " · in gold" : ""}
            </span>
            {canAct ? (
              <span className="row" style={{ display: "inline-flex", marginLeft: "0.4rem" }}>
                <button type="button" className="secondary small" disabled={busy || m.goldRelationId !== null} onClick={() => void decide(m, "accept")}>Accept</button>
                <button type="button" className="link small" disabled={busy} onClick={() => void decide(m, "reject")}>Reject</button>
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
