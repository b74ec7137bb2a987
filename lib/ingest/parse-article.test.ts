import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { articleInputSchema, describeIssues, truncateTitle } from "./article-input";
import {
  detectFormat,
  parseArticles,
  parseHtmlArticle,
  parseJsonArticles,
  parseJsonl,
  parseTxtArticle,
  titleFromText,
} from "./parse-article";
import { htmlToParagraphs } from "./parse-html";
import { readCorpus } from "./corpus.test-helper";

const utf8 = (text: string) => new TextEncoder().encode(text);
const fixture = readFileSync(path.resolve(__dirname, "fixtures/news-article.html"), "utf8");

describe("parseTxtArticle", () => {
  it("takes the title from the first non-boilerplate line of each corpus article", () => {
    expect(titleFromText(readCorpus("globalPartners"))).toBe("Moscow and Beijing are global partners");
    expect(titleFromText(readCorpus("cnnInosmi"))).toBe(
      "In Beijing, Xi and Putin left no doubt about the unity of views on a divided world (CNN, USA)",
    );
    expect(titleFromText(readCorpus("moscowPost"))).toBe("Allies and partners: in the West and in the East");
  });

  it("cuts a paragraph used as title to 300 code points at a word boundary", () => {
    const title = titleFromText(readCorpus("saenko")) ?? "";
    expect(Array.from(title).length).toBeLessThanOrEqual(300);
    expect(title).toBe(
      "At the invitation of Chinese President Xi Jinping, Russian President Vladimir Putin visited China on May 16-17. I would like to immediately note that this visit, which became his first foreign trip after assuming the office of president and had state status, in the current international situation…",
    );
  });

  it("keeps the text unchanged and a given title", () => {
    const text = "\r\nВойти\r\nHeadline here\r\nBody text.\r\n";
    expect(parseTxtArticle(text)).toEqual({ text, title: "Headline here", meta: {} });
    expect(parseTxtArticle(text, { title: "Given", source: "RIA" })).toEqual({
      text,
      title: "Given",
      source: "RIA",
      meta: {},
    });
  });

  it("has no title when every line is boilerplate or the text is blank", () => {
    expect(parseTxtArticle("Войти\n1001\n0")).toEqual({ text: "Войти\n1001\n0", meta: {} });
    expect(titleFromText("   ")).toBeUndefined();
  });
});

describe("truncateTitle", () => {
  it("trims, keeps short titles, and cuts long ones with an ellipsis", () => {
    expect(truncateTitle("  Short  ")).toBe("Short");
    expect(truncateTitle("x".repeat(400))).toBe(`${"x".repeat(299)}…`);
    expect(truncateTitle("😀".repeat(301))).toBe(`${"😀".repeat(299)}…`);
    expect(truncateTitle("")).toBe("");
  });
});

describe("parseJsonl", () => {
  const file = [
    '{"title":"First","text":"Body one.","source":"RIA Novosti","original_source":"CNN","author":"Jane","url":"https://e.com/1","published_at":"2024-05-16","language":"EN","meta":{"batch":3},"section":"world","views":1001}',
    "",
    "{not json}",
    '{"title":"No text here"}',
    '{"text":"   "}',
    "   ",
    '{"text":"Body two.\\r\\nLine two.","meta":null,"title":null}',
    '["an","array"]',
    '{"text":"x","meta":"oops","language":"русский"}',
  ].join("\r\n");
  const results = parseJsonl(file);

  it("parses good lines, mapping snake_case fields and keeping unknown ones in meta", () => {
    expect(results[0]).toEqual({
      line: 1,
      ok: true,
      article: {
        title: "First",
        text: "Body one.",
        source: "RIA Novosti",
        originalSource: "CNN",
        author: "Jane",
        url: "https://e.com/1",
        publishedAt: "2024-05-16",
        language: "en",
        meta: { section: "world", views: 1001, batch: 3 },
      },
    });
    expect(results[4]).toEqual({ line: 7, ok: true, article: { text: "Body two.\r\nLine two.", meta: {} } });
  });

  it("reports bad lines by their 1-based line number and skips blank lines", () => {
    expect(results.map((r) => r.line)).toEqual([1, 3, 4, 5, 7, 8, 9]);
    expect(results[1]).toMatchObject({ line: 3, ok: false });
    expect(results[1]?.ok === false && results[1].message.startsWith("Line 3: not valid JSON (")).toBe(true);
    expect(results[2]).toEqual({ line: 4, ok: false, message: "Line 4: text: must be a non-empty string" });
    expect(results[3]).toEqual({ line: 5, ok: false, message: "Line 5: text: must be a non-empty string" });
    expect(results[5]).toEqual({
      line: 8,
      ok: false,
      message: 'Line 8: expected a JSON object with a "text" field',
    });
    expect(results[6]).toEqual({
      line: 9,
      ok: false,
      message: 'Line 9: language: must be a language code such as "en" or "ru"; meta: must be an object',
    });
  });

  it("returns nothing for an empty file and ignores a BOM", () => {
    expect(parseJsonl("")).toEqual([]);
    expect(parseJsonl('\uFEFF{"text":"a"}')).toEqual([{ line: 1, ok: true, article: { text: "a", meta: {} } }]);
  });
});

