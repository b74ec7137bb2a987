import { describe, expect, it } from "vitest";
import { createHuggingFaceWriter } from "./writer";
import { ctx, docs } from "@/lib/export/test-fixtures";
import { runWriter } from "@/lib/export/writer";

describe("Hugging Face writer", () => {
  it("writes split files with JSON-encoded meta and attributes", () => {
    const f = runWriter(createHuggingFaceWriter(), ctx, docs);
    expect([...f.keys()]).toEqual(["hf/data/train.jsonl", "hf/data/test.jsonl", "hf/data/validation.jsonl", "hf/README.md"]);
    const row = JSON.parse(f.get("hf/data/train.jsonl") ?? "") as { meta: unknown; spans: Array<{ attributes: unknown }> };
    expect(row.meta).toBe('{"a":{"b":null,"y":true},"z":1}');
    expect(row.spans.map((s) => s.attributes)).toEqual(["{}", '{"form":"direct"}', '{"form":"direct"}', '{"form":"direct"}', '{"kind":"translation-note"}']);
  });

  it("writes a dataset card with front matter, tables and agreement", () => {
    const readme = runWriter(createHuggingFaceWriter(), ctx, docs.slice(0, 2), {
      agreement: [{ task: "QUOTE | spans", metric: "F1", value: 0.8125, items: 40 }],
    }).get("hf/README.md") ?? "";
    const lines = readme.split("\n");
    expect(lines.slice(0, 17)).toEqual([
      "---",
      'license: "cc-by-4.0"',
      "language:",
      '- "en"',
      '- "ru"',
      'pretty_name: "Stance «Пилот»"',
      "task_categories:",
      "- text-classification",
      "- token-classification",
      "configs:",
      "- config_name: default",
      "  data_files:",
      "  - split: train",
      "    path: data/train.jsonl",
      "  - split: test",
      "    path: data/test.jsonl",
      "---",
    ]);
    expect(readme).toContain("| documents | 1 | 0 | 1 |\n| sentences | 4 | 0 | 2 |\n| spans (gold) | 4 | 0 | 2 |\n");
    expect(readme).toContain("| span type | QUOTE | 2 | 0 | 1 |\n");
    expect(readme).toContain("- Source: News articles \\| 2024\n");
    expect(readme.endsWith("| Task | Metric | Value | Items |\n|---|---|---:|---:|\n| QUOTE \\| spans | F1 | 0.813 | 40 |\n")).toBe(true);
  });

  it("says so when no agreement is supplied and rejects bad figures", () => {
    const noAgreement = runWriter(createHuggingFaceWriter(), { ...ctx, license: null }, docs).get("hf/README.md") ?? "";
    expect(noAgreement.endsWith("## Agreement\n\nNo agreement figures were supplied for this version.\n")).toBe(true);
    expect(noAgreement).toContain('license: "unknown"\n');
    expect(runWriter(createHuggingFaceWriter(), { ...ctx, license: " CC-BY-4.0" }, docs).get("hf/README.md")).toContain('license: "cc-by-4.0"\n');
    const w = createHuggingFaceWriter();
    w.begin(ctx);
    expect(() => w.end({ agreement: [{ task: "t", metric: "m", value: Number.POSITIVE_INFINITY, items: 1 }] })).toThrow(/must be finite/);
  });
});
