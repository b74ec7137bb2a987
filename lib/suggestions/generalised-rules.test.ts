// Rules added for articles beyond the five samples: Russian quoting, gender- and role-aware speakers,
// republisher framing. Each with a hostile or bad input.
import { describe, expect, it } from "vitest";
import { genderOfRussianVerb, ruStem } from "./lexicon-ru";
import { genderOfName, roleScore } from "./person-traits";
import { nominative } from "./speakers";
import { suggestForDocument } from "./suggest";
import type { RegistryEntity } from "./types";

const quotes = (text: string, entities: RegistryEntity[] = []) =>
  suggestForDocument({ text, entities, enabled: { editorial: false, claim: false } })
    .suggestions.filter((s) => s.attributes.form !== "indirect")
    .map((s) => [Array.from(text).slice(s.start, s.end).join(""), s.speakerName]);
const editorial = (text: string) =>
  suggestForDocument({ text, entities: [], enabled: { quote: false, claim: false } }).suggestions.map((s) => [s.rule, Array.from(text).slice(s.start, s.end).join("")]);

describe("Russian quotes", () => {
  it("finds «…», — заявил X and resolves a job title to the named person, not the title", () => {
    const text = "Пресс-секретарь президента Дмитрий Песков прокомментировал визит.\n\n«Переговоры прошли хорошо», — заявил Песков журналистам.";
    expect(quotes(text)).toEqual([["Переговоры прошли хорошо", "Дмитрий Песков"]]);
  });
  it("splits «A, — сказал он. — B» into two quotes with one speaker", () => {
    const text = "Министр финансов Антон Силуанов выступил в Думе.\n\n«Мы ушли от доллара, — сказал он. — Это дало нам устойчивость».";
    expect(quotes(text)).toEqual([["Мы ушли от доллара", "Антон Силуанов"], ["Это дало нам устойчивость", "Антон Силуанов"]]);
  });
  it("reads 'по словам' with a genitive name and 'как заявил' with the speaker after the verb", () => {
    const text = "По словам экономиста Максима Петроневича, «риски никуда не делись».\n\nКак заявил глава ВТБ Андрей Костин, банки «научились работать».";
    expect(quotes(text)).toEqual([["риски никуда не делись", "Максим Петроневич"], ["научились работать", "Андрей Костин"]]);
  });
  it("binds 'заявила дипломат' to the woman introduced as a diplomat, not the man named later", () => {
    const text = "Официальный представитель МИД России Мария Захарова ответила Вашингтону. Госсекретарь США Марк Ливингстон промолчал.\n\n«Это не получится», — заявила дипломат.";
    expect(quotes(text)).toEqual([["Это не получится", "Мария Захарова"]]);
  });
  it("keeps names in guillemets out of quotes and speakers", () => {
    const text = "«Все согласовано», — заявил глава «Газпрома» Алексей Миллер.";
    expect(quotes(text)).toEqual([["Все согласовано", "Алексей Миллер"]]);
  });
  it("stays linear-safe and quiet on hostile guillemet runs", () => {
    const text = "«а, — сказал он. — ".repeat(2000);
    expect(() => quotes(text)).not.toThrow();
  });
});

describe("speakers", () => {
  it("takes the name, not the nationality, in 'As the French analyst Jean Dupont noted:'", () => {
    expect(quotes('As the French analyst Jean Dupont noted: "Paris will not follow."')).toEqual([["Paris will not follow.", "Jean Dupont"]]);
  });
  it("resolves 'the spokesman' through the title seen earlier, past a more recent person", () => {
    const text = 'Defence Ministry spokesman Ivan Petrov spoke after Foreign Minister Sergey Lavrov. "We are ready," the spokesman said.';
    expect(quotes(text)).toEqual([["We are ready", "Ivan Petrov"]]);
  });
  it("does not give 'he told reporters' to a woman named just before", () => {
    const text = 'Secretary General Jonas Lindqvist met Allison Hart. The next day he told reporters: "China is enabling the war."';
    expect(quotes(text)).toEqual([["China is enabling the war.", "Jonas Lindqvist"]]);
  });
  it("uses a title stored as a registry alias", () => {
    const entities: RegistryEntity[] = [{ id: "p", name: "Dmitry Peskov", aliases: ["Kremlin spokesman"], type: "PERSON" }];
    expect(quotes('Talks ended late. "No comment," the Kremlin spokesman said.', entities)).toEqual([["No comment", "Dmitry Peskov"]]);
  });
  it("takes the subject before an aside: 'X, who hosted the event, said'", () => {
    expect(quotes('Kazakh President Kassym-Jomart Tokayev, who hosted the event, said the group must "respond to the new era".')).toEqual([
      ["respond to the new era", "Kassym-Jomart Tokayev"],
    ]);
  });
  it("attributes a headline quote to the name after the colon", () => {
    expect(quotes('"We are not anyone\'s junior partner": ambassador Igor Korin on the new order')).toEqual([["We are not anyone's junior partner", "Igor Korin"]]);
  });
});

describe("word helpers", () => {
  it("reads gender from names, Russian endings and verbs", () => {
    expect([genderOfName("Maria Zakharova"), genderOfName("Мария Захарова"), genderOfName("Дмитрий Песков"), genderOfName("Мао Нин")]).toEqual(["f", "f", "m", undefined]);
    expect([genderOfRussianVerb("заявила"), genderOfRussianVerb("сказал"), genderOfRussianVerb("said")]).toEqual(["f", "m", undefined]);
  });
  it("normalises Russian oblique names and stems", () => {
    expect(nominative("Вячеславом Володиным")).toBe("Вячеслав Володин");
    expect(nominative("Максима Петроневича", true)).toBe("Максим Петроневич");
    expect(nominative("Jonas Lindqvist")).toBe("Jonas Lindqvist");
    expect(ruStem("председателем")).toBe(ruStem("председатель"));
  });
  it("scores roles by shared words, prefixes and synonyms", () => {
    expect(roleScore(["central", "banker"], new Set(["head", "central", "bank"]))).toBe(2);
    expect(roleScore(["diplomat"], new Set(["foreign", "minister"]))).toBe(1);
    expect(roleScore(["spokesman"], new Set(["professor"]))).toBe(0);
  });
});

describe("editorial framing", () => {
  it("marks a translation lead, a pointer to the disclaimer and an 'edited for clarity' note", () => {
    const text = "Translation. Region: Russia\n\nThe editors publish this article without changes. See the disclaimer below.\n\nBody text here.\n\nThis interview has been edited for length and clarity.";
    expect(editorial(text).map((e) => e[0])).toEqual(["editorial.translation-lead", "editorial.disclaimer-pointer", "editorial.edited-note"]);
  });
  it("makes a multi-sentence disclaimer paragraph one span", () => {
    const line = "Disclaimer: The views expressed are the author's. They do not necessarily reflect the position of the site. Quotes are ours.";
    expect(editorial(`Body.\n\n${line}`)).toEqual([["editorial.disclaimer", line]]);
  });
  it("finds a Russian republisher lead and disclaimer", () => {
    const lead = "Пекин не торопится с контрактом, пишет South China Morning Post.";
    const disclaimer = "Материалы ИноСМИ содержат оценки исключительно зарубежных СМИ и не отражают позицию редакции ИноСМИ.";
    expect(editorial(`${lead}\n\nТекст.\n\n${disclaimer}`).map((e) => e[1])).toEqual([lead, disclaimer]);
  });
  it("does not take a rubric after an acronym for an outlet headline", () => {
    expect(editorial("ПВО: мысли вслух")).toEqual([]);
  });
});
