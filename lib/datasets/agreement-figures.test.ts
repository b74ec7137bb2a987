import { describe, expect, it } from "vitest";
import { AgreementAccumulator } from "@/lib/agreement/agreement-report";
import type { LayerAnnotation } from "@/lib/agreement/layer-annotation";
import { agreementFigures } from "./agreement-figures";

const a = (annotatorId: string, over: Partial<LayerAnnotation>): LayerAnnotation => ({ id: `${annotatorId}-${over.start ?? over.sentenceIndex}`, documentId: "d", annotatorId, type: "QUOTE", attributes: {}, ...over });

describe("agreementFigures", () => {
  it("reports span F1, alpha per attribute and kappa on sentence labels for two annotators", () => {
    const acc = new AgreementAccumulator();
    acc.addDocument([
      a("u1", { start: 0, end: 5, attributes: { stance: [{ target: "T", value: 1 }] } }),
      a("u2", { start: 0, end: 5, attributes: { stance: [{ target: "T", value: 1 }] } }),
      a("u1", { start: 10, end: 15 }),
      a("u1", { type: "SENTENCE", sentenceIndex: 0, attributes: { checkworthy: "yes" } }),
      a("u2", { type: "SENTENCE", sentenceIndex: 0, attributes: { checkworthy: "yes" } }),
      a("u1", { type: "SENTENCE", sentenceIndex: 1, attributes: { checkworthy: "no" } }),
      a("u2", { type: "SENTENCE", sentenceIndex: 1, attributes: { checkworthy: "no" } }),
    ]);
    const figures = agreementFigures(acc.result());
    expect(figures.find((f) => f.metric === "f1_exact_mean_pairwise")).toEqual({ task: "spans", metric: "f1_exact_mean_pairwise", value: 0.6667, items: 1 });
    expect(figures.find((f) => f.task.startsWith("sentence:"))).toMatchObject({ metric: "cohen_kappa_mean_pairwise", value: 1, items: 2 });
    for (const f of figures) expect(Number.isFinite(f.value)).toBe(true);
  });

  it("reports nothing with fewer than two annotators", () => {
    const acc = new AgreementAccumulator();
    acc.addDocument([a("u1", { start: 0, end: 5 })]);
    expect(agreementFigures(acc.result())).toEqual([]);
  });
});
