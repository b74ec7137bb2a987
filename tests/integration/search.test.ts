import { beforeAll, describe, expect, it } from "vitest";
import * as searchRoute from "@/app/api/v1/projects/[projectId]/search/route";
import { searchResultSchema, type SearchResult } from "@/lib/validation/search";
import { callGet, makeSearchCorpus, spanOf } from "./search-fixture";

let c: Awaited<ReturnType<typeof makeSearchCorpus>>;
beforeAll(async () => {
  c = await makeSearchCorpus();
});

const search = (query: Record<string, string> | string, token = c.tokens.manager, projectId = c.project.id) => callGet(searchRoute.GET, projectId, token, query);

async function ok(query: Record<string, string> | string, token?: string): Promise<SearchResult> {
  const res = await search(query, token);
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  return searchResultSchema.parse(res.json);
}


describe("GET /api/v1/projects/{id}/search — full text", () => {
  it("stems per document language and returns code-point offsets after emoji, with a marked snippet", async () => {
    const en = await ok({ q: "criticise" });
    expect(en.hits.map((h) => h.documentId)).toEqual([c.en.id]);
    const hit = en.hits[0]!;
    expect(spanOf(c.enText, hit.start, hit.end)).toBe("criticised");
    expect(hit.snippet).toEqual({ before: "🚀🎉 Lavrov ", match: "criticised", after: " the United States on Monday." });
    expect(hit.sentenceIndex).toBe(0);

    const ru = await ok({ q: "Штатов" }); // another case of "Штаты": the Russian stemmer joins them
    expect(ru.hits.map((h) => h.documentId)).toEqual([c.ru.id]);
    expect(spanOf(c.ruText, ru.hits[0]!.start, ru.hits[0]!.end)).toBe("Штаты");
  });

  it("supports phrases, -word, OR and prefix*", async () => {
    const phrase = await ok({ q: '"United States"' });
    expect(phrase.hits).toHaveLength(1);
    expect(spanOf(c.enText, phrase.hits[0]!.start, phrase.hits[0]!.end)).toBe("United States");
    expect((await ok({ q: '"States United"' })).total).toBe(0);
    expect((await ok({ q: "Lavrov" })).total).toBe(2); // en and und (the Russian text spells it Лавров)
    expect((await ok({ q: "Lavrov -mentioned" })).hits.map((h) => h.documentId)).toEqual([c.en.id]);
    const either = await ok({ q: "Beijing OR Monday" });
    expect(either.total).toBe(2);
    const prefix = await ok({ q: "Крити* OR раскрит*" });
    expect(prefix.hits.map((h) => h.documentId)).toEqual([c.ru.id]);
  });

  it("excludes boilerplate unless asked", async () => {
    expect((await ok({ q: "social networks" })).total).toBe(0);
    expect((await ok({ q: "social networks", boilerplate: "true" })).total).toBe(1);
  });
});

describe("exact mode", () => {
  it("matches a literal substring case-insensitively, with SQL and regex metacharacters taken literally", async () => {
    const pct = await ok({ q: "u.s.% POLICY (A+)", mode: "exact" });
    expect(pct.total).toBe(1);
    const hit = pct.hits[0]!;
    expect(hit.snippet.match).toBe("U.S.% policy (a+)");
    expect(hit.documentId).toBe(c.und.id);
    expect((await ok({ q: "U.S._ policy", mode: "exact" })).total).toBe(0); // _ is not a wildcard
    expect((await ok({ q: "Lavrov.*+", mode: "exact", boilerplate: "true" })).total).toBe(0); // no regex either
    const emoji = await ok({ q: "🎉 lavrov", mode: "exact" });
    expect(spanOf(c.enText, emoji.hits[0]!.start, emoji.hits[0]!.end)).toBe("🎉 Lavrov");
  });
});

