import { describe, expect, it } from "vitest";
import { defaultLabelSchema } from "@/lib/schema/label-schema";
import { createBratWriter } from "@/lib/formats/brat/writer";
import { readLabelStudioTasks } from "@/lib/formats/label-studio/reader";
import { createLabelStudioWriter } from "@/lib/formats/label-studio/writer";
import { createNativeJsonlWriter, readNativeJsonl } from "@/lib/formats/native/jsonl";
import { ctx, docA, docB } from "./test-fixtures";
import type { ExportDocument } from "./types";
import { runWriter } from "./writer";

// docA with relations: the short quote is embedded in the claim, the second quote responds to the
// first, and one link in annotator u1's layer (which exports with annotator layers only).
const linked: ExportDocument = {
  ...docA,
  spans: [...docA.spans, { ...docA.spans[4]!, id: "u2q", start: 29, end: 48, layer: "annotator:u1" }],
  relations: [
    { id: "r2", type: "responds-to", fromId: "q2", toId: "q1", layer: "gold" },
    { id: "r1", type: "embedded-in", fromId: "q1", toId: "c1", layer: "gold" },
    { id: "r3", type: "same-claim", fromId: "u1q", toId: "u2q", layer: "annotator:u1" },
  ],
};

describe("relations in the exports", () => {
  it("brat: R lines between the gold spans' T ids, typed in annotation.conf", () => {
    const files = runWriter(createBratWriter(), ctx, [linked]);
    const ann = files.get("brat/docA.ann") ?? "";
    const tOf = (text: string) => new RegExp(`^(T\\d+)\\t\\S+ [^\\t]+\\t${text}$`, "mu").exec(ann)?.[1];
    const [q1, q2, c1] = [tOf("да"), tOf("Санкции не работают"), tOf("Putin 👍 said «да». Lavrov: «Санкции не работают")];
    expect([q1, q2, c1].every(Boolean)).toBe(true);
    const rLines = ann.split("\n").filter((l) => /^R\d+\t(embedded-in|responds-to|same-claim) /u.test(l));
    expect(rLines.map((l) => l.split("\t")[1])).toEqual([`embedded-in Arg1:${q1} Arg2:${c1}`, `responds-to Arg1:${q2} Arg2:${q1}`]);
    // R ids stay unique next to the cue/speaker relations.
    const ids = ann.split("\n").filter((l) => l.startsWith("R")).map((l) => l.split("\t")[0]);
    expect(new Set(ids).size).toBe(ids.length);
    const conf = files.get("brat/annotation.conf") ?? "";
    expect(conf).toContain("embedded-in\tArg1:QUOTE, Arg2:CLAIM\n");
    expect(conf).toContain("responds-to\tArg1:QUOTE, Arg2:QUOTE\n");
  });

  it("native JSONL: relations of every layer, round-tripped exactly", () => {
    const line = (runWriter(createNativeJsonlWriter(), ctx, [linked]).get("native.jsonl") ?? "").trimEnd();
    const record = JSON.parse(line) as { relations: unknown[] };
    expect(record.relations).toEqual([
      { id: "r1", layer: "gold", type: "embedded-in", from_id: "q1", to_id: "c1" },
      { id: "r2", layer: "gold", type: "responds-to", from_id: "q2", to_id: "q1" },
      { id: "r3", layer: "annotator:u1", type: "same-claim", from_id: "u1q", to_id: "u2q" },
    ]);
    const back = readNativeJsonl(line);
    expect(back.relations).toEqual([linked.relations![1], linked.relations![0], linked.relations![2]]);
    expect((runWriter(createNativeJsonlWriter(), ctx, [back]).get("native.jsonl") ?? "").trimEnd()).toBe(line);
  });

  it("Label Studio: relation results labelled with their type, in the layer's annotation, and <Relations> in the config", () => {
    const files = runWriter(createLabelStudioWriter(), { ...ctx, schema: defaultLabelSchema() }, [linked]);
    const [task] = JSON.parse(files.get("label-studio.json") ?? "") as { annotations: { stancebench_layer: string; result: Record<string, unknown>[] }[] }[];
    const rel = (layer: string) => task!.annotations.find((a) => a.stancebench_layer === layer)!.result.filter((r) => r.type === "relation" && !["cue", "speakerMention"].includes((r.labels as string[])[0]!));
    expect(rel("gold")).toEqual([
      { from_id: "q1", to_id: "c1", type: "relation", direction: "right", labels: ["embedded-in"] },
      { from_id: "q2", to_id: "q1", type: "relation", direction: "right", labels: ["responds-to"] },
    ]);
    expect(rel("annotator:u1")).toEqual([{ from_id: "u1q", to_id: "u2q", type: "relation", direction: "right", labels: ["same-claim"] }]);
    const xml = files.get("label-studio.xml") ?? "";
    for (const t of ["embedded-in", "same-claim", "responds-to"]) expect(xml).toContain(`<Relation value="${t}"/>`);
  });

  it("Label Studio: reads the relations back per annotation, a left-pointing one reversed", () => {
    const [article] = readLabelStudioTasks(runWriter(createLabelStudioWriter(), ctx, [linked]).get("label-studio.json") ?? "");
    const byLayer = new Map(article!.annotations.map((a) => [a.layer, a.relations]));
    expect(byLayer.get("gold")).toEqual([
      { type: "embedded-in", fromId: "q1", toId: "c1" },
      { type: "responds-to", fromId: "q2", toId: "q1" },
    ]);
    expect(byLayer.get("annotator:u1")).toEqual([{ type: "same-claim", fromId: "u1q", toId: "u2q" }]);
    const region = (id: string, start: number, end: number) => ({ id, from_name: "label", to_name: "text", type: "labels", value: { start, end, labels: ["CLAIM"] } });
    const task = (relation: Record<string, unknown>) => ({ data: { text: "One claim. Another claim." }, annotations: [{ result: [region("a", 0, 9), region("b", 11, 24), relation] }] });
    const [left] = readLabelStudioTasks([task({ from_id: "a", to_id: "b", type: "relation", direction: "left", labels: ["responds-to"] })]);
    expect(left!.annotations[0]!.relations).toEqual([{ type: "responds-to", fromId: "b", toId: "a" }]);
    expect(() => readLabelStudioTasks([task({ from_id: "a", to_id: "b", type: "relation", direction: "right" })])).toThrow(/result 2: a relation between spans needs a label/);
  });

  it("refuses a relation whose end is missing, in another layer, or the span itself", () => {
    const write = (relations: ExportDocument["relations"]) => runWriter(createNativeJsonlWriter(), ctx, [{ ...docB, relations }]);
    expect(() => write([{ id: "x", type: "same-claim", fromId: "b1", toId: "nope", layer: "gold" }])).toThrow(/relation "x" ends at unknown span "nope"/);
    expect(() => write([{ id: "x", type: "same-claim", fromId: "b1", toId: "b1", layer: "gold" }])).toThrow(/links span "b1" to itself/);
    expect(() => write([{ id: "x", type: "same-claim", fromId: "b1", toId: "b2", layer: "annotator:u1" }])).toThrow(/is in layer annotator:u1 but links spans of gold and gold/);
  });
});
