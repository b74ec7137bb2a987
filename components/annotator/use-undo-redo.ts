"use client";
import { useState } from "react";
import { emptyHistory, record, redo, undo, type History } from "@/lib/annotator/undo-stack";
import type { AnnotationDto } from "./types";

type Entry = { id: string; before: AnnotationDto | null; after: AnnotationDto | null };
/** What a step asks the caller to write back: this annotation's state (null = deleted). */
export type UndoStep = { id: string; state: AnnotationDto | null };

/** Undo and redo of the caller's own changes in this session. */
export function useUndoRedo(say: (text: string) => void) {
  const [history, setHistory] = useState<History<AnnotationDto>>(emptyHistory);
  const remember = (entry: Entry) => setHistory((h) => record(h, entry));
  const back = (): UndoStep | null => {
    const step = undo(history);
    if (!step) return (say("Nothing to undo."), null);
    setHistory(step.history);
    return { id: step.entry.id, state: step.entry.before };
  };
  const forward = (): UndoStep | null => {
    const step = redo(history);
    if (!step) return (say("Nothing to redo."), null);
    setHistory(step.history);
    return { id: step.entry.id, state: step.entry.after };
  };
  return { canUndo: history.past.length > 0, canRedo: history.future.length > 0, remember, undo: back, redo: forward };
}
