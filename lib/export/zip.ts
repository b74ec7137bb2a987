import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { ZipFile } from "yazl";
import { ExportError } from "./types";
import { ZIP_DEFLATE_LEVEL } from "./zip-records";

export type ZipEntry = { name: string; chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string> };

/** Entry order: UTF-8 byte order, i.e. code-point order, the same on every platform. */
export function compareEntryNames(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}

function checkName(name: string): void {
  if (typeof name !== "string" || name === "" || name.startsWith("/") || name.includes("\\") || /[\u0000-\u001f\u007f]/u.test(name))
    throw new ExportError(`zip: entry name ${JSON.stringify(name)} is not a safe relative path`);
  if (name.split("/").some((seg) => seg === "" || seg === "." || seg === ".."))
    throw new ExportError(`zip: entry name ${JSON.stringify(name)} has an empty, "." or ".." segment`);
}

// DOS time fields are taken from local time, so build the date from local parts: the stored
// stamp is 1980-01-01 00:00 in every time zone. forceDosTimestamp drops the UTC extra field.
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);
const ENTRY_OPTIONS = { mtime: FIXED_MTIME, mode: 0o100644, compress: true, compressionLevel: ZIP_DEFLATE_LEVEL, forceDosTimestamp: true } as const;

async function* asBuffers(chunks: ZipEntry["chunks"]): AsyncGenerator<Buffer> {
  for await (const c of chunks) yield typeof c === "string" ? Buffer.from(c, "utf8") : Buffer.from(c.buffer, c.byteOffset, c.byteLength);
}

/**
 * Writes a deterministic zip to `out`: fixed timestamps and modes, deflate, and entries in
 * the order given, which must be strictly ascending by compareEntryNames. Sorting is the
 * caller's job because entries stream: each entry's chunks are consumed before the next entry
 * is pulled, so nothing is buffered whole. Resolves with the archive's size and sha256.
 */
export async function writeDeterministicZip(
  entries: AsyncIterable<ZipEntry> | Iterable<ZipEntry>,
  out: NodeJS.WritableStream,
): Promise<{ bytes: number; sha256: string }> {
  const zip = new ZipFile();
  const hash = createHash("sha256");
  let bytes = 0;
  const output = zip.outputStream;
  output.on("data", (d: Buffer) => {
    hash.update(d);
    bytes += d.length;
  });
  const finished = new Promise<void>((resolve, reject) => {
    out.on("finish", resolve);
    out.on("error", reject);
    output.on("error", reject);
  });
  output.pipe(out);
  let previous: string | null = null;
  try {
    for await (const entry of entries) {
      checkName(entry.name);
      if (previous !== null && compareEntryNames(previous, entry.name) >= 0)
        throw new ExportError(`zip: entry ${JSON.stringify(entry.name)} is not after ${JSON.stringify(previous)}; sort entries first`);
      previous = entry.name;
      const stream = Readable.from(asBuffers(entry.chunks));
      const done = new Promise<void>((resolve, reject) => {
        stream.on("end", resolve);
        stream.on("error", reject);
      });
      zip.addReadStream(stream, entry.name, ENTRY_OPTIONS);
      await done;
    }
  } catch (e) {
    output.unpipe(out);
    throw e;
  }
  zip.end();
  await finished;
  return { bytes, sha256: hash.digest("hex") };
}
