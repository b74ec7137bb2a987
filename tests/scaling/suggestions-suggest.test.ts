import { describe, it } from "vitest";
import { allArticles } from "@/lib/suggestions/corpus.test-helper";
import { suggestForDocument } from "@/lib/suggestions/suggest";
import { expectLinear } from "./expect-linear";
import { hostileArticle, hostileLine, registryOf } from "./suggestions-inputs";

// The whole suggestion pass (segmenting, editorial, quotes, claims, merge proposals) on hostile articles.
describe("suggestForDocument", () => {
  const entities = registryOf(50);
  const run = (text: string) => suggestForDocument({ text, entities });
  const paragraph = allArticles()[0]?.text.split("\n").find((l) => l.length > 300) ?? "Putin said: \"We agree.\"";

  it("a one-line hostile article", () => {
    expectLinear(hostileLine, run, { base: 30_000 });
  });

  it("an article mixing ordinary paragraphs and hostile lines", () => {
    expectLinear((n) => hostileArticle(n, paragraph), run, { base: 30_000 });
  });
});
