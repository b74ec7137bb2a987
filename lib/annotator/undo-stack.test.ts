import { describe, expect, it } from "vitest";
import { emptyHistory, record, redo, undo, type History } from "./undo-stack";

describe("undo stack", () => {
  it("undoes in reverse order and redoes forwards", () => {
    let h: History<string> = emptyHistory();
    h = record(h, { id: "a", before: null, after: "a1" });
    h = record(h, { id: "a", before: "a1", after: "a2" });
    const u1 = undo(h)!;
    expect(u1.entry).toEqual({ id: "a", before: "a1", after: "a2" });
    const u2 = undo(u1.history)!;
    expect(u2.entry.before).toBeNull();
    expect(undo(u2.history)).toBeNull();
    const r1 = redo(u2.history)!;
    expect(r1.entry.after).toBe("a1");
    expect(redo(r1.history)!.entry.after).toBe("a2");
  });

  it("a new change clears the redo list", () => {
    let h: History<string> = record(emptyHistory(), { id: "a", before: null, after: "a1" });
    h = undo(h)!.history;
    h = record(h, { id: "b", before: null, after: "b1" });
    expect(redo(h)).toBeNull();
    expect(h.past.map((e) => e.id)).toEqual(["b"]);
  });

  it("keeps at most 200 entries", () => {
    let h: History<number> = emptyHistory();
    for (let i = 0; i < 250; i++) h = record(h, { id: String(i), before: null, after: i });
    expect(h.past).toHaveLength(200);
    expect(h.past[0]!.id).toBe("50");
  });
});
