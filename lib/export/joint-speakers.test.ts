import { describe, expect, it } from "vitest";
import { createAttributionWriter } from "@/lib/formats/attribution/writer";
import { createBratWriter } from "@/lib/formats/brat/writer";
import { readLabelStudioTasks } from "@/lib/formats/label-studio/reader";
import { createLabelStudioWriter } from "@/lib/formats/label-studio/writer";
import { createNativeJsonlWriter, readNativeJsonl } from "@/lib/formats/native/jsonl";
import { ctx } from "./test-fixtures";
import type { ExportDocument } from "./types";
import { runWriter } from "./writer";

// A joint statement by two speakers, with stance held by the source, the author and the
// republisher: every format that has speakers and stance carries all of it.
const TEXT = "The two leaders said: «The partnership is strong». Editor: we disagree.";
const doc: ExportDocument = {
  id: "joint", title: "Joint", text: TEXT, language: "en", source: null, originalSource: null, author: null, url: null, publishedAt: null,
  meta: {}, tags: [], split: "train",
  sentences: [{ index: 0, start: 0, end: 50, kind: "content", labels: { stance: [{ target: "Partnership", value: 1, holder: "republisher" }] } }],
  spans: [
    {
      id: "q", type: "QUOTE", start: 22, end: 49, attributes: { form: "direct" }, layer: "gold",
      stance: [{ target: "Partnership", value: 2, holder: "source" }, { target: "West", value: -1, holder: "author" }],
      speaker: { id: "e-xi", name: "Xi Jinping", type: "person" },
      coSpeakers: [{ id: "e-putin", name: "Vladimir Putin", type: "person" }],
      cue: { start: 16, end: 20 }, speakerMention: { start: 4, end: 15 },
    },
  ],
  relations: [],
  provenance: { annotators: [], reviewer: null, signedOffAt: null, schemaVersion: 1 },
};

describe("joint speakers and stance holders in the exports", () => {
  it("native JSONL lists every speaker and holder and reads back to the same document", () => {
    const line = runWriter(createNativeJsonlWriter(), ctx, [doc]).get("native.jsonl")!.trim();
    const record = JSON.parse(line) as { spans: { speaker: unknown; speakers: unknown; stance: unknown }[] };
    expect(record.spans[0]!.speakers).toEqual([{ id: "e-xi", name: "Xi Jinping", type: "person" }, { id: "e-putin", name: "Vladimir Putin", type: "person" }]);
    expect(record.spans[0]!.speaker).toEqual({ id: "e-xi", name: "Xi Jinping", type: "person" });
    expect(readNativeJsonl(line)).toEqual(doc);
    // A hand-edited file whose speaker is not the first of its speakers is refused.
    const swapped = JSON.stringify({ ...JSON.parse(line), spans: [{ ...record.spans[0], speaker: { id: "e-putin", name: "Vladimir Putin", type: "person" } }] });
    expect(() => readNativeJsonl(swapped)).toThrow(/speaker is not the first of its speakers/);
    // Older files (no holder, no speakers list) read with the type's default holder and one speaker.
    const old = JSON.parse(line) as { spans: { stance: { holder?: string }[]; speakers?: unknown }[] };
    for (const st of old.spans[0]!.stance) delete st.holder;
    delete old.spans[0]!.speakers;
    const read = readNativeJsonl(JSON.stringify(old));
    expect(read.spans[0]!.stance.map((s) => s.holder)).toEqual(["source", "source"]);
    expect(read.spans[0]!.coSpeakers).toBeUndefined();
  });

  it("Label Studio JSON carries further speakers and holders and reads them back exactly", () => {
    const files = runWriter(createLabelStudioWriter(), ctx, [doc]);
    const [task] = readLabelStudioTasks(files.get("label-studio.json")!);
    const span = task!.annotations[0]!.spans[0]!;
    expect(span.speaker).toEqual({ name: "Xi Jinping", type: "person" });
    expect(span.coSpeakers).toEqual([{ name: "Vladimir Putin", type: "person" }]);
    expect(span.stance).toEqual(doc.spans[0]!.stance);
    expect(task!.annotations[0]!.sentences[0]!.stance).toEqual([{ target: "Partnership", value: 1, holder: "republisher" }]);
    const xml = files.get("label-studio.xml")!;
    expect(xml).toContain('<TextArea name="QUOTE.co_speakers" toName="text" perRegion="true" maxSubmissions="1" editable="true"/>');
    expect(xml).toContain('<Choices name="stance_holder:West" toName="text" perRegion="true" choice="single">');
  });

  it("brat notes name every speaker; attribution has one triple per speaker", () => {
    const files = runWriter(createBratWriter(), ctx, [doc]);
    expect(files.get("brat/joint.ann")).toContain("speaker=Xi Jinping [person e-xi]; speaker=Vladimir Putin [person e-putin]");
    expect(files.get("brat/joint.ann")).toContain("StanceHolder_West T1 author");
    const attribution = JSON.parse(runWriter(createAttributionWriter(), ctx, [doc]).get("attribution/joint.json")!) as {
      attributions: { id: string; speaker_index: number; speaker: { name: string }; stance: unknown }[];
    };
    expect(attribution.attributions.map((a) => [a.id, a.speaker_index, a.speaker.name])).toEqual([["q", 0, "Xi Jinping"], ["q", 1, "Vladimir Putin"]]);
    expect(attribution.attributions[1]!.stance).toEqual(doc.spans[0]!.stance);
  });
});
