"use client";
import { useState, useTransition } from "react";
import { annotateMatchesAction, undoAnnotateMatchesAction } from "@/app/projects/[projectId]/search/actions";
import type { SearchHit } from "@/lib/validation/search";

type Created = { id: string; version: number };
export type MatchSpanType = { name: string; label: string; choices: { name: string; values: { value: string; label: string }[] }[] };

/** Creates one span of the chosen type on each selected match (in the caller's own layer), with undo. */
export function AnnotateMatchesPanel({ projectId, spanTypes, selectedHits, onDone }: { projectId: string; spanTypes: MatchSpanType[]; selectedHits: SearchHit[]; onDone: () => void }) {
  const [type, setType] = useState(spanTypes[0]?.name ?? "");
  const [choices, setChoices] = useState<Record<string, string>>({});
  const spanType = spanTypes.find((t) => t.name === type);
  const attributes = Object.fromEntries((spanType?.choices ?? []).map((c) => [c.name, choices[`${type}.${c.name}`] ?? c.values[0]?.value]));
  const [message, setMessage] = useState<string | null>(null);
  const [created, setCreated] = useState<Created[]>([]);
  const [pending, start] = useTransition();
  const run = () =>
    start(async () => {
      const result = await annotateMatchesAction(projectId, { type, attributes, matches: selectedHits.map((h) => ({ documentId: h.documentId, start: h.start, end: h.end })) });
      if (!result.ok) return setMessage(result.message);
      const made = result.data.filter((o) => o.annotationId).map((o) => ({ id: o.annotationId!, version: o.version! }));
      const failed = result.data.filter((o) => o.error);
      setCreated(made);
      setMessage(`Created ${made.length} ${type} span${made.length === 1 ? "" : "s"}.${failed.length ? ` ${failed.length} not created: ${[...new Set(failed.map((f) => f.error))].join(" ")}` : ""}`);
      onDone();
    });
  const undo = () =>
    start(async () => {
      const result = await undoAnnotateMatchesAction(projectId, { annotations: created });
      setMessage(result.ok ? `Undone: ${result.data.undone} removed.${result.data.errors.length ? ` ${result.data.errors.join(" ")}` : ""}` : result.message);
      setCreated([]);
    });
  return (
    <div className="panel small row" data-testid="annotate-matches" style={{ marginBottom: "0.5rem", flexWrap: "wrap" }}>
      <span>{selectedHits.length} selected</span>
      <select aria-label="Span type for selected matches" value={type} onChange={(e) => setType(e.target.value)}>
        {spanTypes.map((t) => (
          <option key={t.name} value={t.name}>{t.label}</option>
        ))}
      </select>
      {spanType?.choices.map((c) => (
        <select key={c.name} aria-label={c.name} value={attributes[c.name] ?? ""} onChange={(e) => setChoices((x) => ({ ...x, [`${type}.${c.name}`]: e.target.value }))}>
          {c.values.map((v) => (
            <option key={v.value} value={v.value}>{`${c.name}: ${v.label}`}</option>
          ))}
        </select>
      ))}
      <button type="button" className="primary" disabled={pending || selectedHits.length === 0} onClick={run}>
        Annotate selected matches
      </button>
      {created.length ? (
        <button type="button" disabled={pending} onClick={undo}>
          Undo
        </button>
      ) : null}
      {message ? <span role="status">{message}</span> : null}
    </div>
  );
}
