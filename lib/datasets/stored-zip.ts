import "server-only";
import { Writable } from "node:stream";
import { prisma } from "@/lib/db/prisma";
import { compareEntryNames, writeDeterministicZip, type ZipEntry } from "@/lib/export/zip";
import { INTERNAL_FORMAT } from "./diff";
import { DatasetFileStore } from "./file-store";
import { zipEntries, zipFiles } from "./read-chunks";

/**
 * The version's zip, written once when the version is built so a download streams ~1 MB instead
 * of deflating every file again. Same writer over the same files as the on-the-fly path, so
 * the bytes are those that path produces; versions built before it existed still use that path.
 */
export const ZIP_FILE = ".version.zip";

/**
 * Writes the zip of the version's files (formats built later are never in it) as an internal
 * file. `inMemory`: files whose bytes the build still holds (by name), so they are not read back.
 */
export async function storeVersionZip(versionId: string, inMemory: Map<string, Buffer[]> = new Map()): Promise<{ bytes: number; sha256: string }> {
  const files = await zipFiles(versionId);
  async function* entries(): AsyncGenerator<ZipEntry> {
    // Runs of files not held are read back together (zipEntries groups small ones per query).
    let missing: typeof files = [];
    for (const f of files) {
      const held = inMemory.get(f.name);
      if (!held) {
        missing.push(f);
        continue;
      }
      if (missing.length > 0) yield* zipEntries(missing);
      missing = [];
      yield { name: f.name, chunks: held };
    }
    if (missing.length > 0) yield* zipEntries(missing);
  }
  return writeZipFile(versionId, entries());
}

/**
 * The same zip from files held in memory only — every file of the version's zip, by name — so
 * it can be written while those files are still being stored.
 */
export async function storeHeldZip(versionId: string, held: Map<string, Buffer[]>): Promise<{ bytes: number; sha256: string }> {
  const names = [...held.keys()].sort(compareEntryNames);
  return writeZipFile(versionId, names.map((name) => ({ name, chunks: held.get(name)! })));
}

async function writeZipFile(versionId: string, entries: AsyncIterable<ZipEntry> | Iterable<ZipEntry>): Promise<{ bytes: number; sha256: string }> {
  const store = new DatasetFileStore(versionId);
  // The zip's bytes go into the store as they come; a full buffer is flushed before more is accepted.
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      store.addBytes(INTERNAL_FORMAT, ZIP_FILE, chunk);
      if (!store.full) return callback();
      store.flush().then(() => callback(), callback);
    },
  });
  const written = await writeDeterministicZip(entries, sink);
  await store.finish();
  return written;
}

/** The stored zip of a version, or null when it was built before zips were stored. */
export async function storedZipOf(versionId: string): Promise<{ id: string; bytes: bigint; sha256: string } | null> {
  return prisma().datasetFile.findUnique({
    where: { datasetVersionId_name: { datasetVersionId: versionId, name: ZIP_FILE } },
    select: { id: true, bytes: true, sha256: true, format: true },
  }).then((f) => (f && f.format === INTERNAL_FORMAT ? { id: f.id, bytes: f.bytes, sha256: f.sha256 } : null));
}
