"use client";
import { useState } from "react";
import { attributeFormSchema, spanType, toApiAttributes, toFormValues, type AttributeValues } from "@/lib/annotator/attribute-form";
import type { AnnotationBody } from "@/lib/annotator/outbox";
import type { LabelSchema } from "@/lib/schema/label-schema";
import type { SuggestionDto } from "./types";
import { newId } from "./use-annotation-sync";
import type { useSuggestions } from "./use-suggestions";

type Span = { id: string; type: string; start: number; end: number };
/** A suggestion that needs attributes the rule could not fill: opened in the span form. */
export type SuggestedDraft = { id: string; type: string; start: number; end: number; initial: AttributeValues; origin: string; suggestionId: string; suggestedSpeaker: string | null };

type Options = {
  schema: LabelSchema;
  targets: string[];
  suggestions: ReturnType<typeof useSuggestions>;
  spans: Span[];
  readOnly: boolean;
  /** The start of the focused sentence: `s` looks for the next suggestion from there. */
  focusedStart: number | null;
  write: (id: string, body: AnnotationBody) => void;
  say: (text: string, ok?: boolean) => void;
  openDraft: (draft: SuggestedDraft) => void;
  /** Moves the keyboard focus to the sentence at this offset. */
  focusAt: (offset: number) => void;
};

/** Accepting, rejecting and walking through the pending suggestions. */
export function useSuggestionActions(o: Options) {
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const items = o.suggestions.items;

  /** The suggestion `a`/`x` act on: the one focused with `s` or a click, else the first in the focused sentence. */
  const activeIn = (row: { start: number; end: number } | null): SuggestionDto | null =>
    items.find((s) => s.id === focusedId) ?? (row ? (items.find((s) => s.start < row.end && s.end > row.start) ?? null) : null);

  const decide = (s: SuggestionDto, decision: "accepted" | "rejected") => void o.suggestions.decide(s.id, decision).then((e) => e && o.say(e));

  /** Accepts one suggestion; false when it needs the form (or cannot be accepted). */
  const accept = (s: SuggestionDto, quiet = false): boolean => {
    const def = spanType(o.schema, s.type);
    if (!def || o.readOnly) return false;
    const same = o.spans.find((a) => a.type === s.type && a.start === s.start && a.end === s.end);
    if (same) {
      // Already annotated (by hand, or an earlier accept): record the decision, add nothing.
      decide(s, "accepted");
      if (!quiet) o.say(`This ${def.label.toLowerCase()} is already annotated; the suggestion is marked accepted.`, true);
      return true;
    }
    const attributes: Record<string, unknown> = { ...s.attributes };
    if (s.entityId) attributes.speaker = { id: s.entityId };
    const values = toFormValues(def, attributes, s.entityId);
    const origin = `suggestion:${s.rule}`;
    if (attributeFormSchema(def, o.targets).safeParse(values).success) {
      o.write(newId(), { type: s.type, start: s.start, end: s.end, attributes: toApiAttributes(def, values), origin });
      decide(s, "accepted");
      return true;
    }
    if (!quiet) {
      // Missing attributes (e.g. an unknown speaker): finish it in the form.
      o.openDraft({ id: newId(), type: s.type, start: s.start, end: s.end, initial: values, origin, suggestionId: s.id, suggestedSpeaker: s.speakerName });
      o.focusAt(s.start);
    }
    return false;
  };

  const acceptAllLike = (s: SuggestionDto) => {
    const same = items.filter((x) => x.rule === s.rule);
    const accepted = same.filter((x) => accept(x, true)).length;
    o.say(accepted === same.length ? `Accepted ${accepted} suggestions.` : `Accepted ${accepted}; ${same.length - accepted} need attributes — accept them one by one.`, accepted === same.length);
  };

  const next = (active: SuggestionDto | null) => {
    if (items.length === 0) return o.say("No pending suggestions.");
    const from = active ? active.start + 1 : (o.focusedStart ?? 0);
    const found = items.find((s) => s.start >= from) ?? items[0]!;
    setFocusedId(found.id);
    o.focusAt(found.start);
  };

  return { activeIn, accept, acceptAllLike, reject: (s: SuggestionDto) => decide(s, "rejected"), next, focus: setFocusedId };
}
