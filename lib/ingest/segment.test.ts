import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { codePointLength, sliceCodePoints } from "@/lib/text/code-points";
import { classifySentences, explainSegments, segmentText, type Segment } from "./segment";
import { readCorpus } from "./corpus.test-helper";

function texts(text: string, language?: string): string[] {
  return segmentText(text, language).map((s) => sliceCodePoints(text, s.start, s.end));
}

describe("segmentText on the corpus", () => {
  const partners = texts(readCorpus("globalPartners"));
  const saenko = texts(readCorpus("saenko"));
  const wangYi = texts(readCorpus("wangYi"));
  const cnn = texts(readCorpus("cnnInosmi"));
  const moscowPost = texts(readCorpus("moscowPost"));

  it("keeps ordinary sentences of a paragraph apart", () => {
    expect(partners).toContain(
      "The conversation between Russian President Vladimir Putin and Chinese President Xi Jinping on December 30 was the fourth substantive meeting of the leaders of the two countries in 2022, which in itself speaks about the level of partnership.",
    );
    expect(partners).toContain("They spoke on the phone several times.");
    expect(partners).toContain("No other country can boast of such an intensity of contacts with the Chinese leader.");
  });

  it("does not split after U.S.", () => {
    expect(partners).toContain(
      "The day before, Chinese Foreign Minister Wang Yi scolded U.S. Secretary of State Blinken by phone, who tried to inquire about the content of President Xi's conversations with Dmitry Medvedev and made hints about Sino-Russian relations.",
    );
    expect(cnn).toContain(
      "He will not receive any weapons, ammunition, or other direct support for Russia's military efforts,” said Kurt Volker, former U.S. Ambassador to NATO.",
    );
  });

  it("does not split after i.e.", () => {
    expect(saenko).toContain(
      "And yet, the main foundation of the Russian-Chinese alliance is the commonality of interests and strategic goals, i.e. the two countries see each other not just as reliable partners, but also as comrades in reforming the world order.",
    );
  });

  it("does not split after St. in St. Petersburg", () => {
    expect(wangYi).toContain(
      "Cooperation between Moscow and Beijing as a whole is based on a fairly similar vision of the future, but there are still some differences,\" agrees Stanislav Tkachenko, Professor of the Department of European Studies at the Faculty of International Relations of St. Petersburg State University.",
    );
  });

  it("keeps an InoSMI note \"(… — Approx. InoSMI)\" inside its sentence", () => {
    expect(cnn).toContain(
      "The true course of the discussions behind closed doors remains a mystery (here the author contradicts himself: \"the true course of the discussions is unknown, but [I want] the achievements to be modest\"; typical Western rhetoric. — Approx. InoSMI).",
    );
    expect(cnn).toContain(
      "For this reason, she added, he is satisfied with “Russia's further dependence on China, and the inequality in these relations” (the author of the material for CNN could not formulate otherwise: few things so infuriate the West as good relations between its opponents. — Approx. InoSMI).",
    );
  });

  it("keeps curly quotes, nested ones included, with the sentence they close", () => {
    expect(saenko).toContain(
      "It is no coincidence that the British newspaper Financial Times, on the eve of President Putin’s visit to China, published a large article entitled “China – Russia: an economic “friendship” that could turn the world upside down.”",
    );
    expect(saenko).toContain("But, of course, our countries are “important components of modern civilization.”");
    expect(saenko).toContain("“We have our own opinion on how we should develop.");
  });

  it("ends a sentence after a closing straight quote and starts the next with its opening quote", () => {
    expect(partners).toContain(
      "As the official representative of the Ministry of Defense of the People's Republic of China Tan Kefei stated on December 29, the Sino-Russian naval exercises of the fleets of the two countries held in the Far East in December 2022 \"further deepened the comprehensive strategic cooperation between China and Russia in a new era.\"",
    );
    expect(partners).toContain(
      "\"The navies of both countries have demonstrated the determination and ability of China and Russia to strengthen the joint response to threats to maritime security, as well as to maintain peace and stability at the international and regional levels,\" Tan Kefei said.",
    );
  });

  it("keeps a dangling closing quote with its sentence", () => {
    expect(moscowPost).toContain(
      "\"And he added that \"Belarus is a very small state relative to Russia,\" but we \"turned out to be in demand for huge Russia... we are needed in the Russian market. \"",
    );
  });

  it("does not split decimal numbers or currency amounts", () => {
    expect(partners).toContain(
      "But in the wake of the deterioration of political relations, mutual criticism and sanctions, the growth in the volume of Sino-American trade in the first seven months of this year amounted to 9.5%, that is, the growth rate is inferior to the Russian-Chinese, and there is a tendency to strengthen this dynamic.",
    );
    expect(partners).toContain("As a result, the volume of trade between the two countries has doubled from $88.16 billion in 2012.");
    expect(moscowPost).toContain(
      "Russia is the largest investor in the economy of Belarus, about 2.5 thousand companies with Russian participation with an investment volume of more than $4 billion have been created.",
    );
  });

  it("makes heading, byline and caption lines segments of their own", () => {
    expect(partners.slice(0, 4)).toEqual([
      "Moscow and Beijing are global partners",
      "foto",
      "Sergey Guneev/RIA Novosti",
      "Note: this is a machine translation from the original Russian text",
    ]);
    expect(moscowPost).toContain("Union with Belarus");
    expect(moscowPost).toContain("\"Marine Interaction\"");
  });

  it("makes nav lines, counters and photo credits segments of their own", () => {
    expect(cnn.slice(0, 7)).toEqual([
      "Войти",
      "In Beijing, Xi and Putin left no doubt about the unity of views on a divided world (CNN, USA)",
      "1001",
      "0",
      "0",
      "Image source: © POOL",
      "CNN: Xi and Putin's meeting in Beijing cemented the course of rapprochement between Russia and China",
    ]);
  });

  it("segments the Russian sidebar of an English article line by line", () => {
    expect(cnn).toContain("ПОДПИСКА НА НОВОСТИ");
    expect(cnn).toContain("Ежедневная рассылка новостей ВПК на электронный почтовый ящик");
    expect(cnn).toContain("• 22.09 06:34");
    expect(cnn).toContain("«Туполев» создает инновационный конструкторский центр по модернизации Ту-214");
    expect(cnn[cnn.length - 1]).toBe("Эксперт считает, что конфликт на Украине не сможет закончиться ничьей");
  });

  it("continues a sentence broken across lines", () => {
    expect(moscowPost).toContain(
      "Russia additionally allocated 105 billion rubles to Belarusian partners\n\nto finance promising import-substituting joint projects in mechanical engineering, machine tool building, and electronics.",
    );
    expect(wangYi).toContain(
      "In response, the representative of the PRC metaphorically described the relations of the two countries in an oriental way:\nthey are \"as solid as a rock and will withstand any test of the changing international situation.\"",
    );
  });

  it("reports code-point offsets into the original text", () => {
    const text = readCorpus("cnnInosmi");
    expect(segmentText(text).slice(0, 3)).toEqual([
      { start: 0, end: 5, kind: "boilerplate" },
      { start: 7, end: 100, kind: "content" },
      { start: 102, end: 106, kind: "boilerplate" },
    ]);
  });
});

