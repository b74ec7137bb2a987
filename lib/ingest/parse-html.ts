// .html uploads: the main text via Mozilla Readability on a linkedom DOM, one paragraph per
// block element, paragraphs separated by blank lines.

import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { collapseWhitespace } from "@/lib/text/whitespace";
import { truncateTitle, type ArticleInput } from "./article-input";

export type HtmlParseResult = { ok: true; article: ArticleInput } | { ok: false; message: string };

// Elements whose text must never reach the article.
const SKIPPED = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "IFRAME", "OBJECT", "CANVAS"]);
// Elements that start and end a paragraph of their own.
const BLOCKS = new Set([
  "P", "DIV", "SECTION", "ARTICLE", "MAIN", "HEADER", "FOOTER", "ASIDE", "NAV", "H1", "H2", "H3",
  "H4", "H5", "H6", "UL", "OL", "LI", "DL", "DT", "DD", "BLOCKQUOTE", "PRE", "FIGURE",
  "FIGCAPTION", "TABLE", "THEAD", "TBODY", "TR", "TD", "TH", "CAPTION", "HR", "ADDRESS", "FORM",
]);

// The parts of the DOM this module touches, typed once so linkedom's own types stay inside.
type DomNode = { nodeType: number; nodeName: string; textContent: string | null; childNodes: ArrayLike<DomNode> };
type DomDocument = {
  documentElement: { getAttribute(name: string): string | null } | null;
  querySelector(selector: string): { getAttribute(name: string): string | null; textContent: string | null } | null;
  body: DomNode | null;
};

const NO_ARTICLE: HtmlParseResult = { ok: false, message: "No article text could be found in this HTML page." };
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Paragraph texts of an HTML fragment: whitespace collapsed, <br> kept as a line break. */
export function htmlToParagraphs(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const paragraphs: string[] = [];
  let current = "";
  const flush = () => {
    const paragraph = current
      .split("\n")
      .map((line) => collapseWhitespace(line).trim())
      .filter((line) => line !== "")
      .join("\n");
    if (paragraph !== "") paragraphs.push(paragraph);
    current = "";
  };
  const walk = (node: DomNode) => {
    if (node.nodeType === TEXT_NODE) {
      current += node.textContent ?? "";
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const name = node.nodeName.toUpperCase();
    if (SKIPPED.has(name)) return;
    if (name === "BR") {
      current += "\n";
      return;
    }
    const block = BLOCKS.has(name);
    if (block) flush();
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) flush();
  };
  const body = (document as unknown as DomDocument).body;
  if (body !== null) walk(body);
  flush();
  return paragraphs;
}

function attribute(document: DomDocument, selector: string, name: string): string | undefined {
  const value = document.querySelector(selector)?.getAttribute(name)?.trim();
  return value === undefined || value === "" ? undefined : value;
}

function nonEmpty(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === "" ? undefined : trimmed;
}

/** The main article of an HTML page, or a message when none can be found. */
export function parseHtmlArticle(html: string): HtmlParseResult {
  const { document } = parseHTML(html);
  const dom = document as unknown as DomDocument;
  // Read metadata first: Readability rewrites the document it parses.
  const pageTitle = nonEmpty(dom.querySelector("title")?.textContent);
  const url = attribute(dom, 'link[rel="canonical"]', "href") ?? attribute(dom, 'meta[property="og:url"]', "content");
  const htmlLang = nonEmpty(dom.documentElement?.getAttribute("lang"));

  let parsed: ReturnType<Readability["parse"]> = null;
  try {
    parsed = new Readability(document as unknown as Document).parse();
  } catch {
    // Readability throws on a document without a root element (an empty or non-HTML file).
    parsed = null;
  }
  const paragraphs = parsed?.content ? htmlToParagraphs(parsed.content) : [];
  if (parsed === null || paragraphs.length === 0) return NO_ARTICLE;

  const article: ArticleInput = { text: paragraphs.join("\n\n"), meta: {} };
  const title = nonEmpty(parsed.title) ?? pageTitle;
  if (title !== undefined) article.title = truncateTitle(title);
  const author = nonEmpty(parsed.byline);
  if (author !== undefined) article.author = author;
  const source = nonEmpty(parsed.siteName);
  if (source !== undefined) article.source = source;
  const publishedAt = nonEmpty(parsed.publishedTime);
  if (publishedAt !== undefined) article.publishedAt = publishedAt;
  const language = nonEmpty(parsed.lang) ?? htmlLang;
  if (language !== undefined) article.language = language.toLowerCase();
  if (url !== undefined) article.url = url;
  const excerpt = nonEmpty(parsed.excerpt);
  if (excerpt !== undefined) article.meta.excerpt = excerpt;
  return { ok: true, article };
}
