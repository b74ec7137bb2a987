import { describe, expect, it } from "vitest";
import { article, lineWith } from "./corpus.test-helper";
import { findEditorial } from "./editorial";
import { lineSpans } from "./text-units";

function hits(text: string, outlets: string[] = []) {
  return findEditorial(text, lineSpans(text), new Set(outlets)).map((h) => [h.rule, h.kind, text.slice(h.start, h.end)]);
}
const cnn = article("003");

describe("findEditorial on corpus lines", () => {
  it("finds an 'Approx. InoSMI' aside and the bracketed insertion inside its quote", () => {
    const line = lineWith(cnn, "Approx. InoSMI).");
    const aside = line.slice(line.indexOf("(here"), line.lastIndexOf(")") + 1);
    expect(hits(line)).toEqual([
      ["editorial.approx-outlet", "editor-aside", aside],
      ["editorial.bracket-insertion", "editor-aside", "[I want]"],
    ]);
  });
  it("finds the machine-translation notice", () => {
    const line = lineWith(article("000"), "machine translation");
    expect(hits(line)).toEqual([["editorial.translation-notice", "translation-note", "Note: this is a machine translation from the original Russian text"]]);
  });
  it("finds the foreign-agent footnote and the asterisked name it explains", () => {
    const text = `${lineWith(cnn, "Eurasia*")}\n\n${lineWith(cnn, "foreign agent")}`;
    expect(hits(text)).toEqual([
      ["editorial.asterisk-name", "legal-footnote", "Carnegie Berlin Center for the Study of Russia and Eurasia*"],
      ["editorial.asterisk-footnote", "legal-footnote", "* An individual who performs the functions of a foreign agent in Russia."],
    ]);
  });
  it("ignores asterisks when no footnote explains them", () => expect(hits("Meduza* said so.")).toEqual([]));
  it("finds the disclaimer, rights notices and photo credits", () => {
    const text = [lineWith(cnn, "do not reflect"), "The rights to this material belong to", "Original publication", "Image source: © POOL", "foto", "Sergey Guneev/RIA Novosti", "Photo: Alexander Miridonov/Kommersant"].join("\n");
    expect(hits(text).map((h) => h.slice(0, 2))).toEqual([
      ["editorial.disclaimer", "disclaimer"],
      ["editorial.rights-notice", "boilerplate"],
      ["editorial.rights-notice", "boilerplate"],
      ["editorial.rights-notice", "boilerplate"],
      ["editorial.photo-credit", "boilerplate"],
      ["editorial.photo-credit", "boilerplate"],
      ["editorial.photo-credit", "boilerplate"],
    ]);
    expect(hits(text)[0]?.[2]).toBe("InoSMI materials contain ratings exclusively from foreign media and do not reflect the editorial board's position");
  });
  it("finds the republisher's headline tag, outlet headline and lead paragraph", () => {
    const lead = lineWith(cnn, "CNN reports.");
    const text = [lineWith(cnn, "(CNN, USA)"), lineWith(cnn, "CNN: Xi"), lead].join("\n\n");
    expect(hits(text)).toEqual([
      ["editorial.source-tag", "republisher-lead", "(CNN, USA)"],
      ["editorial.outlet-headline", "republisher-lead", lineWith(cnn, "CNN: Xi")],
      ["editorial.outlet-lead", "republisher-lead", lead],
    ]);
  });
  it("handles other republisher signatures", () => {
    expect(hits("He left (the author is wrong - approx. ed.) early. (Note: figures are rounded.) «Он [президент] ушёл» (— Прим. ред.)").map((h) => h[0])).toEqual([
      "editorial.approx-outlet",
      "editorial.note-paren",
      "editorial.bracket-insertion",
      "editorial.approx-outlet",
    ]);
    expect(hits("This is not news, writes the Financial Times.")).toEqual([["editorial.outlet-lead", "republisher-lead", "This is not news, writes the Financial Times."]]);
  });
  it("leaves plain article text alone", () => expect(hits(lineWith(cnn, "Here are three key conclusions"))).toEqual([]));
  it("rejects bad input", () => expect(() => findEditorial(null as unknown as string, [], new Set())).toThrow(TypeError));
});
