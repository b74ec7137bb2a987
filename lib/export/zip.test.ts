import { createHash } from "node:crypto";
import { PassThrough, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { compareEntryNames, writeDeterministicZip, type ZipEntry } from "./zip";

function sink(): { stream: Writable; bytes: () => Buffer } {
  const parts: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      parts.push(chunk);
      cb();
    },
  });
  return { stream, bytes: () => Buffer.concat(parts) };
}

async function* entries(): AsyncGenerator<ZipEntry> {
  yield { name: "brat/docA.ann", chunks: ["T1\tQUOTE 0 5\tPutin\n"] };
  yield { name: "brat/docA.txt", chunks: (async function* () { yield "Putin 👍 "; yield new TextEncoder().encode("said «да»"); })() };
  yield { name: "native.jsonl", chunks: ["{}\n", "{}\n"] };
  yield { name: "Проект.txt", chunks: [] };
}

describe("writeDeterministicZip", () => {
  it("produces byte-identical archives across runs, with a fixed 1980 timestamp", async () => {
    const a = sink();
    const b = sink();
    const ra = await writeDeterministicZip(entries(), a.stream);
    const rb = await writeDeterministicZip(entries(), b.stream);
    expect(ra).toEqual(rb);
    expect(ra.sha256).toBe(createHash("sha256").update(a.bytes()).digest("hex"));
    expect(ra.bytes).toBe(a.bytes().length);
    expect(a.bytes().equals(b.bytes())).toBe(true);
    // First local file header: signature, then DOS time 0x0000 and date 0x0021 (1980-01-01).
    const buf = a.bytes();
    expect(buf.readUInt32LE(0)).toBe(0x04034b50);
    expect([buf.readUInt16LE(10), buf.readUInt16LE(12)]).toEqual([0, 0x21]);
  });

  it("rejects unsorted, duplicate and unsafe names", async () => {
    const run = (names: string[]) => writeDeterministicZip(names.map((name) => ({ name, chunks: ["x"] })), new PassThrough().resume());
    await expect(run(["b", "a"])).rejects.toThrow(/"a" is not after "b"/);
    await expect(run(["a", "a"])).rejects.toThrow(/not after/);
    await expect(run(["../x"])).rejects.toThrow(/"\.\." segment/);
    await expect(run(["/abs"])).rejects.toThrow(/safe relative path/);
    await expect(run(["a\\b"])).rejects.toThrow(/safe relative path/);
    expect(["é", "z", "a", "👍", "\uFFFD"].sort(compareEntryNames)).toEqual(["a", "z", "é", "\uFFFD", "👍"]);
  });
});