describe("filters", () => {
  it("source, language, state and published date range", async () => {
    expect((await ok({ q: "Lavrov", source: "tass.ru" })).total).toBe(2);
    expect((await ok({ q: "Lavrov", language: "und" })).hits.map((h) => h.documentId)).toEqual([c.und.id]);
    expect((await ok({ q: "Lavrov", state: "SIGNED_OFF" })).hits.map((h) => h.documentId)).toEqual([c.en.id]);
    expect((await ok({ q: "Lavrov", from: "2026-05-01" })).hits.map((h) => h.documentId)).toEqual([c.und.id]);
    expect((await ok({ q: "Lavrov", to: "2026-03-10" })).hits.map((h) => h.documentId)).toEqual([c.en.id]);
  });

  it("annotation scope: type, speaker with merged names, target, stance value and range, layer", async () => {
    const quotes = await ok({ scope: "annotations", type: "QUOTE" });
    expect(quotes.total).toBe(3); // the manager sees gold and both annotator layers
    const bySpeaker = await ok({ scope: "annotations", speaker: c.lavrov.id });
    expect(bySpeaker.hits.map((h) => h.annotation!.id).sort()).toEqual([c.ids.gold.id, c.ids.mine.id, c.ids.theirs.id].sort());
    const strong = await ok({ scope: "annotations", target: c.US, stance: "-2" });
    expect(strong.hits.map((h) => h.annotation!.id).sort()).toEqual([c.ids.gold.id, c.ids.theirs.id].sort());
    expect((await ok({ scope: "annotations", target: c.US, stance: "-1..0" })).hits.map((h) => h.annotation!.id).sort()).toEqual([c.ids.mine.id, c.ids.claim.id].sort());
    expect((await ok({ scope: "annotations", layer: "gold" })).total).toBe(3);
    expect((await ok({ scope: "annotations", layer: `user:${c.annotator.id}` })).hits.map((h) => h.annotation!.id)).toEqual([c.ids.mine.id]);
    const withText = await ok({ scope: "annotations", q: "Monday" });
    expect(withText.hits.map((h) => h.annotation!.id)).toEqual([c.ids.gold.id]);
    expect(spanOf(c.enText, withText.hits[0]!.start, withText.hits[0]!.end)).toBe("Lavrov criticised the United States");
    expect(withText.hits[0]!.annotation!.speakerName).toBe("Sergey Lavrov");
  });

  it("sentence scope with annotation filters keeps sentences a matching span overlaps", async () => {
    const res = await ok({ q: "Lavrov", type: "QUOTE", layer: "gold" });
    expect(res.hits.map((h) => h.documentId)).toEqual([c.en.id]);
  });

  it("facets count within the current query", async () => {
    const res = await ok({ scope: "annotations" });
    expect(res.facets.type).toEqual([{ key: "QUOTE", label: "QUOTE", count: 3 }, { key: "CLAIM", label: "CLAIM", count: 2 }]);
    expect(res.facets.speaker).toEqual([
      { key: c.lavrov.id, label: "Sergey Lavrov", count: 2 },
      { key: c.oldName.id, label: "S. Lavrov", count: 1 },
    ]);
    expect(res.facets.target.find((t) => t.key === c.US)?.count).toBe(4);
    expect(res.facets.source).toEqual([{ key: "inosmi.ru", label: "inosmi.ru", count: 3 }, { key: "tass.ru", label: "tass.ru", count: 2 }]);
    const text = await ok({ q: "Lavrov" });
    expect(text.facets.language).toEqual([{ key: "en", label: "en", count: 1 }, { key: "und", label: "und", count: 1 }]);
    expect(text.facets.type).toEqual([{ key: "QUOTE", label: "QUOTE", count: 1 }]);
  });

  it("pages with a cursor through every hit exactly once", async () => {
    const all = await ok({ scope: "annotations" });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: SearchResult = await ok({ scope: "annotations", limit: "2", ...(cursor ? { cursor } : {}) });
      expect(page.total).toBe(all.total);
      seen.push(...page.hits.map((h) => h.annotation!.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.hits.map((h) => h.annotation!.id));
    expect(new Set(seen).size).toBe(5);
  });
});

describe("authorization", () => {
  it("a non-member gets 404 and another project's text never appears", async () => {
    const res = await search({ q: "Lavrov" }, c.tokens.outsider);
    expect(res.status).toBe(404);
    const own = await search({ q: "Lavrov" }, c.tokens.outsider, c.other.id);
    expect(own.status).toBe(200);
    expect((own.json.hits as { documentId: string }[]).every((h) => ![c.en.id, c.ru.id, c.und.id].includes(h.documentId))).toBe(true);
    const mine = await ok({ q: "Lavrov" });
    expect(mine.hits.every((h) => [c.en.id, c.und.id].includes(h.documentId))).toBe(true);
  });

  it("an annotator sees only their own layer and gold of signed-off documents", async () => {
    const res = await ok({ scope: "annotations" }, c.tokens.annotator);
    // en is signed off (its gold quote and claim); ru's gold is not signed off; annotator2's layer is blind.
    expect(res.hits.map((h) => h.annotation!.id).sort()).toEqual([c.ids.gold.id, c.ids.claim.id, c.ids.mine.id].sort());
    expect(res.facets.speaker.map((s) => s.key).sort()).toEqual([c.lavrov.id, c.oldName.id].sort());
    const other = await search({ scope: "annotations", layer: `user:${c.annotator2.id}` }, c.tokens.annotator);
    expect(other.status).toBe(403);
    const reviewer = await ok({ scope: "annotations", layer: `user:${c.annotator2.id}` }, c.tokens.reviewer);
    expect(reviewer.hits.map((h) => h.annotation!.id)).toEqual([c.ids.theirs.id]);
  });
});

describe("bad input → 400 with a precise message", () => {
  const cases: [string, Record<string, string> | string, string, RegExp][] = [
    ["unbalanced quotes", { q: '"United States' }, "q", /opening quote/],
    ["only stop words", { q: "the of and" }, "q", /stop words/],
    ["10,000-character q", { q: "a".repeat(10_000) }, "q", /.+/],
    ["only exclusions", { q: "-Lavrov" }, "q", /only excludes/],
    ["no q in sentence scope", {}, "q", /Required/],
    ["exact literal too short", { q: "ab", mode: "exact" }, "q", /at least 3/],
    ["exact literal of regex metacharacters only", { q: ".*+?[](){}", mode: "exact" }, "q", /three letters or digits/],
    ["exact literal of SQL wildcards only", { q: "%%%___", mode: "exact" }, "q", /three letters or digits/],
    ["unknown document state", { q: "Lavrov", state: "FINISHED" }, "state", /Use one of/],
    ["malformed language", { q: "Lavrov", language: "Russian!" }, "language", /language code/],
    ["unknown mode", { q: "x", mode: "regex" }, "mode", /fulltext or exact/],
    ["unknown parameter", { q: "Lavrov", colour: "red" }, "_", /colour/],
    ["repeated parameter", "q=Lavrov&q=Putin", "q", /more than once/],
    ["stance out of the scale", { scope: "annotations", stance: "3" }, "stance", /-2 to 2/],
    ["stance range reversed", { scope: "annotations", stance: "2..-2" }, "stance", /lower to the higher/],
    ["unknown type", { scope: "annotations", type: "RUMOUR" }, "type", /Unknown span type "RUMOUR"/],
    ["unknown target", { scope: "annotations", target: "Mars" }, "target", /not a stance target/],
    ["holder before holders exist", { scope: "annotations", holder: "x" }, "holder", /Stance holders/],
    ["bad layer", { scope: "annotations", layer: "everyone" }, "layer", /gold, any or user/],
    ["bad date", { q: "Lavrov", from: "2026-02-30" }, "from", /calendar date/],
    ["bad limit", { q: "Lavrov", limit: "1000" }, "limit", /.+/],
    ["tampered cursor", { q: "Lavrov", cursor: "eyJmIjoiYWJjIiwiayI6WyJ4IiwxLCIiXX0" }, "cursor", /not valid for this search/],
    ["garbage cursor", { q: "Lavrov", cursor: "!!!" }, "cursor", /not valid/],
  ];
  for (const [name, query, field, message] of cases) {
    it(name, async () => {
      const res = await search(query);
      expect(res.status, JSON.stringify(res.json)).toBe(400);
      expect(res.json.error!.code).toBe("validation_failed");
      expect(res.json.error!.message).toMatch(field === "_" ? message : /.+/);
      const fields = res.json.error!.fields ?? {};
      expect(Object.keys(fields)).toContain(field);
      if (field !== "_") expect(fields[field]!.join(" ") + res.json.error!.message).toMatch(message);
    });
  }

  it("a cursor from another search is refused", async () => {
    const first = await ok({ scope: "annotations", limit: "1" });
    const res = await search({ scope: "annotations", type: "QUOTE", limit: "1", cursor: first.nextCursor! });
    expect(res.status).toBe(400);
    expect(res.json.error!.fields!.cursor).toBeDefined();
  });

  it("a speaker of another project is 404", async () => {
    const res = await search({ scope: "annotations", speaker: c.otherSpeaker.id });
    expect(res.status).toBe(404);
    expect(res.json.error!.message).toMatch(/not in this project/);
  });
});
