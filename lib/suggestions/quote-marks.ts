// Pairs quotation marks into quoted spans. Handles curly/guillemet/low-9 styles with nesting
// (« „…“ », “… “…” …”) and the straight " of messy scrapes, whose direction is guessed from the
// neighbouring characters. Only outermost quotes are returned; nested ones belong to their parent.
import { REPORTING_VERBS } from "./lexicon";
import type { LineSpan } from "./text-units";

export interface QuotedSpan {
  /** Offset of the opening mark, or of the content start when the opening mark is missing. */
  outerStart: number;
  /** Offset just after the closing mark, or the content end when it is missing. */
  outerEnd: number;
  contentStart: number;
  contentEnd: number;
  /** False when the opening mark was lost and the paragraph start stands in for it. */
  explicitOpen: boolean;
}

/** Spans in order, joined in O(1): a stray quote hands its children to its parent without copying. */
interface SpanList {
  head?: SpanNode;
  tail?: SpanNode;
}
interface SpanNode {
  span: QuotedSpan;
  next?: SpanNode;
}

function append(list: SpanList, span: QuotedSpan): void {
  const n: SpanNode = { span };
  if (list.tail) list.tail.next = n;
  else list.head = n;
  list.tail = n;
}

function appendAll(list: SpanList, other: SpanList): void {
  if (!other.head) return;
  if (list.tail) list.tail.next = other.head;
  else list.head = other.head;
  list.tail = other.tail;
}

interface Open {
  mark: string;
  pos: number;
  children: SpanList;
  /** Index of the paragraph this mark is in; once the scan moves past it, the quote is left open at its end. */
  line: number;
}

