import "server-only";
import { Writable } from "node:stream";
import { prisma } from "@/lib/db/prisma";
import { writeDeterministicZip, type ZipEntry } from "@/lib/export/zip";
import { INTERNAL_FORMAT } from "./diff";
import { DatasetFileStore } from "./file-store";
import { zipEntries, zipFiles } from "./read-chunks";

/**
 * The version's zip, written once when the version was built so a download streams ~1 MB instead
 * of deflating every file again. Same writer over the same files as the on-the-fly path, so
 * the bytes are those that path produces. Versions built since files are stored deflated have
 * none (their zip is assembled from the stored streams) unless some file was stored as it is.
 */
export const ZIP_FILE = ".version.zip";

/**
 * Writes the zip of the version's files (formats built later are never in it) as an internal
 * file, from the files read back. Only for versions with files not stored deflated (the zip of
 * deflated files is assembled from them at download).
 */
export async function storeVersionZip(versionId: string): Promise<{ bytes: number; sha256: string }> {
  return writeZipFile(versionId, zipEntries(await zipFiles(versionId)));
}

async function writeZipFile(versionId: string, entries: AsyncIterable<ZipEntry> | Iterable<ZipEntry>): Promise<{ bytes: number; sha256: string }> {
  // Stored as it is: the zip is compressed already.
  const store = new DatasetFileStore(versionId, undefined, "identity");
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
