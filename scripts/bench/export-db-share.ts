// bench:export: how much of a version's time is PostgreSQL's own work, measured with the export's
// own database calls and nothing else: the keyset reads of the documents, writing the same number
// of bytes with the build's binary COPY, and reading them back as a download does.
export type DbShare = { readMs: number; writeMs: number; readBackMs: number; bytes: number };

export async function measureDbShare(projectId: string, createdById: string, bytes: number): Promise<DbShare> {
  const { prisma } = await import("../../lib/db/prisma");
  const { readDocumentBatches } = await import("../../lib/datasets/read-documents");
  const { DatasetFileStore } = await import("../../lib/datasets/file-store");
  const { readFileChunks } = await import("../../lib/datasets/read-chunks");

  let started = performance.now();
  for await (const batch of readDocumentBatches(projectId, {})) void batch;
  const readMs = performance.now() - started;

  // A throwaway version (never DONE, so never listed as downloadable) holds the written bytes.
  const last = await prisma().datasetVersion.aggregate({ where: { projectId }, _max: { number: true } });
  const version = await prisma().datasetVersion.create({ data: { projectId, number: (last._max.number ?? 0) + 1000, createdById, status: "FAILED" } });
  const piece = "x".repeat(64 * 1024);
  const store = new DatasetFileStore(version.id);
  started = performance.now();
  for (let written = 0; written < bytes; written += piece.length) {
    store.add("bench", [{ path: "bench.txt", data: piece }]);
    if (store.full) await store.flush();
  }
  await store.finish();
  const writeMs = performance.now() - started;

  const file = await prisma().datasetFile.findFirstOrThrow({ where: { datasetVersionId: version.id }, select: { id: true } });
  started = performance.now();
  for await (const chunk of readFileChunks(file.id)) void chunk;
  const readBackMs = performance.now() - started;
  await prisma().datasetVersion.delete({ where: { id: version.id } });
  return { readMs, writeMs, readBackMs, bytes };
}
