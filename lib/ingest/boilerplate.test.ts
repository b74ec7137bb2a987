import { describe, expect, it } from "vitest";
import { classifyBlocks, dominantScript, navigationKey } from "./boilerplate";
import { explainSegments } from "./segment";
import { readCorpus } from "./corpus.test-helper";

function verdicts(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const s of explainSegments(text)) map.set(s.text, s.rule ?? "content");
  return map;
}

describe("boilerplate on the corpus", () => {
  const partners = verdicts(readCorpus("globalPartners"));
  const saenko = verdicts(readCorpus("saenko"));
  const wangYi = verdicts(readCorpus("wangYi"));
  const cnn = verdicts(readCorpus("cnnInosmi"));
  const moscowPost = verdicts(readCorpus("moscowPost"));

  it("marks photo credits and bylines", () => {
    expect(partners.get("foto")).toBe("photo-credit");
    expect(partners.get("Sergey Guneev/RIA Novosti")).toBe("photo-credit");
    expect(cnn.get("Image source: © POOL")).toBe("photo-credit");
    expect(moscowPost.get("Photo: Alexander Miridonov/Kommersant")).toBe("photo-credit");
    expect(saenko.get("Sergey Saenko, international observer")).toBe("byline");
    expect(wangYi.get("Alyona Zadorozhnaya, Evgeny Pozdnyakov")).toBe("byline");
    expect(cnn.get("Simone McCarthy")).toBe("byline");
  });

  it("marks navigation, counters, widgets, rights notices and disclaimers", () => {
    expect(cnn.get("Войти")).toBe("navigation");
    expect(cnn.get("1001")).toBe("no-letters");
    expect(cnn.get("0")).toBe("no-letters");
    expect(cnn.get("• The news mentions")).toBe("navigation");
    expect(cnn.get("Original publication")).toBe("navigation");
    expect(cnn.get("Do you want to leave a comment?")).toBe("widget");
    expect(cnn.get("Register and/or Log in")).toBe("widget");
    expect(cnn.get("The rights to this material belong to")).toBe("copyright");
    expect(cnn.get("The material is placed by the copyright holder in the public domain")).toBe("copyright");
    expect(
      cnn.get(
        "InoSMI materials contain ratings exclusively from foreign media and do not reflect the editorial board's position ВПК.name",
      ),
    ).toBe("disclaimer");
    expect(moscowPost.get("Subscribe to our channels YANDEX.ZEN, PULSE, GOOGLE NEWS")).toBe("widget");
    expect(saenko.get("Comments")).toBe("navigation");
  });

  it("marks the InoSMI disclaimer as boilerplate whatever its wording", () => {
    const article = (disclaimer: string) =>
      verdicts(["Putin left Beijing", "", "Putin left Beijing with modest achievements, the paper wrote on Monday.", "", disclaimer].join("\n"));
    const wordings = [
      "InoSMI materials contain ratings exclusively from foreign media and do not reflect the editorial board's position",
      "The materials of InoSMI contain assessments exclusively of foreign media and do not reflect the position of the InoSMI editorial staff.",
      "Materials of InoSMI contain only evaluations of foreign media and do not reflect the position of InoSMI's editors.",
      "Материалы ИноСМИ содержат оценки исключительно зарубежных СМИ и не отражают позицию редакции ИноСМИ.",
    ];
    for (const wording of wordings) {
      const found = article(wording);
      expect(found.get(wording), wording).toBe("disclaimer");
      expect(found.get("Putin left Beijing with modest achievements, the paper wrote on Monday."), wording).toBe("content");
    }
    // Reporting on an editor is not a disclaimer.
    expect(article("The editor said the figures do not reflect reality in the region.").get("The editor said the figures do not reflect reality in the region.")).toBe("content");
  });

  it("marks the Russian sidebar of an English article", () => {
    expect(cnn.get("ПОДПИСКА НА НОВОСТИ")).toBe("other-script");
    expect(cnn.get("• 22.09 06:34")).toBe("no-letters");
    expect(cnn.get("• 4879")).toBe("no-letters");
    expect(cnn.get("Without carrot and stick.")).toBe("sidebar-headline");
    expect(cnn.get("Russia has deprived America of its usual levers of influence")).toBe("sidebar-headline");
    expect(cnn.get("Эксперт считает, что конфликт на Украине не сможет закончиться ничьей")).toBe("sidebar-headline");
  });

  it("marks the page title, dateline and trailing ad lines", () => {
    expect(moscowPost.get("Allies and partners: in the West and in the East | Latest news The Moscow Post")).toBe(
      "page-title-with-site",
    );
    expect(moscowPost.get("01 December 2023")).toBe("dateline");
    expect(saenko.get("Location: 103 Kurortniy Prospekt, Sochi, Russia.")).toBe("label-line");
    expect(saenko.get("There must be time")).toBe("trailing-fragment");
    expect(saenko.get("Here are the terms of participation")).toBe("trailing-fragment");
  });

  it("keeps headings, short sentences, editorial notes and footnotes as content", () => {
    expect(partners.get("Moscow and Beijing are global partners")).toBe("content");
    expect(partners.get("They spoke on the phone several times.")).toBe("content");
    expect(partners.get("Note: this is a machine translation from the original Russian text")).toBe("content");
    expect(partners.get("Which was quite true.")).toBe("content");
    expect(
      cnn.get(
        "The true course of the discussions behind closed doors remains a mystery (here the author contradicts himself: \"the true course of the discussions is unknown, but [I want] the achievements to be modest\"; typical Western rhetoric. — Approx. InoSMI).",
      ),
    ).toBe("content");
    expect(cnn.get("* An individual who performs the functions of a foreign agent in Russia.")).toBe("content");
    expect(cnn.get("In Beijing, Xi and Putin left no doubt about the unity of views on a divided world (CNN, USA)")).toBe(
      "content",
    );
    expect(cnn.get("General words, few specifics")).toBe("content");
    expect(moscowPost.get("Allies and partners: in the West and in the East")).toBe("content");
    expect(moscowPost.get("Unified Defense Space")).toBe("content");
    expect(moscowPost.get("\"Marine Interaction\"")).toBe("content");
    expect(moscowPost.get("Not able to.")).toBe("content");
  });

  it("keeps every sentence of the article body as content", () => {
    const body = explainSegments(readCorpus("globalPartners")).filter((s) => s.kind === "boilerplate");
    expect(body.map((s) => s.text)).toEqual(["foto", "Sergey Guneev/RIA Novosti"]);
  });
});

