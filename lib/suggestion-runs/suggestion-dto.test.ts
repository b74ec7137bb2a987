import { describe, expect, it } from "vitest";
import { toSuggestionDto } from "./suggestion-dto";

const row = { id: "s1", type: "QUOTE", attributes: { form: "direct" }, speakerName: "Xi", entityId: null, rule: "quote.direct-after", suggester: "quote", status: "PENDING" as const, confidence: 0.9 };

describe("toSuggestionDto", () => {
  it("slices the text by code points, so emoji before the span do not shift it", () => {
    const text = "😀😀 «Мы вместе», — сказал Си.";
    const start = Array.from(text).indexOf("М");
    const dto = toSuggestionDto({ ...row, start, end: start + 10 }, text);
    expect(dto.text).toBe("Мы вместе»");
    expect(dto).toMatchObject({ start, end: start + 10, speakerName: "Xi", entityId: null, status: "PENDING", attributes: { form: "direct" } });
  });

  it("clamps offsets past the end of the text instead of throwing", () => {
    expect(toSuggestionDto({ ...row, start: 3, end: 99 }, "abcdef").text).toBe("def");
    expect(toSuggestionDto({ ...row, start: 50, end: 99 }, "abc").text).toBe("");
  });
});
