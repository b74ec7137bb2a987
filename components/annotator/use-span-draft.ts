"use client";
import { useState } from "react";
import { spanType, toApiAttributes, toFormValues, type AttributeValues } from "@/lib/annotator/attribute-form";
import type { AnnotationBody } from "@/lib/annotator/outbox";
import type { LabelSchema } from "@/lib/schema/label-schema";
import type { Range } from "./annotator-text";
import type { SpanCommand } from "./span-form";
import type { AnnotationDto } from "./types";
import { newId } from "./use-annotation-sync";
import type { SuggestedDraft } from "./use-suggestion-actions";

export type Draft = {
  id: string;
  type: string;
  start: number;
  end: number;
  isNew: boolean;
  initial: AttributeValues;
  origin?: string;
  suggestionId?: string;
  suggestedSpeaker?: string | null;
};

type Options = {
  schema: LabelSchema;
  readOnlyReason: string | null;
  /** Where a new span goes: the text selection, else the sentence range under the cursor. */
  newSpanRange: () => Range | null;
  write: (id: string, body: AnnotationBody) => void;
  say: (text: string) => void;
  acceptSuggestion: (suggestionId: string) => void;
  /** A span was opened (its id) or a new one started (null). */
  onOpen: (id: string | null) => void;
};

/** The span being created or edited in the side form: start, open, retype, save, close. */
export function useSpanDraft(o: Options) {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [command, setCommand] = useState<SpanCommand | null>(null);

  const start = (typeName: string): boolean => {
    if (o.readOnlyReason !== null) return (o.say(o.readOnlyReason), false);
    const def = spanType(o.schema, typeName);
    if (!def) return false;
    if (draft && !draft.isNew) return (o.say("Save or cancel the span you are editing first."), false);
    if (draft) return (setDraft({ ...draft, type: typeName, initial: toFormValues(def, {}, null) }), false);
    const range = o.newSpanRange();
    if (!range) return (o.say("Select some text (or move to a sentence) first."), false);
    setDraft({ id: newId(), type: typeName, ...range, isNew: true, initial: toFormValues(def, {}, null) });
    o.onOpen(null);
    return true;
  };

  const open = (a: AnnotationDto & { start: number; end: number }) => {
    const def = spanType(o.schema, a.type);
    o.onOpen(a.id);
    if (!def) return o.say(`The type ${a.type} is no longer in the schema.`);
    setDraft({ id: a.id, type: a.type, start: a.start, end: a.end, isNew: false, initial: toFormValues(def, a.attributes, a.speaker?.id || null) });
  };

  const openSuggested = (d: SuggestedDraft) => setDraft({ ...d, isNew: true });

  /** Writes the span; false when there is nothing to save (or the layer is read-only). */
  const save = (values: AttributeValues): boolean => {
    if (!draft || o.readOnlyReason !== null) return false;
    const def = spanType(o.schema, draft.type)!;
    const body: AnnotationBody = { type: draft.type, start: draft.start, end: draft.end, attributes: toApiAttributes(def, values) };
    if (draft.isNew) body.origin = draft.origin ?? "manual";
    o.write(draft.id, body);
    if (draft.suggestionId) o.acceptSuggestion(draft.suggestionId);
    close();
    return true;
  };

  const close = () => {
    setDraft(null);
    setCommand(null);
  };

  /** Fills a range attribute (cue, speaker mention) of the open quote from the text selection. */
  const setRangeAttribute = (attr: string, selection: Range | null) => {
    if (!draft) return o.say("Start or open a quote first.");
    if (!selection) return o.say("Select the words in the text first.");
    setCommand((c) => ({ attr, range: selection, seq: (c?.seq ?? 0) + 1 }));
  };

  return { draft, draftType: draft ? spanType(o.schema, draft.type) : undefined, command, start, open, openSuggested, save, close, setRangeAttribute };
}