describe("classifyBlocks", () => {
  it("classifies sentence by sentence within a block", () => {
    expect(
      classifyBlocks([
        { text: "12:45 Prices rose again", sentences: ["12:45 Prices rose again"] },
        { text: "© 2024 Example Media. All rights reserved.", sentences: ["© 2024 Example Media.", "All rights reserved."] },
        {
          text: "Subscribe to our newsletter. The minister resigned on Monday after a long dispute with the cabinet.",
          sentences: ["Subscribe to our newsletter.", "The minister resigned on Monday after a long dispute with the cabinet."],
        },
      ]),
    ).toEqual([
      [{ kind: "boilerplate", rule: "timestamped-headline" }],
      [
        { kind: "boilerplate", rule: "copyright" },
        { kind: "boilerplate", rule: "copyright" },
      ],
      [
        { kind: "boilerplate", rule: "widget" },
        { kind: "content", rule: null },
      ],
    ]);
  });

  it("recognises view counts and Russian rights notices", () => {
    const result = classifyBlocks([
      { text: "1 204 просмотра", sentences: ["1 204 просмотра"] },
      { text: "Перепечатка материалов запрещена.", sentences: ["Перепечатка материалов запрещена."] },
      { text: "Comments: 15", sentences: ["Comments: 15"] },
    ]);
    expect(result.map((r) => r[0]?.rule)).toEqual(["count", "copyright", "count"]);
  });

  it("returns empty results for empty input", () => {
    expect(classifyBlocks([])).toEqual([]);
    expect(classifyBlocks([{ text: "", sentences: [] }])).toEqual([[]]);
  });
});

describe("helpers", () => {
  it("navigationKey strips bullets, trailing marks and case", () => {
    expect(navigationKey("  • Read more »")).toBe("read more");
    expect(navigationKey("")).toBe("");
  });

  it("dominantScript needs enough letters and a clear majority", () => {
    expect(dominantScript("Hello мир world", 3, 0.5)).toBe("latin");
    expect(dominantScript("Привет мир", 3, 0.5)).toBe("cyrillic");
    expect(dominantScript("abc где", 3, 0.6)).toBeNull();
    expect(dominantScript("12 !!", 3, 0.5)).toBeNull();
  });
});
