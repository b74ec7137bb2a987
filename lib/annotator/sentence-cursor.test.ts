import { describe, expect, it } from "vitest";
import { cursorRange, cursorRows, moveCursor, remapCursor } from "./sentence-cursor";

const rows = [
  { index: 0, start: 0, end: 10 },
  { index: 1, start: 11, end: 20 },
  { index: 2, start: 21, end: 35 },
  { index: 3, start: 36, end: 40 },
];

describe("sentence cursor", () => {
  it("moves within bounds and drops the range on a plain move", () => {
    expect(moveCursor({ focus: 0, anchor: 2 }, 1, 4, false)).toEqual({ focus: 1, anchor: null });
    expect(moveCursor({ focus: 0, anchor: null }, -1, 4, false)).toEqual({ focus: 0, anchor: null });
    expect(moveCursor({ focus: 3, anchor: null }, 1, 4, false)).toEqual({ focus: 3, anchor: null });
  });

  it("extending keeps the first anchor and spans the rows between", () => {
    let c = moveCursor({ focus: 1, anchor: null }, 1, 4, true);
    c = moveCursor(c, 1, 4, true);
    expect(c).toEqual({ focus: 3, anchor: 1 });
    expect(cursorRows(c)).toEqual({ first: 1, last: 3 });
    expect(cursorRange(c, rows)).toEqual({ start: 11, end: 40 });
  });

  it("extending upwards past the anchor flips the range", () => {
    let c = moveCursor({ focus: 2, anchor: null }, -1, 4, true);
    c = moveCursor(c, -1, 4, true);
    expect(cursorRows(c)).toEqual({ first: 0, last: 2 });
    expect(cursorRange(c, rows)).toEqual({ start: 0, end: 35 });
  });

  it("one row without a range; an empty list has no range", () => {
    expect(cursorRange({ focus: 2, anchor: null }, rows)).toEqual({ start: 21, end: 35 });
    expect(cursorRange({ focus: 0, anchor: null }, [])).toBeNull();
    expect(moveCursor({ focus: 5, anchor: null }, 1, 0, true)).toEqual({ focus: 0, anchor: null });
  });

  it("remaps to the same sentence, or the next visible one, when rows are hidden", () => {
    const visible = [rows[0]!, rows[2]!, rows[3]!];
    expect(remapCursor({ focus: 2, anchor: 1 }, rows, visible)).toEqual({ focus: 1, anchor: null });
    expect(remapCursor({ focus: 1, anchor: null }, rows, visible)).toEqual({ focus: 1, anchor: null });
    expect(remapCursor({ focus: 1, anchor: null }, visible, rows)).toEqual({ focus: 2, anchor: null });
  });
});
