// The annotator's keyboard shortcuts: one table (shown by the `?` overlay) and a pure mapping from
// a key event to an action, so the bindings are tested without a browser.
import type { LabelSchema } from "@/lib/schema/label-schema";

export type KeyAction =
  | { kind: "move"; delta: number; extend: boolean }
  | { kind: "spanType"; type: string }
  | { kind: "save" }
  | { kind: "cancel" }
  | { kind: "delete" }
  | { kind: "undo" }
  | { kind: "redo" }
  | { kind: "sentenceLabel"; name: string; value: string | null }
  | { kind: "cycleSpan"; delta: number }
  | { kind: "acceptSuggestion" }
  | { kind: "rejectSuggestion" }
  | { kind: "nextSuggestion" }
  | { kind: "setCue" }
  | { kind: "setMention" }
  | { kind: "cutGap" }
  | { kind: "joinGaps" }
  | { kind: "toggleBoilerplate" }
  | { kind: "help" };

export type KeyLike = { key: string; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean; shiftKey?: boolean };

/** Keys reserved for navigation and commands; a schema hotkey may not take one of these. */
const FIXED: Record<string, KeyAction> = {
  j: { kind: "move", delta: 1, extend: false },
  k: { kind: "move", delta: -1, extend: false },
  J: { kind: "move", delta: 1, extend: true },
  K: { kind: "move", delta: -1, extend: true },
  y: { kind: "sentenceLabel", name: "checkworthy", value: "yes" },
  n: { kind: "sentenceLabel", name: "checkworthy", value: "no" },
  "0": { kind: "sentenceLabel", name: "checkworthy", value: null },
  "]": { kind: "cycleSpan", delta: 1 },
  "[": { kind: "cycleSpan", delta: -1 },
  a: { kind: "acceptSuggestion" },
  x: { kind: "rejectSuggestion" },
  s: { kind: "nextSuggestion" },
  u: { kind: "setCue" },
  m: { kind: "setMention" },
  g: { kind: "cutGap" },
  G: { kind: "joinGaps" },
  b: { kind: "toggleBoilerplate" },
  "?": { kind: "help" },
};

export function keyAction(event: KeyLike, schema: LabelSchema): KeyAction | null {
  const mod = Boolean(event.ctrlKey || event.metaKey);
  if (mod && !event.altKey && event.key.toLowerCase() === "z") return event.shiftKey ? { kind: "redo" } : { kind: "undo" };
  if (mod && !event.altKey && event.key.toLowerCase() === "y") return { kind: "redo" };
  if (mod || event.altKey) return null;
  switch (event.key) {
    case "ArrowDown":
      return { kind: "move", delta: 1, extend: Boolean(event.shiftKey) };
    case "ArrowUp":
      return { kind: "move", delta: -1, extend: Boolean(event.shiftKey) };
    case "Enter":
      return { kind: "save" };
    case "Escape":
      return { kind: "cancel" };
    case "Delete":
    case "Backspace":
      return { kind: "delete" };
  }
  const fixed = FIXED[event.key];
  if (fixed) return fixed;
  const type = schema.spanTypes.find((t) => !t.retired && t.hotkey.toLowerCase() === event.key.toLowerCase() && !event.shiftKey);
  return type ? { kind: "spanType", type: type.name } : null;
}

/** Every shortcut, for the `?` overlay (span types from the schema first). */
export function shortcutList(schema: LabelSchema): { keys: string; what: string }[] {
  return [
    ...schema.spanTypes.filter((t) => !t.retired).map((t) => ({ keys: t.hotkey, what: `New ${t.label} span from the selection (or the focused sentences)` })),
    { keys: "j / ↓", what: "Next sentence" },
    { keys: "k / ↑", what: "Previous sentence" },
    { keys: "Shift+J / Shift+↓", what: "Extend the sentence selection down" },
    { keys: "Shift+K / Shift+↑", what: "Extend the sentence selection up" },
    { keys: "Enter", what: "Save the span being edited" },
    { keys: "Esc", what: "Cancel the edit / clear the selection" },
    { keys: "Delete", what: "Delete the selected span" },
    { keys: "] / [", what: "Select the next / previous span in the focused sentence" },
    { keys: "u", what: "Set the quote's cue from the text selection" },
    { keys: "m", what: "Set the quote's speaker mention from the text selection" },
    { keys: "g", what: "Cut the text selection out of the selected span (a gap: the span becomes discontinuous)" },
    { keys: "Shift+G", what: "Join the selected span's fragments again (remove its gaps)" },
    { keys: "y / n / 0", what: "Focused sentence: check-worthy yes / no / clear" },
    { keys: "s", what: "Focus the next pending suggestion" },
    { keys: "a / x", what: "Accept / reject the focused suggestion" },
    { keys: "b", what: "Collapse or show boilerplate" },
    { keys: "Ctrl+Z", what: "Undo" },
    { keys: "Ctrl+Shift+Z / Ctrl+Y", what: "Redo" },
    { keys: "?", what: "Show or hide this list" },
  ];
}

export const RESERVED_KEYS = Object.keys(FIXED);
