// Diff of a dataset version against the previous one, from per-document and per-annotation
// fingerprints that each version stores beside its files (one TSV line each).
import { createHash } from "node:crypto";
import { nativeRecord, spanRecord } from "@/lib/export/native";
import type { PreparedDocument } from "@/lib/export/prepare";

export const FINGERPRINT_FILE = ".fingerprints.tsv";

export type ChangeCounts = { added: number; changed: number; removed: number };
export type DatasetDiff = { previousVersion: number | null; documents: ChangeCounts; annotations: ChangeCounts };

const short = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 20);

/**
 * "D\t<doc>\t<hash>" for the document (text, metadata, sentences, labels and gold spans; not the
 * split, which depends on the seed) and "A\t<annotation>\t<hash>" per gold span.
 */
export function fingerprintLines(p: PreparedDocument): string {
  const record = { ...nativeRecord(p), split: null };
  const lines = [`D\t${p.doc.id}\t${short(record)}\n`];
  for (const span of p.goldSpans) lines.push(`A\t${span.id}\t${short(spanRecord(p, span))}\n`);
  return lines.join("");
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
