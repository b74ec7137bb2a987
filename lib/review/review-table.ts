// Pure helpers for the review page: which matches touch which sentence, and the side-by-side
// table of annotator versions with the differing rows flagged.
import type { ReviewAnnotationView, ReviewMatchView } from "./review-types";

export type VersionRow = { key: string; label: string; values: (string | null)[]; differs: boolean };

/** Sentence index → matches shown on that row (spans overlapping it, its sentence labels). */
export function matchesBySentence(sentences: readonly { index: number; start: number; end: number }[], matches: readonly ReviewMatchView[]): Map<number, ReviewMatchView[]> {
  const sorted = [...sentences].sort((a, b) => a.start - b.start);
  const result = new Map<number, ReviewMatchView[]>();
  const push = (index: number, match: ReviewMatchView) => {
    const list = result.get(index);
    if (list) list.push(match);
    else result.set(index, [match]);
  };
  for (const match of matches) {
    if (match.sentenceIndex !== null) {
      push(match.sentenceIndex, match);
      continue;
    }
    if (match.start === null || match.end === null) continue;
    // First sentence ending after the span's start (binary search), then every one it reaches;
    // a span in the gap between sentences (or zero-length) still lands on the next row.
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.end <= match.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < sorted.length && (i === lo || sorted[i]!.start < match.end); i++) push(sorted[i]!.index, match);
  }
  return result;
}

const STANCE_LABELS: Record<number, string> = { [-2]: "strongly against", [-1]: "against", 0: "neutral", 1: "for", 2: "strongly for" };

/** An attribute value as plain text (rendered as text, never as HTML). */
export function formatAttribute(name: string, value: unknown): string {
  if (value === undefined || value === null || value === "") return "—";
  if (name === "stance" && Array.isArray(value)) {
    const entries = value
      .filter((e): e is { target: string; value: number; holder?: unknown } => typeof e === "object" && e !== null && "target" in e && "value" in e)
      // The holder is shown so a disagreement on whose stance it is can be seen, not only flagged.
      .map(
        (e) =>
          `${String(e.target)}: ${typeof e.value === "number" ? `${e.value > 0 ? "+" : ""}${e.value} (${STANCE_LABELS[e.value] ?? "?"})` : String(e.value)}` +
          (typeof e.holder === "string" ? ` · ${e.holder}'s` : ""),
      )
      .sort();
    return entries.length ? entries.join("; ") : "—";
  }
  if (typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (typeof record.start === "number" && typeof record.end === "number") return `${record.start}–${record.end}`;
    return JSON.stringify(value);
  }
  return String(value);
}

/** Rows of the side-by-side table, one column per annotator (null: did not mark it). */
export function versionRows(match: ReviewMatchView, annotatorIds: readonly string[]): VersionRow[] {
  const versions: (ReviewAnnotationView | null)[] = annotatorIds.map((id) => match.versions.find((v) => v.authorId === id) ?? null);
  const differs = (what: string) => match.differences.includes(what);
  const rows: VersionRow[] = [];
  if (match.kind === "span") {
    rows.push({ key: "text", label: "Text", values: versions.map((v) => v?.text ?? null), differs: differs("boundaries") });
    rows.push({ key: "offsets", label: "Offsets", values: versions.map((v) => (v ? `${v.start}–${v.end}` : null)), differs: differs("boundaries") });
  }
  if (versions.some((v) => v?.speaker)) {
    rows.push({ key: "speaker", label: "Speaker", values: versions.map((v) => (v ? (v.speaker?.name ?? "—") : null)), differs: differs("attribute:speaker") });
  }
  const names = [...new Set(versions.flatMap((v) => (v ? Object.keys(v.attributes) : [])))].filter((n) => n !== "speaker").sort();
  for (const name of names) {
    rows.push({ key: `attr:${name}`, label: name, values: versions.map((v) => (v ? formatAttribute(name, v.attributes[name]) : null)), differs: differs(`attribute:${name}`) });
  }
  return rows;
}
