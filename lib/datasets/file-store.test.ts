import { createHash } from "node:crypto";
import { crc32, deflateRawSync, inflateRawSync } from "node:zlib";
import { describe, expect, it, vi } from "vitest";
import type { ChunkRow } from "./copy-chunks";
import { DatasetFileStore, type FileEncoding } from "./file-store";

// The store encodes writer output into reused buffers and hashes whole chunks; the bytes and
// hashes must be exactly those of encoding each string on its own and concatenating, and a
// deflated file's chunks exactly the one deflate stream of those bytes (what a zip entry holds).
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

const captured = vi.hoisted(() => [] as { fileId: string; seq: number; data: Buffer }[]);
// The rows each flush would COPY are collected instead; other statements answer nothing.
vi.mock("./copy-chunks", () => ({
  copyChunks: async (_client: unknown, rows: ChunkRow[]) => {
    captured.push(...rows);
  },
}));
const client = { query: async () => ({ rows: [] }) };

function collectingStore(encoding: FileEncoding): { store: DatasetFileStore; rows: ChunkRow[] } {
  captured.length = 0;
  return { store: new DatasetFileStore("v", async () => ({ client: client as never, release: () => undefined }), encoding), rows: captured };
}

describe("DatasetFileStore bytes", () => {
  for (const encoding of ["identity", "deflate"] as const) {
    it(`stores every file byte for byte as Buffer.from of each string, with the same SHA-256 (${encoding})`, async () => {
      const { store, rows } = collectingStore(encoding);
      const expected = new Map<string, Buffer[]>();
      const a = pieces(1);
      const b = pieces(2);
      for (let i = 0; i < a.length; i++) {
        for (const [path, data] of [["big.jsonl", a[i]!], [`small/${i % 7}.txt`, b[i]!]] as const) {
          store.add("fmt", [{ path, data }]);
          expected.set(path, [...(expected.get(path) ?? []), Buffer.from(data, "utf8")]);
        }
        if (i === 200) {
          const raw = Buffer.from([0, 255, 0xd8, 0x00]);
          store.addBytes("fmt", "big.jsonl", raw);
          expected.get("big.jsonl")!.push(raw);
        }
        if (store.full) await store.flush();
      }
      store.add("fmt", [{ path: "empty.csv", data: "" }]);
      const files = await store.finish();
      expect(files.map((f) => f.name).sort()).toEqual([...expected.keys(), "empty.csv"].sort());
      for (const f of files) {
        const want = Buffer.concat(expected.get(f.name) ?? []);
        expect(f.bytes).toBe(want.length);
        expect(f.sha256).toBe(createHash("sha256").update(want).digest("hex"));
        expect(f.encoding).toBe(encoding);
      }
      // Rows by file, in seq order; match each file by its content.
      const byFile = new Map<string, ChunkRow[]>();
      for (const r of rows) byFile.set(r.fileId, [...(byFile.get(r.fileId) ?? []), r]);
      const contents = [...byFile.values()].map((list) => {
        expect(list.map((r) => r.seq)).toEqual(list.map((_, i) => i));
        const stored = Buffer.concat(list.map((r) => r.data));
        return { stored, chunks: list.length, content: encoding === "deflate" ? inflateRawSync(stored) : stored };
      });
      for (const f of files) {
        const want = Buffer.concat(expected.get(f.name) ?? []);
        const found = contents.find((c) => c.content.equals(want));
        if (encoding === "identity" && want.length === 0) continue;
        expect(found, f.name).toBeDefined();
        if (encoding === "deflate") {
          expect(found!.stored.equals(deflateRawSync(want, { level: 6 })), f.name).toBe(true);
          expect(crc32(found!.content)).toBe(crc32(want));
        }
      }
      // The big file was cut into several chunks, in order.
      expect(Math.max(...contents.map((c) => c.chunks))).toBeGreaterThan(encoding === "deflate" ? 1 : 3);
    });
  }

  it("stores small files as they are once too many are held for deflating at the end", async () => {
    const { store, rows } = (() => {
      captured.length = 0;
      return { store: new DatasetFileStore("v", async () => ({ client: client as never, release: () => undefined }), "deflate", 1000), rows: captured };
    })();
    store.add("fmt", [{ path: "a.txt", data: "a".repeat(600) }, { path: "b.txt", data: "b".repeat(600) }]);
    await store.flush();
    store.add("fmt", [{ path: "a.txt", data: "more" }, { path: "c.txt", data: "c".repeat(10) }]);
    const files = await store.finish();
    expect(files.map((f) => [f.name, f.encoding, f.bytes])).toEqual([["a.txt", "identity", 604], ["b.txt", "identity", 600], ["c.txt", "deflate", 10]]);
    const a = rows.filter((r) => r.fileId === rows[0]!.fileId);
    expect(Buffer.concat(a.map((r) => r.data)).toString()).toBe(`${"a".repeat(600)}more`);
    expect(inflateRawSync(rows.at(-1)!.data).toString()).toBe("c".repeat(10));
  });
});
