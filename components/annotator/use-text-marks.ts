"use client";
import { useMemo } from "react";
import { spansBySentence } from "@/lib/annotator/span-index";
import { spanDepths } from "@/lib/annotator/span-pieces";
import { spanSummary } from "@/lib/annotator/span-summary";
import type { LabelSchema } from "@/lib/schema/label-schema";
import type { Mark, Row } from "./annotator-text";
import { isSpan } from "./materialise";
import { confidenceLabel } from "./suggestions-panel";
import type { AnnotationDto, SuggestionDto } from "./types";

/** `make`'s result, computed at the first call. */
function once(make: () => string): () => string {
  let value: string | undefined;
  return () => (value ??= make());
}

type Options = {
  list: AnnotationDto[];
  sentences: Row[];
  suggestions: SuggestionDto[];
  hideSuggestions: boolean;
  schema: LabelSchema;
  textOf: (start: number, end: number) => string;
};

/** What the text draws: spans with their tooltips and nesting depth, suggestions, sentence labels. */
export function useTextMarks({ list, sentences, suggestions, hideSuggestions, schema, textOf }: Options) {
  const spans = useMemo(() => list.filter(isSpan), [list]);
  // Each span's stance, speaker and cue, for the text's tooltips: built when a row showing the
  // span is drawn, not for every span before the page is ready.
  const marks: Mark[] = useMemo(() => spans.map((a) => ({ id: a.id, type: a.type, start: a.start, end: a.end, gaps: a.gaps, summary: once(() => spanSummary(a, (r) => textOf(r.start, r.end))) })), [spans, textOf]);
  const spansByPos = useMemo(() => spansBySentence(sentences, marks), [sentences, marks]);
  const depths = useMemo(() => spanDepths(marks), [marks]);
  const labelsBySentence = useMemo(() => new Map(list.filter((a) => a.sentenceIndex !== null).map((a) => [a.sentenceIndex!, a])), [list]);
  const suggestionMarks: Mark[] = useMemo(
    () => (hideSuggestions ? [] : suggestions.map((s) => ({ id: s.id, type: s.type, start: s.start, end: s.end, summary: () => `Suggested ${s.type} · confidence ${confidenceLabel(s.confidence)} (${s.rule})` }))),
    [suggestions, hideSuggestions],
  );
  const spansInOrder = useMemo(() => [...spans].sort((a, b) => a.start - b.start || b.end - a.end), [spans]);
  const colors = useMemo(() => Object.fromEntries(schema.spanTypes.map((t) => [t.name, t.color])), [schema]);
  return { spans, marks, spansByPos, depths, labelsBySentence, suggestionMarks, spansInOrder, colors };
}