const MARKS = /["“”«»„‚‘’]/g;
const VERB_ALT = REPORTING_VERBS.map((v) => v.replace(/ /g, "\\s+")).join("|");
// ', "the secretariat … said.' — an opening-looking mark that is really a displaced closer.
const ATTRIBUTION_AHEAD = new RegExp(`^[^"“”«».!?\\n]{0,120}?\\b(?:${VERB_ALT})\\b`, "u");
const SPACE_BEFORE = /[\s([{—–\-/]/u;
const SPACE_AFTER = /[\s.,;:!?)\]}…—–]/u;

function lastNonSpace(text: string, from: number, floor: number): number {
  let i = from - 1;
  while (i >= floor && /\s/u.test(text[i] ?? "")) i--;
  return i;
}

function makeSpan(text: string, outerStart: number, contentStart: number, contentEnd: number, outerEnd: number, explicitOpen: boolean): QuotedSpan | undefined {
  let s = contentStart;
  let e = contentEnd;
  while (s < e && /\s/u.test(text[s] ?? "")) s++;
  // The comma before a closing mark belongs to the attribution construction, not the statement.
  while (e > s && /[\s,]/u.test(text[e - 1] ?? "")) e--;
  if (e <= s) return undefined;
  return { outerStart, outerEnd, contentStart: s, contentEnd: e, explicitOpen };
}

export function findQuotedSpans(text: string, lines: readonly LineSpan[]): QuotedSpan[] {
  if (typeof text !== "string" || !Array.isArray(lines)) throw new TypeError("findQuotedSpans expects text and lines");
  const top: SpanList = {};
  const stack: Open[] = [];
  // Every question about the stack is answered in O(1) — rescanning it per mark was quadratic on
  // text with thousands of unmatched « or “: how many straight quotes are open, and where in the
  // stack each kind of mark was last opened.
  let straightOpen = 0;
  const openAt = new Map<string, number[]>();
  let lineIdx = 0;
  let lastCloseInLine = -1;
  // End of the text's last paragraph, where quotes still open at the end are left.
  let finalLineEnd = -1;
  // A paragraph with an odd number of straight marks must close a quote opened before it.
  const straightCount = lines.map((l) => {
    let n = 0;
    for (let p = l.start; p < l.end; p++) if (text.charCodeAt(p) === 34) n++;
    return n;
  });

  const push = (o: Open) => {
    stack.push(o);
    if (o.mark === '"') straightOpen++;
    const at = openAt.get(o.mark);
    if (at) at.push(stack.length - 1);
    else openAt.set(o.mark, [stack.length - 1]);
  };
  const pop = (): Open | undefined => {
    const o = stack.pop();
    if (o) {
      if (o.mark === '"') straightOpen--;
      openAt.get(o.mark)?.pop();
    }
    return o;
  };
  // Stack entries from a paragraph the scan has moved past are pending; they sit at the bottom.
  const pendingLineEnd = (o: Open): number => (o.line < lineIdx ? (lines[o.line]?.end ?? 0) : finalLineEnd);
  const emit = (span: QuotedSpan | undefined, children: SpanList) => {
    const parent = stack[stack.length - 1];
    if (span) append(parent ? parent.children : top, span);
    else appendAll(parent ? parent.children : top, children);
  };
  const closeAt = (o: Open, closePos: number, closeLen: number) => {
    emit(makeSpan(text, o.pos, o.pos + 1, closePos, closePos + closeLen, true), o.children);
  };
  // Quotes left open at a paragraph end: end them there if the text reads as finished, else the
  // opening mark was stray and its nested quotes become top-level.
  const resolvePending = () => {
    while (stack.length > 0) {
      const o = stack[stack.length - 1];
      if (!o || pendingLineEnd(o) < 0) break;
      pop();
      const last = lastNonSpace(text, pendingLineEnd(o), o.pos + 1);
      const finished = /[.!?…]/u.test(text[last] ?? "");
      if (finished) emit(makeSpan(text, o.pos, o.pos + 1, last + 1, last + 1, true), o.children);
      else emit(undefined, o.children);
    }
  };

  MARKS.lastIndex = 0;
  for (let m = MARKS.exec(text); m; m = MARKS.exec(text)) {
    const i = m.index;
    const mark = m[0];
    // Advance to the paragraph holding this mark; quotes opened behind us become pending.
    let movedLines = 0;
    while (lineIdx < lines.length && (lines[lineIdx]?.end ?? 0) <= i) {
      lineIdx++;
      movedLines++;
      lastCloseInLine = -1;
    }
    const lineStart = lines[lineIdx]?.start ?? 0;
    const before = i > 0 ? (text[i - 1] ?? " ") : " ";
    const after = i + 1 < text.length ? (text[i + 1] ?? " ") : " ";
    const spaceBefore = SPACE_BEFORE.test(before);
    const spaceAfter = SPACE_AFTER.test(after);
    const topOpen = stack[stack.length - 1];

    let role: "open" | "close" | "skip";
    if (mark === '"') {
      if (spaceBefore && !spaceAfter) {
        const prev = text[lastNonSpace(text, i, lineStart)] ?? "";
        role = prev === "," && ATTRIBUTION_AHEAD.test(text.slice(i + 1, i + 120)) ? "close" : "open";
      } else if (!spaceBefore && spaceAfter) role = "close";
      else role = straightOpen > 0 ? "close" : "open";
    } else if (mark === "“") role = topOpen?.mark === "„" ? "close" : "open";
    else if (mark === "«" || mark === "„" || mark === "‚") role = "open";
    else if (mark === "‘") role = topOpen?.mark === "‚" ? "close" : spaceBefore ? "open" : "skip";
    else if (mark === "’") role = topOpen?.mark === "‘" && spaceAfter ? "close" : "skip";
    else role = "close"; // ” »
    if (role === "skip") continue;

    // A continuation is a closing mark in the very next paragraph; anything else ends pending quotes.
    const continues = movedLines <= 1 && (role === "close" || (mark === '"' && (straightCount[lineIdx] ?? 0) % 2 === 1 && straightOpen > 0));
    const bottom = stack[0];
    if (bottom && pendingLineEnd(bottom) >= 0 && !continues) resolvePending();

    if (role === "open") {
      const openStraight = stack[stack.length - 1];
      if (mark === '"' && openStraight?.mark === '"') {
        const prevIdx = lastNonSpace(text, i, openStraight.pos + 1);
        // Straight quotes re-opened after a full stop: the previous quote ended there unclosed.
        if (/[.!?…]/u.test(text[prevIdx] ?? "")) {
          pop();
          emit(makeSpan(text, openStraight.pos, openStraight.pos + 1, prevIdx + 1, prevIdx + 1, true), openStraight.children);
        }
      }
      push({ mark, pos: i, children: {}, line: lineIdx });
      continue;
    }

    // Closing mark: find its partner.
    const partner = mark === '"' ? '"' : mark === "”" ? "“" : mark === "»" ? "«" : mark === "“" ? "„" : mark === "‘" ? "‚" : "‘";
    const partnerAt = openAt.get(partner);
    const k = partnerAt && partnerAt.length > 0 ? (partnerAt[partnerAt.length - 1] ?? -1) : -1;
    if (k >= 0) {
      while (stack.length - 1 > k) {
        const stray = pop();
        if (stray) emit(undefined, stray.children);
      }
      const o = pop();
      if (o) closeAt(o, i, 1);
      lastCloseInLine = i;
      continue;
    }
    // Orphan closer before an attribution (opening mark lost): quote from the paragraph start or
    // the previous closing mark up to here.
    const prev = text[lastNonSpace(text, i, lineStart)] ?? "";
    if (stack.length === 0 && prev === "," && ATTRIBUTION_AHEAD.test(text.slice(i + 1, i + 120))) {
      const anchor = lastCloseInLine >= lineStart ? lastCloseInLine + 1 : lineStart;
      emit(makeSpan(text, anchor, anchor, i, i + 1, false), {});
      lastCloseInLine = i;
    }
  }
  finalLineEnd = lines[lineIdx]?.end ?? text.length;
  resolvePending();
  while (stack.length > 0) {
    const o = pop();
    if (o) emit(undefined, o.children);
  }
  const out: QuotedSpan[] = [];
  for (let n = top.head; n; n = n.next) out.push(n.span);
  return out.sort((a, b) => a.contentStart - b.contentStart);
}
