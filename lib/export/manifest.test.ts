import { describe, expect, it } from "vitest";
import { buildManifest, createManifestCounter, manifestJson } from "./manifest";
import { ctx, docs } from "./test-fixtures";

const sha = "a".repeat(64);

describe("manifest", () => {
  it("counts documents, labels and targets and serialises deterministically", () => {
    const counter = createManifestCounter();
    for (const d of docs) counter.add(d);
    const counts = counter.counts();
    const m = buildManifest({
      ctx,
      createdBy: "manager@example.org",
      filter: { tags: ["x"], state: "signed-off" },
      counts,
      agreement: [{ task: "QUOTE spans", metric: "F1", value: 0.8, items: 40 }],
      files: [
        { name: "spans.csv", format: "spans-csv", bytes: 10, sha256: sha },
        { name: "native.jsonl", format: "native-jsonl", bytes: 20, sha256: sha },
      ],
    });
    expect(manifestJson(m)).toBe(
      JSON.stringify(
        {
          project: "Stance «Пилот»",
          dataset_version: 3,
          created_at: "2025-01-02T03:04:05.000Z",
          created_by: "manager@example.org",
          license: "cc-by-4.0",
          source_description: "News articles | 2024",
          offset_unit: "codepoint",
          filter: { state: "signed-off", tags: ["x"] },
          schema: { types: ["CLAIM", "QUOTE", "EDITORIAL"], version: 2 },
          stance_targets: ["Putin", "Sanctions", "Weather"],
          counts: {
            checkworthy: { no: 3, yes: 2 },
            documents: 3,
            sentence_stance: { Putin: { "1": 1 }, Sanctions: { "-2": 1 }, Weather: { "0": 1 } },
            sentences: 7,
            span_stance: { Putin: { "2": 1 }, Sanctions: { "-1": 1, "-2": 1 }, Weather: { "1": 1 } },
            spans_by_layer: { annotator: 1, gold: 6 },
            spans_by_type: { CLAIM: 2, EDITORIAL: 1, QUOTE: 3 },
            splits: { test: 1, train: 1, validation: 1 },
          },
          agreement: [{ task: "QUOTE spans", metric: "F1", value: 0.8, items: 40 }],
          files: [
            { name: "native.jsonl", format: "native-jsonl", bytes: 20, sha256: sha },
            { name: "spans.csv", format: "spans-csv", bytes: 10, sha256: sha },
          ],
        },
        null,
        2,
      ) + "\n",
    );
  });

  it("rejects bad files, agreement and creator", () => {
    const counts = createManifestCounter().counts();
    const base = { ctx, createdBy: "m", filter: {}, counts, agreement: [], files: [] };
    expect(() => buildManifest({ ...base, createdBy: "" })).toThrow(/createdBy/);
    expect(() => buildManifest({ ...base, files: [{ name: "a", format: "x", bytes: 1, sha256: "zz" }] })).toThrow(/sha256/);
    expect(() => buildManifest({ ...base, files: [{ name: "a", format: "x", bytes: -1, sha256: sha }] })).toThrow(/bytes/);
    const f = { name: "a", format: "x", bytes: 1, sha256: sha };
    expect(() => buildManifest({ ...base, files: [f, f] })).toThrow(/listed twice/);
    expect(() => buildManifest({ ...base, agreement: [{ task: "t", metric: "m", value: Number.NaN, items: 1 }] })).toThrow(/not numeric/);
    expect(() => buildManifest({ ...base, filter: { d: new Date(0) } })).toThrow(/filter.d: only plain objects/);
  });
});