describe("parseJsonArticles", () => {
  it("reads a .json array, numbering items", () => {
    expect(parseJsonArticles('[\n  {"text": "A."},\n  {"title": "B"}\n]')).toEqual([
      { line: 1, ok: true, article: { text: "A.", meta: {} } },
      { line: 2, ok: false, message: "Item 2: text: must be a non-empty string" },
    ]);
  });

  it("reads a single pretty-printed object", () => {
    expect(parseJsonArticles('{\n  "text": "A.",\n  "author": "Me"\n}')).toEqual([
      { line: 1, ok: true, article: { text: "A.", author: "Me", meta: {} } },
    ]);
  });

  it("falls back to JSON Lines and rejects a bare JSON value", () => {
    expect(parseJsonArticles('{"text":"a"}\n{"text":"b"}').map((r) => r.ok)).toEqual([true, true]);
    expect(parseJsonArticles("42")).toEqual([
      { line: 1, ok: false, message: 'Line 1: expected a JSON object with a "text" field' },
    ]);
  });
});

describe("articleInputSchema", () => {
  it("yields an ArticleInput from snake_case JSON", () => {
    expect(articleInputSchema.parse({ text: "T", original_source: " Le Monde ", published_at: "2024-01-01" })).toEqual({
      text: "T",
      originalSource: "Le Monde",
      publishedAt: "2024-01-01",
      meta: {},
    });
  });

  it("lets keys given in meta win over same-named unknown fields", () => {
    expect(articleInputSchema.parse({ text: "T", topic: "a", meta: { topic: "b" } }).meta).toEqual({ topic: "b" });
  });

  it("describes every issue with its field path", () => {
    const parsed = articleInputSchema.safeParse({ title: 7, meta: [] });
    expect(parsed.success ? "" : describeIssues(parsed.error)).toBe(
      "title: must be a string; text: must be a non-empty string; meta: must be an object",
    );
  });

  it("rejects non-objects and wrong field types", () => {
    expect(articleInputSchema.safeParse("text").success).toBe(false);
    expect(articleInputSchema.safeParse({ text: 5 }).success).toBe(false);
    expect(articleInputSchema.safeParse({ text: "T", title: 7 }).success).toBe(false);
  });
});

