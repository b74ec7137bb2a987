// Scores the whole pipeline the app runs on an import (language → sentences with boilerplate
// verdicts → suggesters) against corpus gold: quotes and speakers, editorial insertions,
// boilerplate lines and sentence boundaries. Counts are summed so groups can be merged.
import { detectLanguage } from "@/lib/ingest/language";
import { segmentText, type Segment } from "@/lib/ingest/segment";
import { calibrationClass, type Outcome } from "./calibration";
import type { CorpusDocument } from "./corpus-markup";
import { EntityIndex } from "./entities";
import { matchSpans, type GoldItem, type MatchResult } from "./evaluate";
import { namesLikelySame } from "./names";
import { suggestForDocument } from "./suggest";
import type { RegistryEntity, Suggestion } from "./types";

export interface EvalDocument {
  name: string;
  /** Language group for the report ("en", "ru"). */
  group: string;
  text: string;
  gold: GoldItem[];
  /** Absent for documents whose gold has no boilerplate or boundary layer. */
  lines?: CorpusDocument["lines"];
  boundaries?: number[];
}

export interface Counts {
  docs: number;
  quoteGold: number;
  quoteSuggested: number;
  quoteMatched: number;
  speakerJudged: number;
  speakerCorrect: number;
  edGold: number;
  edSuggested: number;
  edMatched: number;
  bpGold: number;
  bpFound: number;
  contentLines: number;
  contentMarked: number;
  boundGold: number;
  boundPredicted: number;
  boundMatched: number;
  /** Gold editorial items found, per kind: [found, total]. */
  edByKind: Record<string, [number, number]>;
}

export interface Finding {
  doc: string;
  what: "missed" | "spurious" | "speaker" | "boilerplate-missed" | "content-marked" | "boundary-missed" | "boundary-extra";
  detail: string;
}

export function emptyCounts(): Counts {
  return {
    docs: 0, quoteGold: 0, quoteSuggested: 0, quoteMatched: 0, speakerJudged: 0, speakerCorrect: 0,
    edGold: 0, edSuggested: 0, edMatched: 0, bpGold: 0, bpFound: 0, contentLines: 0, contentMarked: 0,
    boundGold: 0, boundPredicted: 0, boundMatched: 0, edByKind: {},
  };
}

export function addCounts(into: Counts, from: Counts): void {
  for (const k of Object.keys(from) as Array<keyof Counts>) {
    if (k === "edByKind") {
      for (const [kind, [f, t]] of Object.entries(from.edByKind)) {
        const cur = into.edByKind[kind] ?? [0, 0];
        into.edByKind[kind] = [cur[0] + f, cur[1] + t];
      }
    } else into[k] += from[k];
  }
}

/** Right speaker: the same name, or both names resolve to one registry entity (aliases, other scripts). */
export function speakerMatches(suggestion: Suggestion, goldSpeaker: string, registry: EntityIndex): boolean {
  const got = suggestion.speakerName;
  if (got === undefined) return false;
  if (namesLikelySame(got, goldSpeaker)) return true;
  const goldEntity = registry.match(goldSpeaker);
  return goldEntity !== undefined && (suggestion.entityId === goldEntity.id || registry.match(got)?.id === goldEntity.id);
}

/** Boilerplate verdict of a line: at least half of its characters lie in boilerplate segments. */
export function lineMarkedBoilerplate(line: { start: number; end: number }, segments: readonly Segment[]): boolean {
  let marked = 0;
  for (const s of segments) {
    if (s.end <= line.start || s.start >= line.end || s.kind !== "boilerplate") continue;
    marked += Math.min(s.end, line.end) - Math.max(s.start, line.start);
  }
  return marked * 2 >= line.end - line.start;
}

/**
 * Right or wrong for every judged suggestion (direct quotes and editorial insertions): it matches
 * a gold span and, for a quote whose gold names a speaker, names that speaker — what an annotator
 * could accept unchanged.
 */
