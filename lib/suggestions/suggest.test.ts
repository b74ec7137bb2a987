import { describe, expect, it } from "vitest";
import { allArticles, article, lineWith } from "./corpus.test-helper";
import { buildLargeDocument } from "./bench";
import { sliceCodePoints } from "./offsets";
import { suggestForDocument } from "./suggest";
import type { RegistryEntity, Suggestion } from "./types";

const registry: RegistryEntity[] = [
  { id: "putin", name: "Vladimir Putin", aliases: ["Putin"], type: "PERSON" },
  { id: "luk", name: "Alexander Lukashenko", aliases: [], type: "PERSON" },
  { id: "cnn", name: "CNN", aliases: [], type: "OUTLET" },
];

function quotes(text: string, entities: RegistryEntity[] = registry) {
  return suggestForDocument({ text, entities, enabled: { editorial: false, claim: false } }).suggestions.map((s) => ({
    text: sliceCodePoints(text, s.start, s.end),
    rule: s.rule,
    form: s.attributes.form,
    cue: cpSlice(text, s.attributes.cue),
    mention: cpSlice(text, s.attributes.speakerMention),
    speaker: s.speakerName,
    entityId: s.entityId,
  }));
}
function cpSlice(text: string, span: unknown): string | undefined {
  if (typeof span !== "object" || span === null) return undefined;
  const { start, end } = span as { start: number; end: number };
  return sliceCodePoints(text, start, end);
}

describe("suggestForDocument: quotes", () => {
  it("splits a quote broken by 'he said' into two suggestions sharing speaker and cue", () => {
    const text = '"We will continue," Putin said. "And we will win."';
    expect(quotes(text)).toEqual([
      { text: "We will continue", rule: "quote.direct-after", form: "direct", cue: "said", mention: "Putin", speaker: "Vladimir Putin", entityId: "putin" },
      { text: "And we will win.", rule: "quote.split-shared", form: "direct", cue: "said", mention: "Putin", speaker: "Vladimir Putin", entityId: "putin" },
    ]);
  });
  it("resolves 'the expert' and 'the interlocutor' to the Director introduced before (corpus 002)", () => {
    const text = article("002");
    const start = text.indexOf('"Russia and China have a similar vision');
    const end = text.indexOf('"Cooperation in the field of high technologies');
    const got = quotes(text.slice(start, end));
    expect(got.map((q) => [q.cue, q.mention, q.speaker])).toEqual([
      ["says", "Alexey Maslov", "Alexey Maslov"],
      ["notes", "the source", "Alexey Maslov"],
      ["points out", "the expert", "Alexey Maslov"],
      ["notes", "the interlocutor", "Alexey Maslov"],
    ]);
  });
  it("keeps a nested quote inside its parent and matches 'Lukashenka' to the registry", () => {
    const text = `${lineWith(article("003"), "We intend to increase")}\n\n${lineWith(article("004"), "Lukashenka said")}`;
    const got = quotes(text);
    expect(got.map((q) => [q.text.slice(0, 20), q.form, q.cue, q.speaker, q.entityId])).toEqual([
      ["We intend to increas", "direct", "promised", undefined, undefined],
      ["Let's be frank: are ", "direct", "said", "Alexander Lukashenko", "luk"],
    ]);
    expect(got[0]?.text.endsWith("“double deterrence” of our countries")).toBe(true);
  });
  it("finds indirect speech with 'said that' and 'according to'", () => {
    const text = "Putin gave a press conference, at which he noted that the future depends on all. According to Maslov, the press was positive.";
    expect(quotes(text).map((q) => [q.text, q.form, q.cue, q.mention, q.speaker])).toEqual([
      ["the future depends on all", "indirect", "noted", "he", "Vladimir Putin"],
      ["the press was positive", "indirect", "According to", "Maslov", "Maslov"],
    ]);
  });
  it("skips scare quotes and titles", () => {
    expect(quotes("The West tried to drag China \"to the right side of history\". It published an article entitled “China – Russia: an economic friendship that could turn the world upside down.”")).toEqual([]);
  });
  it("reports code-point offsets after emoji", () => {
    const text = '😀😀 "Trade grew a lot," Putin said.';
    const s = suggestForDocument({ text, entities: [], enabled: { editorial: false, claim: false } }).suggestions[0];
    expect([s?.start, s?.end, s?.attributes.cue]).toEqual([4, 20, { start: 29, end: 33 }]);
  });
});

describe("suggestForDocument: whole articles", () => {
  it("returns editorial, quote and claim suggestions, proposed entities and merge proposals for the CNN article", () => {
    const out = suggestForDocument({ text: article("003"), entities: registry });
    const count = (kind: Suggestion["type"]) => out.suggestions.filter((s) => s.type === kind).length;
    expect([count("EDITORIAL"), count("QUOTE"), count("CLAIM")]).toEqual([13, 16, 10]);
    expect(out.proposedEntities).toEqual([
      { name: "Chinese Foreign Ministry", type: "ORGANISATION" },
      { name: "Kurt Volker", type: "PERSON" },
      { name: "Alexandra Prokopenko", type: "PERSON" },
    ]);
    expect(out.mergeProposals).toEqual([]);
  });
  it("uses caller sentences: no claims or quotes on boilerplate", () => {
    const text = 'Trade grew by 40% in 2022. "It is a record year for all of us," he said.';
    const out = suggestForDocument({ text, entities: [], sentences: [{ start: 0, end: 26, kind: "boilerplate" }, { start: 27, end: 72, kind: "boilerplate" }] });
    expect(out.suggestions).toEqual([]);
  });
  it("honours the enabled switches", () => {
    const out = suggestForDocument({ text: article("000"), entities: [], enabled: { quote: false, claim: false } });
    expect(out.suggestions.map((s) => s.rule)).toEqual(["editorial.photo-credit", "editorial.photo-credit", "editorial.translation-notice"]);
  });
  it("handles a 5,000-sentence document (speed is printed by scripts/eval-suggestions.ts)", () => {
    const big = buildLargeDocument(allArticles().map((a) => a.text), 5000);
    expect(suggestForDocument({ text: big, entities: registry }).suggestions.length).toBe(2085);
    // A generous limit: on a shared, loaded machine one pass takes seconds; linearity is tests/scaling's job.
  }, 30_000);
  it("rejects bad input", () => {
    expect(() => suggestForDocument({ text: 5 } as unknown as Parameters<typeof suggestForDocument>[0])).toThrow();
    expect(() => suggestForDocument({ text: "abc", entities: [], sentences: [{ start: 0, end: 9, kind: "content" }] })).toThrow(RangeError);
    expect(() => suggestForDocument({ text: "abc", entities: [{ id: "", name: "x", aliases: [], type: "PERSON" }] })).toThrow();
  });
});
