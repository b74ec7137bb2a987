"use client";
import { useDeferredValue, useMemo, useState } from "react";
import { matchesFilter, type AnnotationFilter } from "@/lib/annotator/span-index";
import { spanSummaryParts } from "@/lib/annotator/span-summary";
import type { LabelSchema } from "@/lib/schema/label-schema";
import { fragmentsOf } from "@/lib/spans/span-gaps";
import type { AnnotationDto, EntityDto } from "./types";

const SHOWN = 200;
const NO_SPANS: Props["spans"] = [];

type Props = {
  spans: (AnnotationDto & { start: number; end: number })[];
  schema: LabelSchema;
  targets: string[];
  entities: EntityDto[];
  selectedId: string | null;
  textOf: (start: number, end: number) => string;
  onJump: (a: AnnotationDto & { start: number; end: number }) => void;
};

/** The document's spans in text order, filterable; a click jumps to and selects the span. */
export function AnnotationList(props: Props) {
  const [filter, setFilter] = useState<AnnotationFilter>({ type: "", speakerId: "", target: "" });
  // Not needed to start annotating: the page gets ready without the list's rows, which follow in
  // a background render (and keep up with edits the same way, off the keypress's path).
  const spans = useDeferredValue(props.spans, NO_SPANS);
  const listed = spans !== NO_SPANS || props.spans.length === 0;
  const matching = useMemo(() => spans.filter((a) => matchesFilter(a, filter)).sort((a, b) => a.start - b.start || b.end - a.end), [spans, filter]);
  const colors = Object.fromEntries(props.schema.spanTypes.map((t) => [t.name, t.color]));
  const speakers = useMemo(() => {
    const used = new Set(spans.map((a) => a.speaker?.id).filter(Boolean));
    return props.entities.filter((e) => used.has(e.id));
  }, [spans, props.entities]);
  return (
    <section data-testid="annotation-list">
      <h3>Annotations ({props.spans.length})</h3>
      <div className="row" style={{ marginBottom: "0.4rem" }}>
        <select aria-label="Filter by type" value={filter.type} onChange={(e) => setFilter({ ...filter, type: e.target.value })}>
          <option value="">All types</option>
          {props.schema.spanTypes.map((t) => (
            <option key={t.name} value={t.name}>{t.label}</option>
          ))}
        </select>
        <select aria-label="Filter by speaker" value={filter.speakerId} onChange={(e) => setFilter({ ...filter, speakerId: e.target.value })}>
          <option value="">All speakers</option>
          {speakers.map((e) => (
            <option key={e.id} value={e.id}>{e.name}</option>
          ))}
        </select>
        <select aria-label="Filter by stance target" value={filter.target} onChange={(e) => setFilter({ ...filter, target: e.target.value })}>
          <option value="">All stance targets</option>
          {props.targets.map((t) => (
            <option key={t} value={t}>{t}</option>
          ))}
        </select>
      </div>
      {!listed ? null : matching.length === 0 ? (
        <p className="muted small">{props.spans.length ? "No annotation matches the filter." : "No spans yet: select text and press a type key."}</p>
      ) : (
        <ol style={{ listStyle: "none", padding: 0, margin: 0, maxHeight: "40vh", overflow: "auto" }}>
          {matching.slice(0, SHOWN).map((a) => {
            // A gapped span shows what it covers, not the words left out between.
            const text = fragmentsOf(a.start, a.end, a.gaps).map((f) => props.textOf(f.start, f.end).trim()).join(" … ");
            const parts = spanSummaryParts(a, (r) => props.textOf(r.start, r.end));
            return (
              <li key={a.id}>
                <button
                  type="button"
                  className="link"
                  data-annotation={a.id}
                  aria-current={a.id === props.selectedId ? "true" : undefined}
                  onClick={() => props.onJump(a)}
                  style={{ textAlign: "left", display: "block", width: "100%", padding: "0.2rem 0", fontWeight: a.id === props.selectedId ? 600 : undefined }}
                >
                  <span style={{ color: colors[a.type] ?? "inherit" }}>{a.type}</span> {text.length > 70 ? `${text.slice(0, 70)}…` : text}
                  {a.pending ? <span className="muted"> (unsaved)</span> : null}
                  {parts.length ? <span className="muted small" data-testid="annotation-summary" style={{ display: "block" }}>{parts.join(" · ")}</span> : null}
                </button>
              </li>
            );
          })}
        </ol>
      )}
      {matching.length > SHOWN ? <p className="hint">{matching.length - SHOWN} more: narrow the filter to see them.</p> : null}
    </section>
  );
}
