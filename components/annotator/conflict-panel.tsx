"use client";
import type { AnnotationBody } from "@/lib/annotator/outbox";
import type { Conflict } from "./sync-engine";
import type { AnnotationDto } from "./types";

type Props = {
  conflicts: Conflict[];
  textOf: (start: number, end: number) => string;
  speakerName: (id: string) => string | null;
  onResolve: (conflict: Conflict, keepMine: boolean) => void;
};

function describe(body: { type?: unknown; start?: unknown; end?: unknown; attributes?: unknown; labels?: unknown; sentenceIndex?: unknown }, props: Props, speaker?: AnnotationDto["speaker"]) {
  const attributes = (body.attributes ?? body.labels ?? {}) as Record<string, unknown>;
  const parts: string[] = [];
  for (const [key, value] of Object.entries(attributes)) {
    if (key === "speaker") {
      const ref = value as { id?: string; name?: string } | null;
      parts.push(`speaker: ${speaker?.name ?? (ref?.id ? props.speakerName(ref.id) : null) ?? ref?.name ?? "?"}`);
    } else if (Array.isArray(value)) parts.push(`${key}: ${value.map((s: { target?: string; value?: number }) => `${s.target} ${s.value}`).join(", ")}`);
    else if (value && typeof value === "object" && "start" in value) {
      const r = value as { start: number; end: number };
      parts.push(`${key}: “${props.textOf(r.start, r.end)}”`);
    } else parts.push(`${key}: ${String(value)}`);
  }
  const where =
    typeof body.start === "number" && typeof body.end === "number"
      ? `“${props.textOf(body.start, body.end)}”`
      : typeof body.sentenceIndex === "number"
        ? `sentence ${body.sentenceIndex + 1}`
        : "";
  return (
    <>
      <strong>{String(body.type ?? "Sentence labels")}</strong> {where}
      <ul style={{ margin: "0.25rem 0 0", paddingLeft: "1.1rem" }}>
        {parts.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
    </>
  );
}

/** A change the server did not take: both versions side by side; the user decides. */
export function ConflictPanel(props: Props) {
  if (props.conflicts.length === 0) return null;
  return (
    <div className="panel" data-testid="conflict" role="alert" style={{ borderColor: "var(--danger)", marginBottom: "0.75rem" }}>
      <h3 style={{ marginTop: 0 }}>{props.conflicts.length === 1 ? "A change was not saved" : `${props.conflicts.length} changes were not saved`}</h3>
      {props.conflicts.map((c, i) => (
        <div key={`${c.op.id}-${i}`} style={{ marginBottom: "0.75rem" }} data-conflict-id={c.op.id}>
          <p className="small" style={{ marginTop: 0 }}>
            {c.stale ? "Someone changed this annotation after you opened it (another tab or device)." : c.message}
          </p>
          <div className="grid-2">
            <div data-testid="conflict-theirs">
              <div className="muted small">On the server now{c.current ? ` (version ${c.current.version})` : ""}</div>
              {c.current ? describe({ ...c.current, attributes: c.current.sentenceIndex === null ? c.current.attributes : undefined, labels: c.current.sentenceIndex !== null ? c.current.attributes : undefined }, props, c.current.speaker) : <em>{c.stale ? "Deleted" : "Not saved"}</em>}
            </div>
            <div data-testid="conflict-mine">
              <div className="muted small">Your edit</div>
              {c.op.kind === "delete" ? <em>Delete</em> : describe(c.op.body as AnnotationBody, props)}
            </div>
          </div>
          <div className="row" style={{ marginTop: "0.4rem" }}>
            <button type="button" onClick={() => props.onResolve(c, true)}>{c.stale ? "Re-apply mine" : "Try again"}</button>
            <button type="button" className="secondary" onClick={() => props.onResolve(c, false)}>{c.stale ? "Keep theirs" : "Discard my change"}</button>
          </div>
        </div>
      ))}
    </div>
  );
}
