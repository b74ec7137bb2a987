import { describe, expect, it } from "vitest";
import { createNativeJsonlWriter, readNativeJsonl } from "./jsonl";
import { prepareDocument } from "@/lib/export/prepare";
import { ctx, docA, docB, docC, docs } from "@/lib/export/test-fixtures";
import type { ExportDocument } from "@/lib/export/types";
import { runWriter } from "@/lib/export/writer";

function lines(input: ExportDocument[]): string[] {
  const out = runWriter(createNativeJsonlWriter(), ctx, input).get("native.jsonl") ?? "";
  expect(out.endsWith("\n")).toBe(true);
  return out.slice(0, -1).split("\n");
}

/** The DTO as the writer normalises it: sentences by index, spans sorted, stance by target. */
function canonical(doc: ExportDocument): ExportDocument {
  const p = prepareDocument(doc);
  return { ...doc, sentences: p.sentences, spans: p.spans, relations: [] };
}

describe("native JSONL writer", () => {
  it("writes one exact line per document", () => {
    const out = lines(docs);
    expect(out).toHaveLength(3);
    expect(out[2]).toBe(
      '{"id":"docC","title":"Plain","language":"en","source":null,"original_source":null,"author":null,"url":null,' +
        '"published_at":null,"tags":[],"split":"validation","meta":{},"text":"Plain sentence.",' +
        '"text_sha256":"9a819904c5afde94ff52ecb21eb31740b1a23ca25c51592bac47893a52020294","offset_unit":"codepoint",' +
        '"sentences":[{"index":0,"start":0,"end":15,"kind":"content","labels":null}],"spans":[],"relations":[],' +
        '"provenance":{"annotators":[],"reviewer":null,"signed_off_at":null,"schema_version":2}}',
    );
    expect(out[1]).toBe(
      '{"id":"docB","title":"=HYPERLINK(\\"http://x\\")","language":"en","source":null,"original_source":"Wire",' +
        '"author":null,"url":null,"published_at":null,"tags":["a","b"],"split":"test","meta":{},' +
        '"text":"-5 degrees,\\tsaid @weather.\\n+1 more: =SUM(A1) \\"ok\\"",' +
        '"text_sha256":"19b42811be3dc8981618f8fca80afbb9c378b7dae5cb2a52d5e77fb19bf50b74","offset_unit":"codepoint",' +
        '"sentences":[{"index":0,"start":0,"end":26,"kind":"content","labels":{"checkworthy":"yes","stance":[{"target":"Weather","value":0,"holder":"author"}]}},' +
        '{"index":1,"start":27,"end":49,"kind":"content","labels":{"checkworthy":"no","stance":null}}],' +
        '"spans":[{"id":"b1","layer":"gold","type":"CLAIM","start":0,"end":10,"text":"-5 degrees","attributes":{},' +
        '"stance":[{"target":"Weather","value":1,"holder":"author"}],"speaker":null,"speakers":[],"cue":null,"speaker_mention":null},' +
        '{"id":"b2","layer":"gold","type":"QUOTE","start":36,"end":44,"text":"=SUM(A1)","attributes":{"form":"indirect"},' +
        '"stance":[],"speaker":{"id":"e-w","name":"=cmd|\' /C calc\'!A0","type":"organisation"},' +
        '"speakers":[{"id":"e-w","name":"=cmd|\' /C calc\'!A0","type":"organisation"}],"cue":null,' +
        '"speaker_mention":{"start":17,"end":25,"text":"@weather"}}],"relations":[],' +
        '"provenance":{"annotators":["u1"],"reviewer":null,"signed_off_at":null,"schema_version":2}}',
    );
  });

  it("slices emoji, Cyrillic and CRLF text by code points and sorts spans and keys", () => {
    const rec = JSON.parse(lines([docA])[0] ?? "") as {
      meta: unknown;
      text_sha256: string;
      spans: Array<{ id: string; text: string; cue: unknown; stance: unknown }>;
    };
    expect(JSON.stringify(rec.meta)).toBe('{"a":{"b":null,"y":true},"z":1}');
    expect(rec.text_sha256).toBe("6461839ebc9e060b3e5b8b4331d6844d3ecf56f1bfa4cdb7e938481891c0e546");
    expect(rec.spans.map((s) => s.id)).toEqual(["c1", "u1q", "q1", "q2", "e1"]);
    expect(rec.spans.map((s) => s.text)).toEqual([
      "Putin 👍 said «да».\r\nLavrov: «Санкции не работают",
      "«да».",
      "да",
      "Санкции не работают",
      "(Translation note: quotes are ours.)",
    ]);
    expect(rec.spans[2]?.cue).toEqual({ start: 8, end: 12, text: "said" });
    expect(rec.spans[0]?.stance).toEqual([
      { target: "Putin", value: 2, holder: "republisher" },
      { target: "Sanctions", value: -1, holder: "author" },
    ]);
  });

  it("is byte-identical for the same data in a different order", () => {
    const shuffled: ExportDocument = { ...docA, spans: [...docA.spans].reverse(), sentences: [...docA.sentences].reverse(), meta: { a: { b: null, y: true }, z: 1 } };
    expect(lines([shuffled])).toEqual(lines([docA]));
  });

  it("round-trips through readNativeJsonl", () => {
    const out = lines(docs);
    expect(out.map(readNativeJsonl)).toEqual([canonical(docA), canonical(docB), canonical(docC)]);
  });
});

