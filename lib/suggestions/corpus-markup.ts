// The evaluation corpus is written in a small inline markup so that text and gold cannot drift
// apart (hand-counted offsets would). One source line is one paragraph of the article:
//   ~ <line>                 the whole line is boilerplate (navigation, widgets, bylines, footers)
//   {{q:Speaker|words}}      a direct quote's words (marks stay outside); "?" = no single named speaker
//   {{e:kind|text}}          an editorial insertion of that kind (may hold quotes or ¦)
//   ¦                        a sentence starts here (inside a line; every line starts one anyway)
// Paragraphs are joined with a blank line. Offsets are Unicode code points, end-exclusive.
import type { GoldItem } from "./evaluate";

export interface CorpusDocument {
  text: string;
  gold: GoldItem[];
  /** Code-point ranges of every paragraph (trimmed), with its gold verdict. */
  lines: Array<{ start: number; end: number; boilerplate: boolean }>;
  /** Sentence starts inside paragraphs (paragraph starts excluded: every segmenter finds those). */
  boundaries: number[];
}

const EDITORIAL_KINDS = new Set(["translation-note", "editor-aside", "legal-footnote", "disclaimer", "republisher-lead", "boilerplate"]);

export class MarkupError extends Error {
  constructor(message: string, line: number) {
    super(`line ${line}: ${message}`);
    this.name = "MarkupError";
  }
}

interface Open {
  type: "QUOTE" | "EDITORIAL";
  label: string;
  start: number;
}

export function parseCorpusMarkup(source: string): CorpusDocument {
  if (typeof source !== "string") throw new TypeError("markup must be a string");
  const out: string[] = [];
  let cp = 0;
  const gold: GoldItem[] = [];
  const lines: CorpusDocument["lines"] = [];
  const boundaries: number[] = [];
  const emit = (s: string) => {
    out.push(s);
    for (const _ of s) cp++;
  };

  const sourceLines = source.split(/\r?\n/u);
  sourceLines.forEach((raw, li) => {
    let body = raw.trim();
    if (body.length === 0) return;
    const boilerplate = body.startsWith("~ ") || body === "~";
    if (boilerplate) body = body.slice(1).trimStart();
    if (body.length === 0) throw new MarkupError("empty boilerplate line", li + 1);
    if (lines.length > 0) emit("\n\n");
    const lineStart = cp;
    const stack: Open[] = [];
    const texts: string[][] = [];
    let i = 0;
    while (i < body.length) {
      if (body.startsWith("{{", i)) {
        const head = /^\{\{([qe]):([^|{}]+)\|/u.exec(body.slice(i));
        if (!head?.[1] || !head[2]) throw new MarkupError(`bad tag at column ${i + 1}`, li + 1);
        const type = head[1] === "q" ? "QUOTE" : "EDITORIAL";
        const label = head[2].trim();
        if (type === "EDITORIAL" && !EDITORIAL_KINDS.has(label)) throw new MarkupError(`unknown editorial kind "${label}"`, li + 1);
        stack.push({ type, label, start: cp });
        texts.push([]);
        i += head[0].length;
        continue;
      }
      if (body.startsWith("}}", i)) {
        const open = stack.pop();
        const words = texts.pop();
        if (!open || !words) throw new MarkupError(`"}}" without a tag at column ${i + 1}`, li + 1);
        const text = words.join("");
        if (text.trim() !== text || text.length === 0) throw new MarkupError(`span "${text}" is empty or padded with spaces`, li + 1);
        gold.push(
          open.type === "QUOTE"
            ? { type: "QUOTE", form: "direct", speaker: open.label === "?" ? null : open.label, start: open.start, end: cp, text }
            : { type: "EDITORIAL", kind: open.label, start: open.start, end: cp, text },
        );
        i += 2;
        continue;
      }
      const ch = String.fromCodePoint(body.codePointAt(i) ?? 0);
      i += ch.length;
      if (ch === "¦") {
        boundaries.push(cp);
        continue;
      }
      emit(ch);
      for (const t of texts) t.push(ch);
    }
    if (stack.length > 0) throw new MarkupError("unclosed tag", li + 1);
    lines.push({ start: lineStart, end: cp, boilerplate });
  });
  if (out.length > 0) emit("\n");
  return { text: out.join(""), gold: gold.sort((a, b) => a.start - b.start || a.end - b.end), lines, boundaries };
}