describe("segmentText rules", () => {
  it("keeps titles, initials, months and numbered abbreviations inside the sentence", () => {
    expect(texts("Mr. Smith met Dr. Jones and Prof. Lee in St. Louis on Jan. 5. They talked.")).toEqual([
      "Mr. Smith met Dr. Jones and Prof. Lee in St. Louis on Jan. 5.",
      "They talked.",
    ]);
    expect(texts("V. Putin met J. R. R. Tolkien. Room No. 5 was booked. It was Smith vs. Jones.")).toEqual([
      "V. Putin met J. R. R. Tolkien.",
      "Room No. 5 was booked.",
      "It was Smith vs. Jones.",
    ]);
    expect(texts("Some words, e.g. Apples, and Approx. InoSMI notes.")).toEqual([
      "Some words, e.g. Apples, and Approx. InoSMI notes.",
    ]);
  });

  it("splits after U.S. or etc. when a new sentence clearly starts", () => {
    expect(texts("He moved to the U.S. The move was hard.")).toEqual(["He moved to the U.S.", "The move was hard."]);
    expect(texts("Apples, pears etc. were sold. Bread, milk etc. The rest was not.")).toEqual([
      "Apples, pears etc. were sold.",
      "Bread, milk etc.",
      "The rest was not.",
    ]);
  });

  it("handles Russian abbreviations", () => {
    expect(texts("Это т.е. пример. В г. Москве есть парк им. Горького. В 2022 г. Россия росла.", "ru")).toEqual([
      "Это т.е. пример.",
      "В г. Москве есть парк им. Горького.",
      "В 2022 г.",
      "Россия росла.",
    ]);
    expect(texts("Пишет В. В. Путин. Конец.", "ru")).toEqual(["Пишет В. В. Путин.", "Конец."]);
  });

  it("keeps guillemets with the sentence they close", () => {
    expect(texts("Он сказал: «Да.» Потом ушёл.", "ru")).toEqual(["Он сказал: «Да.»", "Потом ушёл."]);
  });

  it("does not end a sentence at an ellipsis or ?/! followed by lower case", () => {
    expect(texts("Wait… what happened? \"Really?\" he asked. Then... Silence.")).toEqual([
      "Wait… what happened?",
      "\"Really?\" he asked.",
      "Then...",
      "Silence.",
    ]);
  });

  it("does not let an unclosed bracket swallow the paragraph", () => {
    expect(texts("Item (a. First one. Second one.")).toEqual(["Item (a.", "First one.", "Second one."]);
  });

  it("works with CRLF line breaks and emoji, counting offsets in code points", () => {
    const text = "Title 😀\r\n\r\nFirst 👍🏽 sentence. Second one.\r\nNext line";
    expect(segmentText(text).map(({ start, end }) => [start, end])).toEqual([
      [0, 7],
      [11, 29],
      [30, 41],
      [43, 52],
    ]);
    expect(texts(text)).toEqual(["Title 😀", "First 👍🏽 sentence.", "Second one.", "Next line"]);
  });

  it("starts a new segment at a line break unless the sentence was broken mid-way", () => {
    expect(texts("Headline without period\nBody starts here.\nand continues here.")).toEqual([
      "Headline without period",
      "Body starts here.",
      "and continues here.",
    ]);
    expect(texts("A sentence broken\nin the middle.")).toEqual(["A sentence broken\nin the middle."]);
  });

  it("returns no segments for empty or whitespace-only text", () => {
    expect(segmentText("")).toEqual([]);
    expect(segmentText(" \r\n\t\u00a0 \n")).toEqual([]);
  });

  it("falls back to default rules for an invalid or undetermined language tag", () => {
    const text = "One sentence. Another one.";
    expect(segmentText(text, "not a locale!!")).toEqual(segmentText(text));
    expect(segmentText(text, "und")).toEqual(segmentText(text));
  });

  it("explains each boilerplate verdict by rule name", () => {
    expect(explainSegments("Войти\n\nThe article starts here with a sentence that is long enough.")).toEqual([
      { start: 0, end: 5, kind: "boilerplate", text: "Войти", rule: "navigation" },
      {
        start: 7,
        end: 67,
        kind: "content",
        text: "The article starts here with a sentence that is long enough.",
        rule: null,
      },
    ]);
  });

  it("classifySentences gives UTF-16 ranges with a verdict per sentence", () => {
    expect(classifySentences("Войти\r\nСлово. Ещё.", "ru")).toEqual([
      {
        start: 0,
        end: 5,
        lines: [{ start: 0, end: 5 }],
        sentences: [{ start: 0, end: 5 }],
        verdicts: [{ kind: "boilerplate", rule: "navigation" }],
      },
      {
        start: 7,
        end: 18,
        lines: [{ start: 7, end: 18 }],
        sentences: [
          { start: 7, end: 13 },
          { start: 14, end: 18 },
        ],
        verdicts: [
          { kind: "content", rule: null },
          { kind: "content", rule: null },
        ],
      },
    ]);
    expect(classifySentences("", "??")).toEqual([]);
  });

  it("segments a ~1 MB text of 5,000 sentences", () => {
    const sentence = (i: number) =>
      `Sentence ${i} says that the U.S. envoy met Mr. Smith in St. Petersburg, where growth reached 3.5% and trade hit $1.2 billion, i.e. a record for the region, as “officials” noted in their long statement (approx.).`;
    const paragraphs: string[] = [];
    for (let p = 0; p < 500; p++) {
      paragraphs.push(Array.from({ length: 10 }, (_, k) => sentence(p * 10 + k)).join(" "));
    }
    const text = paragraphs.join("\r\n\r\n");
    expect(text.length).toBeGreaterThan(1_000_000);
    const segments = segmentText(text, "en");
    expect(segments.length).toBe(5000);
    expect(segments.every((s) => s.kind === "content")).toBe(true);
    expect(sliceCodePoints(text, segments[4999]?.start ?? 0, segments[4999]?.end ?? 0)).toBe(sentence(4999));
  });
});

