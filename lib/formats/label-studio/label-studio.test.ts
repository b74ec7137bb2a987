import { describe, expect, it } from "vitest";
import { readLabelStudioTasks } from "./reader";
import { createLabelStudioWriter } from "./writer";
import { prepareDocument } from "@/lib/export/prepare";
import { defaultLabelSchema } from "@/lib/schema/label-schema";
import { ctx, docA, docB, docC, docD, docs } from "@/lib/export/test-fixtures";
import { runWriter } from "@/lib/export/writer";

describe("Label Studio writer", () => {
  it("writes a JSON array, one task per line, one annotation per layer, every attribute as a per-region result", () => {
    const out = runWriter(createLabelStudioWriter(), ctx, [docB, docC]).get("label-studio.json") ?? "";
    const lines = out.split("\n");
    expect([lines[0], lines.at(-2), lines.at(-1)]).toEqual(["[", "]", ""]);
    expect(lines[2]).toBe('{"id":2,"data":{"text":"Plain sentence.","title":"Plain","doc_id":"docC"},"annotations":[]}');
    const task = JSON.parse(lines[1]!.replace(/,$/u, "")) as { annotations: { ground_truth: boolean; stancebench_layer: string; result: unknown[] }[] };
    expect(task.annotations.map((a) => [a.ground_truth, a.stancebench_layer])).toEqual([[true, "gold"]]);
    const at = (start: number, end: number) => ({ start, end });
    expect(task.annotations[0]!.result).toEqual([
      { id: "b1", from_name: "label", to_name: "text", type: "labels", value: { ...at(0, 10), text: "-5 degrees", labels: ["CLAIM"] } },
      { id: "b1", from_name: "stance:Weather", to_name: "text", type: "choices", value: { ...at(0, 10), choices: ["1"] } },
      { id: "b1", from_name: "stance_holder:Weather", to_name: "text", type: "choices", value: { ...at(0, 10), choices: ["author"] } },
      { id: "b2", from_name: "label", to_name: "text", type: "labels", value: { ...at(36, 44), text: "=SUM(A1)", labels: ["QUOTE"] } },
      { id: "b2", from_name: "QUOTE.form", to_name: "text", type: "choices", value: { ...at(36, 44), choices: ["indirect"] } },
      { id: "b2", from_name: "QUOTE.speaker", to_name: "text", type: "textarea", value: { ...at(36, 44), text: ["=cmd|' /C calc'!A0"] } },
      { id: "b2", from_name: "QUOTE.speaker_type", to_name: "text", type: "choices", value: { ...at(36, 44), choices: ["organisation"] } },
      { id: "b2:speakerMention", from_name: "part", to_name: "text", type: "labels", value: { ...at(17, 25), text: "@weather", labels: ["speakerMention"] } },
      { from_id: "b2", to_id: "b2:speakerMention", type: "relation", direction: "right", labels: ["speakerMention"] },
      { id: "docB:s0", from_name: "sentence", to_name: "text", type: "labels", value: { ...at(0, 26), text: "-5 degrees,\tsaid @weather.", labels: ["SENTENCE"] } },
      { id: "docB:s0", from_name: "sentence.checkworthy", to_name: "text", type: "choices", value: { ...at(0, 26), choices: ["yes"] } },
      { id: "docB:s0", from_name: "stance:Weather", to_name: "text", type: "choices", value: { ...at(0, 26), choices: ["0"] } },
      { id: "docB:s0", from_name: "stance_holder:Weather", to_name: "text", type: "choices", value: { ...at(0, 26), choices: ["author"] } },
      { id: "docB:s1", from_name: "sentence", to_name: "text", type: "labels", value: { ...at(27, 49), text: '+1 more: =SUM(A1) "ok"', labels: ["SENTENCE"] } },
      { id: "docB:s1", from_name: "sentence.checkworthy", to_name: "text", type: "choices", value: { ...at(27, 49), choices: ["no"] } },
    ]);
    expect(runWriter(createLabelStudioWriter(), ctx, []).get("label-studio.json")).toBe("[\n]\n");
  });

  it("ships a labelling config with every type, choice, text field, relation and stance target", () => {
    const xml = runWriter(createLabelStudioWriter(), { ...ctx, schema: defaultLabelSchema(["Putin"]) }, [docD]).get("label-studio.xml") ?? "";
    expect(xml).toMatch(/^<View>\n {2}<Labels name="label" toName="text">\n {4}<Label value="CLAIM" background="#2563eb"\/>/u);
    for (const control of ["QUOTE.form", "EDITORIAL.kind", "CLAIM.checkworthy", "CLAIM.checkworthy_harmful", "sentence.checkworthy", "sentence.checkworthy_verifiable", "QUOTE.speaker_type", "stance:Putin", "stance:Weather", "stance_holder:Putin", "stance_holder:Weather"])
      expect(xml).toContain(`<Choices name="${control}" toName="text" perRegion="true" choice="single">`);
    expect(xml).toContain('<TextArea name="QUOTE.speaker" toName="text" perRegion="true" maxSubmissions="1" editable="true"/>');
    expect(xml).toContain('<Relation value="speakerMention"/>');
    expect(xml).toMatch(/<Choices name="stance_holder:Putin"[^>]*>\n {6}<Choice value="source"\/>\n {6}<Choice value="author"\/>\n {6}<Choice value="republisher"\/>/u);
    expect(xml).toContain('<View visibleWhen="region-selected" whenLabelValue="QUOTE">');
    const odd = runWriter(createLabelStudioWriter(), { ...ctx, stanceTargets: ['A "b" <c> & d'] }, []).get("label-studio.xml") ?? "";
    expect(odd).toContain('<Choices name="stance:A &quot;b&quot; &lt;c&gt; &amp; d"');
  });

  it("round-trips attributes, stance, speakers, cue/mention parts and sentence labels through readLabelStudioTasks", () => {
    const read = readLabelStudioTasks(runWriter(createLabelStudioWriter(), ctx, docs).get("label-studio.json") ?? "");
    expect(read.map((a) => [a.taskId, a.docId, a.title, a.text])).toEqual(docs.map((d, i) => [String(i + 1), d.id, d.title, d.text]));
    const p = prepareDocument(docA);
    const expected = (gold: boolean) =>
      p.spans
        .filter((s) => (s.layer === "gold") === gold)
        .map((s) => ({
          id: s.id, type: s.type, start: s.start, end: s.end, text: p.slice(s.start, s.end), attributes: s.attributes, stance: s.stance,
          speaker: s.speaker ? { name: s.speaker.name, type: s.speaker.type } : null,
          coSpeakers: (s.coSpeakers ?? []).map((c) => ({ name: c.name, type: c.type })),
          parts: { ...(s.cue ? { cue: s.cue } : {}), ...(s.speakerMention ? { speakerMention: s.speakerMention } : {}) },
        }));
    const sentences = p.sentences.filter((s) => s.labels).map((s) => ({
      id: `docA:s${s.index}`, start: s.start, end: s.end,
      attributes: s.labels!.checkworthy ? { checkworthy: s.labels!.checkworthy } : {}, stance: s.labels!.stance ?? [],
    }));
    expect(read[0]?.annotations).toEqual([
      { id: null, groundTruth: true, annotatorEmail: null, layer: "gold", spans: expected(true), sentences, relations: [] },
      { id: null, groundTruth: false, annotatorEmail: null, layer: "annotator:u1", spans: expected(false), sentences: [], relations: [] },
    ]);
    expect(read[0]?.annotations[0]?.spans[0]?.text).toBe("Putin 👍 said «да».\r\nLavrov: «Санкции не работают");
    const d = readLabelStudioTasks(runWriter(createLabelStudioWriter(), ctx, [docD]).get("label-studio.json") ?? "")[0]!.annotations[0]!;
    expect(d.sentences[1]?.attributes).toEqual({ checkworthy: "yes", checkworthy_verifiable: "yes" });
    expect(d.spans[0]?.attributes).toEqual({ checkworthy: "yes", checkworthy_harmful: "no" });
  });

  it("writes non-string attributes as JSON text areas and reads them back as values", () => {
    const doc = { ...docC, spans: [{ ...docB.spans[0]!, start: 0, end: 5, attributes: { extra: { b: 1, a: [2] }, flag: true } }] };
    const out = runWriter(createLabelStudioWriter(), ctx, [doc]);
    expect(out.get("label-studio.json")).toContain('{"id":"b1","from_name":"CLAIM.extra","to_name":"text","type":"textarea","value":{"start":0,"end":5,"text":["{\\"a\\":[2],\\"b\\":1}"]}}');
    expect(out.get("label-studio.xml")).toContain('<TextArea name="CLAIM.flag"');
    expect(readLabelStudioTasks(out.get("label-studio.json"))[0]?.annotations[0]?.spans[0]?.attributes).toEqual({ extra: { a: [2], b: 1 }, flag: true });
  });
});

