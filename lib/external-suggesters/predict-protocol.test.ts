import { describe, expect, it } from "vitest";
import { mapPrediction, predictRequest } from "./predict-protocol";

const TEXT = "😀 He said: «We agree».";
const region = (start: number, end: number, labels: string[], extra: Record<string, unknown> = {}) => ({
  from_name: "label", to_name: "text", type: "labels", value: { start, end, labels, ...extra },
});

describe("the /predict protocol", () => {
  it("sends one task with the text, the project and the label config", () => {
    expect(predictRequest({ taskId: "d1", text: "T", projectId: "p1", labelConfig: "<View/>" })).toEqual({
      tasks: [{ id: "d1", data: { text: "T" } }], project: "p1", label_config: "<View/>", params: { context: {} },
    });
  });

  it("maps text regions to span types by code points, with the region's or the prediction's score", () => {
    const start = Array.from(TEXT).indexOf("W");
    const out = mapPrediction(
      { results: [{ score: 0.7, result: [region(start, start + 8, ["quote"], { text: "We agree" }), { ...region(0, 2, ["CLAIM"]), score: 1.4 }] }] },
      TEXT,
      ["QUOTE", "CLAIM"],
    );
    expect(out.spans).toEqual([
      { type: "QUOTE", start, end: start + 8, confidence: 0.7 },
      { type: "CLAIM", start: 0, end: 2, confidence: 1 },
    ]);
    expect(out.dropped).toEqual({});
  });

  it("drops regions outside the text, with unknown labels, mismatched text or other types, and counts why", () => {
    const n = Array.from(TEXT).length;
    const out = mapPrediction(
      {
        results: [{
          result: [
            region(5, n + 3, ["QUOTE"]), region(-1, 2, ["QUOTE"]), region(4, 4, ["QUOTE"]), region(0, 2, ["PERSON"]),
            region(0, 2, ["QUOTE"], { text: "He" }), { type: "choices", value: { choices: ["x"] } }, "garbage",
          ],
        }],
      },
      TEXT,
      ["QUOTE"],
    );
    expect(out.spans).toEqual([]);
    expect(out.dropped).toEqual({ "offsets outside the text": 3, "label not a span type": 1, "text does not match the offsets": 1, "not a text label region": 2 });
  });

  it("refuses an answer that is not a /predict answer", () => {
    for (const bad of [null, "ok", [], { results: "x" }, { predictions: [] }, { results: [{ result: "x" }] }])
      expect(() => mapPrediction(bad, TEXT, ["QUOTE"]), JSON.stringify(bad)).toThrow(/not a \/predict answer/);
    expect(mapPrediction({ results: [] }, TEXT, ["QUOTE"])).toEqual({ spans: [], dropped: {} });
  });
});
