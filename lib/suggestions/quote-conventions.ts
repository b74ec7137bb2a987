// Quoting conventions beyond '"…," he said': the Russian interjected attribution
// («Первая часть, — сказал министр. — Вторая часть») and a headline quote whose speaker follows a
// colon ('"We are not China's junior partner": Russian ambassador Igor Korin on …').
import type { Attribution } from "./attribution";
import type { QuotedSpan } from "./quote-marks";

/** A quoted span, possibly the second half of one split by an interjected attribution. */
export type Quoted = QuotedSpan & { continues?: boolean };

const INTERJECTION = /,\s*[—–]\s+(?=\p{Ll})/u;
const RESUME = /[.,:]\s*[—–]\s+/u;
// The attribution between the halves is a short clause.
const MAX_INTERJECTION = 150;

/**
 * Splits «A, — сказал он. — B» into A and B (B marked `continues`, sharing A's attribution).
 * Each span is looked at once, over its own length only.
 */
export function splitInterjections(text: string, spans: readonly QuotedSpan[]): Quoted[] {
  const out: Quoted[] = [];
  for (const q of spans) {
    if (text[q.outerStart] !== "«") {
      out.push(q);
      continue;
    }
    const body = text.slice(q.contentStart, q.contentEnd);
    const m = INTERJECTION.exec(body);
    const rest = m ? body.slice(m.index + m[0].length, m.index + m[0].length + MAX_INTERJECTION) : "";
    const resume = m ? RESUME.exec(rest) : null;
    if (!m || !resume || /[«»]/u.test(rest.slice(0, resume.index))) {
      out.push(q);
      continue;
    }
    const cut = q.contentStart + m.index;
    const second = q.contentStart + m.index + m[0].length + resume.index + resume[0].length;
    if (second >= q.contentEnd) {
      out.push(q);
      continue;
    }
    out.push({ ...q, outerEnd: cut, contentEnd: cut });
    out.push({ outerStart: second, outerEnd: q.outerEnd, contentStart: second, contentEnd: q.contentEnd, explicitOpen: true, continues: true });
  }
  return out;
}

/**
 * '"…": Russian ambassador Igor Korin on the new Asian order' — a quote opening its line, then a colon
 * and the speaker phrase (up to " on "/" about"/" о " or the line end).
 */
export function attributionAfterColon(text: string, q: QuotedSpan, lineStart: number): Attribution | undefined {
  if (q.outerStart !== lineStart || text[q.outerEnd] !== ":") return undefined;
  const m = /^:\s+([^\n.!?"“”«»]{2,120})/u.exec(text.slice(q.outerEnd, q.outerEnd + 130));
  if (!m?.[1]) return undefined;
  const np = m[1].split(/\s+(?:on|about|о|об|про)\s+/u)[0] ?? "";
  // Only a full name makes the colon an attribution ("…": ВСУ показали танк Leopard 1 is a headline).
  if (!/\p{Lu}[\p{Ll}'’-]+\s+\p{Lu}[\p{Ll}'’-]+\s*$/u.test(np)) return undefined;
  const npStart = q.outerEnd + m[0].indexOf(m[1]);
  return { np, npStart, pick: "last" };
}
