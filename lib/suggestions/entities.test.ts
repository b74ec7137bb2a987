import { describe, expect, it } from "vitest";
import { EntityIndex, proposeMerges } from "./entities";
import type { RegistryEntity } from "./types";

const registry: RegistryEntity[] = [
  { id: "putin", name: "Vladimir Putin", aliases: ["V. Putin"], type: "PERSON" },
  { id: "luk", name: "Alexander Lukashenko", aliases: [], type: "PERSON" },
  { id: "zel1", name: "Volodymyr Zelenskyy", aliases: [], type: "PERSON" },
  { id: "zel2", name: "Zelenskiy", aliases: [], type: "PERSON" },
  { id: "xi", name: "Xi Jinping", aliases: [], type: "PERSON" },
  { id: "cnn", name: "CNN", aliases: [], type: "OUTLET" },
];

describe("EntityIndex.match", () => {
  const idx = new EntityIndex(registry);
  it("matches names, surnames and spellings", () => {
    expect(idx.match("PUTIN")?.id).toBe("putin");
    expect(idx.match("President Vladimir Putin")).toBeUndefined();
    expect(idx.match("Lukashenka")?.id).toBe("luk");
    expect(idx.match("Alexander Lukashenka")?.id).toBe("luk");
    expect(idx.match("Xi Jin Ping")?.id).toBe("xi");
    expect(idx.match("Xi")?.id).toBe("xi");
    expect(idx.match("cnn", "OUTLET")?.id).toBe("cnn");
    expect(idx.match("CNN", "PERSON")).toBeUndefined();
  });
  it("does not match a different first name", () => expect(idx.match("Viktor Lukashenko")).toBeUndefined());
  it("rejects a non-array registry", () => expect(() => new EntityIndex("x" as unknown as RegistryEntity[])).toThrow(TypeError));
});

describe("proposeMerges", () => {
  it("pairs alias spellings across registry and proposed entities", () => {
    expect(proposeMerges(registry, [{ name: "Xi Jin Ping", type: "PERSON" }, { name: "Lukashenka", type: "PERSON" }])).toEqual([
      { a: "luk", b: "proposed:Lukashenka", score: 1 },
      { a: "xi", b: "proposed:Xi Jin Ping", score: 1 },
      { a: "zel1", b: "zel2", score: 1 },
    ]);
  });
  it("rejects a bad threshold", () => expect(() => proposeMerges([], [], 0)).toThrow(RangeError));
});
