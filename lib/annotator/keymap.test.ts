import { describe, expect, it } from "vitest";
import { defaultLabelSchema } from "@/lib/schema/label-schema";
import { keyAction, RESERVED_KEYS, shortcutList } from "./keymap";

const schema = defaultLabelSchema();

describe("keyAction", () => {
  it("moves and extends with j/k and the arrows", () => {
    expect(keyAction({ key: "j" }, schema)).toEqual({ kind: "move", delta: 1, extend: false });
    expect(keyAction({ key: "K", shiftKey: true }, schema)).toEqual({ kind: "move", delta: -1, extend: true });
    expect(keyAction({ key: "ArrowDown", shiftKey: true }, schema)).toEqual({ kind: "move", delta: 1, extend: true });
  });

  it("picks span types by the schema's hotkeys", () => {
    expect(keyAction({ key: "c" }, schema)).toEqual({ kind: "spanType", type: "CLAIM" });
    expect(keyAction({ key: "q" }, schema)).toEqual({ kind: "spanType", type: "QUOTE" });
    expect(keyAction({ key: "e" }, schema)).toEqual({ kind: "spanType", type: "EDITORIAL" });
  });

  it("ignores a retired type's hotkey", () => {
    const retired = structuredClone(schema);
    retired.spanTypes[0]!.retired = true;
    expect(keyAction({ key: "c" }, retired)).toBeNull();
  });

  it("undo, redo and modified keys", () => {
    expect(keyAction({ key: "z", ctrlKey: true }, schema)).toEqual({ kind: "undo" });
    expect(keyAction({ key: "Z", ctrlKey: true, shiftKey: true }, schema)).toEqual({ kind: "redo" });
    expect(keyAction({ key: "z", metaKey: true, shiftKey: true }, schema)).toEqual({ kind: "redo" });
    expect(keyAction({ key: "y", ctrlKey: true }, schema)).toEqual({ kind: "redo" });
    expect(keyAction({ key: "c", ctrlKey: true }, schema)).toBeNull();
    expect(keyAction({ key: "j", altKey: true }, schema)).toBeNull();
  });

  it("sentence labels, suggestions and commands", () => {
    expect(keyAction({ key: "y" }, schema)).toEqual({ kind: "sentenceLabel", name: "checkworthy", value: "yes" });
    expect(keyAction({ key: "0" }, schema)).toEqual({ kind: "sentenceLabel", name: "checkworthy", value: null });
    expect(keyAction({ key: "a" }, schema)).toEqual({ kind: "acceptSuggestion" });
    expect(keyAction({ key: "Delete" }, schema)).toEqual({ kind: "delete" });
    expect(keyAction({ key: "?", shiftKey: true }, schema)).toEqual({ kind: "help" });
    expect(keyAction({ key: "g" }, schema)).toEqual({ kind: "cutGap" });
    expect(keyAction({ key: "G", shiftKey: true }, schema)).toEqual({ kind: "joinGaps" });
    expect(keyAction({ key: "w" }, schema)).toBeNull();
  });

  it("the default schema's hotkeys do not clash with fixed keys, and the overlay lists them", () => {
    for (const t of schema.spanTypes) expect(RESERVED_KEYS).not.toContain(t.hotkey);
    const keys = shortcutList(schema).map((s) => s.keys);
    expect(keys.slice(0, 3)).toEqual(["c", "q", "e"]);
    expect(keys).toContain("Ctrl+Z");
    expect(keys).toContain("g");
  });
});
