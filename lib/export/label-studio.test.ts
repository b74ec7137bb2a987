import { describe, expect, it } from "vitest";
import { createLabelStudioWriter, readLabelStudioTasks } from "./label-studio";
import { prepareDocument } from "./prepare";
import { ctx, docA, docB, docC, docs } from "./test-fixtures";
import { runWriter } from "./writer";

describe("Label Studio writer", () => {
  it("writes a JSON array, one task per line, one annotation per layer", () => {
    const out = runWriter(createLabelStudioWriter(), ctx, [docB, docC]).get("label-studio.json");
    expect(out).toBe(
      "[\n" +
        '{"id":1,"data":{"text":"-5 degrees,\\tsaid @weather.\\n+1 more: =SUM(A1) \\"ok\\"","title":"=HYPERLINK(\\"http://x\\")","doc_id":"docB"},' +
        '"annotations":[{"ground_truth":true,"result":[' +
        '{"id":"b1","from_name":"label","to_name":"text","type":"labels","value":{"start":0,"end":10,"text":"-5 degrees","labels":["CLAIM"]}},' +
        '{"id":"b2","from_name":"label","to_name":"text","type":"labels","value":{"start":36,"end":44,"text":"=SUM(A1)","labels":["QUOTE"]}}]}]},\n' +
        '{"id":2,"data":{"text":"Plain sentence.","title":"Plain","doc_id":"docC"},"annotations":[]}\n' +
        "]\n",
    );
    expect(runWriter(createLabelStudioWriter(), ctx, []).get("label-studio.json")).toBe("[\n]\n");
  });

  it("round-trips through readLabelStudioTasks with code-point offsets", () => {
    const read = readLabelStudioTasks(runWriter(createLabelStudioWriter(), ctx, docs).get("label-studio.json") ?? "");
    expect(read.map((a) => [a.taskId, a.docId, a.title, a.text])).toEqual(docs.map((d, i) => [String(i + 1), d.id, d.title, d.text]));
    const groups = (layerFilter: (l: string) => boolean) =>
      prepareDocument(docA)
        .spans.filter((s) => layerFilter(s.layer))
        .map((s) => ({ id: s.id, type: s.type, start: s.start, end: s.end, text: prepareDocument(docA).slice(s.start, s.end) }));
    expect(read[0]?.annotations).toEqual([
      { id: null, groundTruth: true, spans: groups((l) => l === "gold") },
      { id: null, groundTruth: false, spans: groups((l) => l !== "gold") },
    ]);
    expect(read[0]?.annotations[0]?.spans[0]?.text).toBe("Putin 👍 said «да».\r\nLavrov: «Санкции не работают");
  });
});

describe("readLabelStudioTasks", () => {
  const text = "👍 Путин said «да»";
  it("ignores predictions, choices, textarea, relations and cancelled annotations; splits multi-label regions", () => {
    const task = {
      id: 7,
      data: { text },
      predictions: [{ result: [{ type: "labels", value: { start: 0, end: 1, labels: ["X"] } }] }],
      annotations: [
        { id: 1, was_cancelled: true, result: [{ type: "labels", value: { start: 0, end: 1, labels: ["X"] } }] },
        {
          id: 2,
          result: [
            { type: "choices", value: { choices: ["yes"] } },
            { type: "textarea", value: { text: ["note"] } },
            { type: "relation", from_id: "a", to_id: "b" },
            { id: "r1", type: "labels", value: { start: 2, end: 7, text: "Путин", labels: ["PER", "SPEAKER"] } },
          ],
        },
      ],
    };
    expect(readLabelStudioTasks(JSON.stringify(task))).toEqual([
      {
        taskId: "7",
        docId: null,
        title: null,
        text,
        annotations: [
          {
            id: "2",
            groundTruth: false,
            spans: [
              { id: "r1:PER", type: "PER", start: 2, end: 7, text: "Путин" },
              { id: "r1:SPEAKER", type: "SPEAKER", start: 2, end: 7, text: "Путин" },
            ],
          },
        ],
      },
    ]);
  });

  it("converts legacy UTF-16 offsets when the region text proves them", () => {
    const legacy = [{ data: { text }, completions: [{ result: [{ id: "x", type: "labels", value: { start: 14, end: 18, text: "«да»", labels: ["QUOTE"] } }] }] }];
    expect(readLabelStudioTasks(legacy)[0]?.annotations[0]?.spans).toEqual([{ id: "x", type: "QUOTE", start: 13, end: 17, text: "«да»" }]);
  });

  it("rejects malformed input with clear errors", () => {
    expect(() => readLabelStudioTasks("{")).toThrow(/not JSON/);
    expect(() => readLabelStudioTasks(5)).toThrow(/expected an array of tasks/);
    expect(() => readLabelStudioTasks([{ data: {} }])).toThrow(/task 0: data.text must be a string/);
    expect(() => readLabelStudioTasks([{ data: { text }, annotations: {} }])).toThrow(/annotations must be an array/);
    const region = (value: unknown) => [{ data: { text }, annotations: [{ result: [{ type: "labels", value }] }] }];
    expect(() => readLabelStudioTasks(region(undefined))).toThrow(/result 0: value missing/);
    expect(() => readLabelStudioTasks(region({ start: "1", end: 2, labels: ["A"] }))).toThrow(/start\/end must be integers/);
    expect(() => readLabelStudioTasks(region({ start: 0, end: 2, labels: [] }))).toThrow(/non-empty list of strings/);
    expect(() => readLabelStudioTasks(region({ start: 0, end: 99, labels: ["A"] }))).toThrow(/\[0, 99\) does not locate null/);
    expect(() => readLabelStudioTasks(region({ start: 0, end: 2, text: "zz", labels: ["A"] }))).toThrow(/does not locate "zz"/);
    // UTF-16 offsets that cut the emoji in half match neither reading.
    expect(() => readLabelStudioTasks(region({ start: 1, end: 3, text: "\uDC4D ", labels: ["A"] }))).toThrow(/does not locate/);
  });
});
