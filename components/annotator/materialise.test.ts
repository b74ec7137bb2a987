import { describe, expect, it } from "vitest";
import { bodyOf, materialiseWith } from "./materialise";
import type { EntityDto } from "./types";

const entities = new Map<string, EntityDto>([["e1", { id: "e1", name: "Sergey Lavrov", aliases: [], type: "person" }]]);
const materialise = materialiseWith("doc", () => entities);

describe("materialise", () => {
  it("shows a queued span with its speaker resolved from the registry", () => {
    const a = materialise("a1", { type: "QUOTE", start: 3, end: 9, attributes: { form: "direct", speaker: { id: "e1" } } }, undefined);
    expect(a).toMatchObject({ id: "a1", type: "QUOTE", start: 3, end: 9, sentenceIndex: null, version: 0, speaker: { id: "e1", name: "Sergey Lavrov" } });
    expect(bodyOf(a)).toEqual({ type: "QUOTE", start: 3, end: 9, gaps: null, attributes: { form: "direct", speaker: { id: "e1" } } });
  });

  it("keeps a span's gaps through a body without them, clears them with null, and writes them back for undo", () => {
    const gaps = [{ start: 5, end: 7 }];
    const cut = materialise("a1", { type: "QUOTE", start: 3, end: 9, gaps, attributes: {} }, undefined);
    expect(cut.gaps).toEqual(gaps);
    expect(materialise("a1", { type: "QUOTE", start: 3, end: 9, attributes: { form: "direct" } }, cut).gaps).toEqual(gaps);
    expect(materialise("a1", { type: "QUOTE", start: 3, end: 9, gaps: null, attributes: {} }, cut)).not.toHaveProperty("gaps");
    expect(bodyOf(cut)).toEqual({ type: "QUOTE", start: 3, end: 9, gaps, attributes: {} });
  });

  it("keeps the server version and shows a speaker given by name only", () => {
    const previous = materialise("a1", { type: "QUOTE", start: 0, end: 2, attributes: {} }, undefined);
    const a = materialise("a1", { type: "QUOTE", start: 0, end: 4, attributes: { speaker: { name: "Wang Yi" } } }, { ...previous, version: 3 });
    expect(a.version).toBe(3);
    expect(a.speaker).toEqual({ id: "", name: "Wang Yi", type: "person" });
  });

  it("sentence labels keep the sentence index and round-trip", () => {
    const a = materialise("s1", { sentenceIndex: 4, labels: { checkworthy: "yes" } }, undefined);
    expect(a).toMatchObject({ sentenceIndex: 4, start: null, end: null, attributes: { checkworthy: "yes" } });
    expect(bodyOf(a)).toEqual({ sentenceIndex: 4, labels: { checkworthy: "yes" } });
  });
});
