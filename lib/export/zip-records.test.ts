import { crc32, deflateRawSync } from "node:zlib";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { writeDeterministicZip } from "./zip";
import { assembleZip, ZIP_DEFLATE_LEVEL, zipLayout, type DeflatedEntryInfo } from "./zip-records";

async function written(files: [string, Buffer][]): Promise<Buffer> {
  const parts: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      parts.push(chunk);
      cb();
    },
  });
  await writeDeterministicZip(files.map(([name, data]) => ({ name, chunks: [data] })), sink);
  return Buffer.concat(parts);
}

async function assembled(files: [string, Buffer][], tamper?: (i: number, d: Buffer) => Buffer): Promise<Buffer> {
  const deflated = files.map(([, data]) => deflateRawSync(data, { level: ZIP_DEFLATE_LEVEL }));
  const entries: DeflatedEntryInfo[] = files.map(([name, data], i) => ({ name, crc32: crc32(data), bytes: data.length, compressedBytes: deflated[i]!.length }));
  const out: Buffer[] = [];
  // Each entry's stream in uneven pieces, as stored chunks come.
  const data = deflated.map((d, i) => {
    const t = tamper ? tamper(i, d) : d;
    return [t.subarray(0, 7), t.subarray(7)];
  });
  async function* each() {
    yield* data;
  }
  for await (const b of assembleZip(entries, each())) out.push(b);
  const bytes = Buffer.concat(out);
  expect(bytes.length).toBe(zipLayout(entries).size);
  return bytes;
}

function text(seed: number, n: number): Buffer {
  const words = ["Putin", "«да»", "👍", "said", "the", "\n", "Санкции", "claim", "0.5,", "\"q\""];
  let s = seed;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    out.push(words[s % words.length]!);
  }
  return Buffer.from(out.join(" "), "utf8");
}

describe("assembleZip", () => {
  it("gives exactly writeDeterministicZip's bytes over the same files", async () => {
    const files: [string, Buffer][] = [
      ["brat/docA.ann", text(1, 40)],
      ["brat/docA.txt", text(2, 200_000)],
      ["empty.txt", Buffer.alloc(0)],
      ["native.jsonl", text(3, 5)],
      ["Проект.txt", text(4, 3000)],
    ];
    expect((await assembled(files)).equals(await written(files))).toBe(true);
    expect((await assembled([])).equals(await written([]))).toBe(true);
  });

  it("refuses a stored stream shorter or longer than its recorded size", async () => {
    const files: [string, Buffer][] = [["a.txt", text(5, 100)], ["b.txt", text(6, 100)]];
    await expect(assembled(files, (i, d) => (i === 1 ? d.subarray(0, d.length - 1) : d))).rejects.toThrow(/"b.txt" has \d+ bytes/u);
    await expect(assembled(files, (i, d) => (i === 0 ? Buffer.concat([d, Buffer.from("x")]) : d))).rejects.toThrow(/"a.txt" has \d+ bytes/u);
  });
});