function judge(q: MatchResult, e: MatchResult, registry: EntityIndex): Outcome[] {
  const out: Outcome[] = [];
  const push = (s: Suggestion, correct: boolean) => out.push({ rule: s.rule, cls: calibrationClass(s), confidence: s.confidence, correct });
  for (const p of [...q.pairs, ...e.pairs])
    push(p.suggestion, typeof p.gold.speaker !== "string" || p.gold.type !== "QUOTE" || speakerMatches(p.suggestion, p.gold.speaker, registry));
  for (const s of [...q.spurious, ...e.spurious]) push(s, false);
  return out;
}

export function evaluateDocument(doc: EvalDocument, entities: RegistryEntity[], findings?: Finding[], outcomes?: Outcome[]): Counts {
  const c = emptyCounts();
  c.docs = 1;
  const segments = segmentText(doc.text, detectLanguage(doc.text));
  const out = suggestForDocument({ text: doc.text, sentences: segments, entities });
  const registry = new EntityIndex(entities);
  const note = (what: Finding["what"], detail: string) => findings?.push({ doc: doc.name, what, detail });

  const goldQ = doc.gold.filter((g) => g.type === "QUOTE");
  const goldE = doc.gold.filter((g) => g.type === "EDITORIAL");
  const sugQ = out.suggestions.filter((s) => s.type === "QUOTE" && s.attributes.form !== "indirect");
  const sugE = out.suggestions.filter((s) => s.type === "EDITORIAL");
  const q = matchSpans(goldQ, sugQ);
  const e = matchSpans(goldE, sugE);
  outcomes?.push(...judge(q, e, registry));
  c.quoteGold = goldQ.length;
  c.quoteSuggested = sugQ.length;
  c.quoteMatched = q.score.matched;
  c.edGold = goldE.length;
  c.edSuggested = sugE.length;
  c.edMatched = e.score.matched;
  const cpSlice = (s: { start: number; end: number }) => Array.from(doc.text).slice(s.start, s.end).join("");
  for (const g of goldE) {
    const kind = g.kind ?? "?";
    const cur = c.edByKind[kind] ?? [0, 0];
    c.edByKind[kind] = [cur[0] + (e.missed.includes(g) ? 0 : 1), cur[1] + 1];
  }
  for (const p of q.pairs) {
    if (typeof p.gold.speaker !== "string") continue;
    c.speakerJudged++;
    if (speakerMatches(p.suggestion, p.gold.speaker, registry)) c.speakerCorrect++;
    else note("speaker", `gold=${p.gold.speaker} got=${p.suggestion.speakerName ?? "-"} (${p.suggestion.rule}) :: ${p.gold.text.slice(0, 50)}`);
  }
  for (const m of [...q.missed, ...e.missed]) note("missed", `${m.type}${m.kind ? `/${m.kind}` : ""} ${JSON.stringify(m.text.slice(0, 90))}`);
  for (const s of [...q.spurious, ...e.spurious]) note("spurious", `${s.type} ${s.rule} ${JSON.stringify(cpSlice(s).slice(0, 90))}`);

  if (doc.lines) {
    for (const line of doc.lines) {
      const marked = lineMarkedBoilerplate(line, segments);
      if (line.boilerplate) {
        c.bpGold++;
        if (marked) c.bpFound++;
        else note("boilerplate-missed", cpSlice(line).slice(0, 90));
      } else {
        c.contentLines++;
        if (marked) {
          c.contentMarked++;
          note("content-marked", cpSlice(line).slice(0, 90));
        }
      }
    }
    const lineStarts = new Set(doc.lines.map((l) => l.start));
    const predicted = new Set(segments.map((s) => s.start).filter((s) => !lineStarts.has(s)));
    const gold = new Set(doc.boundaries ?? []);
    c.boundGold = gold.size;
    c.boundPredicted = predicted.size;
    for (const b of gold) {
      if (predicted.has(b)) c.boundMatched++;
      else note("boundary-missed", JSON.stringify(cpSlice({ start: Math.max(0, b - 30), end: b + 30 })));
    }
    for (const b of predicted)
      if (!gold.has(b)) note("boundary-extra", JSON.stringify(cpSlice({ start: Math.max(0, b - 30), end: b + 30 })));
  }
  return c;
}
