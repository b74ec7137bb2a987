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
