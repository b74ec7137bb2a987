import { describe, it } from "vitest";
import { decodeUpload } from "@/lib/ingest/decode";
import { detectLanguage } from "@/lib/ingest/language";
import { normalizedTextHash } from "@/lib/ingest/normalize";
import { parseArticles } from "@/lib/ingest/parse-article";
import { segmentText } from "@/lib/ingest/segment";
import { CodePointIndex, codePointLength } from "@/lib/text/code-points";
import { collapseWhitespace } from "@/lib/text/whitespace";
import { expectLinear } from "./expect-linear";
import { fill, HOSTILE_SHAPES, hostileArticle } from "./ingest-shapes";

/** Everything an upload goes through before storage: decode, parse, fingerprint, language, segments. */
function prepare(bytes: Uint8Array, format: "txt" | "jsonl" | "html"): number {
  const decoded = decodeUpload(bytes);
  if (!decoded.ok) throw new Error(decoded.message);
  let sentences = 0;
  for (const item of parseArticles(format, decoded.text)) {
    if (!item.ok) throw new Error(item.message);
    const { text } = item.article;
    normalizedTextHash(text);
    sentences += segmentText(text, item.article.language ?? detectLanguage(text)).length;
  }
  return sentences;
}

const encode = (text: string) => new TextEncoder().encode(text);

describe("article preparation scales linearly", () => {
  it("a one-line .txt article", () => {
    expectLinear((n) => encode(HOSTILE_SHAPES.oneLineArticle!(n)), (bytes) => prepare(bytes, "txt"), { base: 50_000 });
  });

  it("a .jsonl article whose text field is one line", () => {
    const make = (n: number) => encode(`${JSON.stringify({ title: "One line", text: HOSTILE_SHAPES.oneLineArticle!(n) })}\n`);
    expectLinear(make, (bytes) => prepare(bytes, "jsonl"), { base: 50_000 });
  });

  it("an .html article in one paragraph", () => {
    const make = (n: number) =>
      encode(`<!doctype html><html><head><title>T</title></head><body><article><h1>Title</h1><p>${HOSTILE_SHAPES.oneLineArticle!(n)}</p></article></body></html>`);
    expectLinear(make, (bytes) => prepare(bytes, "html"), { base: 50_000 });
  });

  it("a .txt article made of every hostile shape", () => {
    expectLinear((n) => encode(hostileArticle(n)), (bytes) => prepare(bytes, "txt"), { base: 100_000 });
  });

  it("a .jsonl article made of every hostile shape on one line", () => {
    const make = (n: number) => encode(JSON.stringify({ text: hostileArticle(n).replace(/\n+/g, " ") }));
    expectLinear(make, (bytes) => prepare(bytes, "jsonl"), { base: 100_000 });
  });
});

describe("text helpers scale linearly", () => {
  it.each([
    ["spaces between words", (n: number) => fill(n, "a  b ")],
    ["mixed whitespace", (n: number) => fill(n, "Мир\u00a0\t\r\n peace ")],
  ])("normalizedTextHash on %s", (_, make) => {
    expectLinear(make, normalizedTextHash, { base: 100_000 });
  });

  // Rebuilding a long text around many replaced runs is where V8's string building is weakest.
  it("collapseWhitespace on mixed whitespace", () => {
    expectLinear((n) => fill(n, "Мир\u00a0\t\r\n peace "), collapseWhitespace, { base: 100_000 });
  });

  it("detectLanguage looks at a bounded sample", () => {
    expectLinear(HOSTILE_SHAPES.oneLineArticle!, (text) => [detectLanguage(text), detectLanguage(`!!!! ${text}`)], {
      base: 500_000,
    });
  });

  it("code-point offsets on emoji-heavy text", () => {
    expectLinear(HOSTILE_SHAPES.emoji!, (text) => {
      const index = new CodePointIndex(text);
      let sum = codePointLength(text);
      for (let cp = 0; cp < index.length; cp += 97) sum += index.toCodePoint(index.toUtf16(cp));
      return sum;
    }, { base: 100_000 });
  });
});
