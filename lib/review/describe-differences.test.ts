import { describe, expect, it } from "vitest";
import { describeDifferences } from "./describe-differences";

describe("describeDifferences", () => {
  it("names who did not mark a match instead of an attribute called 'missing'", () => {
    expect(describeDifferences(["missing"], ["Anna"])).toBe("not marked by Anna");
    expect(describeDifferences(["boundaries", "attribute:stance", "missing"], ["Anna", "Ben"])).toBe("differs in span boundaries, stance; not marked by Anna, Ben");
    expect(describeDifferences(["attribute:checkworthy"])).toBe("differs in checkworthy");
    expect(describeDifferences(["missing"])).toBe("not marked by every annotator");
  });
});

