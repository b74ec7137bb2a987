"use client";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useMemo, useRef } from "react";
import { chunkRows } from "@/lib/annotator/row-chunks";
import { firstSentenceEndingAfter, spansBySentence } from "@/lib/annotator/span-index";
import { sentencePieces } from "@/lib/annotator/span-pieces";
import type { SentenceDto } from "@/lib/documents/get-document";
import { matchesBySentence } from "@/lib/review/review-table";
import type { ReviewMatchView } from "@/lib/review/review-types";

type Props = {
  sentences: SentenceDto[];
  matches: ReviewMatchView[];
  selectedKey: string | null;
  onSelect: (key: string) => void;
};

/** agreed → green, open disagreement → red, decided disagreement → blue, reviewer additions → grey. */
export function matchTone(match: ReviewMatchView): "agreed" | "open" | "decided" | "added" {
  if (match.source === "reviewer") return "added";
  if (match.agreed) return "agreed";
  return match.open ? "open" : "decided";
}

const TONE_STYLE: Record<ReturnType<typeof matchTone>, { background: string; border: string }> = {
  agreed: { background: "var(--ok-weak)", border: "var(--ok)" },
  open: { background: "var(--danger-weak)", border: "var(--danger)" },
  decided: { background: "var(--accent-weak)", border: "var(--accent)" },
  added: { background: "#eeeeea", border: "var(--muted)" },
};

/**
 * The document with every match highlighted, virtualised like the reader: only rows near the
 * viewport are rendered, so a 5,000-sentence document scrolls like a short one, and a sentence
 * longer than MAX_ROW_CODE_POINTS is cut into several rows (row-chunks).
 */
export function ReviewText({ sentences, matches, selectedKey, onSelect }: Props) {
  const parent = useRef<HTMLDivElement>(null);
  const { lines, firstLine } = useMemo(() => chunkRows(sentences, (s) => s.text), [sentences]);
  const labelsBySentence = useMemo(() => matchesBySentence(sentences, matches.filter((m) => m.kind === "sentence")), [sentences, matches]);
  const spansByLine = useMemo(() => spansBySentence(lines, matches.filter((m): m is ReviewMatchView & { start: number; end: number } => m.kind === "span" && m.start !== null && m.end !== null)), [lines, matches]);
  const rowOf = useMemo(() => new Map(sentences.map((s, i) => [s.index, i])), [sentences]);
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => parent.current,
    estimateSize: (i) => 56 + 30 * Math.floor(((lines[i]?.end ?? 0) - (lines[i]?.start ?? 0)) / 100),
    overscan: 10,
  });

  const selected = matches.find((m) => m.key === selectedKey) ?? null;
  const selectedRow = selected ? selectedLine(selected, lines, firstLine, rowOf) : null;
  useEffect(() => {
    if (selectedRow !== null) virtualizer.scrollToIndex(selectedRow, { align: "auto" });
  }, [selectedRow, virtualizer]);

  return (
    <div ref={parent} data-testid="review-text" tabIndex={0} role="region" aria-label="Document text with matches" style={{ height: "72vh", overflow: "auto", background: "var(--panel)", border: "1px solid var(--line)", borderRadius: "var(--radius)" }}>
      <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
        {virtualizer.getVirtualItems().map((item) => {
          const line = lines[item.index]!;
          const sentence = line.row;
          const chunk = { start: line.start, end: line.end, text: line.utf16 ? sentence.text.slice(line.utf16.from, line.utf16.to) : sentence.text };
          const spans = spansByLine.get(item.index) ?? [];
          const labels = line.part === 0 ? (labelsBySentence.get(sentence.index) ?? []) : [];
          return (
            <div
              key={`${sentence.index}:${line.part}`}
              ref={virtualizer.measureElement}
              data-index={item.index}
              data-sentence={sentence.index}
              data-part={line.part}
              style={{ position: "absolute", top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)`, display: "flex", gap: "0.75rem", padding: "0.35rem 0.75rem", borderBottom: "1px solid #f0f0ec", opacity: sentence.kind === "boilerplate" ? 0.5 : 1 }}
            >
              <span className="muted mono small" style={{ minWidth: "3rem", textAlign: "right" }}>{line.part === 0 ? sentence.index + 1 : ""}</span>
              <span style={{ flex: 1, whiteSpace: "pre-wrap", lineHeight: 1.9 }}>
                <SentencePieces sentence={chunk} spans={spans} selectedKey={selectedKey} onSelect={onSelect} />
              </span>
              {labels.length > 0 ? (
                <span className="row" style={{ alignItems: "flex-start", flexWrap: "nowrap" }}>
                  {labels.map((m) => (
                    <button
                      key={m.key}
                      type="button"
                      className="link small"
                      data-match={m.key}
                      data-tone={matchTone(m)}
                      aria-pressed={m.key === selectedKey}
                      onClick={() => onSelect(m.key)}
                      style={{ ...toneBox(m, m.key === selectedKey), padding: "0 0.4rem", color: "var(--text)" }}
                    >
                      {m.type.toLowerCase()} {m.agreed ? "✓" : "≠"}
                    </button>
                  ))}
                </span>
              ) : null}
            </div>
          );
        })}
      </div>
    </div>
  );
}

function toneBox(match: ReviewMatchView, selected: boolean) {
  const tone = TONE_STYLE[matchTone(match)];
  return { background: tone.background, borderBottom: `2px solid ${tone.border}`, outline: selected ? "2px solid var(--text)" : undefined, borderRadius: 3 };
}

/** The row to scroll to for a match: its sentence's first row, or the chunk row where the span starts. */
function selectedLine(match: ReviewMatchView, lines: readonly { start: number; end: number }[], firstLine: readonly number[], rowOf: Map<number, number>): number | null {
  if (match.sentenceIndex !== null) return firstLine[rowOf.get(match.sentenceIndex) ?? -1] ?? null;
  const index = firstSentenceEndingAfter(lines, match.start ?? 0);
  return index < lines.length ? index : null;
}

/** The sentence cut at every match boundary; a piece belongs to the innermost (shortest) match covering it. */
function SentencePieces({ sentence, spans, selectedKey, onSelect }: { sentence: { start: number; end: number; text: string }; spans: ReviewMatchView[]; selectedKey: string | null; onSelect: (key: string) => void }) {
  const codePoints = Array.from(sentence.text);
  const byKey = new Map(spans.map((m) => [m.key, m]));
  const pieces = sentencePieces(sentence, spans.map((m) => ({ id: m.key, start: m.start as number, end: m.end as number })));
  return (
    <>
      {pieces.map((piece) => {
        const text = codePoints.slice(piece.start - sentence.start, piece.end - sentence.start).join("");
        const covering = piece.covering.map((key) => byKey.get(key)).filter((m): m is ReviewMatchView => m !== undefined);
        if (covering.length === 0) return <span key={piece.start}>{text}</span>;
        const chosen = covering.find((m) => m.key === selectedKey) ?? [...covering].sort((x, y) => (x.end! - x.start!) - (y.end! - y.start!))[0]!;
        return (
          <mark
            key={piece.start}
            data-match={chosen.key}
            data-tone={matchTone(chosen)}
            title={`${chosen.type}${covering.length > 1 ? ` (+${covering.length - 1} more)` : ""}`}
            onClick={() => onSelect(chosen.key)}
            style={{ ...toneBox(chosen, chosen.key === selectedKey), color: "inherit", cursor: "pointer", boxShadow: covering.length > 1 ? "inset 0 -4px 0 rgba(0,0,0,0.08)" : undefined }}
          >
            {text}
          </mark>
        );
      })}
    </>
  );
}
