import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { addCounts, emptyCounts, evaluateDocument, lineMarkedBoilerplate, speakerMatches } from "./corpus-eval";
import type { Outcome } from "./calibration";
import { parseCorpusMarkup } from "./corpus-markup";
import { EntityIndex } from "./entities";
import type { Suggestion } from "./types";

const sug = (speakerName?: string, entityId?: string): Suggestion => ({
  suggester: "quote", rule: "r", type: "QUOTE", start: 0, end: 1, attributes: {}, confidence: 0.5,
  ...(speakerName ? { speakerName } : {}), ...(entityId ? { entityId } : {}),
});

describe("corpus evaluation", () => {
  const registry = new EntityIndex([{ id: "z", name: "Maria Zakharova", aliases: ["Мария Захарова"], type: "PERSON" }]);

  it("counts a speaker right by name or through a registry alias in another script", () => {
    expect(speakerMatches(sug("Zakharova"), "Maria Zakharova", registry)).toBe(true);
    expect(speakerMatches(sug("Maria Zakharova", "z"), "Мария Захарова", registry)).toBe(true);
    expect(speakerMatches(sug("Мария Захарова"), "Maria Zakharova", registry)).toBe(true);
    expect(speakerMatches(sug("Dmitry Peskov"), "Maria Zakharova", registry)).toBe(false);
    expect(speakerMatches(sug(), "Maria Zakharova", registry)).toBe(false);
  });

  it("calls a line boilerplate when at least half of it lies in boilerplate segments", () => {
    const line = { start: 10, end: 20 };
    expect(lineMarkedBoilerplate(line, [{ start: 10, end: 15, kind: "boilerplate" }, { start: 15, end: 20, kind: "content" }])).toBe(true);
    expect(lineMarkedBoilerplate(line, [{ start: 10, end: 14, kind: "boilerplate" }, { start: 14, end: 20, kind: "content" }])).toBe(false);
    expect(lineMarkedBoilerplate(line, [])).toBe(false);
  });

  it("scores one marked-up article end to end and sums counts", () => {
    const doc = parseCorpusMarkup('~ Subscribe\nTalks went well. ¦"{{q:Maria Zakharova|We are satisfied with the talks}}," Zakharova said.\n');
    const c = evaluateDocument({ name: "x", group: "en", ...doc }, [{ id: "z", name: "Maria Zakharova", aliases: [], type: "PERSON" }]);
    expect(c).toMatchObject({ quoteGold: 1, quoteMatched: 1, speakerJudged: 1, speakerCorrect: 1, bpGold: 1, bpFound: 1, boundGold: 1 });
    const sum = emptyCounts();
    addCounts(sum, c);
    addCounts(sum, c);
    expect(sum.quoteGold).toBe(2);
  });

  it("judges every direct quote and insertion for calibration: right span and right speaker, or wrong", () => {
    const doc = parseCorpusMarkup(
      '"{{q:Maria Zakharova|We are satisfied with the talks}}," Dmitry Peskov said. "We will see," Zakharova said. "{{q:Maria Zakharova|The talks were useful}}," Zakharova added.\n',
    );
    const outcomes: Outcome[] = [];
    evaluateDocument({ name: "x", group: "en", ...doc }, [{ id: "z", name: "Maria Zakharova", aliases: [], type: "PERSON" }], undefined, outcomes);
    // The first quote matches gold but names Peskov; the second has no gold; the third is right.
    expect(outcomes.map((o) => o.cls)).toEqual(["quote", "quote", "quote"]);
    expect(outcomes.filter((o) => o.correct)).toHaveLength(1);
    for (const o of outcomes) expect(o.confidence).toBeGreaterThan(0);
  });

  it("parses every corpus file", () => {
    const root = path.resolve(__dirname, "../../tests/fixtures/suggestion-corpus");
    for (const split of ["dev", "test"]) {
      const files = fs.readdirSync(path.join(root, split)).filter((f) => f.endsWith(".txt"));
      expect(files.length).toBeGreaterThanOrEqual(12);
      for (const f of files) expect(() => parseCorpusMarkup(fs.readFileSync(path.join(root, split, f), "utf8")), f).not.toThrow();
    }
  });
});
