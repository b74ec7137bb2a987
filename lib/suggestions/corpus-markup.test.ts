import { describe, expect, it } from "vitest";
import { MarkupError, parseCorpusMarkup } from "./corpus-markup";

describe("parseCorpusMarkup", () => {
  it("strips the markup and keeps gold, boilerplate lines and boundaries in code points", () => {
    const doc = parseCorpusMarkup('~ Home | News\n"{{q:Li Wen|Go 🚀 now}}," he said. ¦{{e:editor-aside|(x — Approx. InoSMI)}}\n');
    expect(doc.text).toBe('Home | News\n\n"Go 🚀 now," he said. (x — Approx. InoSMI)\n');
    const chars = Array.from(doc.text);
    for (const g of doc.gold) expect(chars.slice(g.start, g.end).join("")).toBe(g.text);
    expect(doc.gold.map((g) => [g.type, g.speaker ?? g.kind])).toEqual([["QUOTE", "Li Wen"], ["EDITORIAL", "editor-aside"]]);
    expect(doc.lines.map((l) => l.boilerplate)).toEqual([true, false]);
    expect(chars[doc.boundaries[0] ?? -1]).toBe("(");
  });

  it("records a quote inside an editorial span once, and '?' as no speaker", () => {
    const doc = parseCorpusMarkup('{{e:disclaimer|They said "{{q:?|no}}". ¦Really.}}');
    expect(doc.gold).toHaveLength(2);
    expect(doc.gold.find((g) => g.type === "QUOTE")?.speaker).toBeNull();
    expect(doc.gold.find((g) => g.type === "EDITORIAL")?.text).toBe('They said "no". Really.');
  });

  it.each([
    ["{{q:X|unclosed", /unclosed/],
    ["stray }} here", /without a tag/],
    ["{{e:banner|x}}", /unknown editorial kind/],
    ["{{q:X| padded }}", /padded/],
    ["{{x:y|z}}", /bad tag/],
    ["ok\n~ ", /empty boilerplate/],
  ])("rejects bad markup %j with the line number", (src, message) => {
    expect(() => parseCorpusMarkup(src)).toThrow(MarkupError);
    expect(() => parseCorpusMarkup(src)).toThrow(message);
  });

  it("rejects a non-string", () => {
    expect(() => parseCorpusMarkup(42 as unknown as string)).toThrow(TypeError);
  });
});
