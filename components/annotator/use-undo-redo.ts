"use client";
import { useState } from "react";
import { emptyHistory, record, redo, undo, type History } from "@/lib/annotator/undo-stack";
import type { RelationDto } from "@/lib/validation/relations";
import type { AnnotationDto } from "./types";

/** `relations`: those the server deleted with a deleted span; undoing the deletion re-creates them. */
type Entry = { id: string; before: AnnotationDto | null; after: AnnotationDto | null; extra?: { relations: RelationDto[] } };
/** What a step asks the caller to write back: this annotation's state (null = deleted), and the relations to re-create. */
export type UndoStep = { id: string; state: AnnotationDto | null; relations: RelationDto[] };

/** Undo and redo of the caller's own changes in this session. */
export function useUndoRedo(say: (text: string) => void) {
  const [history, setHistory] = useState<History<AnnotationDto, { relations: RelationDto[] }>>(emptyHistory);
  const remember = (entry: Entry) => setHistory((h) => record(h, entry));
  const back = (): UndoStep | null => {
    const step = undo(history);
    if (!step) return (say("Nothing to undo."), null);
    setHistory(step.history);
    // Undoing a deletion brings the span back, and with it the relations deleted with it.
    const relations = step.entry.after === null ? (step.entry.extra?.relations ?? []) : [];
    return { id: step.entry.id, state: step.entry.before, relations };
  };
  const forward = (): UndoStep | null => {
    const step = redo(history);
    if (!step) return (say("Nothing to redo."), null);
    setHistory(step.history);
    return { id: step.entry.id, state: step.entry.after, relations: [] };
  };
  return { canUndo: history.past.length > 0, canRedo: history.future.length > 0, remember, undo: back, redo: forward };
}
