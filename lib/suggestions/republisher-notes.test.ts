import { describe, expect, it } from "vitest";
import { findEditorial } from "./editorial";
import { isCountryHeadline, isMediaLead, lineNote, parentheticalNote } from "./republisher-notes";
import { lineSpans } from "./text-units";

const note = (line: string) => lineNote(line.toLowerCase());
function hits(text: string) {
  return findEditorial(text, lineSpans(text), new Set()).map((h) => [h.rule, h.kind, text.slice(h.start, h.end)]);
}

describe("republisher, editor and translator lines", () => {
  it("finds republication notes in English and Russian", () => {
    for (const line of [
      "This article was originally published by the Lowland Institute. We republish it with permission.",
      "This op-ed first appeared in the Russian daily Kommersant and is published here in full.",
      "Originally published in The Harbour Post.",
      "Reprinted with permission from Asia Weekly.",
      "Статья впервые опубликована в журнале «Международная жизнь».",
      "Интервью впервые вышло на сайте журнала «Восточный вестник».",
      "Публикуется с разрешения редакции.",
    ])
      expect(note(line), line).toEqual({ rule: "editorial.republished-note", kind: "republisher-lead" });
  });

  it("finds translator lines, editor's notes and opinion disclaimers", () => {
    expect(note("Translator's note: Kommersant is a business daily.")?.kind).toBe("translation-note");
    expect(note("Перевод с английского — Анна Смирнова")?.kind).toBe("translation-note");
    expect(note("The following is an unofficial English translation of the transcript.")?.kind).toBe("translation-note");
    expect(note("Quotes from Chinese-language sources were translated by the author.")?.kind).toBe("translation-note");
    expect(note("Editor's note: This piece was updated on November 27.")?.kind).toBe("editor-aside");
    expect(note("Текст публикуется с небольшими сокращениями.")?.kind).toBe("editor-aside");
    expect(note("Точка зрения автора может не совпадать с позицией редакции.")?.kind).toBe("disclaimer");
    expect(note("Редакция может не разделять мнение собеседника.")?.kind).toBe("disclaimer");
    expect(note("The views expressed in this column are the author's own.")?.kind).toBe("disclaimer");
  });

  it("leaves article sentences that only mention publication or translation alone", () => {
    for (const line of [
      "The treaty was first published in 1901 and has been quoted ever since.",
      "Перевод денег в Китай стал сложнее после санкций.",
      "Перевод средств занимает до шести недель, сказал он.",
      "An unofficial translation of the treaty was leaked to reporters on Monday, officials said.",
      "Update the figures, the minister told his staff.",
      "Автор статьи считает, что Москве это выгодно.",
    ])
      expect(note(line), line).toBeNull();
    expect(note(`This article was originally published by X. ${"More text. ".repeat(40)}`)).toBeNull();
  });

  it("reads translator signatures and stage directions in parentheses", () => {
    expect(parentheticalNote("(literally, \"a marriage by calculation\". — Trans.)")?.kind).toBe("translation-note");
    expect(parentheticalNote("(англ. local content — прим. пер.)")?.kind).toBe("translation-note");
    expect(parentheticalNote("(в оригинале — «политический сигнал», прим. ИноСМИ)")?.kind).toBe("translation-note");
    expect(parentheticalNote("(смеется)")?.kind).toBe("editor-aside");
    expect(parentheticalNote("(Rosatom manages the route)")).toBeNull();
    expect(parentheticalNote("(see the chart, page 3)")).toBeNull();
  });

  it("knows a foreign outlet framed with its country and a lead naming its source", () => {
    expect(isCountryHeadline("Die Welt (Germany): Berlin fears a lock on rare earths")).toBe(true);
    expect(isCountryHeadline("The Diplomat (Япония): Центральная Азия учится торговаться")).toBe(true);
    expect(isCountryHeadline("Gazprom (Moscow): results for the quarter")).toBe(false);
    expect(isMediaLead("As the German newspaper Die Welt writes, industry is alarmed.")).toBe(true);
    expect(isMediaLead("Как пишет японский журнал The Diplomat, страны региона выдвигают условия.")).toBe(true);
    expect(isMediaLead("As the minister said, industry is alarmed.")).toBe(false);
  });

  it("marks a media lead only near the top of the article", () => {
    const lead = "As the German newspaper Die Welt writes, industry is alarmed. The author blames Brussels.";
    expect(hits(`Headline\n\n${lead}`)).toEqual([["editorial.media-lead", "republisher-lead", lead]]);
    const late = `${Array.from({ length: 12 }, (_, i) => `Paragraph ${i} of the story.`).join("\n\n")}\n\n${lead}`;
    expect(hits(late)).toEqual([]);
  });

  it("makes a whole-line disclaimer one span", () => {
    const line = "The views expressed in this column are the author's own and do not necessarily reflect those of the editors.";
    expect(hits(line)).toEqual([["editorial.opinion-disclaimer", "disclaimer", line]]);
  });
});
