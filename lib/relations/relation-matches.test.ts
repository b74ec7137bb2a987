import { describe, expect, it } from "vitest";
import { matchSpans } from "@/lib/review/match-spans";
import { groupOfAnnotation, matchRelations, relationF1, sumRelationF1, type LayerRelation } from "./relation-matches";

const span = (id: string, annotatorId: string, start: number, end: number, type = "QUOTE") => ({ id, documentId: "d", annotatorId, type, start, end, attributes: {} });
// Two annotators mark the same quote and claim (the quote's boundaries differ slightly: overlap matching).
const spans = [span("a-q", "A", 10, 20), span("b-q", "B", 11, 20), span("a-c", "A", 0, 40, "CLAIM"), span("b-c", "B", 0, 40, "CLAIM"), span("b-x", "B", 50, 60)];
const groupOf = groupOfAnnotation(matchSpans(spans, { annotators: ["A", "B"] }));
const rel = (id: string, annotatorId: string, type: string, fromId: string, toId: string): LayerRelation => ({ id, annotatorId, type, fromId, toId });

describe("relation matching", () => {
  it("agrees when the type and both ends (matched as spans) agree", () => {
    const matches = matchRelations([rel("1", "A", "embedded-in", "a-q", "a-c"), rel("2", "B", "embedded-in", "b-q", "b-c")], groupOf, ["A", "B"]);
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({ type: "embedded-in", agreed: true, missingAnnotators: [] });
    expect(matches[0]!.key).toBe(`relation:embedded-in:${groupOf.get("a-q")}->${groupOf.get("a-c")}`);
  });

  it("disagrees on another type, the reverse direction, or another end", () => {
    const cases = [
      rel("2", "B", "same-claim", "b-q", "b-c"),
      rel("2", "B", "embedded-in", "b-c", "b-q"),
      rel("2", "B", "embedded-in", "b-x", "b-c"),
    ];
    for (const other of cases) {
      const matches = matchRelations([rel("1", "A", "embedded-in", "a-q", "a-c"), other], groupOf, ["A", "B"]);
      expect(matches.map((m) => [m.agreed, m.missingAnnotators])).toEqual([
        [false, expect.any(Array)],
        [false, expect.any(Array)],
      ]);
    }
  });

  it("relation F1: 2·TP / (|A| + |B|) over annotator pairs, null without relations", () => {
    const matches = matchRelations(
      [rel("1", "A", "embedded-in", "a-q", "a-c"), rel("2", "B", "embedded-in", "b-q", "b-c"), rel("3", "B", "responds-to", "b-x", "b-q")],
      groupOf,
      ["A", "B"],
    );
    expect(relationF1(matches, ["A", "B"])).toEqual({ truePositives: 1, relations: 3, f1: 2 / 3 });
    expect(relationF1([], ["A", "B"]).f1).toBeNull();
    expect(sumRelationF1([relationF1(matches, ["A", "B"]), { truePositives: 2, relations: 4, f1: 1 }]).f1).toBeCloseTo(6 / 7);
  });
});
