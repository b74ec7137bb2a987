import "server-only";
import { createHash } from "node:crypto";
import { assembleZip, zipLayout, type DeflatedEntryInfo } from "@/lib/export/zip-records";
import { deflatedEntries, type FileRef } from "./read-chunks";

/** True when every file is stored deflated, so their zip can be assembled without deflating anything. */
export function allDeflated(files: FileRef[]): boolean {
  return files.every((f) => f.encoding === "deflate" && f.crc32 !== null && f.storedBytes !== null);
}

/**
 * The zip of deflated files, assembled from their stored streams: the bytes writeDeterministicZip
 * writes over the same files, known in size before the first byte. The ETag names the entries
 * (name, size, SHA-256, stored stream size and CRC), which fix every byte of the archive.
 */
export function assembledZip(files: FileRef[]): { size: number; etag: string; body: AsyncGenerator<Buffer> } {
  const entries: DeflatedEntryInfo[] = files.map((f) => ({ name: f.name, crc32: Number(f.crc32), bytes: Number(f.bytes), compressedBytes: Number(f.storedBytes) }));
  const { size } = zipLayout(entries);
  const tag = createHash("sha256");
  for (const f of files) tag.update(`${f.name}\0${f.bytes}\0${f.sha256}\0${f.storedBytes}\0${f.crc32}\n`);
  return { size, etag: `"zip-${tag.digest("hex")}"`, body: assembleZip(entries, deflatedEntries(files)) };
}
