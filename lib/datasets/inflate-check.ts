import "server-only";
import { crc32, createInflateRaw, inflateRawSync } from "node:zlib";
import { AppError } from "@/lib/errors";

/** What a deflated file must inflate to: its size and CRC-32; `name` for the error message. */
export type DeflatedInfo = { name: string; bytes: number; crc32: number };

export function damaged(name: string, why: string): AppError {
  return new AppError("internal", `The stored file ${JSON.stringify(name)} of this dataset version is damaged (${why}); it cannot be downloaded.`);
}

function check(info: DeflatedInfo, bytes: number, crc: number): void {
  if (bytes !== info.bytes) throw damaged(info.name, `it inflates to ${bytes} bytes, not ${info.bytes}`);
  if (crc !== info.crc32) throw damaged(info.name, "CRC-32 mismatch");
}

/** A small file's whole deflated stream, inflated and checked in one call. */
export function inflateWhole(stored: Buffer, info: DeflatedInfo): Buffer {
  let out: Buffer;
  try {
    // One byte more than expected is enough to tell a stream that inflates too far.
    out = inflateRawSync(stored, { maxOutputLength: Math.max(1, info.bytes + 1) });
  } catch (e) {
    throw damaged(info.name, `its deflate stream does not inflate: ${e instanceof Error ? e.message : String(e)}`);
  }
  check(info, out.length, crc32(out));
  return out;
}

/**
 * Inflates a stored stream piece by piece (memory bounded by one stored chunk's output) and checks
 * size and CRC-32 at its end. `yieldStored`: pass the stored bytes through instead of the inflated
 * ones (a zip entry is sent as stored and only checked).
 */
export async function* inflateChecked(stored: AsyncIterable<Buffer>, info: DeflatedInfo, yieldStored = false): AsyncGenerator<Buffer> {
  const inflater = createInflateRaw({ chunkSize: 256 * 1024 });
  let out: Buffer[] = [];
  inflater.on("data", (d: Buffer) => out.push(d));
  const failed = new Promise<never>((_, reject) => inflater.on("error", (e) => reject(damaged(info.name, `its deflate stream does not inflate: ${e.message}`))));
  failed.catch(() => undefined);
  const ended = new Promise<void>((resolve) => inflater.on("end", resolve));
  let bytes = 0;
  let crc = 0;
  const take = (): Buffer[] => {
    const pieces = out;
    out = [];
    for (const p of pieces) {
      bytes += p.length;
      if (bytes > info.bytes) throw damaged(info.name, `it inflates to more than ${info.bytes} bytes`);
      crc = crc32(p, crc);
    }
    return pieces;
  };
  try {
    for await (const chunk of stored) {
      await Promise.race([new Promise<void>((resolve) => inflater.write(chunk, () => resolve())), failed]);
      const pieces = take();
      if (yieldStored) yield chunk;
      else yield* pieces;
    }
    inflater.end();
    await Promise.race([ended, failed]);
    const pieces = take();
    if (!yieldStored) yield* pieces;
    check(info, bytes, crc);
  } finally {
    inflater.destroy();
  }
}
