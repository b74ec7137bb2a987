import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { ChunkRow } from "./copy-chunks";
import { DatasetFileStore } from "./file-store";

// The store encodes writer output into reused buffers and hashes whole chunks; the bytes and
// hashes must be exactly those of encoding each string on its own and concatenating.
const noDatabase = async () => {
  throw new Error("no database in this test");
};

function pieces(seed: number): string[] {
  const words = ["plain", "«Санкции»", "emoji 👍🇷🇺", 'quote "x", y\r\n', "", "x".repeat(70_000), "lone \ud800 high", "\udc00 lone low", "Ж".repeat(400_000)];
  const out: string[] = [];
  let s = seed;
  for (let i = 0; i < 400; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    out.push(words[s % words.length]!);
  }
  return out;
}

describe("DatasetFileStore bytes", () => {
  it("stores every file byte for byte as Buffer.from of each string, with the same SHA-256", () => {
    const store = new DatasetFileStore("v", noDatabase, 1 << 30);
    const expected = new Map<string, Buffer[]>();
    const a = pieces(1);
    const b = pieces(2);
    for (let i = 0; i < a.length; i++) {
      for (const [path, data] of [["big.jsonl", a[i]!], [`small/${i % 7}.txt`, b[i]!]] as const) {
        store.add("fmt", [{ path, data }]);
        expected.set(path, [...(expected.get(path) ?? []), Buffer.from(data, "utf8")]);
      }
      if (i === 200) {
        // Raw bytes between strings (the stored zip's path) keep their place too.
        const raw = Buffer.from([0, 255, 0xd8, 0x00]);
        store.addBytes("fmt", "big.jsonl", raw);
        expected.get("big.jsonl")!.push(raw);
      }
    }
    store.add("fmt", [{ path: "empty.csv", data: "" }]);
    const files = store.close();
    const kept = store.keptFiles()!;
    const chunks = (store as unknown as { ready: ChunkRow[] }).ready;
    expect(files.map((f) => f.name).sort()).toEqual([...expected.keys(), "empty.csv"].sort());
    for (const f of files) {
      const want = Buffer.concat(expected.get(f.name) ?? []);
      const got = Buffer.concat(kept.get(f.name) ?? []);
      expect(got.equals(want), f.name).toBe(true);
      expect(f.bytes).toBe(want.length);
      expect(f.sha256).toBe(createHash("sha256").update(want).digest("hex"));
    }
    // The big file was cut into several ~1 MB chunks, in order.
    const big = chunks.filter((c) => c.fileId === chunks.find((x) => x.data.length > 1_000_000)!.fileId);
    expect(big.length).toBeGreaterThan(3);
    expect(big.map((c) => c.seq)).toEqual(big.map((_, i) => i));
  });
});
