import { AppError } from "@/lib/errors";

// The search box's syntax (like web search engines and PostgreSQL's websearch_to_tsquery, plus
// prefixes): words are ANDed, "quoted phrases", -word / -"phrase" excludes, OR between two terms,
// word* matches a prefix. It compiles to to_tsquery text in which every word is a quoted lexeme,
// so no input can reach tsquery's own operators; PostgreSQL then stems each word per
// configuration (english, russian, simple).

export const MAX_QUERY_CHARS = 500;
const MAX_TERMS = 32;

type Term = { kind: "word"; text: string; prefix: boolean } | { kind: "phrase"; words: string[] };
type Item = { negated: boolean; alternatives: Term[] };

function invalid(message: string): AppError {
  return new AppError("validation_failed", message, { details: { fields: { q: [message] } } });
}

/** Letters, digits and joiners stay; anything else (tsquery operators, punctuation) separates words. */
function wordsOf(text: string): string[] {
  return text.split(/[^\p{L}\p{N}\p{M}_'’-]+/u).map((w) => w.replace(/^['’-]+|['’-]+$/gu, "")).filter(Boolean);
}

function lexeme(word: string): string {
  return `'${word.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}

function termText(term: Term): string {
  if (term.kind === "word") return `${lexeme(term.text)}${term.prefix ? ":*" : ""}`;
  // A quoted multi-word lexeme becomes a phrase (<->) after to_tsquery normalises it.
  return lexeme(term.words.join(" "));
}

type Token = { kind: "or" } | { kind: "term"; negated: boolean; term: Term };

function tokenize(q: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const chars = [...q];
  while (i < chars.length) {
    if (/\s/u.test(chars[i]!)) {
      i++;
      continue;
    }
    let negated = false;
    if (chars[i] === "-" && i + 1 < chars.length && !/\s/u.test(chars[i + 1]!)) {
      negated = true;
      i++;
    }
    if (chars[i] === '"') {
      const close = chars.indexOf('"', i + 1);
      if (close < 0) throw invalid("The query has an opening quote (\") without a closing one.");
      const words = wordsOf(chars.slice(i + 1, close).join(""));
      i = close + 1;
      if (words.length === 1) tokens.push({ kind: "term", negated, term: { kind: "word", text: words[0]!, prefix: false } });
      else if (words.length > 1) tokens.push({ kind: "term", negated, term: { kind: "phrase", words } });
      continue;
    }
    let end = i;
    while (end < chars.length && !/\s/u.test(chars[end]!) && chars[end] !== '"') end++;
    const raw = chars.slice(i, end).join("");
    i = end;
    if (raw === "OR" && !negated) {
      tokens.push({ kind: "or" });
      continue;
    }
    const prefix = raw.endsWith("*");
    const words = wordsOf(raw);
    words.forEach((text, n) => tokens.push({ kind: "term", negated, term: { kind: "word", text, prefix: prefix && n === words.length - 1 } }));
  }
  return tokens;
}

/** Items ANDed together; `a OR b` joins neighbouring positive terms into one item. */
function itemsOf(tokens: Token[]): Item[] {
  const items: Item[] = [];
  let pendingOr = false;
  for (const token of tokens) {
    if (token.kind === "or") {
      pendingOr = items.length > 0 && !items[items.length - 1]!.negated;
      continue;
    }
    const last = items[items.length - 1];
    if (pendingOr && last && !token.negated) last.alternatives.push(token.term);
    else items.push({ negated: token.negated, alternatives: [token.term] });
    pendingOr = false;
  }
  return items;
}

/** The to_tsquery text for `q`, or a 400 naming what is wrong with it. */
export function compileSearchQuery(q: string): string {
  if ([...q].length > MAX_QUERY_CHARS) throw invalid(`The query is longer than ${MAX_QUERY_CHARS} characters.`);
  const items = itemsOf(tokenize(q));
  const terms = items.reduce((n, item) => n + item.alternatives.length, 0);
  if (terms === 0) throw invalid("The query has no words to search for.");
  if (terms > MAX_TERMS) throw invalid(`The query has more than ${MAX_TERMS} terms.`);
  if (!items.some((item) => !item.negated)) throw invalid("The query only excludes words; add a word to search for.");
  return items
    .map((item) => {
      const body = item.alternatives.map(termText).join(" | ");
      const grouped = item.alternatives.length > 1 ? `(${body})` : body;
      return item.negated ? `!${grouped}` : grouped;
    })
    .join(" & ");
}

/** ILIKE pattern for a literal, case-insensitive substring (%, _ and \ are matched as themselves). */
export function literalPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