describe("parseHtmlArticle", () => {
  const result = parseHtmlArticle(fixture);

  it("extracts the article's paragraphs separated by blank lines", () => {
    expect(result.ok && result.article.text).toBe(
      [
        "The conversation between Russian President Vladimir Putin and Chinese President Xi Jinping on December 30 was the fourth substantive meeting of the leaders of the two countries in 2022, which in itself speaks about the level of partnership. They spoke on the phone several times.",
        "The day before, Chinese Foreign Minister Wang Yi scolded U.S. Secretary of State Blinken by phone, who tried to inquire about the content of the conversations, and made hints about Sino-Russian relations.",
        "Trade grew by 9.5% in the first seven months,\naccording to customs data, and the goal of $200 billion is within reach, officials said in a statement.",
        "“Our relations stand up to all tests with dignity,” the Russian President noted.",
      ].join("\n\n"),
    );
  });

  it("never leaks scripts, styles, navigation or footer into the text", () => {
    const text = result.ok ? result.article.text : "";
    for (const leak of ["dataLayer", "document.write", "Buy now", "inline-style", "font-family", "Log in", "Most read", "©"]) {
      expect(text).not.toContain(leak);
    }
  });

  it("takes title and metadata from the page", () => {
    expect(result.ok && { ...result.article, text: undefined }).toEqual({
      text: undefined,
      title: "Moscow and Beijing are global partners",
      author: "By Jane Doe",
      source: "The Daily Example",
      publishedAt: "2023-01-02T09:30:00Z",
      language: "en",
      url: "https://example.com/world/moscow-beijing-partners",
      meta: {
        excerpt:
          "The conversation between Russian President Vladimir Putin and Chinese President Xi Jinping on December 30 was the fourth substantive meeting of the leaders of the two countries in 2022, which in itself speaks about the level of partnership. They spoke on the phone several times.",
      },
    });
  });

  it("reports a page without article text", () => {
    expect(parseHtmlArticle("<html><head><title>x</title></head><body><script>var a</script></body></html>")).toEqual({
      ok: false,
      message: "No article text could be found in this HTML page.",
    });
    expect(parseHtmlArticle("")).toMatchObject({ ok: false });
  });
});

describe("htmlToParagraphs", () => {
  it("splits block elements, keeps <br> as a line break and drops scripts", () => {
    expect(htmlToParagraphs("<p>One <i>two</i></p><div>Three<br>four<script>x()</script></div><ul><li>Five</li></ul>")).toEqual([
      "One two",
      "Three\nfour",
      "Five",
    ]);
    expect(htmlToParagraphs("")).toEqual([]);
  });
});

describe("parseArticles", () => {
  it("dispatches on the format and lets form fields fill in", () => {
    expect(parseArticles("txt", "Title\nBody.", { source: "Upload form" })).toEqual([
      { line: 1, ok: true, article: { text: "Title\nBody.", title: "Title", source: "Upload form", meta: {} } },
    ]);
    const [html] = parseArticles("html", fixture, { source: "Form source", author: undefined });
    expect(html?.ok && [html.article.source, html.article.author]).toEqual(["Form source", "By Jane Doe"]);
    expect(parseArticles("jsonl", '{"text":"a"}')).toEqual([{ line: 1, ok: true, article: { text: "a", meta: {} } }]);
    expect(parseArticles("html", "<p></p>")).toEqual([
      { line: 1, ok: false, message: "No article text could be found in this HTML page." },
    ]);
  });
});

describe("detectFormat", () => {
  it("goes by extension, case-insensitively", () => {
    expect(detectFormat("article.TXT", utf8("x"))).toBe("txt");
    expect(detectFormat("batch.jsonl", utf8("{}"))).toBe("jsonl");
    expect(detectFormat("one.json", utf8("{}"))).toBe("jsonl");
    expect(detectFormat("C:\\scrapes\\page.htm", utf8("<p>"))).toBe("html");
    expect(detectFormat("image.png.txt", new Uint8Array([0x89, 0x50]))).toBe("txt");
  });

  it("sniffs files without an extension", () => {
    expect(detectFormat("README", utf8("Plain words."))).toBe("txt");
    expect(detectFormat("page", utf8("\uFEFF  <!DOCTYPE html><html>"))).toBe("html");
    expect(detectFormat("dump", utf8('[{"text":"a"}]'))).toBe("jsonl");
  });

  it("returns null for unknown extensions and for empty or binary files without one", () => {
    expect(detectFormat("report.docx", utf8("PK"))).toBeNull();
    expect(detectFormat("noext", new Uint8Array())).toBeNull();
    expect(detectFormat("noext", new Uint8Array([0x41, 0x00]))).toBeNull();
    expect(detectFormat("", utf8("text"))).toBe("txt");
    expect(detectFormat(".bashrc", utf8("export A=1"))).toBe("txt");
  });
});
