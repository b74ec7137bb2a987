// Diff of a dataset version against the previous one, from per-document and per-annotation
// fingerprints that each version stores beside its files (one TSV line each).
import { hash } from "node:crypto";
import type { PreparedDocument } from "@/lib/export/prepare";

export const FINGERPRINT_FILE = ".fingerprints.tsv";
/** The format of files kept for the application only (fingerprints, the stored zip): never listed or downloaded. */
export const INTERNAL_FORMAT = "internal";

export type ChangeCounts = { added: number; changed: number; removed: number };
export type DatasetDiff = { previousVersion: number | null; documents: ChangeCounts; annotations: ChangeCounts };

// Called per gold span: the one-shot hash() saves a Hash object each time (same digest).
const short = (value: unknown) => hash("sha256", JSON.stringify(value), "hex").slice(0, 20);

/**
 * "D\t<doc>\t<hash>" for the document (text hash, metadata, sentences with labels and its gold
 * spans; not the split, which depends on the seed) and "A\t<annotation>\t<hash>" per gold span.
 * Free-form JSON comes from jsonb, whose key order is fixed, so equal data hashes equally. A
 * span's gaps and co-speakers count only when it has some, so contiguous, single-speaker spans
 * hash as before those existed (an upgrade does not show every span as changed).
 */
export function fingerprintLines(p: PreparedDocument): string {
  const d = p.doc;
  const spans = p.goldSpans.map((s) => [s.id, short([s.type, s.start, s.end, s.attributes, s.stance, s.speaker, s.cue, s.speakerMention, ...(s.gaps ? [s.gaps] : []), ...(s.coSpeakers?.length ? [{ coSpeakers: s.coSpeakers }] : [])])] as const);
  const doc = short([p.textSha256, d.title, d.language, d.source, d.originalSource, d.author, d.url, d.publishedAt, d.meta, d.tags, p.sentences, spans]);
  let out = `D\t${d.id}\t${doc}\n`;
  for (const [id, hash] of spans) out += `A\t${id}\t${hash}\n`;
  return out;
}

/** Key → hash from a fingerprint file's lines ("D:<id>" / "A:<id>"). */
export async function parseFingerprints(lines: AsyncIterable<string> | Iterable<string>): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  for await (const line of lines) {
    const [kind, id, hash] = line.split("\t");
    if ((kind === "D" || kind === "A") && id && hash) map.set(`${kind}:${id}`, hash);
  }
  return map;
}

/** Compares each document of the new version as it is written; what is left over was removed. */
export class DiffTracker {
  private readonly counts = { D: { added: 0, changed: 0, removed: 0 }, A: { added: 0, changed: 0, removed: 0 } };

  constructor(
    private readonly previous: Map<string, string> | null,
    private readonly previousVersion: number | null,
  ) {}

  add(lines: string): void {
    for (const line of lines.split("\n")) {
      const [kind, id, hash] = line.split("\t");
      if ((kind !== "D" && kind !== "A") || !id || !hash) continue;
      const key = `${kind}:${id}`;
      const before = this.previous?.get(key);
      if (before === undefined) this.counts[kind].added++;
      else {
        if (before !== hash) this.counts[kind].changed++;
        this.previous!.delete(key);
      }
    }
  }

  result(): DatasetDiff {
    if (this.previous) for (const key of this.previous.keys()) this.counts[key.startsWith("D:") ? "D" : "A"].removed++;
    return { previousVersion: this.previousVersion, documents: { ...this.counts.D }, annotations: { ...this.counts.A } };
  }
}
