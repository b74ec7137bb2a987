import { describe, expect, it } from "vitest";
import { createAttributionWriter } from "@/lib/formats/attribution/writer";
import { createBratWriter } from "@/lib/formats/brat/writer";
import { readLabelStudioTasks } from "@/lib/formats/label-studio/reader";
import { createLabelStudioWriter, LABEL_STUDIO_FILE, LABEL_STUDIO_CONFIG_FILE } from "@/lib/formats/label-studio/writer";
import { createNativeJsonlWriter, NATIVE_FILE, readNativeJsonl } from "@/lib/formats/native/jsonl";
import { createSpansCsvWriter } from "@/lib/formats/spans-csv/writer";
import { createSpansJsonlWriter } from "@/lib/formats/spans-jsonl/writer";
import { ctx, docG } from "./test-fixtures";
import { runWriter } from "./writer";

// Discontinuous spans in every format that carries spans (docG: a quote interrupted by its attribution).
const quote = docG.spans[0]!;
const claim = docG.spans[1]!;

describe("discontinuous spans in exports", () => {
  it("writes brat fragments, text joined by a space as brat does, split at line breaks too", () => {
    const ann = runWriter(createBratWriter(), ctx, [docG]).get("brat/docG.ann")!;
    expect(ann.split("\n")[0]).toBe("T1\tQUOTE 0 17;29 59\tFor this reason 🙂  he is satisfied with the deal");
  });

  it("writes and reads back `fragments` in native JSONL exactly", () => {
    const line = runWriter(createNativeJsonlWriter(), ctx, [docG]).get(NATIVE_FILE)!;
    const record = JSON.parse(line) as { spans: { id: string; fragments?: unknown }[] };
    expect(record.spans.find((s) => s.id === "g1")?.fragments).toEqual([
      { start: 0, end: 17, text: "For this reason 🙂" },
      { start: 29, end: 59, text: " he is satisfied with the deal" },
    ]);
    const back = readNativeJsonl(line.trimEnd());
    expect(back.spans.map((s) => s.gaps)).toEqual([quote.gaps, claim.gaps]);
  });

  it("refuses native fragments that do not cover the span or whose text is wrong", () => {
    const line = runWriter(createNativeJsonlWriter(), ctx, [docG]).get(NATIVE_FILE)!.trimEnd();
    expect(() => readNativeJsonl(line.replace('"start":29,"end":59', '"start":29,"end":58'))).toThrow(/span g1 fragments do not cover \[0, 59\)/u);
    expect(() => readNativeJsonl(line.replace('"text":"For this reason 🙂"', '"text":"For this reason"'))).toThrow(/span g1 fragment 0 text/u);
  });

  it("writes one Label Studio region per fragment with distinct ids, linked by `fragment` relations, and joins them back", () => {
    const files = runWriter(createLabelStudioWriter(), ctx, [docG]);
    const [task] = JSON.parse(files.get(LABEL_STUDIO_FILE)!) as { annotations: { result: { id?: string; type: string; from_id?: string; to_id?: string; labels?: string[]; value?: { start: number; end: number; labels?: string[] } }[] }[] }[];
    const gold = task!.annotations[0]!.result;
    const regions = gold.filter((r) => r.type === "labels" && r.value?.labels?.[0] === "QUOTE");
    expect(regions.map((r) => [r.id, r.value!.start, r.value!.end])).toEqual([["g1", 0, 17], ["g1:fragment1", 29, 59]]);
    expect(gold).toContainEqual({ from_id: "g1", to_id: "g1:fragment1", type: "relation", direction: "right", labels: ["fragment"] });
    expect(files.get(LABEL_STUDIO_CONFIG_FILE)).toContain('<Relation value="fragment"/>');
    const [article] = readLabelStudioTasks(files.get(LABEL_STUDIO_FILE)!);
    const spans = article!.annotations.flatMap((a) => a.spans);
    expect(spans.map((s) => [s.id, s.start, s.end, s.gaps])).toEqual([
      ["g1", 0, 59, quote.gaps],
      ["g2", 30, 65, claim.gaps],
    ]);
    // Attributes stay on the span (its first region), the parts too.
    expect(spans[0]).toMatchObject({ attributes: { form: "direct" }, speaker: { name: "Anna" }, parts: { cue: quote.cue, speakerMention: quote.speakerMention } });
  });

  it("refuses Label Studio fragments that overlap or carry another label", () => {
    const json = runWriter(createLabelStudioWriter(), ctx, [docG]).get(LABEL_STUDIO_FILE)!;
    const overlapping = json.replace('"id":"g1:fragment1","from_name":"label","to_name":"text","type":"labels","value":{"start":29', '"id":"g1:fragment1","from_name":"label","to_name":"text","type":"labels","value":{"start":9');
    const fixed = overlapping.replace('"start":9,"end":59,"text":" he is satisfied with the deal"', '"start":9,"end":59,"text":"reason 🙂, she added, he is satisfied with the deal"');
    expect(() => readLabelStudioTasks(fixed)).toThrow(/region g1: its fragments overlap/u);
    const relabelled = json.replace('"text":" he is satisfied with the deal","labels":["QUOTE"]', '"text":" he is satisfied with the deal","labels":["CLAIM"]');
    expect(() => readLabelStudioTasks(relabelled)).toThrow(/fragment region g1:fragment1 must have the same control and labels/u);
  });

  it("carries fragments in spans.jsonl, spans.csv and the attribution contents", () => {
    const jsonl = runWriter(createSpansJsonlWriter(), ctx, [docG]).get("spans.jsonl")!.split("\n");
    expect((JSON.parse(jsonl[1]!) as { fragments: unknown }).fragments).toEqual([
      { start: 30, end: 45, text: "he is satisfied" },
      { start: 50, end: 65, text: " the deal.\r\nShe" },
    ]);
    const csv = runWriter(createSpansCsvWriter(), ctx, [docG]).get("spans.csv")!;
    expect(csv).toContain('"[{""start"":0,""end"":17,""text"":""For this reason 🙂""},{""start"":29,""end"":59,""text"":"" he is satisfied with the deal""}]"');
    const attribution = JSON.parse(runWriter(createAttributionWriter(), ctx, [docG]).get("attribution/docG.json")!) as { attributions: { contents: unknown; fragments: unknown }[] };
    expect(attribution.attributions[0]!.contents).toEqual([
      { start: 0, end: 17, text: "For this reason 🙂" },
      { start: 29, end: 59, text: " he is satisfied with the deal" },
    ]);
    expect(attribution.attributions[0]!.fragments).toEqual([{ start: 0, end: 17 }, { start: 29, end: 59 }]);
  });
});
