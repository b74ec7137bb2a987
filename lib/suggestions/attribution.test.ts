import { describe, expect, it } from "vitest";
import { attributionAfter, attributionBefore } from "./attribution";

describe("attributionAfter", () => {
  it("reads '…,\" Tan Kefei said.' and '…,\" said Kurt Volker, former …'", () => {
    const a = '"Peace," Tan Kefei said. Next.';
    expect(attributionAfter(a, 8)).toEqual({ cue: { start: 19, end: 23 }, np: "Tan Kefei", npStart: 9, pick: "last" });
    const b = '"War," said Kurt Volker, former U.S. Ambassador.';
    expect(attributionAfter(b, 6)).toEqual({ cue: { start: 7, end: 11 }, np: "Kurt Volker", npStart: 12, pick: "first" });
  });
  it("finds nothing after a finished sentence", () => expect(attributionAfter('"Yes." The end is near.', 6)).toBeUndefined());
});

describe("attributionBefore", () => {
  it("reads 'Peskov said: \"' and 'According to him, \"'", () => {
    const a = 'At the end Dmitry Peskov said: "…"';
    expect(attributionBefore(a, 0, a.indexOf('"'))).toEqual({ cue: { start: 25, end: 29 }, np: "At the end Dmitry Peskov", npStart: 0, pick: "last" });
    const b = 'According to him, "…"';
    expect(attributionBefore(b, 0, b.indexOf('"'))).toEqual({ cue: { start: 0, end: 12 }, np: "him", npStart: 13, pick: "first" });
  });
  it("uses the subject of a colon sentence without a cue", () => {
    const c = 'President Putin gave it such a formula: "…"';
    expect(attributionBefore(c, 0, c.indexOf('"'))).toEqual({ np: "President Putin gave it such a formula", npStart: 0, pick: "first" });
  });
  it("does not take 'States' in 'the United States' for a verb", () => {
    const d = 'The United States considers China "a threat"';
    expect(attributionBefore(d, 0, d.indexOf('"'))?.cue).toEqual({ start: 18, end: 27 });
  });
  it("rejects a sentence start after the quote", () => expect(() => attributionBefore("abc", 2, 1)).toThrow(RangeError));
});
