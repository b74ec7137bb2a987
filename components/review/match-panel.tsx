"use client";
import { useState } from "react";
import { describeDifferences } from "@/lib/review/describe-differences";
import { formatAttribute, versionRows } from "@/lib/review/review-table";
import type { ReviewMatchView } from "@/lib/review/review-types";
import type { LabelSchema } from "@/lib/schema/label-schema";

export type Staged = { kind: "accept"; column: number } | { kind: "reject" } | { kind: "override" } | null;

type Props = {
  match: ReviewMatchView;
  annotators: { id: string; name: string }[];
  canAct: boolean;
  busy: boolean;
  staged: Staged;
  reason: string;
  onStage: (staged: Staged) => void;
  onReason: (reason: string) => void;
  onConfirm: () => void;
  onEdit: (start: number, end: number) => void;
  /** Sentence-level label definitions, for editing a sentence-label match. */
  sentenceLabels: LabelSchema["sentenceLabels"];
  onEditLabels: (attributes: Record<string, unknown>) => void;
};

const DECISION_LABEL: Record<string, string> = { auto: "pre-accepted (agreed)", accept: "accepted", edit: "edited", reject: "rejected", add: "added", override: "overridden" };

/** The selected match: annotators' versions side by side (differing rows emphasised), decision, gold, actions. */
export function MatchPanel({ match, annotators, canAct, busy, staged, reason, onStage, onReason, onConfirm, onEdit, sentenceLabels, onEditLabels }: Props) {
  const rows = versionRows(match, annotators.map((a) => a.id));
  const columns = annotators.map((a) => ({ ...a, version: match.versions.find((v) => v.authorId === a.id) ?? null }));
  const status = match.source === "reviewer" ? "reviewer's own" : match.agreed ? "agreed" : match.open ? "open disagreement" : "resolved disagreement";
  return (
    <div data-testid="match-panel" data-match={match.key}>
      <div className="row">
        <strong>{match.type}</strong>
        <span className="muted small mono">{match.kind === "span" ? `${match.start}–${match.end}` : `sentence ${(match.sentenceIndex ?? 0) + 1}`}</span>
        <span className={`badge ${match.agreed ? "ok" : match.open ? "danger" : ""}`}>{status}</span>
      </div>
      {match.differences.length > 0 ? (
        <p className="small" style={{ margin: "0.4rem 0" }}>
          <strong>{describeDifferences(match.differences, match.missingAnnotators.map((id) => annotators.find((a) => a.id === id)?.name ?? id))}</strong>
        </p>
      ) : null}

      {match.versions.length > 0 ? (
        <div style={{ overflowX: "auto" }}>
          <table className="data small" data-testid="versions">
            <thead>
              <tr>
                <th />
                {columns.map((c, i) => (
                  <th key={c.id}>
                    <kbd>{i + 1}</kbd> {c.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key} data-differs={row.differs ? "true" : "false"} style={row.differs ? { background: "var(--warn-weak)" } : undefined}>
                  <th scope="row" style={{ textTransform: "none" }}>
                    {row.label} {row.differs ? <span role="img" aria-label="differs">≠</span> : null}
                  </th>
                  {row.values.map((value, i) => (
                    <td key={i} style={{ fontWeight: row.differs ? 600 : 400, whiteSpace: "pre-wrap" }}>
                      {value ?? <span className="muted">not marked</span>}
                    </td>
                  ))}
                </tr>
              ))}
              {canAct ? (
                <tr>
                  <td />
                  {columns.map((c, i) => (
                    <td key={c.id}>
                      {c.version ? (
                        <button type="button" className="secondary" disabled={busy} onClick={() => onStage({ kind: "accept", column: i })} aria-pressed={staged?.kind === "accept" && staged.column === i}>
                          Accept <kbd>{i + 1}</kbd>
                        </button>
                      ) : null}
                    </td>
                  ))}
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>
      ) : null}

      <div style={{ margin: "0.6rem 0" }} className="small">
        {match.decision ? (
          <p style={{ margin: 0 }} data-testid="decision">
            Decision: <strong>{DECISION_LABEL[match.decision.decision] ?? match.decision.decision}</strong>
            {match.decision.reason ? <> — “{match.decision.reason}”</> : null}
          </p>
        ) : (
          <p className="muted" style={{ margin: 0 }}>No decision yet.</p>
        )}
        {match.gold ? (
          <p style={{ margin: "0.25rem 0 0" }} data-testid="gold">
            Gold: {match.gold.text !== null ? <>“{match.gold.text}” </> : null}
            <span className="muted">
              {[match.gold.speaker ? `speaker ${match.gold.speaker.name}` : null, ...Object.entries(match.gold.attributes).map(([k, v]) => `${k} ${formatAttribute(k, v)}`)].filter(Boolean).join(" · ")}
            </span>
          </p>
        ) : match.decision ? (
          <p className="muted" style={{ margin: "0.25rem 0 0" }}>Not in the gold layer.</p>
        ) : null}
      </div>

      {canAct && match.source === "annotators" ? (
        <>
          <div className="row">
            <button type="button" className="danger" disabled={busy} onClick={() => onStage({ kind: "reject" })}>
              Reject <kbd>r</kbd>
            </button>
            {!match.agreed ? (
              <button type="button" className="secondary" disabled={busy} onClick={() => onStage({ kind: "override" })}>
                Override <kbd>o</kbd>
              </button>
            ) : null}
          </div>
          {staged ? <StagedAction staged={staged} columns={columns} reason={reason} busy={busy} onReason={onReason} onConfirm={onConfirm} onCancel={() => onStage(null)} /> : null}
          {match.kind === "span" && match.versions.length > 0 ? <EditBoundaries key={match.key} match={match} busy={busy} onEdit={onEdit} /> : null}
          {match.kind === "sentence" && match.versions.length > 0 ? <EditLabels key={match.key} match={match} definitions={sentenceLabels} busy={busy} onSave={onEditLabels} /> : null}
        </>
      ) : null}
    </div>
  );
}

function StagedAction(props: { staged: NonNullable<Staged>; columns: { name: string }[]; reason: string; busy: boolean; onReason: (r: string) => void; onConfirm: () => void; onCancel: () => void }) {
  const { staged } = props;
  if (staged.kind === "accept") {
    return (
      <div className="panel" style={{ marginTop: "0.6rem", padding: "0.6rem" }}>
        <p style={{ margin: "0 0 0.4rem" }}>Accept {props.columns[staged.column]?.name ?? "this"}’s version?</p>
        <div className="row">
          <button type="button" disabled={props.busy} onClick={props.onConfirm} data-testid="confirm">Confirm <kbd>Enter</kbd></button>
          <button type="button" className="link" onClick={props.onCancel}>Cancel <kbd>Esc</kbd></button>
        </div>
      </div>
    );
  }
  return (
    <div className="panel field" style={{ marginTop: "0.6rem", padding: "0.6rem" }}>
      <label htmlFor="review-reason">Reason to {staged.kind} (required)</label>
      <textarea
        id="review-reason"
        autoFocus
        value={props.reason}
        maxLength={2000}
        onChange={(e) => props.onReason(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && !e.shiftKey) {
            e.preventDefault();
            props.onConfirm();
          } else if (e.key === "Escape") props.onCancel();
        }}
      />
      <div className="row">
        <button type="button" disabled={props.busy || props.reason.trim() === ""} onClick={props.onConfirm} data-testid="confirm">
          {staged.kind === "reject" ? "Reject" : "Override"} <kbd>Enter</kbd>
        </button>
        <button type="button" className="link" onClick={props.onCancel}>Cancel <kbd>Esc</kbd></button>
      </div>
    </div>
  );
}

function EditBoundaries({ match, busy, onEdit }: { match: ReviewMatchView; busy: boolean; onEdit: (start: number, end: number) => void }) {
  const [start, setStart] = useState(String(match.start ?? 0));
  const [end, setEnd] = useState(String(match.end ?? 0));
  return (
    <details style={{ marginTop: "0.6rem" }}>
      <summary className="small">Edit boundaries (keeps the first version’s attributes)</summary>
      <div className="row" style={{ marginTop: "0.4rem" }}>
        <label className="small" htmlFor="edit-start">Start</label>
        <input id="edit-start" type="number" min={0} value={start} onChange={(e) => setStart(e.target.value)} style={{ width: "6rem" }} />
        <label className="small" htmlFor="edit-end">End</label>
        <input id="edit-end" type="number" min={0} value={end} onChange={(e) => setEnd(e.target.value)} style={{ width: "6rem" }} />
        <button type="button" className="secondary" disabled={busy} onClick={() => onEdit(Number(start), Number(end))}>Save edit</button>
      </div>
    </details>
  );
}

/** The reviewer's own choice labels for a sentence; other labels (stance) are kept from the first version. */
function EditLabels({ match, definitions, busy, onSave }: { match: ReviewMatchView; definitions: LabelSchema["sentenceLabels"]; busy: boolean; onSave: (attributes: Record<string, unknown>) => void }) {
  const base = match.versions[0]?.attributes ?? {};
  const choices = definitions.flatMap((d) => (d.kind === "choice" ? [d] : []));
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(choices.map((d) => [d.name, typeof base[d.name] === "string" ? (base[d.name] as string) : ""])));
  if (choices.length === 0) return null;
  return (
    <details style={{ marginTop: "0.6rem" }}>
      <summary className="small">Edit the labels (keeps the first version’s other labels)</summary>
      <div className="row" style={{ marginTop: "0.4rem" }}>
        {choices.map((d) => (
          <span key={d.name} className="row">
            <label className="small" htmlFor={`edit-label-${d.name}`}>{d.name}</label>
            <select id={`edit-label-${d.name}`} value={values[d.name] ?? ""} onChange={(e) => setValues((v) => ({ ...v, [d.name]: e.target.value }))}>
              <option value="">—</option>
              {d.values.filter((v) => !v.retired).map((v) => (
                <option key={v.value} value={v.value}>{v.label}</option>
              ))}
            </select>
          </span>
        ))}
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => {
            const next: Record<string, unknown> = { ...base };
            for (const d of choices) {
              if (values[d.name]) next[d.name] = values[d.name];
              else delete next[d.name];
            }
            onSave(next);
          }}
        >
          Save edit
        </button>
      </div>
    </details>
  );
}
