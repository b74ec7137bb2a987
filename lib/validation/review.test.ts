import { describe, expect, it } from "vitest";
import { reviewDecisionSchema } from "./review";

const parse = (input: unknown) => reviewDecisionSchema.safeParse(input);
const fields = (input: unknown) => {
  const result = parse(input);
  return result.success ? [] : result.error.issues.map((i) => i.path.join("."));
};

describe("reviewDecisionSchema", () => {
  it("accepts each decision with what it needs", () => {
    expect(parse({ matchKey: "QUOTE:1:5", decision: "accept", annotatorAnnotationId: "a1" }).success).toBe(true);
    expect(parse({ matchKey: "QUOTE:1:5", decision: "reject", reason: "not a quote", version: 2 }).success).toBe(true);
    expect(parse({ matchKey: "QUOTE:1:5", decision: "override", reason: "ambiguous" }).success).toBe(true);
    expect(parse({ matchKey: "QUOTE:1:5", decision: "edit", annotation: { type: "QUOTE", start: 1, end: 6, attributes: { form: "direct" } } }).success).toBe(true);
    expect(parse({ matchKey: "added:x", decision: "add", annotation: { type: "SENTENCE", sentenceIndex: 3, attributes: { checkworthy: "no" } } }).success).toBe(true);
  });

  it("requires a reason to reject or override, a version to accept, an annotation to edit or add", () => {
    expect(fields({ matchKey: "k", decision: "reject" })).toEqual(["reason"]);
    expect(fields({ matchKey: "k", decision: "override", reason: "   " })).toEqual(["reason"]);
    expect(fields({ matchKey: "k", decision: "accept" })).toEqual(["annotatorAnnotationId"]);
    expect(fields({ matchKey: "k", decision: "edit" })).toEqual(["annotation"]);
    expect(fields({ matchKey: "k", decision: "add" })).toEqual(["annotation"]);
    expect(fields({ matchKey: "k", decision: "override", reason: "r", annotatorAnnotationId: "a", annotation: { type: "X", sentenceIndex: 0 } })).toEqual(["annotation"]);
  });

  it("checks the annotation's shape: a span or a sentence, end after start", () => {
    expect(fields({ matchKey: "k", decision: "edit", annotation: { type: "CLAIM", start: 5 } })).toEqual(["annotation.end"]);
    expect(fields({ matchKey: "k", decision: "edit", annotation: { type: "CLAIM", start: 5, end: 5 } })).toEqual(["annotation.end"]);
    expect(fields({ matchKey: "k", decision: "edit", annotation: { type: "CLAIM", start: 1, end: 5, sentenceIndex: 0 } })).toEqual(["annotation.sentenceIndex"]);
    expect(fields({ matchKey: "k", decision: "edit", annotation: { type: "CLAIM" } })).toEqual(["annotation.start"]);
    expect(fields({ matchKey: "k", decision: "edit", annotation: { type: "CLAIM", start: -1, end: 4 } })).toEqual(["annotation.start"]);
  });

  it("rejects unknown decisions, missing keys and negative versions", () => {
    expect(fields({ matchKey: "k", decision: "maybe" })).toEqual(["decision"]);
    expect(fields({ decision: "reject", reason: "r" })).toEqual(["matchKey"]);
    expect(fields({ matchKey: "k", decision: "reject", reason: "r", version: -1 })).toEqual(["version"]);
  });
});