describe("native JSONL bad input", () => {
  const good = () => lines([docB])[0] ?? "";
  it("rejects non-JSON, wrong shape, wrong unit, tampered hash and tampered span text", () => {
    expect(() => readNativeJsonl("{oops")).toThrow(/not JSON/);
    expect(() => readNativeJsonl("[]")).toThrow(/native JSONL: \(root\)/);
    expect(() => readNativeJsonl(good().replace('"codepoint"', '"utf16"'))).toThrow(/offset_unit/);
    expect(() => readNativeJsonl(good().replace('"19b4', '"29b4'))).toThrow(/text_sha256 does not match/);
    expect(() => readNativeJsonl(good().replace('"text":"@weather"', '"text":"@Weather"'))).toThrow(
      /span b2 speaker_mention text does not match text\[17:25\]/,
    );
    expect(() => readNativeJsonl(good().replace('"start":36,"end":44', '"start":36,"end":99'))).toThrow(/not a non-empty range within 0..49/);
  });

  it("rejects writer misuse and invalid documents", () => {
    const w = createNativeJsonlWriter();
    expect(() => w.document(docC)).toThrow(/document\(\) before begin\(\)/);
    w.begin(ctx);
    expect(() => w.begin(ctx)).toThrow(/begin\(\) called twice/);
    w.document(docC);
    expect(() => w.document(docC)).toThrow(/written twice/);
    expect(() => w.document({ ...docC, id: "x", text: "a\uD800b" })).toThrow(/lone UTF-16 surrogate/);
    expect(() => w.document({ ...docB, id: "y", spans: [{ ...docB.spans[0]!, stance: [{ target: "W", value: 3, holder: "author" }] }] })).toThrow(
      /stance value 3/,
    );
    expect(() => w.document({ ...docB, id: "z", spans: [{ ...docB.spans[0]!, attributes: { n: Number.NaN } }] })).toThrow(
      /span b1 attributes.n: number NaN is not valid JSON/,
    );
    expect(() => w.document({ ...docB, id: "v", sentences: [{ index: 0, start: 5, end: 5, kind: "content", labels: null }] })).toThrow(
      /sentence 0 offsets \[5, 5\)/,
    );
    w.end();
    expect(() => w.document(docA)).toThrow(/after end\(\)/);
    expect(() => createNativeJsonlWriter().begin({ ...ctx, datasetVersion: 0 })).toThrow(/datasetVersion/);
  });
});
