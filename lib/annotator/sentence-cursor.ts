// Keyboard movement over the sentence rows: j/k move the focused row, Shift+j/k extend a range
// of rows from a fixed anchor (like Shift+arrow in a text editor).

export type SentenceCursor = { focus: number; anchor: number | null };

export function moveCursor(cursor: SentenceCursor, delta: number, rowCount: number, extend: boolean): SentenceCursor {
  if (rowCount <= 0) return { focus: 0, anchor: null };
  const focus = Math.max(0, Math.min(rowCount - 1, cursor.focus + delta));
  return { focus, anchor: extend ? (cursor.anchor ?? cursor.focus) : null };
}

/** First and last row (inclusive) of the cursor's range; one row when nothing is extended. */
export function cursorRows(cursor: SentenceCursor): { first: number; last: number } {
  const anchor = cursor.anchor ?? cursor.focus;
  return { first: Math.min(anchor, cursor.focus), last: Math.max(anchor, cursor.focus) };
}

/** The code-point range covered by the cursor's rows. */
export function cursorRange(cursor: SentenceCursor, rows: readonly { start: number; end: number }[]): { start: number; end: number } | null {
  const { first, last } = cursorRows(cursor);
  const a = rows[first];
  const b = rows[last];
  return a && b && a.start < b.end ? { start: a.start, end: b.end } : null;
}

/** Keeps the cursor on the same sentence when the row list changes (e.g. boilerplate hidden). */
export function remapCursor(cursor: SentenceCursor, oldRows: readonly { index: number }[], newRows: readonly { index: number }[]): SentenceCursor {
  const sentence = oldRows[cursor.focus]?.index;
  if (sentence === undefined) return { focus: 0, anchor: null };
  // The nearest visible sentence at or after the focused one, else the last.
  let focus = newRows.findIndex((r) => r.index >= sentence);
  if (focus < 0) focus = Math.max(0, newRows.length - 1);
  return { focus, anchor: null };
}
