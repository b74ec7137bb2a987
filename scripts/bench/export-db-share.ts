// bench:export: how much of a version's time is PostgreSQL's own work, measured with the export's
// own database calls and nothing else: the keyset reads of the documents, writing the newest
// version's own files again with the build's binary COPY (real text, so TOAST compresses it as it
// does the real files), and reading them back as a download does.
export type DbShare = { readMs: number; writeMs: number; readBackMs: number; bytes: number };

export async function measureDbShare(projectId: string, createdById: string): Promise<DbShare> {
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
  const store = new DatasetFileStore(version.id);
  started = performance.now();
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
  await prisma().datasetVersion.delete({ where: { id: version.id } });
  return { readMs, writeMs, readBackMs, bytes };
}
