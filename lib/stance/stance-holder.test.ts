import { describe, expect, it } from "vitest";
import { attributesWithHolders, defaultStanceHolder, isStanceHolder, withDefaultHolders } from "./stance-holder";

describe("defaultStanceHolder", () => {
  it("gives quotes the source, editorial insertions the republisher, claims and sentences the author", () => {
    expect(defaultStanceHolder("QUOTE")).toBe("source");
    expect(defaultStanceHolder("EDITORIAL")).toBe("republisher");
    expect(defaultStanceHolder("CLAIM")).toBe("author");
    expect(defaultStanceHolder("SENTENCE")).toBe("author");
    expect(defaultStanceHolder(null)).toBe("author");
  });

  it("treats any type with a speaker as quote-like and reads type names in any case", () => {
    expect(defaultStanceHolder("STATEMENT", true)).toBe("source");
    expect(defaultStanceHolder("STATEMENT")).toBe("author");
    expect(defaultStanceHolder("quote")).toBe("source");
    expect(defaultStanceHolder("Editorial")).toBe("republisher");
  });
});

describe("withDefaultHolders / attributesWithHolders", () => {
  it("fills a missing or unknown holder and keeps a valid one", () => {
    expect(withDefaultHolders([{ target: "A", value: 1 }, { target: "B", value: -1, holder: "author" }, { target: "C", value: 0, holder: "x" }], "QUOTE")).toEqual([
      { target: "A", value: 1, holder: "source" },
      { target: "B", value: -1, holder: "author" },
      { target: "C", value: 0, holder: "source" },
    ]);
  });

  it("makes a stored default and an explicit holder compare equal, and leaves other keys alone", () => {
    const old = attributesWithHolders({ form: "direct", stance: [{ target: "A", value: 1 }] }, "QUOTE");
    const explicit = attributesWithHolders({ form: "direct", stance: [{ target: "A", value: 1, holder: "source" }] }, "QUOTE");
    expect(old).toEqual(explicit);
    expect(attributesWithHolders({ form: "direct" }, "QUOTE")).toEqual({ form: "direct" });
    expect(attributesWithHolders({ stance: [{ target: "A", value: 1 }] }, "EDITORIAL")).toEqual({ stance: [{ target: "A", value: 1, holder: "republisher" }] });
  });

  it("knows the three holders only", () => {
    expect(["source", "author", "republisher"].every(isStanceHolder)).toBe(true);
    expect([undefined, "", "Source", "editor", 1].some(isStanceHolder)).toBe(false);
  });
});
