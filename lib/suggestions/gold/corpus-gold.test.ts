import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { allArticles } from "../corpus.test-helper";
import { goldFileSchema } from "../evaluate";
import { sliceCodePoints } from "../offsets";

const gold = goldFileSchema.parse(JSON.parse(fs.readFileSync(path.join(__dirname, "corpus-gold.json"), "utf8")));

describe("corpus gold", () => {
  it("covers exactly the five seed articles", () => {
    expect(Object.keys(gold.files).sort()).toEqual(allArticles().map((a) => a.file));
  });
  it("has item texts equal to the code-point slice of the article", () => {
    for (const { file, text } of allArticles()) {
      for (const item of gold.files[file] ?? []) expect(sliceCodePoints(text, item.start, item.end), `${file}@${item.start}`).toBe(item.text);
    }
  });
  it("labels every item", () => {
    const items = Object.values(gold.files).flat();
    expect(items.filter((i) => i.type === "EDITORIAL" && !i.kind)).toEqual([]);
    expect(items.filter((i) => i.type === "QUOTE" && (!i.form || i.speaker === undefined))).toEqual([]);
    expect([items.filter((i) => i.type === "EDITORIAL").length, items.filter((i) => i.type === "QUOTE").length]).toEqual([17, 67]);
  });
});