// Pieces the property test assembles strings from: the characters segmentation reacts to.
const PIECES = [
  "word", "Hello", "the", "U.S.", "Mr.", "3.5", "Путин", "слово", "т.е.", "😀", "👍🏽", "🇷🇺",
  ".", "!", "?", "\"", "«", "»", "…", "...", "(", ")", " ", "  ", "\u00a0", "\t", "\n", "\r\n", "\r",
];

function checkInvariants(text: string, segments: readonly Segment[]): void {
  const length = codePointLength(text);
  const points = Array.from(text);
  let previousEnd = 0;
  for (const s of segments) {
    expect(0 <= s.start && s.start < s.end && s.end <= length).toBe(true);
    expect(s.start >= previousEnd).toBe(true);
    previousEnd = s.end;
    const slice = sliceCodePoints(text, s.start, s.end);
    expect(slice).toBe(points.slice(s.start, s.end).join(""));
    expect(/^\s|\s$/u.test(slice)).toBe(false);
  }
  // Segments are sorted and disjoint (checked above), so one sweep finds each point's cover.
  const covering = new Int32Array(points.length);
  for (const s of segments) for (let i = s.start; i < s.end; i++) covering[i] = (covering[i] ?? 0) + 1;
  points.forEach((point, i) => {
    if (!/\s/u.test(point)) expect(covering[i]).toBe(1);
  });
}

describe("segmentText invariants", () => {
  it("holds for arbitrary mixes of words, emoji, punctuation and line breaks", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }), (pieces) => {
        const text = pieces.join("");
        checkInvariants(text, segmentText(text));
      }),
      { numRuns: 300 },
    );
  });

  it("holds for arbitrary strings, including lone surrogates", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 80 }), (text) => {
        checkInvariants(text, segmentText(text));
      }),
      { numRuns: 200 },
    );
  });

  it("holds for the corpus", () => {
    for (const name of ["globalPartners", "saenko", "wangYi", "cnnInosmi", "moscowPost"] as const) {
      const text = readCorpus(name);
      checkInvariants(text, segmentText(text));
    }
  });
});
