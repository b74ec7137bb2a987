import crypto from "node:crypto";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBuildDatasetTask } from "@/lib/datasets/build-task";
import { createDatasetVersion } from "@/lib/datasets/create-dataset";
import { datasetFileResponse, datasetZipResponse } from "@/lib/datasets/download";
import { DatasetFileStore } from "@/lib/datasets/file-store";
import { getDatasetVersion } from "@/lib/datasets/list-datasets";
import { readFileChunks, zipEntries, zipFiles } from "@/lib/datasets/read-chunks";
import { storeVersionZip, ZIP_FILE } from "@/lib/datasets/stored-zip";
import { closePgPools, pgPool } from "@/lib/db/pg-pool";
import { prisma } from "@/lib/db/prisma";
import { writeDeterministicZip } from "@/lib/export/zip";
import { EXPORT_FORMATS } from "@/lib/validation/datasets";
import { seedSignedOffProject } from "./dataset-fixtures";
import { errorOf } from "./error-of";
import { makeTeam } from "./factories";

process.env.STANCEBENCH_JOBS = "inline";

afterAll(async () => {
  await closePgPools();
});

const bytesOf = async (response: Response) => Buffer.from(await response.arrayBuffer());
const sha = (b: Buffer) => crypto.createHash("sha256").update(b).digest("hex");

/** What writeDeterministicZip makes of the version's files (their content, read back). */
async function onTheFlyZip(versionId: string, laterFormats: string[] = []): Promise<Buffer> {
  const parts: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      parts.push(chunk);
      callback();
    },
  });
  await writeDeterministicZip(zipEntries(await zipFiles(versionId, { laterFormats })), sink);
  return Buffer.concat(parts);
}

async function content(fileId: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of readFileChunks(fileId)) parts.push(c);
  return Buffer.concat(parts);
}

/** Turns a version's files back into what versions stored before deflate look like: plain chunks. */
async function asStoredBefore(versionId: string): Promise<void> {
  for (const f of await prisma().datasetFile.findMany({ where: { datasetVersionId: versionId }, select: { id: true } })) {
    const data = await content(f.id);
    await prisma().datasetFileChunk.deleteMany({ where: { fileId: f.id } });
    if (data.length > 0) await prisma().datasetFileChunk.create({ data: { fileId: f.id, seq: 0, data: new Uint8Array(data) } });
    await prisma().datasetFile.update({ where: { id: f.id }, data: { encoding: "identity", crc32: null, storedBytes: null } });
  }
}

/** A deflated file's stored chunks, changed by `edit` (byte damage on disk, say). */
async function damageChunk(fileId: string, edit: (data: Buffer) => Buffer, seq = 0): Promise<void> {
  const chunk = await prisma().datasetFileChunk.findUniqueOrThrow({ where: { fileId_seq: { fileId, seq } } });
  await prisma().datasetFileChunk.update({ where: { fileId_seq: { fileId, seq } }, data: { data: new Uint8Array(edit(Buffer.from(chunk.data))) } });
}

let team: Awaited<ReturnType<typeof makeTeam>>;
beforeAll(async () => {
  team = await makeTeam();
  await seedSignedOffProject(team);
});

