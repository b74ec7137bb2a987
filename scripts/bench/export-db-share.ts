// bench:export: how much of a version's time is PostgreSQL's own work, measured with the export's
// own database calls and nothing else: the keyset reads of the documents, writing the newest
// version's own files again with the build's store (deflated, as the build stores them; and for
// comparison with the chunk column's STORAGE EXTERNAL, and as they are, which TOAST compresses),
// and reading them back as a download does, with the bytes each way takes on disk. The store's
// write includes hashing and deflating in Node, so the same stored chunk rows are also written again
// with the build's binary COPY alone: that is PostgreSQL's part of writing.
export type DbShare = { readMs: number; writeMs: number; copyMs: number; readBackMs: number; bytes: number; variants: WriteVariant[] };
/** The same files written another way: encoding, the chunk column's storage, time and bytes on disk. */
export type WriteVariant = { label: string; writeMs: number; readBackMs: number; storedBytes: number };

export async function measureDbShare(projectId: string, createdById: string): Promise<DbShare> {
  const { prisma } = await import("../../lib/db/prisma");
  const { readDocumentBatches } = await import("../../lib/datasets/read-documents");
  const { DatasetFileStore } = await import("../../lib/datasets/file-store");
  const { readFileChunks } = await import("../../lib/datasets/read-chunks");

  const started = performance.now();
  for await (const batch of readDocumentBatches(projectId, {})) void batch;
  const readMs = performance.now() - started;

  // A throwaway version (never DONE, so never listed as downloadable) holds the written bytes.
  const last = await prisma().datasetVersion.aggregate({ where: { projectId }, _max: { number: true } });
  const version = await prisma().datasetVersion.create({ data: { projectId, number: (last._max.number ?? 0) + 1000, createdById, status: "FAILED" } });
  const newest = await prisma().datasetVersion.findFirstOrThrow({ where: { projectId, status: "DONE" }, orderBy: { number: "desc" }, select: { id: true } });
  const sources = await prisma().datasetFile.findMany({ where: { datasetVersionId: newest.id }, select: { id: true, name: true } });
  const contents: { name: string; data: string }[] = [];
  let bytes = 0;
  for (const f of sources) {
    const parts: Buffer[] = [];
    for await (const chunk of readFileChunks(f.id)) parts.push(chunk);
    const data = Buffer.concat(parts);
    bytes += data.length;
    contents.push({ name: f.name, data: data.toString("utf8") });
  }
  const { pgPool } = await import("../../lib/db/pg-pool");
  async function write(encoding: "deflate" | "identity", storage: "EXTENDED" | "EXTERNAL"): Promise<WriteVariant> {
    await prisma().datasetFile.deleteMany({ where: { datasetVersionId: version.id } });
    await pgPool().query(`ALTER TABLE dataset_file_chunks ALTER COLUMN data SET STORAGE ${storage}`);
    const store = new DatasetFileStore(version.id, undefined, encoding);
    let started = performance.now();
    for (const f of contents) {
      store.add("bench", [{ path: f.name, data: f.data }]);
      if (store.full) await store.flush();
    }
    await store.finish();
    const writeMs = performance.now() - started;
    const written = await prisma().datasetFile.findMany({ where: { datasetVersionId: version.id }, select: { id: true } });
    started = performance.now();
    for (const file of written) for await (const chunk of readFileChunks(file.id)) void chunk;
    const readBackMs = performance.now() - started;
    const { rows } = await pgPool().query<{ n: string }>(
      "SELECT coalesce(sum(pg_column_size(c.data)), 0) AS n FROM dataset_file_chunks c JOIN dataset_files f ON f.id = c.file_id WHERE f.dataset_version_id = $1",
      [version.id],
    );
    return { label: `${encoding}, STORAGE ${storage}`, writeMs, readBackMs, storedBytes: Number(rows[0]!.n) };
  }
  // What the build does now, then the alternatives (the column's storage is put back after).
  const variants: WriteVariant[] = [];
  let copyMs = 0;
  try {
    variants.push(await write("deflate", "EXTENDED"));
    copyMs = await copyAlone(version.id);
    variants.push(await write("deflate", "EXTERNAL"));
    variants.push(await write("identity", "EXTENDED"));
  } finally {
    await pgPool().query("ALTER TABLE dataset_file_chunks ALTER COLUMN data SET STORAGE EXTENDED");
  }
  const { writeMs, readBackMs } = variants[0]!;
  await prisma().datasetVersion.delete({ where: { id: version.id } });
  return { readMs, writeMs, copyMs, readBackMs, bytes, variants };
}

/** Time of the build's binary COPY alone for the chunk rows the store just wrote (deleted and written again). */
async function copyAlone(versionId: string): Promise<number> {
  const { pgPool } = await import("../../lib/db/pg-pool");
  const { copyChunks } = await import("../../lib/datasets/copy-chunks");
  const { rows } = await pgPool().query<{ file_id: string; seq: number; data: Buffer }>(
    "SELECT c.file_id, c.seq, c.data FROM dataset_file_chunks c JOIN dataset_files f ON f.id = c.file_id WHERE f.dataset_version_id = $1",
    [versionId],
  );
  await pgPool().query("DELETE FROM dataset_file_chunks c USING dataset_files f WHERE f.id = c.file_id AND f.dataset_version_id = $1", [versionId]);
  const client = await pgPool().connect();
  try {
    const started = performance.now();
    await copyChunks(client, rows.map((r) => ({ fileId: r.file_id, seq: r.seq, data: r.data })));
    return performance.now() - started;
  } finally {
    client.release();
  }
}
