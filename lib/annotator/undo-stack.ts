// The session's undo/redo history: each entry is one annotation's state before and after a
// change (null = did not exist). Undo applies `before`, redo applies `after`. `extra` is what the
// change took with it that undo must bring back too (a deleted span's relations).

export type HistoryEntry<T, X = never> = { id: string; before: T | null; after: T | null; extra?: X };
export type History<T, X = never> = { past: HistoryEntry<T, X>[]; future: HistoryEntry<T, X>[] };

const LIMIT = 200;

export const emptyHistory = <T, X = never>(): History<T, X> => ({ past: [], future: [] });

/** Records a new change; a new change discards whatever could have been redone. */
export function record<T, X>(history: History<T, X>, entry: HistoryEntry<T, X>): History<T, X> {
  return { past: [...history.past, entry].slice(-LIMIT), future: [] };
}

/** The entry to revert and the history after it; null when there is nothing to undo. */
export function undo<T, X>(history: History<T, X>): { entry: HistoryEntry<T, X>; history: History<T, X> } | null {
  const entry = history.past.at(-1);
  if (!entry) return null;
  return { entry, history: { past: history.past.slice(0, -1), future: [entry, ...history.future] } };
}

export function redo<T, X>(history: History<T, X>): { entry: HistoryEntry<T, X>; history: History<T, X> } | null {
  const entry = history.future[0];
  if (!entry) return null;
  return { entry, history: { past: [...history.past, entry], future: history.future.slice(1) } };
}
