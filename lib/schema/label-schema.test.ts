import { describe, expect, it } from "vitest";
import { activeStanceTargets, defaultLabelSchema, withStanceTargets } from "./label-schema";

describe("stance targets", () => {
  it("the default schema has the three default targets active", () => {
    expect(activeStanceTargets(defaultLabelSchema())).toEqual([
      "Russia–China partnership",
      "United States / the West",
      "Ukraine",
    ]);
  });

  it("removing a target retires it instead of deleting it, and adding appends", () => {
    const next = withStanceTargets(defaultLabelSchema(["A", "B"]), ["B", "C"]);
    expect(next.stanceTargets).toEqual([{ name: "A", retired: true }, { name: "B" }, { name: "C" }]);
    expect(activeStanceTargets(next)).toEqual(["B", "C"]);
  });

  it("re-adding a retired target revives it, matching case-insensitively", () => {
    const retired = withStanceTargets(defaultLabelSchema(["Ukraine"]), []);
    expect(activeStanceTargets(retired)).toEqual([]);
    const revived = withStanceTargets(retired, ["ukraine"]);
    expect(revived.stanceTargets).toEqual([{ name: "ukraine" }]);
  });
});
