// Boilerplate and sentence rules added for scraped pages beyond the sample articles.
import { describe, expect, it } from "vitest";
import { joinReason } from "./sentence-rules";
import { explainSegments } from "./segment";

const PARAGRAPH = "The talks in Beijing lasted four hours and covered trade, energy and security in Central Asia, officials said.";
const rulesOf = (text: string) => explainSegments(text, "en").map((s) => [s.text, s.rule]);

describe("boilerplate rules for scraped pages", () => {
  it("marks navigation bars, language switchers, share rows and breadcrumbs", () => {
    const text = `News | Analysis | Video\n\nEN | RU | 中文\n\nShare on Facebook | Share on X\n\nHome > Press > Remarks\n\n${PARAGRAPH}`;
    expect(rulesOf(text).slice(0, 4).map((r) => r[1])).toEqual(["nav-bar", "nav-bar", "nav-bar", "nav-bar"]);
    expect(rulesOf(text)[4]?.[1]).toBeNull();
  });
  it("keeps a sentence with a pipe-separated long clause as content", () => {
    expect(rulesOf(`${PARAGRAPH}\n\nThe minister said the deal was fair | and the opposition disagreed strongly about it.`)[1]?.[1]).toBeNull();
  });
  it("marks 'most read' items ending in view counts only as a list", () => {
    const text = `${PARAGRAPH}\n\nWhy Europe fears the Chinese car 18 403\n\nInside the Kerch bridge repairs 8,931 views`;
    expect(rulesOf(text).slice(1).map((r) => r[1])).toEqual(["view-count-list", "view-count-list"]);
    expect(rulesOf(`Budget talks resume with 1,200 delegates\n\n${PARAGRAPH}`)[0]?.[1]).toBeNull();
  });
  it("marks bylines without 'Author', agency lines, comment counters and author bios", () => {
    const text = `Column by Pavel Orlov\n\n${PARAGRAPH}\n\nEditor: Anna Volkova\n\nComments (54)\n\nThomas Grant is a contributing editor at The Ledger.\n\nReporting by Simon Lewis; Editing by Don Durfee`;
    expect(rulesOf(text).map((r) => r[1])).toEqual(["byline", null, "agency-label", "count", "author-bio", "byline"]);
  });
  it("marks every sentence of a disclaimer paragraph", () => {
    const text = `${PARAGRAPH}\n\nDisclaimer: The opinions are the author's. They are not ours. Quotes are translated.`;
    expect(rulesOf(text).slice(1).every((r) => r[1] !== null)).toBe(true);
  });
  it("keeps an English quote inside a Russian article as content", () => {
    const ru = "Переговоры в Пекине продолжались четыре часа и касались торговли, энергетики и безопасности в Центральной Азии.";
    const text = `${ru}\n\nАналитик Джейн Эванс пишет: "China will keep buying Russian energy, but on its own terms."\n\n${ru}`;
    expect(explainSegments(text, "ru")[1]?.kind).toBe("content");
  });
});

describe("sentence joins", () => {
  it("keeps a wire dateline with its sentence", () => {
    expect(joinReason("MOSCOW, November 27.", "/TASS/. Russian Foreign Minister")).toBe("dateline");
    expect(joinReason("MOSCOW, November 27. /TASS/.", "Russian Foreign Minister Sergey Lavrov met")).toBe("dateline");
    expect(joinReason("ПЕКИН, 28 ноября. /ТАСС/.", "Председатель КНР Си Цзиньпин")).toBe("dateline");
    expect(joinReason("He arrived on November 27.", "Russian officials met him.")).toBeNull();
  });
  it("keeps a one-word lead with its label", () => {
    expect(joinReason("Translation.", "Region: Central Asia")).toBe("one-word-lead");
    expect(joinReason("Both.", "The minister added that")).toBeNull();
  });
  it("survives hostile text", () => {
    expect(joinReason(`${"A".repeat(5000)}, ${"x".repeat(5000)}.`, `/${"T".repeat(5000)}/.`)).toBeNull();
  });
});
