// The session's undo/redo history: each entry is one annotation's state before and after a
// change (null = did not exist). Undo applies `before`, redo applies `after`.

export type HistoryEntry<T> = { id: string; before: T | null; after: T | null };
export type History<T> = { past: HistoryEntry<T>[]; future: HistoryEntry<T>[] };

const LIMIT = 200;

export const emptyHistory = <T>(): History<T> => ({ past: [], future: [] });

/** Records a new change; a new change discards whatever could have been redone. */
export function record<T>(history: History<T>, entry: HistoryEntry<T>): History<T> {
  return { past: [...history.past, entry].slice(-LIMIT), future: [] };
}

/** The entry to revert and the history after it; null when there is nothing to undo. */
export function undo<T>(history: History<T>): { entry: HistoryEntry<T>; history: History<T> } | null {
  const entry = history.past.at(-1);
  if (!entry) return null;
  return { entry, history: { past: history.past.slice(0, -1), future: [entry, ...history.future] } };
}

export function redo<T>(history: History<T>): { entry: HistoryEntry<T>; history: History<T> } | null {
  const entry = history.future[0];
  if (!entry) return null;
  return { entry, history: { past: [...history.past, entry], future: history.future.slice(1) } };
}