describe("readLabelStudioTasks", () => {
  const text = "👍 Путин said «да»";
  it("ignores predictions, task-level choices, foreign relations and cancelled annotations; splits multi-label regions", () => {
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
            { id: "r1", from_name: "sentiment", type: "choices", value: { start: 2, end: 7, choices: ["neg"] } },
            { id: "r1", from_name: "stance:West", type: "choices", value: { start: 2, end: 7, choices: ["-2"] } },
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
            annotatorEmail: null,
            layer: null,
            sentences: [],
            relations: [],
            spans: [
              { id: "r1:PER", type: "PER", start: 2, end: 7, text: "Путин", attributes: { sentiment: "neg" }, stance: [{ target: "West", value: -2, holder: "author" }], speaker: null, coSpeakers: [], parts: {} },
              { id: "r1:SPEAKER", type: "SPEAKER", start: 2, end: 7, text: "Путин", attributes: { sentiment: "neg" }, stance: [{ target: "West", value: -2, holder: "author" }], speaker: null, coSpeakers: [], parts: {} },
            ],
          },
        ],
      },
    ]);
  });

  it("converts legacy UTF-16 offsets when the region text proves them", () => {
    const legacy = [{ data: { text }, completions: [{ result: [{ id: "x", type: "labels", value: { start: 14, end: 18, text: "«да»", labels: ["QUOTE"] } }] }] }];
    expect(readLabelStudioTasks(legacy)[0]?.annotations[0]?.spans).toEqual([
      { id: "x", type: "QUOTE", start: 13, end: 17, text: "«да»", attributes: {}, stance: [], speaker: null, coSpeakers: [], parts: {} },
    ]);
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
    const withResult = (result: unknown[], extra = {}) => [{ data: { text }, annotations: [{ ...extra, result }] }];
    const span = { id: "r", type: "labels", value: { start: 2, end: 7, labels: ["QUOTE"] } };
    expect(() => readLabelStudioTasks(withResult([span, { id: "r", from_name: "stance:X", type: "choices", value: { start: 2, end: 7, choices: ["much"] } }]))).toThrow(/stance must be one of/);
    const stanceX = { id: "r", from_name: "stance:X", type: "choices", value: { start: 2, end: 7, choices: ["1"] } };
    expect(() => readLabelStudioTasks(withResult([span, stanceX, { id: "r", from_name: "stance_holder:X", type: "choices", value: { start: 2, end: 7, choices: ["editor"] } }]))).toThrow(
      /stance holder must be one of source, author, republisher/,
    );
    expect(() => readLabelStudioTasks(withResult([span, { id: "r", from_name: "stance_holder:Y", type: "choices", value: { start: 2, end: 7, choices: ["source"] } }]))).toThrow(
      /a stance holder for "Y" without a stance value/,
    );
    expect(() => readLabelStudioTasks(withResult([span, { id: "r", from_name: "QUOTE.form", type: "choices", value: { start: 2, end: 7, choices: ["a", "b"] } }]))).toThrow(/exactly one string/);
    expect(() => readLabelStudioTasks(withResult([span, { type: "relation", from_id: "r" }]))).toThrow(/relation needs from_id and to_id/);
    expect(() => readLabelStudioTasks(withResult([{ id: "p", from_name: "part", type: "labels", value: { start: 0, end: 1, labels: ["cue"] } }]))).toThrow(/part region p is not linked/);
    expect(() => readLabelStudioTasks(withResult([span, { id: "r", from_name: "QUOTE.speaker_type", type: "choices", value: { start: 2, end: 7, choices: ["person"] } }]))).toThrow(/speaker type without a speaker/);
    expect(readLabelStudioTasks(withResult([span], { completed_by: { id: 3, email: "Ann@Example.org" } }))[0]?.annotations[0]?.annotatorEmail).toBe("ann@example.org");
    expect(readLabelStudioTasks(withResult([span], { created_username: " bob@example.org, 4" }))[0]?.annotations[0]?.annotatorEmail).toBe("bob@example.org");
    // UTF-16 offsets that cut the emoji in half match neither reading.
    expect(() => readLabelStudioTasks(region({ start: 1, end: 3, text: "\uDC4D ", labels: ["A"] }))).toThrow(/does not locate/);
  });
});
