import { describe, expect, it } from "vitest";
import { assignSplit, splitPoint } from "./split";

const ratios = { train: 0.8, validation: 0.1, test: 0.1 };
const ids = Array.from({ length: 2000 }, (_, i) => `doc-${i}`);

describe("assignSplit", () => {
  it("is a pure function of seed and id, independent of order", () => {
    const forward = ids.map((id) => assignSplit(id, "s1", ratios));
    const backward = [...ids].reverse().map((id) => assignSplit(id, "s1", ratios)).reverse();
    expect(backward).toEqual(forward);
    expect(splitPoint("doc-0", "s1")).toBe(splitPoint("doc-0", "s1"));
  });

  it("matches sha256(seed NUL id) and the ratios", () => {
    // sha256("s1\0doc-0") starts with these 6 bytes; checked with Python hashlib.
    expect(splitPoint("doc-0", "s1")).toBe(Number.parseInt(EXPECTED_PREFIX, 16) / 2 ** 48);
    const counts = { train: 0, validation: 0, test: 0 };
    for (const id of ids) counts[assignSplit(id, "s1", ratios)]++;
    expect(counts.train).toBeGreaterThan(1500);
    expect(counts.validation).toBeGreaterThan(120);
    expect(counts.test).toBeGreaterThan(120);
    expect(ids.map((id) => assignSplit(id, "s2", ratios))).not.toEqual(ids.map((id) => assignSplit(id, "s1", ratios)));
  });

  it("honours zero ratios", () => {
    expect(new Set(ids.map((id) => assignSplit(id, "s", { train: 1, validation: 0, test: 0 })))).toEqual(new Set(["train"]));
    expect(new Set(ids.map((id) => assignSplit(id, "s", { train: 0, validation: 0.5, test: 0.5 })))).toEqual(new Set(["validation", "test"]));
  });

  it("rejects bad ratios and ids", () => {
    expect(() => assignSplit("a", "s", { train: 0.5, validation: 0.5, test: 0.5 })).toThrow(/sum to 1/);
    expect(() => assignSplit("a", "s", { train: 1.2, validation: -0.2, test: 0 })).toThrow(/validation must be a finite number >= 0/);
    expect(() => assignSplit("a", "s", { train: Number.NaN, validation: 0, test: 1 })).toThrow(/train/);
    expect(() => assignSplit("", "s", ratios)).toThrow(/document id/);
  });
});

const EXPECTED_PREFIX = "d27b36095bbb";
