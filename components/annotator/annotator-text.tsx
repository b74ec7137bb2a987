"use client";
import { useVirtualizer } from "@tanstack/react-virtual";
import { memo, useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from "react";
import { chunkRows } from "@/lib/annotator/row-chunks";
import { spansBySentence } from "@/lib/annotator/span-index";
import { sentencePieces } from "@/lib/annotator/span-pieces";
import type { Row } from "@/lib/annotator/text-rows";
import type { CodePointIndex } from "@/lib/text/code-points";
import { selectionRange } from "./dom-selection";
import { afterIdle } from "./after-idle";
import { SentenceLabelBadges } from "./sentence-label-badges";
import type { AnnotationDto } from "./types";
import { useSteadyDuringDrag } from "./use-steady-during-drag";

export type { Row } from "@/lib/annotator/text-rows";
/** A span or suggestion drawn in the text; `summary()` (stance, speaker, cue) is its tooltip, built when a row shows it. */
/** `gaps`: a discontinuous span's left-out ranges, drawn unhighlighted. */
export type Mark = { id: string; type: string; start: number; end: number; gaps?: readonly Range[] | null; summary?: () => string };
export type Range = { start: number; end: number };

type Props = {
  text: string;
  cp: CodePointIndex;
  rows: Row[];
  spans: Mark[];
  suggestions: Mark[];
  depths: Map<string, number>;
  colors: Record<string, string>;
  labelsBySentence: Map<number, AnnotationDto>;
  selectedId: string | null;
  focusedSuggestionId: string | null;
  highlight: Range | null;
  /** Cue and speaker-mention ranges of the selected quote, drawn bold and dotted. */
  parts: Range[];
  cursor: { first: number; last: number; focus: number };
  scrollRequest: { row: number; seq: number };
  onTextSelected: (range: Range | null) => void;
  onPieceClick: (row: number, annotationIds: string[], suggestionIds: string[]) => void;
};

const NO_MARKS: Mark[] = [];
const FIRST_OVERSCAN = 4;
const OVERSCAN = 20;
const NO_PARTS: Range[] = [];
export const tint = (color: string, alpha: string) => (/^#[0-9a-f]{6}$/i.test(color) ? `${color}${alpha}` : color);

/**
 * The document as virtualised rows: one per sentence, or several chunk rows for a sentence
 * longer than MAX_ROW_CODE_POINTS (row-chunks), so a 1 MB sentence is laid out a screenful at a
 * time. Each row is cut into pieces at every span boundary (span-pieces), so nested and
 * overlapping spans are drawn as stacked underlines with the innermost span's tint; pending
 * suggestions are dashed. The keyboard cursor moves per sentence (`rows`), not per chunk.
 */
export function AnnotatorText(props: Props) {
  const parent = useRef<HTMLDivElement>(null);
  const { rows, scrollRequest, text, cp } = props;
  const { lines, firstLine } = useMemo(() => chunkRows(rows, (r) => text.slice(cp.toUtf16(r.start), cp.toUtf16(r.end))), [rows, text, cp]);
  // The marks stay as they were while the mouse selects text (see useSteadyDuringDrag).
  const steady = useSteadyDuringDrag({ spans: props.spans, suggestions: props.suggestions });
  const { spans: steadySpans, suggestions: steadySuggestions } = steady.value;
  const spansByLine = useMemo(() => spansBySentence(lines, steadySpans), [lines, steadySpans]);
  const suggestionsByLine = useMemo(() => spansBySentence(lines, steadySuggestions), [lines, steadySuggestions]);
  // The first render draws the screenful and a few rows past it (that render decides when the
  // page is ready); the rows kept ready for scrolling are added once the browser is idle.
  const [overscan, setOverscan] = useState(FIRST_OVERSCAN);
  useEffect(() => afterIdle(() => setOverscan(OVERSCAN)), []);
  const estimateSize = useCallback((i: number) => 34 + 30 * Math.floor(((lines[i]?.end ?? 0) - (lines[i]?.start ?? 0)) / 100), [lines]);
  // Measured heights belong to a sentence, not to a position: collapsing boilerplate shifts
  // positions, and a height cached by position would stack rows on top of each other. Kept the
  // same function while the rows are: TanStack lays out every row again (all 2,000 or 20,000 of
  // them) whenever getItemKey changes, which a new closure per render did at every keypress.
  const getItemKey = useCallback((i: number) => (lines[i] ? `${lines[i].row.index}:${lines[i].part}` : i), [lines]);
  // TanStack Virtual returns new functions each render; this component does not memoise them.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => parent.current,
    estimateSize,
    getItemKey,
    overscan,
    // The box is 72vh tall: rows are drawn in the first render, not one layout pass later.
    initialRect: { width: 0, height: Math.round(window.innerHeight * 0.72) },
  });

  useEffect(() => {
    const line = firstLine[scrollRequest.row];
    if (scrollRequest.seq > 0 && line !== undefined) virtualizer.scrollToIndex(line, { align: "auto" });
  }, [scrollRequest, firstLine, virtualizer]);

  const onMouseUp = () => {
    if (parent.current) props.onTextSelected(selectionRange(parent.current));
    steady.release();
  };
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    if (!window.getSelection()?.isCollapsed) return;
    const target = event.target as Element;
    const rowEl = target.closest("[data-row]");
    if (!rowEl) return;
    const piece = target.closest("[data-cp]");
    const ids = piece?.getAttribute("data-ids")?.split(" ").filter(Boolean) ?? [];
    const sids = piece?.getAttribute("data-sids")?.split(" ").filter(Boolean) ?? [];
    props.onPieceClick(Number(rowEl.getAttribute("data-row")), ids, sids);
  };

  return (
    <div
      ref={parent}
      data-testid="annotator-text"
      onMouseDown={steady.onMouseDown}
      onMouseUp={onMouseUp}
      onClick={onClick}
      style={{ height: "72vh", overflow: "auto", background: "var(--panel)", border: "1px solid var(--line)", borderRadius: "var(--radius)" }}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
        {virtualizer.getVirtualItems().map((item) => {
          const line = lines[item.index]!;
          const { row, rowNumber } = line;
          const spans = spansByLine.get(item.index) ?? NO_MARKS;
          const suggestions = suggestionsByLine.get(item.index) ?? NO_MARKS;
          const h = props.highlight && props.highlight.start < line.end && props.highlight.end > line.start ? props.highlight : null;
          const parts = props.parts.some((p) => p.start < line.end && p.end > line.start) ? props.parts : NO_PARTS;
          return (
            <div key={`${row.index}:${line.part}`} ref={virtualizer.measureElement} data-index={item.index} style={{ position: "absolute", top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}>
              <SentenceRow
                text={props.text}
                cp={props.cp}
                row={row}
                part={line.part}
                start={line.start}
                end={line.end}
                rowNumber={rowNumber}
                spans={spans}
                suggestions={suggestions}
                depths={props.depths}
                colors={props.colors}
                labels={line.part === 0 ? (props.labelsBySentence.get(row.index) ?? null) : null}
                selectedId={props.selectedId && spans.some((s) => s.id === props.selectedId) ? props.selectedId : null}
                focusedSuggestionId={props.focusedSuggestionId && suggestions.some((s) => s.id === props.focusedSuggestionId) ? props.focusedSuggestionId : null}
                highlightStart={h?.start ?? -1}
                highlightEnd={h?.end ?? -1}
                parts={parts}
                focused={rowNumber === props.cursor.focus}
                inRange={rowNumber >= props.cursor.first && rowNumber <= props.cursor.last}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}

type RowProps = {
  text: string;
  cp: CodePointIndex;
  row: Row;
  /** Chunk of the sentence (0 = first) and its code-point range. */
  part: number;
  start: number;
  end: number;
  rowNumber: number;
  spans: Mark[];
  suggestions: Mark[];
  depths: Map<string, number>;
  colors: Record<string, string>;
  labels: AnnotationDto | null;
  selectedId: string | null;
  focusedSuggestionId: string | null;
  highlightStart: number;
  highlightEnd: number;
  parts: Range[];
  focused: boolean;
  inRange: boolean;
};

const SentenceRow = memo(function SentenceRow(p: RowProps) {
  const byId = new Map<string, Mark>();
  for (const s of p.spans) byId.set(s.id, s);
  const marks = [
    ...p.spans,
    ...p.suggestions.map((s) => ({ ...s, id: `s:${s.id}` })),
    ...(p.highlightStart >= 0 ? [{ id: "~", type: "", start: p.highlightStart, end: p.highlightEnd }] : []),
    ...p.parts.map((r, i) => ({ id: `~part${i}`, type: "", start: r.start, end: r.end })),
  ];
  const pieces = sentencePieces(p, marks);
  return (
    <div
      data-row={p.rowNumber}
      data-sentence={p.row.index}
      data-part={p.part}
      data-kind={p.row.boilerplate ? "boilerplate" : "content"}
      data-focused={p.focused ? "true" : undefined}
      data-row-start={p.start}
      data-row-end={p.end}
      style={{
        display: "flex",
        gap: "0.75rem",
        padding: "0.3rem 0.75rem",
        borderBottom: "1px solid #f0f0ec",
        borderLeft: `3px solid ${p.focused ? "var(--accent)" : "transparent"}`,
        background: p.inRange ? "var(--accent-weak)" : undefined,
        opacity: p.row.boilerplate ? 0.5 : 1,
      }}
    >
      <span className="muted mono small" style={{ minWidth: "3.5rem", textAlign: "right", userSelect: "none" }}>{p.part === 0 ? p.row.index + 1 : ""}</span>
      <div style={{ flex: 1, minWidth: 0 }}>
      <span style={{ display: "block", whiteSpace: "pre-wrap", lineHeight: 1.9 }}>
        {pieces.map((piece) => {
          const anns = piece.covering.filter((id) => byId.has(id)).sort((a, b) => (p.depths.get(a) ?? 0) - (p.depths.get(b) ?? 0));
          const sugs = piece.covering.filter((id) => id.startsWith("s:")).map((id) => id.slice(2));
          const lit = piece.covering.includes("~");
          const part = piece.covering.some((id) => id.startsWith("~part"));
          const inner = anns.at(-1);
          const innerColor = inner ? (p.colors[byId.get(inner)!.type] ?? "#888888") : null;
          const selected = p.selectedId !== null && anns.includes(p.selectedId);
          const focusedSug = p.focusedSuggestionId !== null && sugs.includes(p.focusedSuggestionId);
          // Hovering shows each covering span's stance, speaker and cue (innermost last).
          const title = [...anns.map((id) => byId.get(id)!.summary?.()), ...sugs.map((id) => p.suggestions.find((s) => s.id === id)?.summary?.())].filter(Boolean).join("\n");
          const sugColor = sugs.length ? (p.colors[p.suggestions.find((s) => s.id === sugs[0])?.type ?? ""] ?? "#888888") : null;
          return (
            <span
              key={piece.start}
              data-cp={piece.start}
              data-cpe={piece.end}
              data-ids={anns.length ? anns.join(" ") : undefined}
              data-sids={sugs.length ? sugs.join(" ") : undefined}
              title={title || undefined}
              style={{
                background: lit ? "#fde68a" : innerColor ? tint(innerColor, "2e") : undefined,
                boxShadow: anns.length ? anns.map((id, i) => `inset 0 -${(i + 1) * 3}px 0 0 ${p.colors[byId.get(id)!.type] ?? "#888888"}`).join(", ") : undefined,
                paddingBottom: anns.length ? `${anns.length * 3 - 2}px` : undefined,
                outline: selected ? `2px solid ${innerColor ?? "var(--accent)"}` : focusedSug ? `2px dashed ${sugColor}` : undefined,
                textDecoration: sugColor ? `underline dashed ${sugColor}` : part ? "underline dotted" : undefined,
                textUnderlineOffset: sugColor || part ? "5px" : undefined,
                fontWeight: part ? 600 : undefined,
                cursor: anns.length || sugs.length ? "pointer" : undefined,
              }}
            >
              {p.text.slice(p.cp.toUtf16(piece.start), p.cp.toUtf16(piece.end))}
            </span>
          );
        })}
      </span>
      {/* Labels sit under the text, so they never narrow it. */}
      {p.labels || (p.row.boilerplate && p.part === 0) ? (
        <span style={{ display: "flex", gap: "0.25rem", flexWrap: "wrap", userSelect: "none" }}>
          {p.labels ? <SentenceLabelBadges labels={p.labels.attributes} /> : null}
          {p.row.boilerplate && p.part === 0 ? <span className="badge grey">boilerplate</span> : null}
        </span>
      ) : null}
      </div>
    </div>
  );
});
