"use client";
import type { RelationsState } from "./use-relations";

type Props = {
  relations: RelationsState;
  selectedId: string;
  readOnly: boolean;
  /** The covered text of a span of this layer, or null when it is not (yet) known. */
  textOf: (id: string) => string | null;
};

const clip = (text: string | null) => (text === null ? "(unknown span)" : text.length > 60 ? `“${text.slice(0, 60)}…”` : `“${text}”`);

/** The selected span's relations, outgoing and incoming, with the linking controls. */
export function RelationPanel({ relations, selectedId, readOnly, textOf }: Props) {
  const { linking, types } = relations;
  const outgoing = relations.items.filter((r) => r.fromId === selectedId);
  const incoming = relations.items.filter((r) => r.toId === selectedId);
  const label = (name: string) => types.find((t) => t.name === name)?.label ?? name;
  const row = (r: (typeof outgoing)[number], direction: "out" | "in") => (
    <li key={r.id} data-testid="relation-item" data-relation-type={r.type} data-direction={direction}>
      <span aria-hidden="true">{direction === "out" ? "→" : "←"}</span> <strong>{label(r.type)}</strong>{" "}
      <span className="muted small">{direction === "out" ? "to" : "from"}</span> {clip(textOf(direction === "out" ? r.toId : r.fromId))}{" "}
      {readOnly ? null : (
        <button type="button" className="link small" onClick={() => void relations.remove(r)} aria-label={`Delete the ${label(r.type)} relation`}>
          Delete
        </button>
      )}
    </li>
  );
  return (
    <section data-testid="relation-panel" style={{ marginTop: "0.75rem" }}>
      <h3>Relations ({outgoing.length + incoming.length})</h3>
      {outgoing.length + incoming.length === 0 ? <p className="muted small">No relations yet.</p> : null}
      <ul style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {outgoing.map((r) => row(r, "out"))}
        {incoming.map((r) => row(r, "in"))}
      </ul>
      {readOnly ? null : linking && linking.fromId === selectedId ? (
        <div className="panel small" data-testid="relation-linking" role="group" aria-label="New relation">
          <p style={{ margin: 0 }}>
            To: {linking.toId ? <strong data-testid="relation-target">{clip(textOf(linking.toId))}</strong> : <span className="muted">pick a span with ] / [ or a click</span>}
          </p>
          <div className="row">
            {types.map((t, i) => (
              <button key={t.name} type="button" className="secondary" disabled={!linking.toId} onClick={() => void relations.create(t.name)}>
                <kbd>{i + 1}</kbd> {t.label}
              </button>
            ))}
            <button type="button" className="link" onClick={relations.cancel}>Cancel (Esc)</button>
          </div>
        </div>
      ) : (
        <button type="button" className="secondary small" onClick={() => relations.start(selectedId)} data-testid="relation-start">
          Link to another span (<kbd>r</kbd>)
        </button>
      )}
    </section>
  );
}
