import { describe, expect, it } from "vitest";
import { joinReason } from "./sentence-rules";
import { splitSentences } from "./sentences";

describe("joinReason", () => {
  it("names the rule that removes a boundary", () => {
    expect(joinReason("He said:", "\"")).toBe("no-letters");
    expect(joinReason("\"Really?\"", "he asked.")).toBe("lowercase-continuation");
    expect(joinReason("typical rhetoric. — Approx.", "InoSMI).")).toBe("mid-sentence-abbreviation");
    expect(joinReason("met V.", "Putin.")).toBe("initial");
    expect(joinReason("Room No.", "5 was booked.")).toBe("number-abbreviation");
    expect(joinReason("В г.", "Москве.")).toBe("city-abbreviation");
    expect(joinReason("scolded U.S.", "Secretary of State Blinken.")).toBe("dotted-name");
  });

  it("keeps real boundaries", () => {
    expect(joinReason("He moved to the U.S.", "The move was hard.")).toBeNull();
    expect(joinReason("В 2022 г.", "Россия росла.")).toBeNull();
    expect(joinReason("They spoke on the phone several times.", "No other country can boast.")).toBeNull();
    expect(joinReason("Room No.", "Five was booked.")).toBeNull();
    expect(joinReason("", "")).toBe("no-letters");
  });
});

describe("splitSentences", () => {
  it("returns blocks with absolute UTF-16 sentence ranges", () => {
    const text = "😀 Title\n\nOne. Two.";
    expect(splitSentences(text)).toEqual([
      { start: 0, end: 8, lines: [{ start: 0, end: 8 }], sentences: [{ start: 0, end: 8 }] },
      {
        start: 10,
        end: 19,
        lines: [{ start: 10, end: 19 }],
        sentences: [
          { start: 10, end: 14 },
          { start: 15, end: 19 },
        ],
      },
    ]);
  });

  it("returns nothing for blank text, whatever the language tag", () => {
    expect(splitSentences(" \n ", "xx-invalid-!!")).toEqual([]);
  });
});

describe("datelines, lists and abbreviations", () => {
  const starts = (text: string) => splitSentences(text, "en")[0]?.sentences.map((s) => text.slice(s.start, s.end)) ?? [];

  it("keeps a dateline with its story", () => {
    expect(starts("MOSCOW, Dec. 2. /Northline/. The yuan rose. It fell later.")).toEqual(["MOSCOW, Dec. 2. /Northline/. The yuan rose.", "It fell later."]);
    expect(starts("ВАШИНГТОН, 30 ноября. /Корр. ТАСС Иван Лебедев/. Посол считает так. Это важно.")).toEqual([
      "ВАШИНГТОН, 30 ноября. /Корр. ТАСС Иван Лебедев/. Посол считает так.",
      "Это важно.",
    ]);
    expect(joinReason("МОСКВА, 2 дек — Новости Дня.", "Китай и Россия откроют мост.")).toBe("dateline");
  });

  it("keeps a list number with its item and a time of day with its sentence", () => {
    expect(joinReason("1.", "Sanctions on the dollar accounts;")).toBe("list-mark");
    expect(joinReason("At 10 a.m.", "Moscow time the ruble traded at 11.4.")).toBe("dotted-name");
    expect(joinReason("The talks began at 10 a.m.", "The ruble fell.")).toBeNull();
    expect(joinReason("учения у о.", "Тайвань прошли спокойно.")).toBe("mid-sentence-abbreviation");
    expect(joinReason("said Amb.", "Zhang Hanhui.")).toBe("mid-sentence-abbreviation");
  });

  it("ends a sentence on a one-letter name before a quote", () => {
    expect(joinReason("визита главы МИД КНР Ван И.", "«Это был насыщенный визит»")).toBeNull();
    expect(joinReason("встретился с В.", "Путиным.")).toBe("initial");
    expect(joinReason("The list ended with item 12.", "Then it went on.")).toBeNull();
  });
});