describe("dataset files stored deflated", () => {
  it("are stored once as zip-entry streams; the zip is assembled from them, equal to writeDeterministicZip, the same on every download", async () => {
    const created = await createDatasetVersion(team.manager, team.project.id, { formats: [...EXPORT_FORMATS] });
    expect(created.status).toBe("DONE");
    const files = await prisma().datasetFile.findMany({ where: { datasetVersionId: created.versionId } });
    expect(files.length).toBeGreaterThan(5);
    expect(files.every((f) => f.encoding === "deflate" && f.crc32 !== null && f.storedBytes !== null)).toBe(true);
    expect(files.map((f) => f.name)).not.toContain(ZIP_FILE);
    // The build says where its time went, on its task.
    const task = await prisma().task.findUniqueOrThrow({ where: { id: created.taskId }, select: { done: true, result: true } });
    expect(task.done).toBe(3);
    expect(Object.keys((task.result as { phases: Record<string, number> }).phases)).toEqual(expect.arrayContaining(["pickup", "readWait", "render", "manifest", "store"]));

    const response = await datasetZipResponse(team.manager, team.project.id, String(created.number));
    const downloaded = await bytesOf(response);
    expect(response.headers.get("content-length")).toBe(String(downloaded.length));
    expect(response.headers.get("etag")).toMatch(/^"zip-[0-9a-f]{64}"$/u);
    expect(sha(downloaded)).toBe(sha(await onTheFlyZip(created.versionId)));
    const again = await datasetZipResponse(team.manager, team.project.id, String(created.number));
    expect(again.headers.get("etag")).toBe(response.headers.get("etag"));
    expect(sha(await bytesOf(again))).toBe(sha(downloaded));

    // A single file is its content: size, SHA-256 and ETag of the uncompressed bytes.
    const native = files.find((f) => f.name === "native.jsonl")!;
    const one = await datasetFileResponse(team.manager, team.project.id, String(created.number), native.name);
    const body = await bytesOf(one);
    expect(one.headers.get("content-length")).toBe(String(native.bytes));
    expect(one.headers.get("etag")).toBe(`"${native.sha256}"`);
    expect(sha(body)).toBe(native.sha256);

    const detail = await getDatasetVersion(team.manager, team.project.id, String(created.number));
    expect(detail.files.map((f) => f.name)).toContain("native.jsonl");
  });

  it("an identity-encoded version from before and a deflated one download side by side; diffs work across them", async () => {
    const before = await createDatasetVersion(team.manager, team.project.id, {});
    const beforeZip = await onTheFlyZip(before.versionId);
    const beforeNative = await content((await prisma().datasetFile.findFirstOrThrow({ where: { datasetVersionId: before.versionId, name: "native.jsonl" } })).id);
    await asStoredBefore(before.versionId);
    expect(await prisma().datasetFile.count({ where: { datasetVersionId: before.versionId, encoding: "deflate" } })).toBe(0);

    // Zipped while sent (no stored zip), then from a zip stored as versions used to have.
    const onTheFly = await datasetZipResponse(team.manager, team.project.id, String(before.number));
    expect(onTheFly.headers.get("content-length")).toBeNull();
    expect(sha(await bytesOf(onTheFly))).toBe(sha(beforeZip));
    const stored = await storeVersionZip(before.versionId);
    expect(stored.sha256).toBe(sha(beforeZip));
    const fromStored = await datasetZipResponse(team.manager, team.project.id, String(before.number));
    expect(fromStored.headers.get("etag")).toBe(`"${stored.sha256}"`);
    expect(sha(await bytesOf(fromStored))).toBe(sha(beforeZip));
    const oldFile = await datasetFileResponse(team.manager, team.project.id, String(before.number), "native.jsonl");
    expect(sha(await bytesOf(oldFile))).toBe(sha(beforeNative));

    // The next version is deflated, diffs against the old one (nothing changed), and vice versa.
    const after = await createDatasetVersion(team.manager, team.project.id, {});
    const diffOf = async (number: number) => (await getDatasetVersion(team.manager, team.project.id, String(number))).diff;
    expect(await diffOf(after.number)).toMatchObject({ previousVersion: before.number, documents: { added: 0, changed: 0, removed: 0 }, annotations: { added: 0, changed: 0, removed: 0 } });
    expect(await prisma().datasetFile.count({ where: { datasetVersionId: after.versionId, encoding: "identity" } })).toBe(0);
    const afterZip = await datasetZipResponse(team.manager, team.project.id, String(after.number));
    expect(afterZip.headers.get("content-length")).not.toBeNull();
    expect(sha(await bytesOf(afterZip))).toBe(sha(await onTheFlyZip(after.versionId)));
    const third = await createDatasetVersion(team.manager, team.project.id, {});
    expect(await diffOf(third.number)).toMatchObject({ previousVersion: after.number, documents: { added: 0, changed: 0, removed: 0 } });
  });

  it("a damaged small file is a clear 500 error before any byte; a CRC mismatch too", async () => {
    const created = await createDatasetVersion(team.manager, team.project.id, {});
    const file = await prisma().datasetFile.findFirstOrThrow({ where: { datasetVersionId: created.versionId, name: "native.jsonl" } });
    await damageChunk(file.id, (d) => Buffer.concat([d.subarray(0, 10), Buffer.from([d[10]! ^ 0xff]), d.subarray(11)]));
    const error = await errorOf(datasetFileResponse(team.manager, team.project.id, String(created.number), file.name));
    expect(error.status).toBe(500);
    expect(error.message).toMatch(/native\.jsonl.*damaged/u);

    // Over HTTP: a 500 with the JSON error shape and the message, not a truncated 200.
    const { createApiToken } = await import("@/lib/auth/api-tokens");
    const route = await import("@/app/api/v1/projects/[projectId]/datasets/[version]/files/[name]/route");
    const token = (await createApiToken(team.manager.id, "t")).token;
    const http = await route.GET(new Request("http://localhost/api", { headers: { authorization: `Bearer ${token}` } }), {
      params: Promise.resolve({ projectId: team.project.id, version: String(created.number), name: file.name }),
    });
    expect(http.status).toBe(500);
    expect(((await http.json()) as { error: { code: string; message: string } }).error).toEqual({ code: "internal", message: expect.stringMatching(/native\.jsonl.*damaged/u) });

    const other = await prisma().datasetFile.findFirstOrThrow({ where: { datasetVersionId: created.versionId, name: "manifest.json" } });
    await prisma().datasetFile.update({ where: { id: other.id }, data: { crc32: (other.crc32! + 1n) % 0x100000000n } });
    const crc = await errorOf(datasetFileResponse(team.manager, team.project.id, String(created.number), other.name));
    expect(crc.status).toBe(500);
    expect(crc.message).toMatch(/manifest\.json.*CRC-32 mismatch/u);
    // The zip carries the stored stream as it is: the download stops before that entry completes.
    const zip = await datasetZipResponse(team.manager, team.project.id, String(created.number));
    expect(zip.status).toBe(200);
    await expect(zip.arrayBuffer()).rejects.toThrow(/damaged/u);
  });

  it("a damaged big file aborts its download after it started, instead of a short 200", async () => {
    const created = await createDatasetVersion(team.manager, team.project.id, {});
    const store = new DatasetFileStore(created.versionId);
    let text = "";
    for (let i = 0; text.length < 6_000_000; i++) text += `${i} ${crypto.createHash("md5").update(String(i)).digest("hex")}\n`;
    store.add("test", [{ path: "test/big.txt", data: text }]);
    await store.finish();
    const file = await prisma().datasetFile.findFirstOrThrow({ where: { datasetVersionId: created.versionId, name: "test/big.txt" } });
    expect(await prisma().datasetFileChunk.count({ where: { fileId: file.id } })).toBeGreaterThan(1);
    expect(sha(await bytesOf(await datasetFileResponse(team.manager, team.project.id, String(created.number), file.name)))).toBe(file.sha256);

    // Damage near the end of the last chunk: the first pieces go out, then the stream fails.
    const last = (await prisma().datasetFileChunk.count({ where: { fileId: file.id } })) - 1;
    await damageChunk(file.id, (d) => d.subarray(0, d.length - 40), last);
    const response = await datasetFileResponse(team.manager, team.project.id, String(created.number), file.name);
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    expect((await reader.read()).value?.length).toBeGreaterThan(0);
    await expect((async () => {
      for (let r = await reader.read(); !r.done; r = await reader.read());
    })()).rejects.toThrow(/damaged/u);
    await expect.poll(() => pgPool().totalCount - pgPool().idleCount).toBe(0);
  });

  it("stops reading the stored streams when the download is aborted", async () => {
    const created = await createDatasetVersion(team.manager, team.project.id, { formats: [...EXPORT_FORMATS] });
    const reader = (await datasetZipResponse(team.manager, team.project.id, String(created.number))).body!.getReader();
    expect((await reader.read()).value?.length).toBeGreaterThan(0);
    await reader.cancel();
    await expect.poll(() => pgPool().totalCount - pgPool().idleCount).toBe(0);
    expect(pgPool().waitingCount).toBe(0);
  });

  it("a build that fails at its last write leaves no files and the version FAILED", async () => {
    // The manifest is the build's last file: make exactly that write fail inside PostgreSQL.
    await prisma().$executeRawUnsafe(`CREATE FUNCTION refuse_manifest() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full (test)'; END $$`);
    await prisma().$executeRawUnsafe(`CREATE TRIGGER refuse_manifest BEFORE INSERT ON dataset_files FOR EACH ROW WHEN (NEW.name = 'manifest.json') EXECUTE FUNCTION refuse_manifest()`);
    try {
      await expect(createDatasetVersion(team.manager, team.project.id, {})).rejects.toThrow(/disk full/u);
    } finally {
      await prisma().$executeRawUnsafe("DROP TRIGGER refuse_manifest ON dataset_files");
      await prisma().$executeRawUnsafe("DROP FUNCTION refuse_manifest()");
    }
    const failed = await prisma().datasetVersion.findFirstOrThrow({ where: { projectId: team.project.id }, orderBy: { number: "desc" }, select: { id: true, status: true, taskId: true } });
    expect(failed.status).toBe("FAILED");
    expect(await prisma().datasetFile.count({ where: { datasetVersionId: failed.id } })).toBe(0);
    expect(await prisma().task.findUniqueOrThrow({ where: { id: failed.taskId! }, select: { status: true } })).toEqual({ status: "FAILED" });
  });

  it("a build re-run after a crash replaces the partial output with identical bytes", async () => {
    const created = await createDatasetVersion(team.manager, team.project.id, {});
    const before = await bytesOf(await datasetZipResponse(team.manager, team.project.id, String(created.number)));
    // A worker that died mid-build leaves the version RUNNING and its job is retried.
    await prisma().datasetVersion.update({ where: { id: created.versionId }, data: { status: "RUNNING" } });
    await prisma().datasetFile.updateMany({ where: { datasetVersionId: created.versionId, name: "native.jsonl" }, data: { bytes: 3, sha256: "partial", storedBytes: 1 } });
    await runBuildDatasetTask({ taskId: created.taskId });
    const after = await bytesOf(await datasetZipResponse(team.manager, team.project.id, String(created.number)));
    expect(sha(after)).toBe(sha(await onTheFlyZip(created.versionId)));
    // The manifest records the creation time, not the build time: the retried build is identical.
    expect(sha(after)).toBe(sha(before));
  });
});
