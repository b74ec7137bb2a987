import { describe, expect, it } from "vitest";
import { precisionBySuggester } from "./precision";

describe("precisionBySuggester", () => {
  it("is accepted / (accepted + rejected) per kind, with pending counted apart", () => {
    const rows = precisionBySuggester([
      { suggester: "quote", status: "ACCEPTED", count: 3 },
      { suggester: "quote", status: "REJECTED", count: 1 },
      { suggester: "quote", status: "PENDING", count: 7 },
      { suggester: "claim", status: "REJECTED", count: 2 },
    ]);
    expect(rows).toEqual([
      { suggester: "editorial", accepted: 0, rejected: 0, pending: 0, precision: null },
      { suggester: "quote", accepted: 3, rejected: 1, pending: 7, precision: 0.75 },
      { suggester: "claim", accepted: 0, rejected: 2, pending: 0, precision: 0 },
    ]);
  });

  it("ignores unknown suggester names and sums repeated rows", () => {
    const rows = precisionBySuggester([
      { suggester: "editorial", status: "ACCEPTED", count: 1 },
      { suggester: "editorial", status: "ACCEPTED", count: 1 },
      { suggester: "legacy", status: "ACCEPTED", count: 9 },
    ]);
    expect(rows[0]).toMatchObject({ accepted: 2, precision: 1 });
    expect(rows.map((r) => r.suggester)).toEqual(["editorial", "quote", "claim"]);
  });
});
